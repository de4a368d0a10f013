/* SPDX-License-Identifier: GPL-2.0 */
/* Exception handling (kernel/trap.c) and the fault= option. */
#ifndef HCBENCH_TRAP_H
#define HCBENCH_TRAP_H

#include "desc.h"

enum hcb_fault {
	HCB_FAULT_NONE, HCB_FAULT_UD, HCB_FAULT_GP, HCB_FAULT_PF,
	HCB_FAULT_DE, HCB_FAULT_BP,
};

void hcb_trap(struct hcb_regs *r);
/* Interrupts (vectors 32..255) taken so far. */
unsigned long trap_irq_count(void);
/* Raises the exception; returns only if the CPU did not fault. */
void trap_raise(enum hcb_fault which);

#endif /* HCBENCH_TRAP_H */
