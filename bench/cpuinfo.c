// SPDX-License-Identifier: GPL-2.0
/* Vendor, family/model/stepping, brand string, hypervisor leaves. */
#include "cpuinfo.h"
#include "kernel/processor.h"
#include "kernel/string.h"
#include "kernel/vendor.h"

#define HV_LEAF_BASE	0x40000000u
#define KVM_SIGNATURE	"KVMKVMKVM\0\0\0"

static char vendor[13], brand[49], hv_sig[13];

/* 12 bytes of register text; non-printable bytes end it. */
static void regs_text(char *out, uint32_t a, uint32_t b, uint32_t c)
{
	unsigned int i;

	memcpy(out, &a, 4);
	memcpy(out + 4, &b, 4);
	memcpy(out + 8, &c, 4);
	out[12] = 0;
	for (i = 0; i < 12; i++)
		if (out[i] < 0x20 || out[i] > 0x7e)
			out[i] = 0;
}

static void fill_brand(void)
{
	struct cpuid_regs r;
	const char *p = brand;
	unsigned int i;

	brand[0] = 0;
	if (cpuid(0x80000000).a < 0x80000004)
		return;
	for (i = 0; i < 3; i++) {
		r = cpuid(0x80000002 + i);
		memcpy(brand + 16 * i, &r, 16);
	}
	brand[48] = 0;
	while (*p == ' ')
		p++;
	memmove(brand, p, strlen(p) + 1);
}

static void fill_hv(struct hcb_report *rep)
{
	struct cpuid_regs r;

	rep->hv.signature = hv_sig;
	if (!(cpuid(1).c & CPUID1_ECX_HYPERVISOR))
		return;
	r = cpuid(HV_LEAF_BASE);
	regs_text(hv_sig, r.b, r.c, r.d);
	rep->hv.max_leaf = r.a;
	if (memcmp(&r.b, KVM_SIGNATURE, 4) || memcmp(&r.c, KVM_SIGNATURE + 4, 4)
	    || memcmp(&r.d, KVM_SIGNATURE + 8, 4))
		return;
	r = cpuid(HV_LEAF_BASE + 1);
	rep->hv.features = r.a;
	rep->hv.hints = r.d;
}

int cpuinfo_fill(struct hcb_report *rep)
{
	struct cpuid_regs r = cpuid(0);
	uint32_t sig;

	regs_text(vendor, r.b, r.d, r.c);
	sig = cpuid(1).a;
	rep->cpu.vendor = vendor;
	rep->cpu.family = cpu_family_of(sig);
	rep->cpu.model = cpu_model_of(sig);
	rep->cpu.stepping = sig & 0xf;
	fill_brand();
	rep->cpu.brand = brand;
	fill_hv(rep);
	return vendor_vmmcall_native(cpu_vendor_of(r));
}
