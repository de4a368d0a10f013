/* SPDX-License-Identifier: GPL-2.0 */
/* hcb-compare: what its parts (compare*.c) share. */
#ifndef HCB_RESULTS_COMPARE_H
#define HCB_RESULTS_COMPARE_H

#include <stdint.h>
#include "compare_stats.h"
#include "report.h"

enum { BASE, NEW, N_SIDES };

struct cmp_opts {
	double alpha;		/* significance level of the rank test */
	double threshold;	/* percent change that counts */
	unsigned int resamples;	/* bootstrap resamples */
	uint64_t seed;		/* bootstrap seed */
	int json, force;
	int exact;		/* EXACT_AUTO, EXACT_ALWAYS or EXACT_NEVER */
	double exact_spread;	/* cycles: nearly constant batch samples */
	int env_only;		/* --check-env: environments only */
	const char *host_facts;	/* --check-host FILE: key=value lines */
	const char *env;	/* --env ENV: with --check-host */
	const char *allow;	/* comma list of facts allowed to differ */
	const char *slack;	/* ROW:N,...: exact mode widens ROW's range */
};

enum { EXACT_AUTO, EXACT_ALWAYS, EXACT_NEVER };

struct cmp_side {
	struct hcb_rreport *runs;
	size_t n;
};

struct cmp_row_side {
	int present;		/* in at least one run of the side */
	size_t n_ok;		/* runs where status is ok */
	const char *status;	/* "ok", a non-ok status, or "mixed" */
	double p50, p99;	/* median over ok runs of cycles.p50/p99 */
	double p50_lo, p50_hi;	/* range of cycles.p50 over ok runs */
	double median;		/* of the pooled batch samples */
	double spread;		/* p75 - p25 of the pooled samples */
	double *samples;	/* pooled batch samples */
	size_t n;
	size_t n_null;		/* batch samples written as null, left out */
};

/*
 * V_SLOWER, V_EXACT_CHANGED and V_LOST fail the gate (cmp_gate_fails()).
 * The statistical verdicts say why a row is not slower or faster: the
 * rank test is not significant, the change is within the threshold, or
 * the bootstrap interval reaches zero.
 */
enum cmp_verdict {
	V_SLOWER, V_FASTER, V_NOT_SIGNIFICANT, V_BELOW_THRESHOLD,
	V_CI_SPANS_ZERO, V_EXACT_SAME, V_EXACT_CHANGED, V_LOST,
	V_ONLY_BASE, V_ONLY_NEW, V_NOT_OK, V_NO_SAMPLES, V_NO_BASE_MEDIAN,
	N_VERDICTS
};

struct cmp_row {
	const char *name;
	struct cmp_row_side s[N_SIDES];
	enum cmp_verdict verdict;
	int tested;		/* mwu, change and CI are valid */
	int exact;		/* compared in exact mode: delta is valid */
	double slack;		/* --slack of this row, cycles */
	double delta;		/* new p50 - base p50, cycles per call (0
				 * for exact rows whose p50 ranges meet) */
	struct hcb_mwu mwu;
	double change, ci_lo, ci_hi;	/* percent, new vs base */
};

struct cmp_result {
	struct cmp_row *rows;
	size_t n_rows;
	int emulated;		/* some run of either side is emulated */
	int icount;		/* every run's clock counts instructions */
	char **warnings;
	size_t n_warnings;
	size_t counts[N_VERDICTS];
};

extern const char *const cmp_verdict_names[N_VERDICTS];

/* Rows that fail the gate. */
size_t cmp_gate_fails(const struct cmp_result *res);

/*
 * A run whose clock counts instructions: the nested rig with L0 QEMU under
 * -icount (environment nested-emulated, host fact l0_clock "icount ..."),
 * or the Intel rig, whose L0 Bochs counts one TSC tick per instruction
 * (environment nested-emulated-vmx, l0_clock "bochs ...").
 */
int cmp_icount_run(const struct hcb_rreport *r);

/*
 * compare_env.c: environment checks; returns the number of differences
 * that --allow does not cover.
 */
size_t cmp_check_env(struct cmp_side *sides, const struct cmp_opts *o,
		     struct cmp_result *res);
void cmp_warn(struct cmp_result *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* compare_rows.c */
int cmp_rows(struct cmp_side *sides, const struct cmp_opts *o,
	     struct cmp_result *res);
void cmp_free(struct cmp_result *res);

/* compare_out.c */
void cmp_print_text(const struct cmp_side *sides, const struct cmp_opts *o,
		    const struct cmp_result *res);
int cmp_print_json(const struct cmp_side *sides, const struct cmp_opts *o,
		   const struct cmp_result *res);

#endif /* HCB_RESULTS_COMPARE_H */
