// SPDX-License-Identifier: GPL-2.0
/*
 * TSC frequency: CPUID 0x40000010 (KVM/QEMU timing leaf), else 0x15
 * (crystal ratio), else 0x16 (base MHz), else calibrated against PIT
 * channel 2, else against UEFI Stall().
 */
#include "tsc.h"
#include "include/hcbench/schema.h"
#include "kernel/processor.h"

#define PIT_HZ		1193182ull
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PORT_61		0x61
#define PIT_COUNT	0xffffu		/* ~54.9 ms */
#define CALIB_TRIES	3
#define STALL_US	50000

static int hv_signature_is(const char *sig)
{
	struct cpuid_regs r;
	char s[12];

	if (!(cpuid(1).c & CPUID1_ECX_HYPERVISOR))
		return 0;
	r = cpuid(0x40000000);
	__builtin_memcpy(s, &r.b, 4);
	__builtin_memcpy(s + 4, &r.c, 4);
	__builtin_memcpy(s + 8, &r.d, 4);
	return !__builtin_memcmp(s, sig, 12) && r.a >= 0x40000010;
}

static uint64_t from_cpuid(const char **src)
{
	uint32_t max = cpuid(0).a;
	struct cpuid_regs r;

	if (hv_signature_is("KVMKVMKVM\0\0\0")) {
		r = cpuid(0x40000010);
		if (r.a) {
			*src = HCB_TSC_SRC_KVM;
			return (uint64_t)r.a * 1000;
		}
	}
	if (max >= 0x15) {
		r = cpuid(0x15);
		if (r.a && r.b && r.c) {
			*src = HCB_TSC_SRC_15;
			return (uint64_t)r.c * r.b / r.a;
		}
	}
	if (max >= 0x16) {
		r = cpuid(0x16);
		if (r.a & 0xffff) {
			*src = HCB_TSC_SRC_16;
			return (uint64_t)(r.a & 0xffff) * 1000000;
		}
	}
	return 0;
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
