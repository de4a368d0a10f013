/* SPDX-License-Identifier: GPL-2.0 */
/* Entry of the benchmark part (bench/main.c). */
#ifndef HCBENCH_BENCH_H
#define HCBENCH_BENCH_H

#include "boot/handoff.h"

/* Runs the rows, prints the report; returns the exit code (HCB_EXIT_*). */
int hcb_bench_main(const struct hcb_handoff *h);

#endif /* HCBENCH_BENCH_H */
