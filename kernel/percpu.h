/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU data, reached through GS.base (IA32_GS_BASE) on every CPU: the
 * first field points at itself, so this_cpu() is one mov from %gs:0.
 */
#ifndef HCBENCH_PERCPU_H
#define HCBENCH_PERCPU_H

#include <stdint.h>

enum hcb_cpu_state {
	HCB_CPU_OFFLINE,	/* not started, or did not start */
	HCB_CPU_ONLINE,		/* in its idle loop, answering on_cpu() */
	HCB_CPU_STUCK,		/* did not answer within the bound: unused */
};

struct hcb_percpu {
	struct hcb_percpu *self;
	unsigned int cpu;		/* 0 = the BSP */
	uint32_t apic_id;		/* from the MADT */
	uint32_t apic_id_seen;		/* read by the CPU itself */
	volatile int state;		/* enum hcb_cpu_state */
	/* interrupts taken on this CPU with vector HCB_VEC_IPI / others */
	volatile unsigned long ipis, other_irqs;
	/* on_cpu() mailbox: fn(arg) runs once per req increment */
	void (*volatile fn)(void *);
	void *volatile arg;
	volatile unsigned long req, done;
} __attribute__((aligned(64)));

#define MSR_GS_BASE	0xc0000101

static inline struct hcb_percpu *this_cpu(void)
{
	struct hcb_percpu *p;

	asm volatile("movq %%gs:0, %0" : "=r"(p));
	return p;
}

#endif /* HCBENCH_PERCPU_H */
