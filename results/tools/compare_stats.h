/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Statistics of hcb-compare: medians, the Mann-Whitney U test and a
 * bootstrap confidence interval of the change of the median.
 */
#ifndef HCB_RESULTS_COMPARE_STATS_H
#define HCB_RESULTS_COMPARE_STATS_H

#include <stddef.h>
#include <stdint.h>

/* Small deterministic PRNG (splitmix64), shared with the test fixtures. */
struct hcb_rng {
	uint64_t s;
};

uint64_t hcb_rng_next(struct hcb_rng *g);
double hcb_rng_uniform(struct hcb_rng *g);	/* [0, 1) */
double hcb_rng_normal(struct hcb_rng *g);	/* N(0, 1) */

/* Median of @n >= 1 values; @x is left unchanged. */
double hcb_median(const double *x, size_t n);

struct hcb_mwu {
	double u;		/* U of sample a: pairs a > b, ties count 1/2 */
	double p;		/* two-sided p-value */
	int exact;		/* p from the exact null distribution */
};

/*
 * Mann-Whitney U test of a against b.  Exact when there are no ties and
 * both samples have at most HCB_MWU_EXACT_MAX values, otherwise the normal
 * approximation with tie and continuity corrections.  Returns -1 when
 * out of memory.
 */
#define HCB_MWU_EXACT_MAX 20
int hcb_mwu(const double *a, size_t na, const double *b, size_t nb,
	    struct hcb_mwu *out);

/* Smallest two-sided p the exact test can give for sizes @m and @n. */
double hcb_mwu_min_p(size_t m, size_t n);

/*
 * Percentile bootstrap of 100 * (median(b) / median(a) - 1): draws
 * @resamples resamples of each side, seeded with @seed, central interval of
 * probability @level.  Returns -1 when out of memory, -2 when the median
 * of a resample of a is not positive (the change has no meaning then).
 */
int hcb_boot_change_ci(const double *a, size_t na, const double *b,
		       size_t nb, unsigned int resamples, uint64_t seed,
		       double level, double *lo, double *hi);

#endif /* HCB_RESULTS_COMPARE_STATS_H */
