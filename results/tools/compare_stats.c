// SPDX-License-Identifier: GPL-2.0
/*
 * Statistics behind hcb-compare.  Batch samples are per-batch mean cycles
 * per call; each side may pool several runs.  Nothing here assumes a
 * distribution: rank test plus bootstrap of the median.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare_stats.h"

uint64_t hcb_rng_next(struct hcb_rng *g)
{
	uint64_t z = (g->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

double hcb_rng_uniform(struct hcb_rng *g)
{
	return (hcb_rng_next(g) >> 11) * (1.0 / 9007199254740992.0);
}

double hcb_rng_normal(struct hcb_rng *g)
{
	double u = 1.0 - hcb_rng_uniform(g), v = hcb_rng_uniform(g);

	return sqrt(-2.0 * log(u)) * cos(2.0 * M_PI * v);
}

static void swap_d(double *x, long i, long j)
{
	double t = x[i];

	x[i] = x[j];
	x[j] = t;
}

/* Hoare-style quickselect: afterwards x[k] is the k-th smallest. */
static void select_k(double *x, size_t n, size_t k)
{
	long lo = 0, hi = (long)n - 1, kk = (long)k;

	while (lo < hi) {
		double pivot = x[lo + (hi - lo) / 2];
		long i = lo, j = hi;

		while (i <= j) {
			while (x[i] < pivot)
				i++;
			while (x[j] > pivot)
				j--;
			if (i <= j)
				swap_d(x, i++, j--);
		}
		if (kk <= j)
			hi = j;
		else if (kk >= i)
			lo = i;
		else
			return;
	}
}

/* Median of @x (reordered in place). */
static double median_inplace(double *x, size_t n)
{
	size_t k = n / 2, i;
	double below;

	select_k(x, n, k);
	if (n & 1)
		return x[k];
	below = x[0];
	for (i = 1; i < k; i++)
		if (x[i] > below)
			below = x[i];
	return (below + x[k]) / 2;
}

double hcb_median(const double *x, size_t n)
{
	double *t = malloc(n * sizeof(*t)), m;

	if (!t)
		return NAN;
	memcpy(t, x, n * sizeof(*t));
	m = median_inplace(t, n);
	free(t);
	return m;
}

struct tagged {
	double v;
	int side;		/* 0: a, 1: b */
};

static int cmp_tagged(const void *x, const void *y)
{
	double a = ((const struct tagged *)x)->v;
	double b = ((const struct tagged *)y)->v;

	return (a > b) - (a < b);
}

/*
 * Rank sum of sample a with average ranks for ties; *tie_sum gets
 * sum(t^3 - t) over tie groups.
 */
static int rank_sum_a(const double *a, size_t na, const double *b, size_t nb,
		      double *ra, double *tie_sum)
{
	size_t n = na + nb, i, j, k;
	struct tagged *t = malloc(n * sizeof(*t));

	if (!t)
		return -1;
	for (i = 0; i < na; i++)
		t[i] = (struct tagged){ a[i], 0 };
	for (i = 0; i < nb; i++)
		t[na + i] = (struct tagged){ b[i], 1 };
	qsort(t, n, sizeof(*t), cmp_tagged);
	*ra = 0;
	*tie_sum = 0;
	for (i = 0; i < n; i = j) {
		double rank, len;

		for (j = i + 1; j < n && t[j].v == t[i].v; j++)
			;
		len = (double)(j - i);
		rank = (double)(i + 1 + j) / 2;	/* mean of i+1 .. j */
		for (k = i; k < j; k++)
			if (!t[k].side)
				*ra += rank;
		*tie_sum += len * len * len - len;
	}
	free(t);
	return 0;
}

/*
 * Exact two-sided p of U = @u for sizes m, n (no ties): the number of
 * arrangements with U = k obeys f(m, n, k) = f(m-1, n, k-n) + f(m, n-1, k).
 */
static double exact_p(size_t m, size_t n, double u)
{
	size_t umax = m * n, w = umax + 1, i, j, k;
	double *f = calloc((m + 1) * (n + 1) * w, sizeof(*f));
	double *fm, total = 0, le = 0, ge = 0, p;

	if (!f)
		return NAN;
#define F(i, j, k) f[((i) * (n + 1) + (j)) * w + (k)]
	for (i = 0; i <= m; i++) {
		for (j = 0; j <= n; j++) {
			if (!i || !j) {
				F(i, j, 0) = 1;
				continue;
			}
			for (k = 0; k <= i * j; k++)
				F(i, j, k) = (k >= j ? F(i - 1, j, k - j) : 0) +
					     F(i, j - 1, k);
		}
	}
	fm = &F(m, n, 0);
#undef F
	for (k = 0; k <= umax; k++) {
		total += fm[k];
		if (k <= u)
			le += fm[k];
		if (k >= u)
			ge += fm[k];
	}
	free(f);
	p = 2 * (le < ge ? le : ge) / total;
	return p < 1 ? p : 1;
}

int hcb_mwu(const double *a, size_t na, const double *b, size_t nb,
	    struct hcb_mwu *out)
{
	double ra, ties, n = (double)(na + nb), mean, var, z;

	if (rank_sum_a(a, na, b, nb, &ra, &ties))
		return -1;
	out->u = ra - (double)na * (na + 1) / 2;
	out->exact = !ties && na <= HCB_MWU_EXACT_MAX &&
		     nb <= HCB_MWU_EXACT_MAX;
	if (out->exact) {
		out->p = exact_p(na, nb, out->u);
		return isnan(out->p) ? -1 : 0;
	}
	mean = (double)na * nb / 2;
	var = (double)na * nb / 12 * ((n + 1) - ties / (n * (n - 1)));
	if (var <= 0) {
		out->p = 1;
		return 0;
	}
	z = (fabs(out->u - mean) - 0.5) / sqrt(var);
	out->p = z > 0 ? erfc(z / M_SQRT2) : 1;
	return 0;
}

double hcb_mwu_min_p(size_t m, size_t n)
{
	double c = 1;
	size_t i;

	for (i = 1; i <= m; i++)	/* C(m + n, m) */
		c = c * (double)(n + i) / (double)i;
	return 2 / c < 1 ? 2 / c : 1;
}

static double boot_median(const double *x, size_t n, double *tmp,
			  struct hcb_rng *g)
{
	size_t i;

	for (i = 0; i < n; i++)
		tmp[i] = x[hcb_rng_next(g) % n];
	return median_inplace(tmp, n);
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

int hcb_boot_change_ci(const double *a, size_t na, const double *b,
		       size_t nb, unsigned int resamples, uint64_t seed,
		       double level, double *lo, double *hi)
{
	struct hcb_rng g = { seed };
	double *tmp, *ch;
	unsigned int i, ilo, ihi;
	int ret = -1;

	tmp = malloc((na > nb ? na : nb) * sizeof(*tmp));
	ch = malloc(resamples * sizeof(*ch));
	if (!tmp || !ch || !resamples)
		goto out;
	for (i = 0; i < resamples; i++) {
		double ma = boot_median(a, na, tmp, &g);
		double mb = boot_median(b, nb, tmp, &g);

		if (ma <= 0) {
			ret = -2;
			goto out;
		}
		ch[i] = 100 * (mb / ma - 1);
	}
	qsort(ch, resamples, sizeof(*ch), cmp_double);
	ilo = (unsigned int)floor((1 - level) / 2 * resamples);
	ihi = (unsigned int)ceil((1 + level) / 2 * resamples) - 1;
	*lo = ch[ilo < resamples ? ilo : resamples - 1];
	*hi = ch[ihi < resamples ? ihi : resamples - 1];
	ret = 0;
out:
	free(tmp);
	free(ch);
	return ret;
}
