// SPDX-License-Identifier: GPL-2.0
/*
 * After ExitBootServices: own descriptor tables and page tables, a quiet
 * interrupt system and the APs.  The UEFI stage (boot/efi_main.c) calls
 * this, then runs the benchmark.
 */
#include "apic.h"
#include "desc.h"
#include "exit.h"
#include "paging.h"
#include "printf.h"
#include "processor.h"
#include "runtime.h"
#include "smp.h"
#include "hcbench/protocol.h"

/* x87/SSE usable: no emulation, no lazy-FPU traps. */
static void fpu_setup(void)
{
	write_cr0((read_cr0() & ~(X86_CR0_EM | X86_CR0_TS)) | X86_CR0_MP);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
}

void runtime_init(const struct hcb_handoff *h)
{
	cli();
	fpu_setup();
	desc_init(&h->stacks);
	percpu_init_bsp();
	paging_init(h->pt_top, h->ram, h->n_ram, h->pt_pages);
	apic_init();
	if (irq_quiesce()) {
		printf("hcbench: interrupts still pending after the drain\n");
		hcb_done(HCB_EXIT_BOOT);
	}
	printf("hcbench: runtime ready (identity map to 0x%lx, %u RAM "
	       "ranges, interrupts quiesced)\n", (unsigned long)h->pt_top,
	       h->n_ram);
	smp_init(&h->smp, (uintptr_t)h->pt_pages, h->tsc_hz,
		 (enum hcb_ap_test)h->opt.ap_test);
}
