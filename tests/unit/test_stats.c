// SPDX-License-Identifier: GPL-2.0
/*
 * bench/stats.c against data sets whose statistics are known by hand or
 * derived here independently (closed forms, libm, qsort).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "result.h"
#include "fmt.h"
#include "stats.h"
#include "hcbench/schema.h"
#include "unit_test.h"

#define EPS 1e-9

static void check_pcts(const struct hcb_stats *s, const double want[7],
		       double tol)
{
	TEST_NEAR(s->min, want[0], tol, "min");
	TEST_NEAR(s->p1, want[1], tol, "p1");
	TEST_NEAR(s->p50, want[2], tol, "p50");
	TEST_NEAR(s->p90, want[3], tol, "p90");
	TEST_NEAR(s->p99, want[4], tol, "p99");
	TEST_NEAR(s->p999, want[5], tol, "p99.9");
	TEST_NEAR(s->max, want[6], tol, "max");
}

/* 1..5: type 7 puts percentile p at 1 + 4p/100. */
static void test_stats_small_by_hand(void)
{
	double x[] = { 4, 1, 5, 3, 2 };
	const double want[7] = { 1, 1.04, 3, 4.6, 4.96, 4.996, 5 };
	struct hcb_stats s;
	double q[HCB_N_QUANTILES];
	unsigned int i;

	hcb_stats_compute(x, 5, &s, q);
	check_pcts(&s, want, EPS);
	TEST_NEAR(s.mean, 3, EPS, "mean");
	/* sample variance: (4 + 1 + 0 + 1 + 4) / (5 - 1) */
	TEST_NEAR(s.stddev, sqrt(10.0 / 4), EPS, "stddev");
	for (i = 0; i < 5; i++)
		TEST_ASSERT(x[i] == i + 1, "not sorted: x[%u] = %g", i, x[i]);
	for (i = 0; i < HCB_N_QUANTILES; i++)
		TEST_NEAR(q[i], 1 + 4.0 * i / 100, EPS, "quantile");
}

/* {0, 5, 10, 20}: p50 halfway between 5 and 10, p90 at rank 2.7. */
static void test_stats_four_values(void)
{
	double x[] = { 10, 0, 20, 5 };
	struct hcb_stats s;

	hcb_stats_compute(x, 4, &s, NULL);
	TEST_NEAR(s.p50, 7.5, EPS, "p50");
	TEST_NEAR(s.p90, 10 + 0.7 * 10, EPS, "p90");
	TEST_NEAR(s.mean, 8.75, EPS, "mean");
	/* squared deviations 76.5625 + 14.0625 + 1.5625 + 126.5625 */
	TEST_NEAR(s.stddev, sqrt(218.75 / 3), EPS, "stddev");
}

/* The textbook set {2,4,4,4,5,5,7,9}: mean 5, sum of squares 32. */
static void test_stats_mean_stddev_known(void)
{
	double x[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
	struct hcb_stats s;

	hcb_stats_compute(x, 8, &s, NULL);
	TEST_NEAR(s.mean, 5, EPS, "mean");
	TEST_NEAR(s.stddev, sqrt(32.0 / 7), EPS, "sample stddev");
	TEST_NEAR(s.p50, 4.5, EPS, "p50");
}

static unsigned int lcg(unsigned long long *st)
{
	*st = *st * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned int)(*st >> 33);
}

/* 1..1000 shuffled: percentile p of 1..n is 1 + (n - 1) p / 100. */
static void test_stats_shuffled_1000(void)
{
	enum { N = 1000 };
	static const double pct[7] = { 0, 1, 50, 90, 99, 99.9, 100 };
	double x[N], want[7], q[HCB_N_QUANTILES], t, sum = 0;
	unsigned long long st = 42;
	struct hcb_stats s;
	unsigned int i, j;

	for (i = 0; i < N; i++)
		x[i] = i + 1;
	for (i = N - 1; i > 0; i--) {		/* Fisher-Yates */
		j = lcg(&st) % (i + 1);
		t = x[i];
		x[i] = x[j];
		x[j] = t;
	}
	for (i = 0; i < 7; i++)
		want[i] = 1 + (N - 1) * pct[i] / 100;
	hcb_stats_compute(x, N, &s, q);
	check_pcts(&s, want, 1e-9);
	TEST_NEAR(s.mean, (N + 1) / 2.0, EPS, "mean");
	/* sample variance of 1..n: n (n + 1) / 12 */
	TEST_NEAR(s.stddev, sqrt(N * (N + 1) / 12.0), 1e-9, "stddev");
	for (i = 0; i < N; i++) {
		TEST_ASSERT(x[i] == i + 1, "x[%u] = %g after sort", i, x[i]);
		sum += x[i];
	}
	TEST_NEAR(sum, N * (N + 1) / 2.0, 0, "sum after sort");
	for (i = 0; i < HCB_N_QUANTILES; i++)
		TEST_NEAR(q[i], 1 + (N - 1) * i / 100.0, 1e-9, "quantile");
}

static void test_stats_single_sample(void)
{
	double x[] = { 1234.5 }, q[HCB_N_QUANTILES];
	const double want[7] = { 1234.5, 1234.5, 1234.5, 1234.5, 1234.5,
				 1234.5, 1234.5 };
	struct hcb_stats s;
	unsigned int i;

	hcb_stats_compute(x, 1, &s, q);
	check_pcts(&s, want, 0);
	TEST_NEAR(s.mean, 1234.5, 0, "mean");
	TEST_NEAR(s.stddev, 0, 0, "stddev");
	for (i = 0; i < HCB_N_QUANTILES; i++)
		TEST_NEAR(q[i], 1234.5, 0, "quantile");
}

static void test_stats_all_equal(void)
{
	double x[777], want[7];
	struct hcb_stats s;
	unsigned int i;

	for (i = 0; i < 777; i++)
		x[i] = 0.1;
	for (i = 0; i < 7; i++)
		want[i] = 0.1;
	hcb_stats_compute(x, 777, &s, NULL);
	check_pcts(&s, want, 0);
	TEST_NEAR(s.mean, 0.1, 1e-15, "mean");
	TEST_NEAR(s.stddev, 0, 1e-15, "stddev");
}

static void test_stats_negative(void)
{
	double x[] = { -1, -5, -3 };
	struct hcb_stats s;

	hcb_stats_compute(x, 3, &s, NULL);
	TEST_NEAR(s.min, -5, 0, "min");
	TEST_NEAR(s.max, -1, 0, "max");
	TEST_NEAR(s.p50, -3, 0, "p50");
	TEST_NEAR(s.p90, -3 + 0.8 * 2, EPS, "p90");	/* rank 1.8 */
	TEST_NEAR(s.mean, -3, EPS, "mean");
	TEST_NEAR(s.stddev, 2, EPS, "stddev");
}

/* A large common offset must not destroy the variance (Welford). */
static void test_stats_stable_offset(void)
{
	enum { N = 1000 };
	double x[N];
	struct hcb_stats s;
	unsigned int i;

	for (i = 0; i < N; i++)
		x[i] = 1e9 + (i + 1);
	hcb_stats_compute(x, N, &s, NULL);
	TEST_NEAR(s.mean, 1e9 + (N + 1) / 2.0, 1e-6, "mean");
	TEST_NEAR(s.stddev, sqrt(N * (N + 1) / 12.0), 1e-6, "stddev");
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Reference percentile written out from the definition, not stats.c. */
static double ref_type7(const double *sorted, unsigned int n, double p)
{
	double h = (n - 1) * (p / 100);
	double lo = floor(h);
	unsigned int i = (unsigned int)lo;

	if (i + 1 >= n)
		return sorted[n - 1];
	return sorted[i] * (1 - (h - lo)) + sorted[i + 1] * (h - lo);
}

/* Random data with duplicates: heapsort vs qsort, percentiles vs ref. */
static void test_stats_random_vs_reference(void)
{
	static const unsigned int sizes[] = { 2, 3, 17, 100, 1023, 4096 };
	unsigned long long st = 7;
	double *x, *ref, mean, var;
	struct hcb_stats s;
	unsigned int k, i, n;

	for (k = 0; k < ARRAY_SIZE(sizes); k++) {
		n = sizes[k];
		x = malloc(n * sizeof(*x));
		ref = malloc(n * sizeof(*x));
		for (i = 0; i < n; i++)
			x[i] = ref[i] = (double)(lcg(&st) % 500) / 4 - 20;
		qsort(ref, n, sizeof(*ref), cmp_double);
		mean = 0;
		for (i = 0; i < n; i++)
			mean += ref[i] / n;
		var = 0;
		for (i = 0; i < n; i++)
			var += (ref[i] - mean) * (ref[i] - mean) / (n - 1);
		hcb_stats_compute(x, n, &s, NULL);
		TEST_ASSERT(!memcmp(x, ref, n * sizeof(*x)),
			    "n=%u: heapsort order differs from qsort", n);
		TEST_NEAR(s.p1, ref_type7(ref, n, 1), 1e-9, "p1");
		TEST_NEAR(s.p50, ref_type7(ref, n, 50), 1e-9, "p50");
		TEST_NEAR(s.p90, ref_type7(ref, n, 90), 1e-9, "p90");
		TEST_NEAR(s.p99, ref_type7(ref, n, 99), 1e-9, "p99");
		TEST_NEAR(s.p999, ref_type7(ref, n, 99.9), 1e-9, "p99.9");
		TEST_NEAR(s.mean, mean, 1e-9, "mean");
		TEST_NEAR(s.stddev, sqrt(var), 1e-9, "stddev");
		free(x);
		free(ref);
	}
}

static void test_stats_no_samples(void)
{
	struct hcb_stats s;
	double q[HCB_N_QUANTILES];

	hcb_stats_compute(NULL, 0, &s, q);
	TEST_ASSERT(isnan(s.min) && isnan(s.p50) && isnan(s.mean) &&
		    isnan(s.stddev) && isnan(q[0]) && isnan(q[100]),
		    "n = 0 must give NaN (written as null)");
}

static void test_stats_sqrt(void)
{
	static const double v[] = {
		1, 2, 0.25, 3, 1e-300, 5e-324, 1e300, 123456789.123,
		1.7976931348623157e308, 0x1p-1022,
	};
	unsigned int i;
	double got, want;

	for (i = 0; i < ARRAY_SIZE(v); i++) {
		got = hcb_sqrt(v[i]);
		want = sqrt(v[i]);
		TEST_ASSERT(fabs(got - want) <= want * 0x1p-52,
			    "sqrt(%g): got %.17g, libm %.17g", v[i], got, want);
	}
	TEST_ASSERT(hcb_sqrt(0) == 0 && hcb_sqrt(-4) == 0 &&
		    hcb_sqrt(NAN) == 0 && isinf(hcb_sqrt(INFINITY)),
		    "sqrt edge cases");
}

void unit_stats_suite(void)
{
	RUN_TEST(test_stats_small_by_hand);
	RUN_TEST(test_stats_four_values);
	RUN_TEST(test_stats_mean_stddev_known);
	RUN_TEST(test_stats_shuffled_1000);
	RUN_TEST(test_stats_single_sample);
	RUN_TEST(test_stats_all_equal);
	RUN_TEST(test_stats_negative);
	RUN_TEST(test_stats_stable_offset);
	RUN_TEST(test_stats_random_vs_reference);
	RUN_TEST(test_stats_no_samples);
	RUN_TEST(test_stats_sqrt);
}
