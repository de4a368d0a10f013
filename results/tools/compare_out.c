// SPDX-License-Identifier: GPL-2.0
/* hcb-compare: the text table and the --json document. */
#include <math.h>
#include <stdio.h>

#include "compare.h"

static void print_note(const struct cmp_result *res)
{
	if (res->emulated)
		printf("*** EMULATED: timings are %s ***\n",
		       HCB_EMULATED_NOTE);
}

/*
 * Column widths: lines stay within about 100 columns.  The statistical
 * columns (change, CI, p) appear only when some row was tested; the p99s
 * are in --json.
 */
#define W_ROW	21
#define W_NUM	9

/* Was any row compared statistically (change, CI, p)? */
static int any_tested(const struct cmp_result *res)
{
	size_t i;

	for (i = 0; i < res->n_rows; i++)
		if (res->rows[i].tested)
			return 1;
	return 0;
}

/*
 * One side: runs, environment, CPU, build and, for the nested rig, the L1
 * kernel and patch state (what tells a stock run from a patched one).
 */
static void print_side(const char *what, const struct cmp_side *side)
{
	const struct hcb_rreport *r = &side->runs[0];
	const char *l1 = hcb_report_host(r, HCB_HOST_L1_KERNEL);
	const char *patch = hcb_report_host(r, HCB_HOST_PATCH);

	printf("%s: %zu run(s), %s, %s, build %s", what, side->n, r->env,
	       r->cpu.brand, r->build ? r->build : "?");
	if (l1)
		printf(", L1 kernel %s, patch %s", l1, patch ? patch : "?");
	putchar('\n');
}


static void print_header(const struct cmp_side *sides,
			 const struct cmp_opts *o, int stat)
{
	print_side("base", &sides[BASE]);
	print_side("new", &sides[NEW]);
	printf("p50: per-call cycles (median over runs; p99s: --json); "
	       "d p50: new - base p50\n");
	if (stat)
		printf("change: of the median of pooled batch samples; "
		       "p: Mann-Whitney U, alpha %g;\n"
		       "CI: bootstrap, %u resamples, %g%%; threshold %g%%\n",
		       o->alpha, o->resamples, 100 * (1 - o->alpha),
		       o->threshold);
	printf("exact: batch samples nearly constant (p25..p75 within %g "
	       "cycles), p50s compared exactly\n", o->exact_spread);
	printf("%-*s %*s %*s %8s", W_ROW, "row", W_NUM, "base p50", W_NUM,
	       "new p50", "d p50");
	if (stat)
		printf(" %8s %15s %7s", "change", "CI of change", "p");
	printf("  %s\n", "verdict");
}

static void print_num(int valid, double v)
{
	if (valid && !isnan(v))
		printf(" %*.1f", W_NUM, v);
	else
		printf(" %*s", W_NUM, "-");
}

/* Both sides ok: the p50 difference is meaningful. */
static int has_delta(const struct cmp_row *r)
{
	return r->s[BASE].n_ok && r->s[NEW].n_ok && isfinite(r->delta);
}

static void print_row(const struct cmp_row *r, int stat)
{
	char ci[40];

	printf("%-*s", W_ROW, r->name);
	if (!r->s[BASE].n_ok && !r->s[NEW].n_ok)
		goto verdict;	/* no figure on either side */
	print_num(r->s[BASE].n_ok > 0, r->s[BASE].p50);
	print_num(r->s[NEW].n_ok > 0, r->s[NEW].p50);
	if (has_delta(r))
		printf(" %+8.1f", r->delta);
	else
		printf(" %8s", "-");
	if (stat && r->tested) {
		snprintf(ci, sizeof(ci), "[%+.2f,%+.2f]", r->ci_lo,
			 r->ci_hi);
		printf(" %+7.2f%% %15s %7.1e", r->change, ci, r->mwu.p);
	} else if (stat) {
		printf(" %8s %15s %7s", "-", "-", "-");
	}
verdict:
	printf("  %s", cmp_verdict_names[r->verdict]);
	if (r->exact && r->slack)
		printf(" (slack %g)", r->slack);
	if (r->verdict == V_NOT_OK || r->verdict == V_LOST)
		printf(": base %s, new %s",
		       r->s[BASE].status ? r->s[BASE].status : "-",
		       r->s[NEW].status ? r->s[NEW].status : "-");
	putchar('\n');
}

static void print_range(const struct cmp_row_side *s)
{
	if (s->p50_lo == s->p50_hi)
		printf("%g", s->p50_lo);
	else
		printf("%g..%g", s->p50_lo, s->p50_hi);
}

/*
 * The change of an exact row: with a p50 range on a side (several runs),
 * every difference between a base and a new run that the ranges allow,
 * e.g. "+8..+9"; a single number when both sides are single values.
 */
static void print_changed(const struct cmp_row *r, const char *unit)
{
	const struct cmp_row_side *a = &r->s[BASE], *b = &r->s[NEW];
	double lo = b->p50_lo - a->p50_hi, hi = b->p50_hi - a->p50_lo;

	if (lo == hi)
		printf("CHANGED %s: %+g %s (p50 ", r->name, lo, unit);
	else
		printf("CHANGED %s: %+g..%+g %s (p50 ", r->name, lo, hi, unit);
	print_range(&r->s[BASE]);
	printf(" -> ");
	print_range(&r->s[NEW]);
	printf(")\n");
}

/*
 * One line per row that fails the gate, e.g. "CHANGED hc_test_0: +3"
 * (cycles per call; under an icount clock, emulated instructions).
 */
static void print_changes(const struct cmp_result *res)
{
	const char *unit = res->icount ?
		"instructions per call (icount)" : "cycles per call";
	size_t i;

	for (i = 0; i < res->n_rows; i++) {
		const struct cmp_row *r = &res->rows[i];

		if (r->verdict == V_EXACT_CHANGED)
			print_changed(r, unit);
		else if (r->verdict == V_LOST)
			printf("LOST %s: ok in base, %s in new\n", r->name,
			       r->s[NEW].status ? r->s[NEW].status :
			       "missing");
		else if (r->verdict == V_SLOWER)
			printf("SLOWER %s: %+.2f%% (p50 %g -> %g)\n", r->name,
			       r->change, r->s[BASE].p50, r->s[NEW].p50);
	}
}

void cmp_print_text(const struct cmp_side *sides, const struct cmp_opts *o,
		    const struct cmp_result *res)
{
	size_t i;

	int stat = any_tested(res);

	print_note(res);
	print_header(sides, o, stat);
	for (i = 0; i < res->n_rows; i++)
		print_row(&res->rows[i], stat);
	for (i = 0; i < res->n_warnings; i++)
		printf("WARNING: %s\n", res->warnings[i]);
	print_changes(res);
	printf("summary: %zu rows: %zu slower, %zu faster, %zu exact changed, "
	       "%zu exact same, %zu not significant,\n  %zu below threshold, "
	       "%zu interval includes 0, %zu ok in base but not in new, "
	       "%zu only in base,\n  %zu only in new, %zu not compared\n",
	       res->n_rows, res->counts[V_SLOWER], res->counts[V_FASTER],
	       res->counts[V_EXACT_CHANGED], res->counts[V_EXACT_SAME],
	       res->counts[V_NOT_SIGNIFICANT], res->counts[V_BELOW_THRESHOLD],
	       res->counts[V_CI_SPANS_ZERO], res->counts[V_LOST],
	       res->counts[V_ONLY_BASE], res->counts[V_ONLY_NEW],
	       res->counts[V_NOT_OK] + res->counts[V_NO_SAMPLES] +
	       res->counts[V_NO_BASE_MEDIAN]);
	printf("gate: %s\n", cmp_gate_fails(res) ?
	       "FAIL (a row regressed, changed or stopped running)" :
	       "pass (no row regressed)");
	print_note(res);
}

/* A number, or null when not finite (JSON has no NaN). */
static json_t *num(int valid, double v)
{
	return valid && isfinite(v) ? json_real(v) : json_null();
}

static json_t *side_json(const struct cmp_row_side *rs)
{
	json_t *o = json_object();

	json_object_set_new(o, "present", json_boolean(rs->present));
	json_object_set_new(o, HCB_K_ROW_STATUS, rs->status ?
			    json_string(rs->status) : json_null());
	json_object_set_new(o, "runs_ok", json_integer((json_int_t)rs->n_ok));
	json_object_set_new(o, "batch_samples",
			    json_integer((json_int_t)rs->n));
	json_object_set_new(o, "p50_cycles", num(rs->n_ok, rs->p50));
	json_object_set_new(o, "p99_cycles", num(rs->n_ok, rs->p99));
	json_object_set_new(o, "batch_median_cycles",
			    num(rs->n > 0, rs->median));
	json_object_set_new(o, "batch_spread_cycles",
			    num(rs->n > 0, rs->spread));
	return o;
}

static json_t *row_json(const struct cmp_row *r)
{
	json_t *o = json_object();

	json_object_set_new(o, HCB_K_ROW_NAME, json_string(r->name));
	json_object_set_new(o, "base", side_json(&r->s[BASE]));
	json_object_set_new(o, "new", side_json(&r->s[NEW]));
	json_object_set_new(o, "mode", json_string(r->exact ? "exact" :
						   "statistical"));
	json_object_set_new(o, "p50_delta_cycles", num(has_delta(r),
							r->delta));
	json_object_set_new(o, "slack_cycles", num(r->exact, r->slack));
	json_object_set_new(o, "p50_delta_min_cycles", num(has_delta(r),
		r->s[NEW].p50_lo - r->s[BASE].p50_hi));
	json_object_set_new(o, "p50_delta_max_cycles", num(has_delta(r),
		r->s[NEW].p50_hi - r->s[BASE].p50_lo));
	json_object_set_new(o, "change_pct", num(r->tested, r->change));
	json_object_set_new(o, "ci_low_pct", num(r->tested, r->ci_lo));
	json_object_set_new(o, "ci_high_pct", num(r->tested, r->ci_hi));
	json_object_set_new(o, "p_value", num(r->tested, r->mwu.p));
	json_object_set_new(o, "p_exact", json_boolean(r->tested &&
						       r->mwu.exact));
	json_object_set_new(o, "verdict",
			    json_string(cmp_verdict_names[r->verdict]));
	return o;
}

static json_t *files_json(const struct cmp_side *side)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < side->n; i++)
		json_array_append_new(a, json_string(side->runs[i].path));
	return a;
}

static json_t *settings_json(const struct cmp_opts *o)
{
	json_t *s = json_object();

	json_object_set_new(s, "alpha", json_real(o->alpha));
	json_object_set_new(s, "threshold_pct", json_real(o->threshold));
	json_object_set_new(s, "bootstrap_resamples",
			    json_integer(o->resamples));
	json_object_set_new(s, "bootstrap_seed",
			    json_integer((json_int_t)o->seed));
	json_object_set_new(s, "ci_level", json_real(1 - o->alpha));
	json_object_set_new(s, "exact_spread_cycles",
			    json_real(o->exact_spread));
	json_object_set_new(s, "exact", json_string(
		o->exact == EXACT_ALWAYS ? "always" :
		o->exact == EXACT_NEVER ? "never" : "auto"));
	return s;
}

int cmp_print_json(const struct cmp_side *sides, const struct cmp_opts *o,
		   const struct cmp_result *res)
{
	json_t *doc = json_object(), *rows = json_array(), *w = json_array();
	size_t i;
	int ret;

	json_object_set_new(doc, "tool", json_string("hcb-compare"));
	json_object_set_new(doc, HCB_K_EMULATED, json_boolean(res->emulated));
	json_object_set_new(doc, HCB_K_TIMING_NOTE, res->emulated ?
			    json_string("timings are " HCB_EMULATED_NOTE) :
			    json_string("hardware timings"));
	json_object_set_new(doc, "settings", settings_json(o));
	json_object_set_new(doc, "base_files", files_json(&sides[BASE]));
	json_object_set_new(doc, "new_files", files_json(&sides[NEW]));
	for (i = 0; i < res->n_warnings; i++)
		json_array_append_new(w, json_string(res->warnings[i]));
	json_object_set_new(doc, "warnings", w);
	for (i = 0; i < res->n_rows; i++)
		json_array_append_new(rows, row_json(&res->rows[i]));
	json_object_set_new(doc, HCB_K_ROWS, rows);
	json_object_set_new(doc, "icount", json_boolean(res->icount));
	json_object_set_new(doc, "regressed",
			    json_integer((json_int_t)res->counts[V_SLOWER]));
	json_object_set_new(doc, "gate_failures",
			    json_integer((json_int_t)cmp_gate_fails(res)));
	ret = json_dumpf(doc, stdout, JSON_INDENT(2));
	putchar('\n');
	json_decref(doc);
	return ret;
}
