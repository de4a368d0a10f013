// SPDX-License-Identifier: GPL-2.0
/*
 * Per-row statistics: percentiles by linear interpolation (type 7), mean
 * and sample standard deviation by Welford's method.  Freestanding: runs
 * in the guest and in host unit tests; docs/schema.md defines the fields.
 */
#include "result.h"
#include "stats.h"
#include "fmt.h"
#include "hcbench/schema.h"

#define HCB_STAT_ENTRY(f) { #f, offsetof(struct hcb_stats, f) },
const struct hcb_stat_field hcb_stat_fields[] = {
	HCB_STAT_FIELDS(HCB_STAT_ENTRY)
};
#undef HCB_STAT_ENTRY

const unsigned int hcb_n_stat_fields = ARRAY_SIZE(hcb_stat_fields);

double hcb_sqrt(double v)
{
	union {
		double d;
		unsigned long long u;
	} g;
	double y, next;
	int i;

	if (!(v > 0))
		return 0;
	if (v - v != 0)		/* +inf */
		return v;
	/* Halving the biased exponent gives a guess within a factor of 2. */
	g.d = v;
	g.u = (g.u >> 1) + (1023ULL << 51);
	/* After one step y >= sqrt(v); then it falls until rounding stops. */
	y = 0.5 * (g.d + v / g.d);
	for (i = 0; i < 100; i++) {
		next = 0.5 * (y + v / y);
		if (!(next < y))
			break;
		y = next;
	}
	return y;
}

static void sift_down(double *x, unsigned int root, unsigned int end)
{
	unsigned int child;
	double t;

	while ((child = 2 * root + 1) < end) {
		if (child + 1 < end && x[child] < x[child + 1])
			child++;
		if (!(x[root] < x[child]))
			return;
		t = x[root];
		x[root] = x[child];
		x[child] = t;
		root = child;
	}
}

void hcb_sort(double *x, unsigned int n)
{
	unsigned int i;
	double t;

	if (n < 2)
		return;
	for (i = n / 2; i-- > 0;)
		sift_down(x, i, n);
	for (i = n - 1; i > 0; i--) {
		t = x[0];
		x[0] = x[i];
		x[i] = t;
		sift_down(x, 0, i);
	}
}

double hcb_percentile(const double *x, unsigned int n, double pct)
{
	double h = (double)(n - 1) * pct / 100.0, frac;
	unsigned int lo;

	if (!(h > 0))
		return x[0];
	lo = (unsigned int)h;
	if (lo >= n - 1)
		return x[n - 1];
	frac = h - (double)lo;
	return x[lo] + frac * (x[lo + 1] - x[lo]);
}

static void stats_nan(struct hcb_stats *out, double *quantiles)
{
	double nan = __builtin_nan("");
	unsigned int i;

	for (i = 0; i < hcb_n_stat_fields; i++)
		*hcb_stat_ref(out, i) = nan;
	if (quantiles)
		for (i = 0; i < HCB_N_QUANTILES; i++)
			quantiles[i] = nan;
}

void hcb_stats_compute(double *samples, unsigned int n, struct hcb_stats *out,
		       double *quantiles)
{
	double mean = 0, m2 = 0, d;
	unsigned int i;

	if (!n) {
		stats_nan(out, quantiles);
		return;
	}
	hcb_sort(samples, n);
	/* Welford: no catastrophic cancellation of sum(x^2) - n*mean^2. */
	for (i = 0; i < n; i++) {
		d = samples[i] - mean;
		mean += d / (double)(i + 1);
		m2 += d * (samples[i] - mean);
	}
	out->min = samples[0];
	out->max = samples[n - 1];
	out->p1 = hcb_percentile(samples, n, 1);
	out->p50 = hcb_percentile(samples, n, 50);
	out->p90 = hcb_percentile(samples, n, 90);
	out->p99 = hcb_percentile(samples, n, 99);
	out->p999 = hcb_percentile(samples, n, 99.9);
	out->mean = mean;
	out->stddev = n > 1 ? hcb_sqrt(m2 / (double)(n - 1)) : 0;
	if (quantiles)
		for (i = 0; i < HCB_N_QUANTILES; i++)
			quantiles[i] = hcb_percentile(samples, n, (double)i);
}
