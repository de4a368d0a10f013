/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The benchmark table (bench/row_table.c), like kvm-unit-tests'
 * x86/vmexit.c: adding a benchmark is one row plus one small function.
 */
#ifndef HCBENCH_ROWS_H
#define HCBENCH_ROWS_H

#include <stddef.h>

/* Bound on the table's length (static per-row buffers). */
#define HCB_MAX_ROWS 64

struct hcb_ctx;
struct hcb_row_result;

struct hcb_row {
	const char *name, *group, *desc;
	/*
	 * Measures with HCB_MEASURE(), or marks the row unavailable or
	 * skipped (hcb_row_status) when it cannot run here.
	 */
	void (*exec)(struct hcb_ctx *c, struct hcb_row_result *r);
};

extern const struct hcb_row hcb_rows[];
unsigned int hcb_row_count(void);
/* 1 if some row name starts with the n bytes at prefix. */
int hcb_rows_match_prefix(const char *prefix, size_t n);

/* Row functions, grouped by file. */
void row_hc_test_0(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_test_4(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_vapic_poll_irq(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_kick_cpu(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_send_ipi(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_sched_yield(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_clock_pairing(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_map_gpa_range(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_unassigned(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_nonnative_first(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_nonnative(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_cpl3(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_fuzz(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_test_cpl3(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_test_tf(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_test_compat(struct hcb_ctx *c, struct hcb_row_result *r);
void row_cpuid_0(struct hcb_ctx *c, struct hcb_row_result *r);
void row_cpuid_kvm(struct hcb_ctx *c, struct hcb_row_result *r);
void row_pio_kernel(struct hcb_ctx *c, struct hcb_row_result *r);
void row_pio_user(struct hcb_ctx *c, struct hcb_row_result *r);
void row_mmio_user(struct hcb_ctx *c, struct hcb_row_result *r);
void row_rdmsr(struct hcb_ctx *c, struct hcb_row_result *r);
void row_wrmsr(struct hcb_ctx *c, struct hcb_row_result *r);
void row_x2apic_icr_nodest(struct hcb_ctx *c, struct hcb_row_result *r);
void row_x2apic_self_ipi(struct hcb_ctx *c, struct hcb_row_result *r);
void row_ipi(struct hcb_ctx *c, struct hcb_row_result *r);
void row_ipi_halt(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_kick_cpu_halted(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_send_ipi_target(struct hcb_ctx *c, struct hcb_row_result *r);
void row_hc_sched_yield_target(struct hcb_ctx *c, struct hcb_row_result *r);
void row_empty(struct hcb_ctx *c, struct hcb_row_result *r);
void row_rdtsc(struct hcb_ctx *c, struct hcb_row_result *r);
void row_lfence(struct hcb_ctx *c, struct hcb_row_result *r);
void row_pause(struct hcb_ctx *c, struct hcb_row_result *r);

#endif /* HCBENCH_ROWS_H */
