// SPDX-License-Identifier: GPL-2.0
/*
 * TSC frequency: from CPUID (0x40000010 of KVM/QEMU or VMware, else 0x15
 * crystal ratio, else 0x16 base MHz: the choice is kernel/vendor.c's),
 * else calibrated against PIT channel 2, else against UEFI Stall().
 */
#include "tsc.h"
#include "hcbench/schema.h"
#include "kernel/printf.h"
#include "kernel/processor.h"
#include "kernel/vendor.h"

#define PIT_HZ		1193182ull
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PORT_61		0x61
#define PIT_COUNT	0xffffu		/* ~54.9 ms */
#define CALIB_TRIES	3
#define STALL_US	50000

static struct cpuid_regs hw_cpuid(void *ctx, uint32_t leaf)
{
	(void)ctx;
	return cpuid(leaf);
}

static const char *const src_names[] = {
	[TSC_SRC_HV] = HCB_TSC_SRC_KVM,
	[TSC_SRC_15] = HCB_TSC_SRC_15,
	[TSC_SRC_16] = HCB_TSC_SRC_16,
};

/* The CPUID values the choice rests on, for logs from unknown hosts. */
static void log_cpuid(const struct tsc_cpuid *t)
{
	printf("hcbench: TSC cpuid: max leaf 0x%x, ", t->max_basic);
	printf("0x15 EAX/EBX/ECX %u/%u/%u, ", t->l15.a, t->l15.b, t->l15.c);
	printf("0x16 EAX %u, ", t->l16.a & 0xffff);
	printf("hv '%s' max 0x%x, 0x40000010 EAX %u\n", t->hv_sig, t->hv_max,
	       t->hv10.a);
}

static uint64_t from_cpuid(const char **src)
{
	struct tsc_cpuid t;

	tsc_from_cpuid(hw_cpuid, NULL, &t);
	log_cpuid(&t);
	if (t.src == TSC_SRC_NONE)
		return 0;
	*src = src_names[t.src];
	return t.hz;
}

/* TSC ticks while PIT channel 2 counts PIT_COUNT down; 0 if it never ends. */
static uint64_t pit_once(void)
{
	uint64_t t0, t1, spins = 0;
	uint8_t p61 = inb(PORT_61);

	outb(PORT_61, (p61 & ~0x02) & ~0x01);	/* speaker off, gate low */
	outb(PIT_CMD, 0xb0);		/* ch 2, lo/hi byte, mode 0, binary */
	outb(PIT_CH2, PIT_COUNT & 0xff);
	outb(PIT_CH2, PIT_COUNT >> 8);
	outb(PORT_61, (p61 & ~0x02) | 0x01);	/* gate high: count starts */
	t0 = rdtsc_ordered();
	while (!(inb(PORT_61) & 0x20))		/* OUT2 goes high at 0 */
		if (++spins > 100000000)
			return 0;
	t1 = rdtsc_ordered();
	outb(PORT_61, p61 & ~0x01);
	return t1 - t0;
}

/* Firmware timer interrupts are held off (TPL_HIGH_LEVEL) meanwhile. */
static uint64_t from_pit(EFI_BOOT_SERVICES *bs)
{
	uint64_t best = 0, t;
	EFI_TPL tpl;
	int i;

	for (i = 0; i < CALIB_TRIES; i++) {
		tpl = bs->RaiseTPL(TPL_HIGH_LEVEL);
		t = pit_once();
		bs->RestoreTPL(tpl);
		if (!t)
			return 0;
		if (!best || t < best)	/* shortest: least disturbed */
			best = t;
	}
	return best * PIT_HZ / PIT_COUNT;
}

static uint64_t from_stall(EFI_BOOT_SERVICES *bs)
{
	uint64_t t0, t1;

	t0 = rdtsc_ordered();
	if (bs->Stall(STALL_US) != EFI_SUCCESS)
		return 0;
	t1 = rdtsc_ordered();
	return (t1 - t0) * (1000000 / STALL_US);
}

uint64_t tsc_measure(EFI_BOOT_SERVICES *bs, const char **src)
{
	uint64_t hz = from_cpuid(src);

	if (hz)
		return hz;
	hz = from_pit(bs);
	if (hz) {
		*src = HCB_TSC_SRC_PIT;
		return hz;
	}
	*src = HCB_TSC_SRC_STALL;
	return from_stall(bs);
}
