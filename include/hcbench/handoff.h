/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest's one ABI header: everything the UEFI stage (boot/) hands to
 * the runtime (kernel/) and the benchmark (bench/) after ExitBootServices,
 * like Solo5's struct solo5_start_info.  Self-contained (compiler headers
 * only), so every layer can include it and it includes none of them:
 * boot fills it, kernel and bench read it.  After ExitBootServices
 * nothing else is allocated.
 */
#ifndef HCBENCH_HANDOFF_H
#define HCBENCH_HANDOFF_H

#include <stddef.h>
#include <stdint.h>

#define HCB_MAX_HOST	32
#define HCB_MAX_RAM	256
#define HCB_MAX_CPUS	8
#define HCB_OPT_ROWS_MAX 512

/* ---- guest options (boot/options.c, docs/design.md "Guest options") ---- */

enum hcb_output { HCB_OUT_TEXT, HCB_OUT_JSON, HCB_OUT_BOTH };

struct hcb_options {
	unsigned int iters, batches, batch;
	char rows[HCB_OPT_ROWS_MAX];	/* "" = all */
	unsigned int output;		/* enum hcb_output */
	unsigned int fault;		/* enum hcb_fault (kernel/trap.h) */
	const char *env;		/* HCB_ENV_* or "unknown" */
	unsigned int fuzz;
	uint64_t seed;
	unsigned int wait;
	unsigned int ap_test;		/* enum hcb_ap_test (kernel/smp.h) */
};

/* A host fact ("opt/hcbench/host" line), copied into the report. */
struct hcb_kv {
	const char *key, *val;
};

/* ---- what the runtime needs: memory map, stacks, the other CPUs ---- */

struct hcb_range {
	uint64_t base, end;		/* [base, end) */
};

struct hcb_stacks {
	uint64_t rsp0;			/* CPL3 -> CPL0 transitions */
	uint64_t ist[3];		/* IST_DF, IST_NMI, IST_MC */
};

/* The CPUs of the ACPI MADT (kernel/acpi.c, called before EBS). */
struct hcb_cpus {
	uint32_t apic_id[HCB_MAX_CPUS];	/* enabled CPUs, MADT order */
	unsigned int n;
	unsigned int n_ignored;		/* enabled beyond HCB_MAX_CPUS */
	const char *error;		/* NULL, or why the MADT was unusable */
};

/* What the UEFI stage found and allocated for the APs. */
struct hcb_smp_boot {
	struct hcb_cpus cpus;
	uint64_t tramp;			/* page below 1 MiB, 0 if none */
	uint64_t stack_top[HCB_MAX_CPUS];	/* per CPU; [BSP] unused */
};

/*
 * ---- what the selected rows need (bench's hcb_plan(), bench/bench.h) ----
 * Sizes only: boot allocates them (zeroed) before EBS, a size of 0 is not
 * allocated (its pointer stays NULL).
 */
struct hcb_plan {
	unsigned int n_samples;		/* doubles: per-call samples, a row */
	unsigned int n_bsamples;	/* doubles: batch samples, all rows */
	uint64_t code_bytes;		/* executable (code copies) */
	uint64_t scratch_bytes;		/* data (hypercall buffers) */
};

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

	struct hcb_plan plan;		/* the sizes of the four below */
	double *samples;
	double *bsamples;
	uint8_t *code;
	void *scratch;

	struct hcb_smp_boot smp;	/* MADT CPUs, trampoline, AP stacks */
};

#endif /* HCBENCH_HANDOFF_H */
