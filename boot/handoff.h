/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Everything the UEFI stage hands to the freestanding runtime: options,
 * host facts, the TSC rate and the memory it allocated for the run.  After
 * ExitBootServices nothing else is allocated.
 */
#ifndef HCBENCH_HANDOFF_H
#define HCBENCH_HANDOFF_H

#include <stdint.h>
#include "options.h"
#include "bench/result.h"
#include "kernel/desc.h"
#include "kernel/paging.h"
#include "kernel/smp.h"

#define HCB_MAX_HOST	32
#define HCB_MAX_RAM	256

/* hc_nonnative* code copies: slot 0 probes, slot 1 repeats, then fresh */
#define HCB_CODE_SLOT_SIZE	64
#define HCB_CODE_SLOTS_FIXED	2
/* Most fresh copies kept for hc_nonnative_first's batched loop */
#define HCB_CODE_BATCHED_MAX	65536

struct hcb_handoff {
	struct hcb_options opt;
	const char *options_raw;
	struct hcb_kv host[HCB_MAX_HOST];
	unsigned int n_host;

	uint64_t tsc_hz;
	const char *tsc_src;		/* HCB_TSC_SRC_* */

	struct hcb_range ram[HCB_MAX_RAM];
	unsigned int n_ram;
	uint64_t pt_top;		/* page tables map [0, pt_top) */
	void *pt_pages;

	uint64_t kstack_top, ustack_top;
	struct hcb_stacks stacks;

	double *samples;		/* per-call samples, one row a time */
	unsigned int n_samples;
	double *bsamples;		/* HCB_MAX_BATCHES per row, all rows */
	uint8_t *code;			/* hc_nonnative_first copies */
	unsigned int code_slots;
	void *scratch;			/* one page for hypercall buffers */

	struct hcb_smp_boot smp;	/* MADT CPUs, trampoline, AP stacks */
};

/* kernel/main.c: runs on the new stack after ExitBootServices. */
void kernel_main(void *handoff) __attribute__((noreturn));

#endif /* HCBENCH_HANDOFF_H */
