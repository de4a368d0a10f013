/* SPDX-License-Identifier: GPL-2.0 */
/* CPU and hypervisor identification for the report (bench/cpuinfo.c). */
#ifndef HCBENCH_CPUINFO_H
#define HCBENCH_CPUINFO_H

#include "result.h"

/* Fills r->cpu and r->hv; returns 1 if vmmcall is the native insn. */
int cpuinfo_fill(struct hcb_report *r);

#endif /* HCBENCH_CPUINFO_H */
