/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a run produced, handed from the measuring code (bench/harness.c,
 * bench/rows*.c) to the report writers (bench/report_json.c,
 * bench/report_table.c).  Freestanding: no libc types beyond the
 * compiler's own headers, so host unit tests can build the writers too.
 */
#ifndef HCBENCH_RESULT_H
#define HCBENCH_RESULT_H

#include <stddef.h>
#include "hcbench/handoff.h"	/* struct hcb_kv */

/* Output sink: serial console in the guest, a buffer in unit tests. */
typedef void (*hcb_put_fn)(void *ctx, const char *s, size_t len);

struct hcb_stats {
	double min, p1, p50, p90, p99, p999, max, mean, stddev;
};

struct hcb_hc_info {
	int valid;			/* row is a hypercall row */
	unsigned long nr;
	const char *insn;		/* "vmcall" | "vmmcall" */
	long long ret;			/* last return value seen */
	const char *cls;		/* HCB_HC_CLASS_* */
	unsigned long long calls;	/* hypercall insns this row ran */
	unsigned long long checks_failed;
};

struct hcb_row_result {
	const char *name, *group, *desc;
	const char *status;		/* HCB_STATUS_* */
	const char *note;		/* NULL or why unavailable/skipped */
	struct hcb_hc_info hc;
	int has_stats;			/* cycles/batch fields are valid */
	struct hcb_stats cycles;	/* per-call, timer overhead removed */
	/* HCB_N_QUANTILES per-call percentiles */
	double quantiles[101];
	double batched_mean;		/* cycles per call from batched loops */
	const double *batch_samples;	/* per-batch mean cycles per call */
	unsigned int n_batch_samples;	/* <= HCB_MAX_BATCHES */
};

struct hcb_report {
	const char *build, *env, *options, *patched;
	int emulated;			/* env is not hardware-kvm */
	struct {
		const char *vendor, *brand;
		unsigned int family, model, stepping;
	} cpu;
	struct {
		const char *signature;
		unsigned int max_leaf, features, hints;
	} hv;
	struct {
		unsigned long long hz;
		const char *source;		/* HCB_TSC_SRC_* */
	} tsc;
	const struct hcb_kv *host;
	unsigned int n_host;
	unsigned int iters, batches, batch_size;
	double overhead;		/* timer overhead, cycles */
	unsigned long long hc_issued, checks_failed;
	const struct hcb_row_result *rows;
	unsigned int n_rows;
};

/*
 * bench/stats.c: sorts samples in place (n >= 1), fills *out and, when
 * quantiles is not NULL, the HCB_N_QUANTILES percentiles 0, 1, ..., 100.
 */
void hcb_stats_compute(double *samples, unsigned int n, struct hcb_stats *out,
		       double *quantiles);

/* bench/report_json.c and bench/report_table.c; ns derived from tsc.hz */
void hcb_report_json(const struct hcb_report *r, hcb_put_fn put, void *ctx);
void hcb_report_table(const struct hcb_report *r, hcb_put_fn put, void *ctx);

#endif /* HCBENCH_RESULT_H */
