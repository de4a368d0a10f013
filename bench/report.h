/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the two report writers (report_json.c, report_table.c) share
 * beyond bench/result.h.  Freestanding.
 */
#ifndef HCBENCH_REPORT_H
#define HCBENCH_REPORT_H

#include "result.h"
#include "fmt.h"
#include "stats.h"
#include "hcbench/schema.h"

/* No line of hcb_report_table()'s output is longer than this. */
#define HCB_TABLE_WIDTH 96

/* Fixed decimals of every non-integer number in the JSON report. */
#define HCB_JSON_DECIMALS 3

/*
 * Timings count as real only when the environment is KVM on hardware
 * virtualization (bare metal, or a VM on hardware: nested-kvm) and the
 * emulated flag agrees; anything else (unknown included) is labelled
 * emulated.
 */
static inline int hcb_report_emulated(const struct hcb_report *r)
{
	return r->emulated || !r->env ||
	       !(hcb_streq(r->env, HCB_ENV_HW) ||
		 hcb_streq(r->env, HCB_ENV_NESTED_KVM));
}

/* KVM inside a VM on hardware virtualization: real, outer cost included. */
static inline int hcb_report_nested_kvm(const struct hcb_report *r)
{
	return !hcb_report_emulated(r) && hcb_streq(r->env, HCB_ENV_NESTED_KVM);
}

/* cycles -> ns with the report's TSC rate; 0 when hz is unknown (0). */
static inline int hcb_report_ns(const struct hcb_report *r, double cycles,
				double *ns)
{
	if (!r->tsc.hz)
		return 0;
	*ns = cycles * 1e9 / (double)r->tsc.hz;
	return 1;
}

#endif /* HCBENCH_REPORT_H */
