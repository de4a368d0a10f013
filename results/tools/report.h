/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loading and validating one hcbench JSON report (schema in
 * include/hcbench/schema.h, prose in docs/schema.md).  Shared by every
 * host tool under results/.  A report that does not validate is bad input:
 * the tools print the error and exit with HCB_EXIT_BAD_INPUT.
 */
#ifndef HCB_RESULTS_REPORT_H
#define HCB_RESULTS_REPORT_H

#include <stddef.h>
#include <stdio.h>
#include <jansson.h>
#include "hcbench/schema.h"

/* Exit status of every results tool for bad input (files, options). */
#define HCB_EXIT_BAD_INPUT 2

/*
 * Limits of what the tools read (a real report has a few dozen rows and
 * is well under 1 MiB): larger input is refused with a clear message.
 */
#define HCB_MAX_FILE (64 << 20)
#define HCB_MAX_ROWS 4096
#define HCB_MAX_NAME 64

/* Statistic indices, in HCB_STAT_FIELDS order. */
enum hcb_stat_idx {
#define HCB_STAT_ENUM(f) HCB_STAT_##f,
	HCB_STAT_FIELDS(HCB_STAT_ENUM)
#undef HCB_STAT_ENUM
	HCB_N_STATS
};

extern const char *const hcb_stat_names[HCB_N_STATS];

struct hcb_rrow {
	const char *name, *group, *status;
	const char *note;		/* why not ok, or NULL */
	int ok;				/* status is HCB_STATUS_OK */
	int has_hc;			/* a hypercall object: the hc_ fields */
	long long hc_nr, hc_ret, hc_calls, hc_checks;
	const char *hc_insn, *hc_class;
	/* Below, NaN stands for a value the writer wrote as null. */
	double cycles[HCB_N_STATS];
	double ns[HCB_N_STATS];		/* all NaN when tsc.hz is 0 */
	double quantiles[HCB_N_QUANTILES];
	double bmean;
	double *bsamples;		/* the numbers among batch samples */
	size_t n_bsamples;
	size_t n_bsamples_null;		/* entries the writer wrote as null */
};

struct hcb_rreport {
	const char *path;
	char label[24];			/* hcb-compare: "base 2", "new" */
	json_t *root;			/* owns every string below */
	long long version;
	const char *env, *build, *patched;
	long long hc_issued, checks_failed;
	double overhead;		/* timer overhead, NaN when null */
	int emulated;			/* flag set, or env not hardware */
	struct {
		const char *vendor, *brand;
		long long family, model, stepping;
	} cpu;
	long long tsc_hz;
	const char *tsc_source;
	json_t *host;			/* object of strings, borrowed */
	struct hcb_rrow *rows;
	size_t n_rows;
	size_t *index, index_size;	/* name hash: row + 1, 0 free */
	char *data;			/* the bytes validated */
	size_t size;
};

/*
 * Load and validate @path.  Returns 0, or -1 after printing one line
 * "PROG: PATH: FIELD: problem" to stderr.
 */
int hcb_report_load(const char *path, struct hcb_rreport *r);
void hcb_report_free(struct hcb_rreport *r);

/* Host fact @key, or NULL. */
const char *hcb_report_host(const struct hcb_rreport *r, const char *key);

/* Row named @name, or NULL. */
const struct hcb_rrow *hcb_report_row(const struct hcb_rreport *r,
				      const char *name);

/*
 * A check of a loaded report failed: one line "PROG: PATH: FIELD: problem"
 * to @f, the form of the loader's own errors (the checkers of the boot and
 * nested tests use it).  Returns -1.
 */
__attribute__((format(printf, 4, 5)))
int hcb_report_problem(FILE *f, const struct hcb_rreport *r,
		       const char *field, const char *fmt, ...);

/*
 * The FIELD of row @name in hcb_report_problem(): "rows[NAME]", or
 * "rows[NAME].KEY" (e.g. KEY "status", "hypercall.ret"), into @buf.
 */
const char *hcb_row_field(char *buf, size_t len, const char *name,
			  const char *key);

/* @s to @f with control characters and '\\' written as \\xNN. */
void hcb_fput_safe(const char *s, FILE *f);

/* Program name used in messages (set once by main). */
extern const char *hcb_prog;

/* The sentence every output carries when a run is emulated. */
#define HCB_EMULATED_NOTE "emulated - not hardware numbers"

#endif /* HCB_RESULTS_REPORT_H */
