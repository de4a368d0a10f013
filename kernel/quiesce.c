// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt quiescing before any timing: no interrupt source, nothing
 * pending, no interrupt window.  CR8/TPR are never written (a CR8 write
 * with a pending virtual interrupt aborts QEMU TCG's SVM emulation).
 */
#include "apic.h"
#include "printf.h"
#include "probe.h"
#include "processor.h"

#define PIC1_DATA	0x21
#define PIC2_DATA	0xa1
#define PIT_CH0		0x40
#define PIT_CMD		0x43
#define PIT_CH0_MODE0	0x30	/* ch 0, lo/hi byte, mode 0 */
#define PORT_61		0x61
#define IOAPIC_BASE	0xfec00000ull
#define IOAPIC_VER	0x01
#define IOAPIC_REDIR	0x10

static void pic_pit_stop(void)
{
	outb(PIC1_DATA, 0xff);
	outb(PIC2_DATA, 0xff);
	/*
	 * Counter 0 to mode 0 (one-shot), as Linux shuts the PIT down: a
	 * periodic mode set by the firmware stops; the one terminal count
	 * still to come meets masked inputs.
	 */
	outb(PIT_CMD, PIT_CH0_MODE0);
	outb(PIT_CH0, 0);
	outb(PIT_CH0, 0);
	outb(PORT_61, inb(PORT_61) & ~0x03);	/* channel 2 gate, speaker */
}

static void ioapic_mask_all(void)
{
	volatile uint32_t *io = (volatile uint32_t *)(uintptr_t)IOAPIC_BASE;
	uint32_t ver, n, i;

	io[0] = IOAPIC_VER;
	ver = io[4];
	if (ver == 0xffffffffu)		/* no I/O APIC here */
		return;
	n = ((ver >> 16) & 0xff) + 1;
	for (i = 0; i < n; i++) {
		io[0] = IOAPIC_REDIR + 2 * i;
		io[4] = io[4] | APIC_LVT_MASKED;
	}
}

static void lvt_mask_all(void)
{
	unsigned int maxlvt = (apic_read(APIC_LVR) >> 16) & 0xff;

	apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
	apic_write(APIC_TMICT, 0);
	apic_write(APIC_LVT_LINT0, APIC_LVT_MASKED);
	apic_write(APIC_LVT_LINT1, APIC_LVT_MASKED);
	apic_write(APIC_LVT_ERROR, APIC_LVT_MASKED);
	if (maxlvt >= 4)
		apic_write(APIC_LVT_PERF, APIC_LVT_MASKED);
	if (maxlvt >= 5)
		apic_write(APIC_LVT_THERM, APIC_LVT_MASKED);
	if (maxlvt >= 6)
		apic_write(APIC_LVT_CMCI, APIC_LVT_MASKED);
}

static int apic_bits_pending(unsigned int base)
{
	unsigned int i;
	int any = 0;

	for (i = 0; i < 8; i++)
		if (apic_read(base + 0x10 * i))
			any = 1;
	return any;
}

static void print_bits(const char *what, unsigned int base)
{
	unsigned int i;

	printf("hcbench: APIC %s still set:", what);
	for (i = 0; i < 8; i++)
		printf(" %08x", apic_read(base + 0x10 * (7 - i)));
	printf("\n");
}

int irq_quiesce(void)
{
	cli();
	pic_pit_stop();
	ioapic_mask_all();
	probe_arm(HCB_PROBE_GP);	/* a missing LVT must not kill us */
	lvt_mask_all();
	probe_disarm(HCB_PROBE_GP);
	/* software-enable the APIC (spurious vector 0xff) for the drain */
	apic_write(APIC_SPIV, apic_read(APIC_SPIV) | APIC_SPIV_ENABLE | 0xff);
	if (apic_bits_pending(APIC_IRR))
		irq_window();		/* handlers count and EOI */
	if (apic_bits_pending(APIC_IRR) || apic_bits_pending(APIC_ISR)) {
		print_bits("IRR", APIC_IRR);
		print_bits("ISR", APIC_ISR);
		return -1;
	}
	return 0;
}
