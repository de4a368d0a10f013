/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the benchmark offers the UEFI stage (boot/), its only caller: the
 * plan of a run (before ExitBootServices) and the run itself (after).
 */
#ifndef HCBENCH_BENCH_H
#define HCBENCH_BENCH_H

#include <stddef.h>
#include "hcbench/handoff.h"

/*
 * bench/plan.c: checks o->rows (every comma-separated prefix must select
 * a row) and fills *p with the memory the selected rows need.  0, or -1
 * with a sentence naming the bad prefix in err.
 */
int hcb_plan(const struct hcb_options *o, struct hcb_plan *p, char *err,
	     size_t errlen);

/* Runs the rows, prints the report; returns the exit code (HCB_EXIT_*). */
int hcb_bench_main(const struct hcb_handoff *h);

#endif /* HCBENCH_BENCH_H */
