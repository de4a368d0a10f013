/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A hypercall from 32-bit compatibility mode (kernel/compat.asm), through
 * the DPL-0 code segment KERNEL_CS32 of kernel/desc.c.
 */
#ifndef HCBENCH_COMPAT_H
#define HCBENCH_COMPAT_H

#include <stdint.h>

/* In: the hypercall registers.  Out: rax as 64-bit code sees it after. */
struct hcb_compat_regs {
	uint64_t rax, rbx, rcx, rdx, rsi;
};

void hcb_compat_hypercall(struct hcb_compat_regs *regs, int amd);

/* 1 if compat.asm's code and far pointers lie below 4 GiB. */
static inline int hcb_compat_usable(void)
{
	extern char hcb_compat_text_end[], hcb_compat_data_end[];

	return (uintptr_t)hcb_compat_text_end < (1ull << 32) &&
	       (uintptr_t)hcb_compat_data_end < (1ull << 32);
}

#endif /* HCBENCH_COMPAT_H */
