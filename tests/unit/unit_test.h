/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal host test harness: TEST_ASSERT() prints the failed condition
 * with a message (in the spirit of the KVM selftests' TEST_ASSERT) and
 * marks the running test failed; RUN_TEST() counts passed/failed tests.
 */
#ifndef HCBENCH_UNIT_TEST_H
#define HCBENCH_UNIT_TEST_H

#include <stddef.h>

extern int unit_cur_failed;

void unit_fail(const char *file, int line, const char *cond,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#define TEST_ASSERT(cond, fmt, ...)					\
	do {								\
		if (!(cond))						\
			unit_fail(__FILE__, __LINE__, #cond,		\
				  fmt, ##__VA_ARGS__);			\
	} while (0)

/* |a - b| <= tol, with both values shown on failure. */
#define TEST_NEAR(a, b, tol, what)					\
	TEST_ASSERT(unit_near((a), (b), (tol)),				\
		    "%s: got %.17g, want %.17g (tol %g)",		\
		    (what), (double)(a), (double)(b), (double)(tol))

int unit_near(double a, double b, double tol);
void unit_run(const char *name, void (*fn)(void));
#define RUN_TEST(fn) unit_run(#fn, fn)

/* A growing buffer behind an hcb_put_fn. */
struct unit_buf {
	char *p;
	size_t len, cap;
};

void unit_buf_put(void *ctx, const char *s, size_t len);
void unit_buf_free(struct unit_buf *b);

/* Suites, one per file. */
void unit_stats_suite(void);
void unit_fmt_suite(void);
void unit_frame_suite(void);
void unit_json_suite(const char *schema_path);
void unit_table_suite(void);
void unit_env_suite(void);
void unit_vendor_suite(void);
void unit_acpi_suite(void);
void unit_options_suite(void);

#endif /* HCBENCH_UNIT_TEST_H */
