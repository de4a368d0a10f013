/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Application processors (kernel/smp.c, kernel/trampoline.asm): started
 * after ExitBootServices with INIT-SIPI-SIPI through a real-mode page
 * below 1 MiB, into long mode on the runtime's GDT, IDT and page tables.
 * Idle, they halt (sti; hlt); on_cpu() wakes them with an IPI and runs
 * the function with interrupts off.
 * Every wait on another CPU is bounded (HCB_SMP_WAIT_MS).
 */
#ifndef HCBENCH_SMP_H
#define HCBENCH_SMP_H

#include <stdint.h>
#include "acpi.h"
#include "percpu.h"
#include "processor.h"

#define HCB_VEC_IPI	0xe0	/* the IPI rows' vector, counted per CPU */
#define HCB_VEC_WAKE	0xe1	/* on_cpu() wake-up of a halted AP */
#define HCB_SMP_WAIT_MS	1000	/* bound of every wait on another CPU */
#define HCB_AP_STACK_SIZE (16 * 1024)

/* ap_test= guest option: make an AP misbehave on purpose (tests only). */
enum hcb_ap_test {
	HCB_AP_TEST_NONE,
	HCB_AP_TEST_MUTE,	/* starts, then never runs on_cpu() calls */
	HCB_AP_TEST_NOACK,	/* runs calls, never counts HCB_VEC_IPI */
	HCB_AP_TEST_IST,	/* int $2 once started: a fault on its IST */
};

/* Points GS.base at the BSP's per-CPU data (before any interrupt). */
void percpu_init_bsp(void);

/*
 * Starts every enabled MADT CPU but the caller, one at a time, and checks
 * each with a cross-CPU call.  cr3 is the runtime's PML4 (below 4 GiB).
 * Prints one line per problem; returns the number of CPUs online.
 */
unsigned int smp_init(const struct hcb_smp_boot *b, uint64_t cr3,
		      uint64_t tsc_hz, enum hcb_ap_test test);

unsigned int smp_n_cpus(void);		/* BSP + APs known (online or not) */
unsigned int smp_this_cpu(void);	/* the caller's index, 0 = the BSP */
struct hcb_percpu *smp_cpu(unsigned int cpu);
/* Index of the first online AP, or -1 with *why set to the reason. */
int smp_first_ap(const char **why);
/* TSC cycles of HCB_SMP_WAIT_MS. */
uint64_t smp_wait_cycles(void);
/* TSC cycles of us microseconds. */
uint64_t smp_us_cycles(unsigned int us);

/*
 * Cross-CPU call: fn(arg) runs on cpu with interrupts off (it may
 * enable them; it must return with them off).
 * on_cpu() waits for its completion flag; smp_call_start() returns at
 * once and smp_call_wait() waits.  0, or -1 when the CPU is not online
 * or did not finish within HCB_SMP_WAIT_MS (it is then marked stuck).
 */
int smp_call_start(unsigned int cpu, void (*fn)(void *), void *arg);
int smp_call_wait(unsigned int cpu);
int on_cpu(unsigned int cpu, void (*fn)(void *), void *arg);

/* Fixed IPI, physical destination, edge, assert. */
void smp_send_ipi(uint32_t apic_id, unsigned int vector);

/* kernel/trap.c: 1 if an interrupt taken on an AP was handled here. */
int smp_irq(unsigned int vector);

/* Waits until *p != old, at most cycles TSC cycles: 0, or -1. */
static inline int smp_wait_change(const volatile unsigned long *p,
				  unsigned long old, uint64_t cycles)
{
	uint64_t t0;

	if (*p != old)
		return 0;
	t0 = rdtsc();
	while (*p == old) {
		if (rdtsc() - t0 > cycles)
			return -1;
		cpu_pause();
	}
	return 0;
}

#endif /* HCBENCH_SMP_H */
