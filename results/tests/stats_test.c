// SPDX-License-Identifier: GPL-2.0
/*
 * stats-test: checks of results/tools/compare_stats.c against values
 * computed independently (brute-force enumeration of all rank
 * assignments, and pairwise counting of U, in a separate script).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare_stats.h"

static int passed, failed;

static void check(int ok, const char *what, double got, double want)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL: %s: got %.10g, want %.10g\n", what, got, want);
}

static void check_near(const char *what, double got, double want,
		       double rel)
{
	check(fabs(got - want) <= rel * fabs(want), what, got, want);
}

static void test_exact(void)
{
	static const double a[] = { 1, 2, 3, 4, 5 }, b[] = { 6, 7, 8, 9, 10 };
	static const double c[] = { 3.1, 1.2, 5.5, 2.2, 9.9, 4.4, 7.7 };
	static const double d[] = { 6.6, 8.8, 10.1, 11.2, 5.0, 12.5 };
	struct hcb_mwu m;

	hcb_mwu(a, 5, b, 5, &m);
	check(m.exact, "5 vs 5 without ties uses the exact test", m.exact, 1);
	check(m.u == 0, "U of disjoint samples", m.u, 0);
	check_near("exact p, 5 vs 5 disjoint (2/252)", m.p, 2.0 / 252, 1e-9);
	hcb_mwu(c, 7, d, 6, &m);
	check(m.u == 6, "U of 7 vs 6", m.u, 6);
	check_near("exact p, 7 vs 6 (60/1716)", m.p, 60.0 / 1716, 1e-9);
	check_near("smallest exact p for 5 vs 5", hcb_mwu_min_p(5, 5),
		   2.0 / 252, 1e-9);
	check_near("smallest exact p for 7 vs 6", hcb_mwu_min_p(7, 6),
		   2.0 / 1716, 1e-9);
	hcb_mwu(b, 5, a, 5, &m);
	check(m.u == 25, "U is of the first sample", m.u, 25);
	check_near("exact p is two-sided", m.p, 2.0 / 252, 1e-9);
}

static void test_normal_ties(void)
{
	static const double a0[] = { 1, 2, 2, 3, 3, 3, 4, 5, 5, 6 };
	static const double b0[] = { 2, 3, 4, 4, 5, 6, 6, 6, 7, 8 };
	double a[30], b[30];
	struct hcb_mwu m;
	int i;

	for (i = 0; i < 30; i++) {
		a[i] = a0[i % 10];
		b[i] = b0[i % 10];
	}
	hcb_mwu(a, 30, b, 30, &m);
	check(!m.exact, "ties use the normal approximation", m.exact, 0);
	check(m.u == 216, "U with ties (half for each tie)", m.u, 216);
	check_near("normal p with tie and continuity correction", m.p,
		   0.00046814954460750374, 1e-6);
	hcb_mwu(a, 30, a, 30, &m);
	check(m.p > 0.99, "identical samples give p ~ 1", m.p, 1);
}

static int cmp_d(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

static void test_median(void)
{
	struct hcb_rng g = { 7 };
	double x[301], s[301], want;
	int n, i, bad = 0;

	for (n = 1; n <= 301; n += 3) {
		for (i = 0; i < n; i++)	/* many ties: values 0..9 */
			x[i] = (double)(hcb_rng_next(&g) % 10);
		memcpy(s, x, n * sizeof(*x));
		qsort(s, n, sizeof(*s), cmp_d);
		want = n & 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
		if (hcb_median(x, n) != want) {
			check(0, "median against sorting", hcb_median(x, n),
			      want);
			bad = 1;
		}
	}
	check(!bad, "median of 101 arrays with ties", 0, 0);
}

static void test_bootstrap(void)
{
	struct hcb_rng g = { 11 };
	double a[200], b[200], lo, hi, lo2, hi2;
	int i;

	for (i = 0; i < 200; i++) {
		a[i] = 1000 * exp(0.05 * hcb_rng_normal(&g));
		b[i] = 1100 * exp(0.05 * hcb_rng_normal(&g));
	}
	hcb_boot_change_ci(a, 200, b, 200, 2000, 1, 0.99, &lo, &hi);
	check(lo < 10 && hi > 10, "99% CI covers a true +10% change", lo, 10);
	check(lo > 5 && hi < 15, "CI is narrow for 200 samples", hi - lo, 10);
	hcb_boot_change_ci(a, 200, b, 200, 2000, 1, 0.99, &lo2, &hi2);
	check(lo == lo2 && hi == hi2, "fixed seed: same interval", lo2, lo);
	for (i = 0; i < 200; i++)	/* median 0.5, resamples often <= 0 */
		a[i] = i & 1 ? 1 : 0;
	check(hcb_boot_change_ci(a, 200, b, 200, 2000, 1, 0.99, &lo, &hi) == -2,
	      "base resamples with median <= 0 are refused", 0, -2);
}

int main(void)
{
	test_exact();
	test_normal_ties();
	test_median();
	test_bootstrap();
	printf("stats-test: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
