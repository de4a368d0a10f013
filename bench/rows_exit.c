// SPDX-License-Identifier: GPL-2.0
/* Common VM exits, for scale next to the hypercalls. */
#include "harness.h"
#include "rows.h"
#include "kernel/apic.h"
#include "kernel/probe.h"
#include "kernel/trap.h"

#define PIC1_DATA	0x21
#define POST_PORT	0x80
#define HPET_BASE	0xfed00000ull
#define SELF_IPI_VECTOR	0xf0
#define ICR_PHYS_FIXED(v) (v)	/* fixed delivery, physical, edge */

void row_cpuid_0(struct hcb_ctx *c, struct hcb_row_result *r)
{
	(void)r;
	HCB_MEASURE(c, (void)0, (void)cpuid(0), (void)0);
}

void row_cpuid_kvm(struct hcb_ctx *c, struct hcb_row_result *r)
{
	(void)r;
	if (!(cpuid(1).c & CPUID1_ECX_HYPERVISOR))
		hcb_row_note(c, "no hypervisor bit in CPUID.1:ECX; ");
	HCB_MEASURE(c, (void)0, (void)cpuid(0x40000000), (void)0);
}

void row_pio_kernel(struct hcb_ctx *c, struct hcb_row_result *r)
{
	(void)r;
	HCB_MEASURE(c, (void)0, (void)inb(PIC1_DATA), (void)0);
}

void row_pio_user(struct hcb_ctx *c, struct hcb_row_result *r)
{
	(void)r;
	HCB_MEASURE(c, (void)0, outb(POST_PORT, 0), (void)0);
}

void row_mmio_user(struct hcb_ctx *c, struct hcb_row_result *r)
{
	volatile uint32_t *id = (volatile uint32_t *)(uintptr_t)HPET_BASE;
	uint32_t v = *id;

	/* vendor ID in bits 31:16, revision in 7:0 (must be non-zero) */
	if (v == 0xffffffffu || !(v & 0xff)) {
		hcb_row_status(c, r, HCB_STATUS_UNAVAILABLE,
			       "no HPET at 0x%llx (ID register reads 0x%x)",
			       HPET_BASE, v);
		return;
	}
	HCB_MEASURE(c, (void)0, (void)*id, (void)0);
}

/* rdmsr/wrmsr of msr with #GP recovery; 0 if neither faulted. */
static int msr_probe(struct hcb_ctx *c, struct hcb_row_result *r,
		     uint32_t msr, uint64_t *val, int write)
{
	unsigned long gp = probe_gp_hits();

	probe_arm(HCB_PROBE_GP);
	*val = rdmsr(msr);
	if (write && probe_gp_hits() == gp)
		wrmsr(msr, *val);
	probe_disarm(HCB_PROBE_GP);
	if (probe_gp_hits() != gp) {
		hcb_row_status(c, r, HCB_STATUS_UNAVAILABLE,
			       "%s of MSR 0x%x raised #GP", write ?
			       "wrmsr" : "rdmsr", msr);
		return -1;
	}
	return 0;
}

void row_rdmsr(struct hcb_ctx *c, struct hcb_row_result *r)
{
	uint64_t v;

	if (msr_probe(c, r, MSR_IA32_MISC_ENABLE, &v, 0))
		return;
	HCB_MEASURE(c, (void)0, (void)rdmsr(MSR_IA32_MISC_ENABLE), (void)0);
}

void row_wrmsr(struct hcb_ctx *c, struct hcb_row_result *r)
{
	uint64_t v;

	if (msr_probe(c, r, MSR_IA32_MISC_ENABLE, &v, 1))
		return;
	HCB_MEASURE(c, (void)0, wrmsr(MSR_IA32_MISC_ENABLE, v), (void)0);
}

static int need_x2apic(struct hcb_ctx *c, struct hcb_row_result *r)
{
	if (c->x2apic)
		return 0;
	hcb_row_status(c, r, HCB_STATUS_UNAVAILABLE,
		       "no x2APIC (CPUID.1:ECX bit 21 clear)");
	return -1;
}

void row_x2apic_icr_nodest(struct hcb_ctx *c, struct hcb_row_result *r)
{
	uint64_t icr = (uint64_t)(c->apic_id + 0x100) << 32 |
		       ICR_PHYS_FIXED(SELF_IPI_VECTOR);

	if (need_x2apic(c, r))
		return;
	HCB_MEASURE(c, (void)0, wrmsr(MSR_X2APIC_ICR, icr), (void)0);
	if (trap_irq_count())
		hcb_row_note(c, "%lu interrupts arrived so far; ",
			     trap_irq_count());
}

void row_x2apic_self_ipi(struct hcb_ctx *c, struct hcb_row_result *r)
{
	unsigned long before = trap_irq_count();
	unsigned long calls;

	if (!c->virq_safe) {
		hcb_row_status(c, r, HCB_STATUS_SKIPPED,
			       "runs only where a pending virtual interrupt is "
			       "safe (hardware-kvm, nested-kvm, "
			       "nested-emulated-vmx): it can abort QEMU TCG's "
			       "SVM emulation");
		return;
	}
	if (need_x2apic(c, r))
		return;
	HCB_MEASURE(c, (void)0,
		    (wrmsr(MSR_X2APIC_SELF_IPI, SELF_IPI_VECTOR),
		     irq_window()), (void)0);
	calls = c->warmup + c->iters + (unsigned long)c->batches * c->batch;
	if (trap_irq_count() - before != calls)
		hcb_row_note(c, "%lu self-IPIs sent, %lu taken; ", calls,
			     trap_irq_count() - before);
}
