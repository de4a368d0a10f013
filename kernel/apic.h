/* SPDX-License-Identifier: GPL-2.0 */
/* Local APIC in x2APIC mode when the CPU has it, else xAPIC MMIO. */
#ifndef HCBENCH_APIC_H
#define HCBENCH_APIC_H

#include <stdint.h>

#define APIC_DEFAULT_BASE 0xfee00000ull

/* xAPIC register offsets; x2APIC MSR = 0x800 + (offset >> 4) */
#define APIC_ID		0x20
#define APIC_LVR	0x30
#define APIC_TPR	0x80	/* never written: see docs/design.md */
#define APIC_EOI	0xb0
#define APIC_SPIV	0xf0
#define APIC_ISR	0x100
#define APIC_IRR	0x200
#define APIC_ESR	0x280
#define APIC_LVT_CMCI	0x2f0
#define APIC_ICR	0x300
#define APIC_LVT_TIMER	0x320
#define APIC_LVT_THERM	0x330
#define APIC_LVT_PERF	0x340
#define APIC_LVT_LINT0	0x350
#define APIC_LVT_LINT1	0x360
#define APIC_LVT_ERROR	0x370
#define APIC_TMICT	0x380
#define APIC_SELF_IPI	0x3f0	/* x2APIC only */

#define APIC_LVT_MASKED	(1u << 16)
#define APIC_SPIV_ENABLE (1u << 8)

#define MSR_X2APIC_BASE	0x800
#define MSR_X2APIC_ICR	0x830
#define MSR_X2APIC_SELF_IPI 0x83f

/* Enables the APIC, in x2APIC mode when CPUID offers it. */
void apic_init(void);
int apic_is_x2apic(void);
uint32_t apic_read(unsigned int reg);
void apic_write(unsigned int reg, uint32_t val);
uint32_t apic_id(void);
void apic_eoi(void);

/*
 * Masks the 8259s, the PIT, the I/O APIC and every LVT entry, drains
 * what is already pending once, and checks IRR/ISR are empty.  Returns 0,
 * or -1 after printing what stayed pending.
 */
int irq_quiesce(void);

#endif /* HCBENCH_APIC_H */
