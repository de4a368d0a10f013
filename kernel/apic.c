// SPDX-License-Identifier: GPL-2.0
/* Local APIC access, xAPIC (MMIO) or x2APIC (MSRs). */
#include "apic.h"
#include "processor.h"
#include "vendor.h"

#define APICBASE_EXTD	(1ull << 10)
#define APICBASE_EN	(1ull << 11)

static int x2apic;
static volatile uint32_t *xapic_mmio =
	(volatile uint32_t *)(uintptr_t)APIC_DEFAULT_BASE;

void apic_init(void)
{
	uint64_t base = rdmsr(MSR_IA32_APICBASE);

	xapic_mmio = (volatile uint32_t *)(uintptr_t)(base & ~0xfffull);
	if (cpu_has_x2apic(cpuid(1))) {
		/* xAPIC -> x2APIC is a legal direct transition */
		if (!(base & APICBASE_EN))
			wrmsr(MSR_IA32_APICBASE, base | APICBASE_EN);
		wrmsr(MSR_IA32_APICBASE, base | APICBASE_EN | APICBASE_EXTD);
		x2apic = 1;
	} else if (!(base & APICBASE_EN)) {
		wrmsr(MSR_IA32_APICBASE, base | APICBASE_EN);
	}
}

int apic_is_x2apic(void)
{
	return x2apic;
}

uint32_t apic_read(unsigned int reg)
{
	if (x2apic)
		return (uint32_t)rdmsr(MSR_X2APIC_BASE + (reg >> 4));
	return xapic_mmio[reg / 4];
}

void apic_write(unsigned int reg, uint32_t val)
{
	if (x2apic)
		wrmsr(MSR_X2APIC_BASE + (reg >> 4), val);
	else
		xapic_mmio[reg / 4] = val;
}

uint32_t apic_id(void)
{
	if (x2apic)
		return (uint32_t)rdmsr(MSR_X2APIC_BASE + (APIC_ID >> 4));
	return xapic_mmio[APIC_ID / 4] >> 24;
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}
