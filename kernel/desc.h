/* SPDX-License-Identifier: GPL-2.0 */
/* GDT with kernel and user segments, a TSS with IST stacks, the IDT. */
#ifndef HCBENCH_DESC_H
#define HCBENCH_DESC_H

#include <stdint.h>
#include "hcbench/handoff.h"	/* struct hcb_stacks */

#define KERNEL_CS	0x08
#define KERNEL_DS	0x10
#define USER_DS		0x18	/* RPL 3 added when loaded */
#define USER_CS		0x20
#define TSS_SEL		0x28	/* 16 bytes: 0x28 and 0x30 */
#define KERNEL_CS32	0x38	/* compatibility-mode code, DPL 0 */
#define TSS_AP_SEL	0x40	/* an AP's TSS: 0x40 + 16 * (cpu - 1) */

#define IST_DF		1
#define IST_NMI		2
#define IST_MC		3

/* DPL-3 gate through which code run by hcb_user_call() comes back. */
#define HCB_VEC_USER_RET 0x81

/* Saved by kernel/trap_entry.asm, in push order reversed. */
struct hcb_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
};

void desc_init(const struct hcb_stacks *st);
/*
 * An AP (kernel/smp.c, cpu 1..HCB_MAX_CPUS-1): the BSP's GDT and IDT and
 * a TSS of its own (one TSS cannot be busy on two CPUs) whose IST stacks,
 * for #DF, NMI and #MC, are its own too: a fault there is reported as on
 * the BSP.  No AP changes privilege level, so rsp0 stays 0.
 */
void desc_load_ap(unsigned int cpu);

/*
 * Runs fn(arg) at CPL 3 on user_stack_top (16-byte aligned) with
 * interrupts off, and returns once fn returns (kernel/usermode.asm).
 */
void hcb_user_call(void (*fn)(void *), void *arg, void *user_stack_top);

/* Calls fn(arg) on a new stack; fn must not return (kernel/stack.asm). */
void hcb_switch_stack(void (*fn)(void *), void *arg, void *stack_top)
	__attribute__((noreturn));

#endif /* HCBENCH_DESC_H */
