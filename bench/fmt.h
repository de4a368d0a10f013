/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Freestanding number and string helpers for the report writers
 * (bench/report_json.c, bench/report_table.c): no libc, so the same code
 * runs in the UEFI guest and in host unit tests.
 */
#ifndef HCBENCH_FMT_H
#define HCBENCH_FMT_H

#include <stddef.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* Room for any text the hcb_fmt_* functions write, NUL included. */
#define HCB_FMT_MAX 32

/* Largest magnitude hcb_fmt_fixed() prints; beyond it the value is "null". */
#define HCB_FMT_FIXED_LIMIT 1e18

size_t hcb_strlen(const char *s);
int hcb_streq(const char *a, const char *b);
int hcb_isfinite(double v);

/* Each writes a NUL-terminated string into buf and returns its length. */
size_t hcb_fmt_u64(char *buf, unsigned long long v);
size_t hcb_fmt_i64(char *buf, long long v);
size_t hcb_fmt_hex(char *buf, unsigned long long v);	/* "0x..." */

/*
 * v rounded half away from zero to 'decimals' (<= 9) fixed decimals, no
 * exponent.  Returns 0 and writes "" when v is NaN, infinite or not below
 * HCB_FMT_FIXED_LIMIT in magnitude.  Never prints "-0.0...".
 */
size_t hcb_fmt_fixed(char *buf, double v, unsigned int decimals);

#endif /* HCBENCH_FMT_H */
