// SPDX-License-Identifier: GPL-2.0
/*
 * Vendor- and hypervisor-dependent decisions from CPUID values (see
 * vendor.h).  Pure: every CPUID value arrives through the caller's
 * cpuid_fn, so host unit tests run this file unchanged.
 */
#include "vendor.h"

#define HV_LEAF_BASE	0x40000000u
#define HV_LEAF_TIMING	0x40000010u	/* EAX TSC kHz, EBX APIC bus kHz */

/* Four signature characters as CPUID returns them in one register. */
static uint32_t sig_word(const char *s)
{
	return (uint32_t)(uint8_t)s[0] | (uint32_t)(uint8_t)s[1] << 8 |
	       (uint32_t)(uint8_t)s[2] << 16 | (uint32_t)(uint8_t)s[3] << 24;
}

/* 12-byte signature held in registers r1, r2, r3 (in that order). */
static int sig_is(uint32_t r1, uint32_t r2, uint32_t r3, const char *sig)
{
	return r1 == sig_word(sig) && r2 == sig_word(sig + 4) &&
	       r3 == sig_word(sig + 8);
}

enum cpu_vendor cpu_vendor_of(struct cpuid_regs l0)
{
	if (sig_is(l0.b, l0.d, l0.c, "GenuineIntel"))
		return CPU_VENDOR_INTEL;
	if (sig_is(l0.b, l0.d, l0.c, "AuthenticAMD"))
		return CPU_VENDOR_AMD;
	if (sig_is(l0.b, l0.d, l0.c, "HygonGenuine"))
		return CPU_VENDOR_HYGON;
	return CPU_VENDOR_OTHER;
}

/* Like Linux's kvm_hypercall*(): SVM (vmmcall) on AMD and Hygon only. */
int vendor_vmmcall_native(enum cpu_vendor v)
{
	return v == CPU_VENDOR_AMD || v == CPU_VENDOR_HYGON;
}

enum hc_insn hc_insn_pick(int vmmcall_native, int native)
{
	return !vmmcall_native == !native ? HC_INSN_VMMCALL : HC_INSN_VMCALL;
}

int cpu_has_x2apic(struct cpuid_regs leaf1)
{
	return !!(leaf1.c & CPUID1_ECX_X2APIC);
}

uint32_t cpu_family_of(uint32_t eax)
{
	uint32_t fam = (eax >> 8) & 0xf;

	if (fam == 0xf)
		fam += (eax >> 20) & 0xff;
	return fam;
}

uint32_t cpu_model_of(uint32_t eax)
{
	uint32_t fam = (eax >> 8) & 0xf, model = (eax >> 4) & 0xf;

	if (fam == 0x6 || fam == 0xf)
		model |= ((eax >> 16) & 0xf) << 4;
	return model;
}

/*
 * Intel SDM vol. 3B, "Determining the Processor Base Frequency": the
 * nominal core crystal clock of processors whose CPUID.15H:ECX is 0.
 * Skylake-SP (06_55H, listed at 25 MHz) is left out on purpose: its TSC
 * runs measurably off that nominal rate (Linux dropped it for the same
 * reason), and its leaf 0x16 follows in the chain.
 */
uint32_t intel_nominal_crystal_hz(uint32_t family, uint32_t model)
{
	if (family != 6)
		return 0;
	switch (model) {
	case 0x4e: case 0x5e:		/* Skylake client (6th gen Core) */
	case 0x8e: case 0x9e:		/* Kaby/Coffee Lake (7th gen on) */
		return 24000000;
	case 0x5c:			/* Goldmont (Apollo Lake) Atom */
		return 19200000;
	}
	return 0;
}

static int hz_ok(uint64_t hz)
{
	return hz >= TSC_HZ_MIN && hz <= TSC_HZ_MAX;
}

static void copy_sig(char *out, struct cpuid_regs r)
{
	uint32_t w[3] = { r.b, r.c, r.d };
	unsigned int i;

	for (i = 0; i < 12; i++) {
		out[i] = (char)(w[i / 4] >> (8 * (i % 4)));
		if (out[i] < 0x20 || out[i] > 0x7e)
			out[i] = '.';
	}
	out[12] = 0;
}

/* 0x40000010, from a hypervisor that defines it (KVM/QEMU, VMware). */
static int try_hv(cpuid_fn fn, void *ctx, struct tsc_cpuid *o)
{
	struct cpuid_regs r;
	uint64_t hz;

	if (!(fn(ctx, 1).c & CPUID1_ECX_HYPERVISOR))
		return 0;
	r = fn(ctx, HV_LEAF_BASE);
	o->hv_max = r.a;
	copy_sig(o->hv_sig, r);
	if (!sig_is(r.b, r.c, r.d, "KVMKVMKVM\0\0\0") &&
	    !sig_is(r.b, r.c, r.d, "VMwareVMware"))
		return 0;
	if (r.a < HV_LEAF_TIMING)
		return 0;
	o->hv10 = fn(ctx, HV_LEAF_TIMING);
	hz = (uint64_t)o->hv10.a * 1000;
	if (!hz_ok(hz))
		return 0;
	o->src = TSC_SRC_HV;
	o->hz = hz;
	return 1;
}

/* 0x15: TSC = crystal * EBX / EAX; EBX or EAX 0 = ratio not given. */
static int try_15(cpuid_fn fn, void *ctx, struct tsc_cpuid *o)
{
	uint64_t crystal, hz;
	uint32_t sig;

	if (o->max_basic < 0x15)
		return 0;
	o->l15 = fn(ctx, 0x15);
	if (!o->l15.a || !o->l15.b)
		return 0;
	crystal = o->l15.c;
	if (!crystal && cpu_vendor_of(fn(ctx, 0)) == CPU_VENDOR_INTEL) {
		sig = fn(ctx, 1).a;
		crystal = intel_nominal_crystal_hz(cpu_family_of(sig),
						   cpu_model_of(sig));
	}
	hz = crystal * o->l15.b / o->l15.a;
	if (!hz_ok(hz))
		return 0;
	o->src = TSC_SRC_15;
	o->hz = hz;
	return 1;
}

/* 0x16: EAX[15:0] processor base frequency in MHz. */
static int try_16(cpuid_fn fn, void *ctx, struct tsc_cpuid *o)
{
	uint64_t hz;

	if (o->max_basic < 0x16)
		return 0;
	o->l16 = fn(ctx, 0x16);
	hz = (uint64_t)(o->l16.a & 0xffff) * 1000000;
	if (!hz_ok(hz))
		return 0;
	o->src = TSC_SRC_16;
	o->hz = hz;
	return 1;
}

void tsc_from_cpuid(cpuid_fn fn, void *ctx, struct tsc_cpuid *o)
{
	*o = (struct tsc_cpuid){ .src = TSC_SRC_NONE };
	o->max_basic = fn(ctx, 0).a;
	if (try_hv(fn, ctx, o) || try_15(fn, ctx, o) || try_16(fn, ctx, o))
		return;
	o->src = TSC_SRC_NONE;
	o->hz = 0;
}
