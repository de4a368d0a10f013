/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The benchmark table (bench/row_table.c, from the list in
 * bench/row_list.h), like kvm-unit-tests' x86/vmexit.c: adding a
 * benchmark is one line in the list plus one small function.
 */
#ifndef HCBENCH_ROWS_H
#define HCBENCH_ROWS_H

#include <stddef.h>
#include <stdint.h>
#include "hcbench/handoff.h"
#include "kernel/processor.h"	/* HCB_TIMED */

/* Bound on the table's length (static per-row buffers). */
#define HCB_MAX_ROWS 64

/* The buffer hypercalls may write (hcb_plan_scratch rows). */
#define HCB_SCRATCH_BYTES 4096

struct hcb_ctx;
struct hcb_row_result;

struct hcb_row {
	const char *name, *group, *desc;
	/*
	 * Measures with HCB_MEASURE(), or marks the row unavailable or
	 * skipped (hcb_row_status) when it cannot run here.
	 */
	void (*exec)(struct hcb_ctx *c, struct hcb_row_result *r);
	/*
	 * NULL, or raises *p to what the row needs beyond the options'
	 * iters per-call samples (bench/plan.c; called before EBS).
	 */
	void (*plan)(const struct hcb_options *o, struct hcb_plan *p);
};

extern const struct hcb_row hcb_rows[];
unsigned int hcb_row_count(void);

/* bench/plan.c: 1 if row name is selected by o->rows. */
int hcb_row_selected(const struct hcb_options *o, const char *name);
/* For the rows' plan functions: raise a need to at least the value. */
void hcb_plan_samples(struct hcb_plan *p, unsigned int n);
void hcb_plan_code(struct hcb_plan *p, uint64_t bytes);
/* A row's plan function: HCB_SCRATCH_BYTES of hypercall buffer. */
void hcb_plan_scratch(const struct hcb_options *o, struct hcb_plan *p);

/*
 * Every row's function, row_<name> (on a page of its own: HCB_TIMED), and
 * the plan functions the list names.
 */
#define HCB_ROW(name, group, cpus, plan, desc) \
	HCB_TIMED void row_##name(struct hcb_ctx *c, struct hcb_row_result *r);
#define HCB_HC_ROW(name, cpl, nr, a0, a1, a2, a3, expect, plan, desc) \
	HCB_ROW(name, HC, 1, plan, desc)
#include "row_list.h"
#undef HCB_HC_ROW
#undef HCB_ROW
void plan_hc_nonnative_first(const struct hcb_options *o, struct hcb_plan *p);
void plan_hc_nonnative(const struct hcb_options *o, struct hcb_plan *p);
void plan_hc_fuzz(const struct hcb_options *o, struct hcb_plan *p);

#endif /* HCBENCH_ROWS_H */
