/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The timing harness.  A row's exec function measures its operation with
 * HCB_MEASURE(); the harness (bench/harness.c) then removes the timer
 * overhead and computes the statistics.
 */
#ifndef HCBENCH_HARNESS_H
#define HCBENCH_HARNESS_H

#include <stdint.h>
#include "result.h"
#include "hcbench/handoff.h"
#include "hcbench/schema.h"
#include "kernel/processor.h"

/* Calls run before timing starts (caches, TLB, branch predictors). */
#define HCB_WARMUP 64

/* Hypercall bookkeeping of the row being run. */
struct hcb_hc_acct {
	long long ret;			/* last return value */
	unsigned long long calls;	/* hypercall instructions run */
	unsigned long long bad;		/* return values that failed a check */
	unsigned long ud0;		/* probe_ud_hits() at row start */
};

enum hcb_patched { HCB_PATCHED_UNTESTED, HCB_PATCHED_YES, HCB_PATCHED_NO,
		   HCB_PATCHED_UNKNOWN };

struct hcb_ctx {
	const struct hcb_handoff *h;
	int amd;			/* vmmcall is the native insn */
	int x2apic;
	uint32_t apic_id;
	int virq_safe;			/* hcb_env_virq_safe() */

	/* loop shape of the row being measured */
	unsigned int warmup, iters, batches, batch;
	double *samples;		/* per-call cycles, raw */
	unsigned int n_samples;
	double *bsamples;		/* per-batch cycles, raw */
	unsigned int n_bsamples;

	double overhead;		/* median of empty measurements */
	struct hcb_hc_acct acct;
	enum hcb_patched patched;
	unsigned long long hc_issued, checks_failed;
	char *note;			/* the row's note buffer */
};

#define HCB_NOTE_MAX 200

/*
 * Test-only (make HCB_TEST_EXTRA_NOP=1, never in shipped builds): one nop
 * after each timed operation, so the results tests can check that the
 * nested gate sees a single added instruction.  Measurements of no
 * operation ("(void)0": the timer overhead and the empty row) get none,
 * or the overhead subtraction would cancel it.
 */
#ifdef HCB_TEST_EXTRA_NOP
#define HCB_TEST_NOP(op) do {						\
	if (__builtin_strcmp(#op, "(void)0"))				\
		asm volatile("nop");					\
} while (0)
#else
#define HCB_TEST_NOP(op) do { } while (0)
#endif

/*
 * Warm-up, then iters per-call samples, then batches of batch calls (one
 * sample per batch).  prep runs before each call outside the per-call
 * window, after runs after it; both run inside batched loops.
 */
#define HCB_MEASURE(c, prep, op, after) do {				\
	unsigned int _i, _j;						\
	uint64_t _t0, _t1;						\
									\
	for (_i = 0; _i < (c)->warmup; _i++) {				\
		prep; op; after;					\
	}								\
	for (_i = 0; _i < (c)->iters; _i++) {				\
		prep;							\
		_t0 = rdtsc_ordered();					\
		op;							\
		HCB_TEST_NOP(op);					\
		_t1 = rdtsc_ordered();					\
		(c)->samples[_i] = (double)(_t1 - _t0);			\
		after;							\
	}								\
	(c)->n_samples = (c)->iters;					\
	for (_i = 0; _i < (c)->batches; _i++) {				\
		_t0 = rdtsc_ordered();					\
		for (_j = 0; _j < (c)->batch; _j++) {			\
			prep; op; HCB_TEST_NOP(op); after;		\
		}							\
		_t1 = rdtsc_ordered();					\
		(c)->bsamples[_i] = (double)(_t1 - _t0);		\
	}								\
	(c)->n_bsamples = (c)->batches;					\
} while (0)

/* Marks the row unavailable (or another status) with a printf'd note. */
void hcb_row_status(struct hcb_ctx *c, struct hcb_row_result *r,
		    const char *status, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Appends to the row's note. */
void hcb_row_note(struct hcb_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* bench/harness.c: runs every row of the table into results[]. */
int hcb_run_all(struct hcb_ctx *c, struct hcb_row_result *results);

#endif /* HCBENCH_HARNESS_H */
