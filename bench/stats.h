/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers of bench/stats.c besides hcb_stats_compute() (bench/result.h),
 * exposed for the harness and the unit tests.  Freestanding.
 */
#ifndef HCBENCH_STATS_H
#define HCBENCH_STATS_H

#include <stddef.h>
#include "result.h"

/* The fields of struct hcb_stats in HCB_STAT_FIELDS order, by name. */
struct hcb_stat_field {
	const char *name;		/* also the JSON key */
	size_t offset;
};

extern const struct hcb_stat_field hcb_stat_fields[];
extern const unsigned int hcb_n_stat_fields;

static inline double *hcb_stat_ref(struct hcb_stats *s, unsigned int i)
{
	return (double *)((char *)s + hcb_stat_fields[i].offset);
}

static inline double hcb_stat_get(const struct hcb_stats *s, unsigned int i)
{
	return *(const double *)((const char *)s + hcb_stat_fields[i].offset);
}

/* Square root by Newton's method (no libm); 0 for v <= 0 or NaN. */
double hcb_sqrt(double v);

/* Sorts x[0..n) ascending in place (heapsort, no recursion). */
void hcb_sort(double *x, unsigned int n);

/*
 * Percentile pct (0..100) of sorted x[0..n), n >= 1, by linear
 * interpolation between closest ranks (Hyndman-Fan type 7, numpy's
 * default): h = (n - 1) * pct / 100, x[floor h] + frac(h) * (next - it).
 */
double hcb_percentile(const double *x, unsigned int n, double pct);

#endif /* HCBENCH_STATS_H */
