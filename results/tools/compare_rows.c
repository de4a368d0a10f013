// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-compare: per row, pool the batch samples of each side's runs, run
 * the rank test and the bootstrap, and decide.  A row is slower (the gate
 * fails) only when the rank test is significant at --alpha, the change of
 * the median is beyond --threshold percent, and the bootstrap interval
 * (probability 1 - alpha) lies entirely above zero; faster symmetrically.
 *
 * Exact mode: when both sides' batch samples are constant or nearly (the
 * middle half spans at most --exact-spread cycles; under an icount clock
 * they count instructions), a p-value says nothing: the row's verdict is
 * the change of its p50 in cycles per call, and any non-zero change fails
 * the gate.  With several runs a side, the p50s of a side form a range
 * (the base's runs show what one configuration gives from VM to VM), and
 * a row changed when the two ranges do not meet (--slack widens the base
 * range of rows known to vary more).  A row that was ok in
 * the base and is not ok (or missing) in the new run fails the gate too.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

const char *const cmp_verdict_names[N_VERDICTS] = {
	[V_SLOWER] = "slower",
	[V_FASTER] = "faster",
	[V_NOT_SIGNIFICANT] = "not significant (p >= alpha)",
	[V_BELOW_THRESHOLD] = "below threshold",
	[V_CI_SPANS_ZERO] = "interval includes 0",
	[V_EXACT_SAME] = "exact: same p50",
	[V_EXACT_CHANGED] = "exact: p50 changed",
	[V_LOST] = "ok in base, not in new",
	[V_ONLY_BASE] = "only in base",
	[V_ONLY_NEW] = "only in new",
	[V_NOT_OK] = "not compared (status)",
	[V_NO_SAMPLES] = "not compared (no batch samples)",
	[V_NO_BASE_MEDIAN] = "not compared (base median not above 0)",
};

size_t cmp_gate_fails(const struct cmp_result *res)
{
	return res->counts[V_SLOWER] + res->counts[V_EXACT_CHANGED] +
	       res->counts[V_LOST];
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* p75 - p25 (linear interpolation) of @n >= 1 values. */
static double mid_spread(const double *x, size_t n)
{
	double *t = malloc(n * sizeof(*t)), q[2];
	int k;

	if (!t)
		return NAN;
	memcpy(t, x, n * sizeof(*t));
	qsort(t, n, sizeof(*t), cmp_double);
	for (k = 0; k < 2; k++) {
		double pos = (k ? 0.75 : 0.25) * (double)(n - 1);
		size_t i = (size_t)pos;
		double f = pos - (double)i;

		q[k] = i + 1 < n ? t[i] + f * (t[i + 1] - t[i]) : t[i];
	}
	free(t);
	return q[1] - q[0];
}

static int add_name(struct cmp_result *res, const char *name)
{
	struct cmp_row *r;
	size_t i;

	for (i = 0; i < res->n_rows; i++)
		if (!strcmp(res->rows[i].name, name))
			return 0;
	r = realloc(res->rows, (res->n_rows + 1) * sizeof(*r));
	if (!r)
		return -1;
	res->rows = r;
	memset(&r[res->n_rows], 0, sizeof(*r));
	r[res->n_rows++].name = name;
	return 0;
}

static int collect_names(struct cmp_side *sides, struct cmp_result *res)
{
	const struct hcb_rreport *r;
	size_t s, i, j;

	for (s = 0; s < N_SIDES; s++) {
		for (i = 0; i < sides[s].n; i++) {
			r = &sides[s].runs[i];
			for (j = 0; j < r->n_rows; j++)
				if (add_name(res, r->rows[j].name))
					return -1;
		}
	}
	return 0;
}

static void note_status(struct cmp_row_side *rs, const char *status)
{
	if (!rs->status)
		rs->status = status;
	else if (strcmp(rs->status, status))
		rs->status = "mixed";
}

static int append(struct cmp_row_side *rs, const struct hcb_rrow *row)
{
	double *t;

	rs->n_null += row->n_bsamples_null;
	if (!row->n_bsamples)	/* realloc(p, 0) would free p */
		return 0;
	t = realloc(rs->samples, (rs->n + row->n_bsamples) * sizeof(*t));
	if (!t)
		return -1;
	memcpy(t + rs->n, row->bsamples, row->n_bsamples * sizeof(*t));
	rs->samples = t;
	rs->n += row->n_bsamples;
	return 0;
}

/* Pool one side of row @name. */
static int gather(const struct cmp_side *side, const char *name,
		  struct cmp_row_side *rs)
{
	double *p50 = malloc(2 * side->n * sizeof(*p50)), *p99 = p50 + side->n;
	size_t i;
	int ret = -1;

	if (!p50)
		return -1;
	for (i = 0; i < side->n; i++) {
		const struct hcb_rrow *row = hcb_report_row(&side->runs[i],
							    name);

		if (!row)
			continue;
		rs->present = 1;
		note_status(rs, row->status);
		if (!row->ok)
			continue;
		p50[rs->n_ok] = row->cycles[HCB_STAT_p50];
		p99[rs->n_ok++] = row->cycles[HCB_STAT_p99];
		if (append(rs, row))
			goto out;
	}
	if (rs->n_ok) {
		rs->p50 = hcb_median(p50, rs->n_ok);
		rs->p99 = hcb_median(p99, rs->n_ok);
		rs->p50_lo = rs->p50_hi = p50[0];
		for (i = 1; i < rs->n_ok; i++) {
			rs->p50_lo = fmin(rs->p50_lo, p50[i]);
			rs->p50_hi = fmax(rs->p50_hi, p50[i]);
		}
	}
	rs->median = rs->n ? hcb_median(rs->samples, rs->n) : NAN;
	rs->spread = rs->n ? mid_spread(rs->samples, rs->n) : NAN;
	ret = 0;
out:
	free(p50);
	return ret;
}

static enum cmp_verdict decide(const struct cmp_row *r,
			       const struct cmp_opts *o)
{
	if (r->mwu.p >= o->alpha)
		return V_NOT_SIGNIFICANT;
	if (fabs(r->change) <= o->threshold)
		return V_BELOW_THRESHOLD;
	if (r->change > 0 && r->ci_lo > 0)
		return V_SLOWER;
	if (r->change < 0 && r->ci_hi < 0)
		return V_FASTER;
	return V_CI_SPANS_ZERO;
}

/* Why row @r cannot be compared at all, or N_VERDICTS when it can. */
static enum cmp_verdict uncomparable(const struct cmp_row *r)
{
	const struct cmp_row_side *a = &r->s[BASE], *b = &r->s[NEW];
	int base_ok = a->present && a->n_ok;

	if (!a->present)
		return V_ONLY_NEW;
	if (base_ok && !b->n_ok)
		return V_LOST;	/* missing or not ok in new */
	if (!b->present)
		return V_ONLY_BASE;
	if (!a->n_ok || !b->n_ok)
		return V_NOT_OK;
	return N_VERDICTS;
}

/* Why the statistics cannot test row @r, or N_VERDICTS when they can. */
static enum cmp_verdict untestable(const struct cmp_row *r)
{
	const struct cmp_row_side *a = &r->s[BASE], *b = &r->s[NEW];

	if (!a->n || !b->n)
		return V_NO_SAMPLES;
	if (!(a->median > 0))
		return V_NO_BASE_MEDIAN;
	return N_VERDICTS;
}

/* Nearly constant batch samples: the middle half within the spread. */
static int degenerate(const struct cmp_row_side *s, const struct cmp_opts *o)
{
	return s->n && s->spread <= o->exact_spread;
}

/*
 * The --slack of row @name: its own entry, else the "*" entry, else 0.
 */
static double row_slack(const char *list, const char *name)
{
	const char *p = list, *star = NULL;
	size_t len = strlen(name);

	while (p && *p) {
		if (!strncmp(p, name, len) && p[len] == ':')
			return strtod(p + len + 1, NULL);
		if (!strncmp(p, "*:", 2))
			star = p + 2;
		p = strchr(p, ',');
		if (p)
			p++;
	}
	return star ? strtod(star, NULL) : 0;
}

static int use_exact(const struct cmp_row *r, const struct cmp_opts *o)
{
	if (!isfinite(r->s[BASE].p50) || !isfinite(r->s[NEW].p50))
		return 0;
	if (o->exact == EXACT_ALWAYS)
		return 1;
	return o->exact == EXACT_AUTO && degenerate(&r->s[BASE], o) &&
	       degenerate(&r->s[NEW], o);
}

static int test_row(struct cmp_row *r, const struct cmp_opts *o,
		    struct cmp_result *res)
{
	struct cmp_row_side *a = &r->s[BASE], *b = &r->s[NEW];
	int ret;

	r->verdict = uncomparable(r);
	if (r->verdict != N_VERDICTS)
		return 0;
	r->delta = b->p50 - a->p50;
	if (use_exact(r, o)) {
		/* several runs a side: changed when the ranges do not meet */
		r->exact = 1;
		r->slack = row_slack(o->slack, r->name);
		if (b->p50_lo > a->p50_hi + r->slack ||
		    b->p50_hi < a->p50_lo - r->slack) {
			r->verdict = V_EXACT_CHANGED;
		} else {
			r->delta = 0;
			r->verdict = V_EXACT_SAME;
		}
		return 0;
	}
	r->verdict = untestable(r);
	if (r->verdict != N_VERDICTS)
		return 0;
	if (hcb_mwu(a->samples, a->n, b->samples, b->n, &r->mwu))
		return -1;
	ret = hcb_boot_change_ci(a->samples, a->n, b->samples, b->n,
				 o->resamples, o->seed, 1 - o->alpha,
				 &r->ci_lo, &r->ci_hi);
	if (ret == -2) {
		r->verdict = V_NO_BASE_MEDIAN;
		return 0;
	}
	if (ret)
		return -1;
	if (r->mwu.exact && hcb_mwu_min_p(a->n, b->n) >= o->alpha)
		cmp_warn(res, "row %s: %zu and %zu batch samples can never reach p < %g; use more batches or runs",
			 r->name, a->n, b->n, o->alpha);
	r->change = 100 * (b->median / a->median - 1);
	r->tested = 1;
	r->verdict = decide(r, o);
	return 0;
}

int cmp_rows(struct cmp_side *sides, const struct cmp_opts *o,
	     struct cmp_result *res)
{
	size_t i, s;

	if (collect_names(sides, res))
		return -1;
	for (i = 0; i < res->n_rows; i++) {
		struct cmp_row *r = &res->rows[i];

		for (s = 0; s < N_SIDES; s++)
			if (gather(&sides[s], r->name, &r->s[s]))
				return -1;
		for (s = 0; s < N_SIDES; s++)
			if (r->s[s].n_null)
				cmp_warn(res, "row %s: %zu %s batch sample(s) were null (not finite) and are left out",
					 r->name, r->s[s].n_null,
					 s == BASE ? "base" : "new");
		if (test_row(r, o, res))
			return -1;
		res->counts[r->verdict]++;
		if (r->s[BASE].status && r->s[NEW].status &&
		    strcmp(r->s[BASE].status, r->s[NEW].status))
			cmp_warn(res, "row %s: status \"%s\" in base, \"%s\" in new",
				 r->name, r->s[BASE].status,
				 r->s[NEW].status);
	}
	return 0;
}

void cmp_free(struct cmp_result *res)
{
	size_t i, s;

	for (i = 0; i < res->n_rows; i++)
		for (s = 0; s < N_SIDES; s++)
			free(res->rows[i].s[s].samples);
	free(res->rows);
	for (i = 0; i < res->n_warnings; i++)
		free(res->warnings[i]);
	free(res->warnings);
}
