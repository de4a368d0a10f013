// SPDX-License-Identifier: GPL-2.0
/*
 * Vendor- and hypervisor-dependent decisions (kernel/vendor.c) fed with
 * the CPUID values of real Intel and AMD CPUs and of KVM, VMware and
 * Hyper-V guests.  Values are written from the vendors' documented
 * meanings (Intel SDM vol. 2A, CPUID; AMD APM vol. 3, CPUID), only for
 * the leaves and fields the decisions read:
 *   leaf 0     EAX max basic leaf; EBX, EDX, ECX vendor signature
 *   leaf 1     EAX family/model/stepping; ECX[21] x2APIC, ECX[31] hypervisor
 *   leaf 0x15  EAX denominator, EBX numerator of TSC/crystal, ECX crystal Hz
 *   leaf 0x16  EAX[15:0] base MHz, EBX[15:0] max MHz, ECX[15:0] bus MHz
 *   0x40000000 EAX max hypervisor leaf; EBX, ECX, EDX its signature
 *   0x40000010 EAX TSC kHz, EBX APIC bus kHz (VMware's leaf, KVM/QEMU's)
 * A read above the CPU's max leaf gets what the vendor documents: Intel
 * returns the highest basic leaf's data, AMD returns zeros.  The fake
 * counts such reads; the code under test must make none.
 */
#include <stdio.h>
#include <string.h>

#include "unit_test.h"
#include "kernel/vendor.h"

#define HV_BASE		0x40000000u
#define ECX1_X2APIC	(1u << 21)
#define ECX1_HV		(1u << 31)
/* SSE3 ... AVX: present on all of these, read by no decision here */
#define ECX1_OTHER	0x1ed82203u

/* leaf 0 vendor signatures: EBX, ECX, EDX ("Genu", "ntel", "ineI") */
#define INTEL_B		0x756e6547
#define INTEL_C		0x6c65746e
#define INTEL_D		0x49656e69
#define AMD_B		0x68747541	/* "Auth" */
#define AMD_C		0x444d4163	/* "cAMD" */
#define AMD_D		0x69746e65	/* "enti" */
#define HYGON_B		0x6f677948	/* "Hygo" */
#define HYGON_C		0x656e6975	/* "uine" */
#define HYGON_D		0x6e65476e	/* "nGen" */
/* 0x40000000 signatures: EBX, ECX, EDX */
#define KVM_B		0x4b4d564b	/* "KVMK" */
#define KVM_C		0x564b4d56	/* "VMKV" */
#define KVM_D		0x0000004d	/* "M\0\0\0" */
#define VMWARE_B	0x61774d56	/* "VMwa" */
#define VMWARE_C	0x4d566572	/* "reVM" */
#define VMWARE_D	0x65726177	/* "ware" */
#define HYPERV_B	0x7263694d	/* "Micr" */
#define HYPERV_C	0x666f736f	/* "osof" */
#define HYPERV_D	0x76482074	/* "t Hv" */

struct leaf {
	uint32_t leaf, a, b, c, d;
};

#define MAX_LEAVES 8

struct cpu_rec {
	const char *name;
	int intel_oob;		/* above-max reads: 1 Intel, 0 AMD (zeros) */
	struct leaf l[MAX_LEAVES];
};

struct fake {
	const struct cpu_rec *cpu;
	unsigned int oob_reads, reads;
};

static const struct leaf *find(const struct cpu_rec *c, uint32_t leaf)
{
	unsigned int i;

	for (i = 0; i < MAX_LEAVES; i++)
		if (c->l[i].leaf == leaf && (leaf || i == 0))
			return &c->l[i];
	return NULL;
}

static struct cpuid_regs regs(const struct leaf *l)
{
	if (!l)
		return (struct cpuid_regs){ 0, 0, 0, 0 };
	return (struct cpuid_regs){ l->a, l->b, l->c, l->d };
}

static struct cpuid_regs fake_cpuid(void *ctx, uint32_t leaf)
{
	struct fake *f = ctx;
	const struct leaf *l0 = find(f->cpu, 0), *hv = find(f->cpu, HV_BASE);
	int in_range;

	f->reads++;
	if (leaf >= HV_BASE && leaf <= HV_BASE + 0xffff)
		in_range = hv && leaf <= hv->a;
	else
		in_range = leaf <= l0->a;
	if (in_range)
		return regs(find(f->cpu, leaf));
	f->oob_reads++;
	return f->cpu->intel_oob ? regs(find(f->cpu, l0->a)) : regs(NULL);
}

/* Bare-metal servers and clients. */
static const struct cpu_rec xeon_6148 = {
	/* Intel Xeon Gold 6148, Skylake-SP 06_55H stepping 4, 2.4 GHz */
	"Xeon Gold 6148 (Skylake-SP)", 1, {
		{ 0, 0x16, INTEL_B, INTEL_C, INTEL_D },
		{ 1, 0x00050654, 0, ECX1_OTHER | ECX1_X2APIC, 0 },
		/* TSC/crystal 192/2 = 96, crystal not enumerated (ECX 0) */
		{ 0x15, 2, 192, 0, 0 },
		/* base 2400 MHz, max turbo 3700 MHz, bus 100 MHz */
		{ 0x16, 2400, 3700, 100, 0 },
	} };

static const struct cpu_rec core_1165g7 = {
	/* Intel Core i7-1165G7, Tiger Lake 06_8CH stepping 1 */
	"Core i7-1165G7 (Tiger Lake)", 1, {
		{ 0, 0x1b, INTEL_B, INTEL_C, INTEL_D },
		{ 1, 0x000806c1, 0, ECX1_OTHER | ECX1_X2APIC, 0 },
		/* 38.4 MHz crystal * 146 / 2 = 2803.2 MHz */
		{ 0x15, 2, 146, 38400000, 0 },
		{ 0x16, 2800, 4700, 100, 0 },
	} };

static const struct cpu_rec core_6700k = {
	/* Intel Core i7-6700K, Skylake client 06_5EH stepping 3 */
	"Core i7-6700K (Skylake client)", 1, {
		{ 0, 0x16, INTEL_B, INTEL_C, INTEL_D },
		{ 1, 0x000506e3, 0, ECX1_OTHER | ECX1_X2APIC, 0 },
		/* ECX 0: the SDM's nominal crystal for 06_5EH is 24 MHz */
		{ 0x15, 2, 334, 0, 0 },
		{ 0x16, 4000, 4200, 100, 0 },
	} };

static const struct cpu_rec celeron_j3455 = {
	/* Intel Celeron J3455, Goldmont (Apollo Lake) 06_5CH stepping 9 */
	"Celeron J3455 (Goldmont)", 1, {
		{ 0, 0x15, INTEL_B, INTEL_C, INTEL_D },
		{ 1, 0x000506c9, 0, ECX1_OTHER | ECX1_X2APIC, 0 },
		/* ECX 0: nominal crystal 19.2 MHz; * 78 = 1497.6 MHz */
		{ 0x15, 1, 78, 0, 0 },
	} };

static const struct cpu_rec xeon_2699v4 = {
	/* Intel Xeon E5-2699 v4, Broadwell-EP 06_4FH stepping 1: no 0x15 */
	"Xeon E5-2699 v4 (Broadwell-EP)", 1, {
		{ 0, 0x14, INTEL_B, INTEL_C, INTEL_D },
		{ 1, 0x000406f1, 0, ECX1_OTHER | ECX1_X2APIC, 0 },
		/* leaf 0x14 (Intel PT): what reads above 0x14 return */
		{ 0x14, 1, 0x0f, 0x07, 0 },
	} };

static const struct cpu_rec epyc_7742 = {
	/* AMD EPYC 7742, Zen 2 (Rome) family 17h model 31h: no 0x15/0x16 */
	"EPYC 7742 (Zen 2)", 0, {
		{ 0, 0x10, AMD_B, AMD_C, AMD_D },
		{ 1, 0x00830f10, 0, ECX1_OTHER | ECX1_X2APIC, 0 },
	} };

static const struct cpu_rec epyc_7601 = {
	/* AMD EPYC 7601, Zen 1 (Naples) family 17h model 01h: no x2APIC */
	"EPYC 7601 (Zen 1)", 0, {
		{ 0, 0x0d, AMD_B, AMD_C, AMD_D },
		{ 1, 0x00800f12, 0, ECX1_OTHER, 0 },
	} };

static const struct cpu_rec epyc_9654 = {
	/* AMD EPYC 9654, Zen 4 (Genoa) family 19h model 11h */
	"EPYC 9654 (Zen 4)", 0, {
		{ 0, 0x10, AMD_B, AMD_C, AMD_D },
		{ 1, 0x00a10f11, 0, ECX1_OTHER | ECX1_X2APIC, 0 },
	} };

static const struct cpu_rec hygon_7185 = {
	/* Hygon C86 7185 (Dhyana, Zen 1 based), family 18h: AMD's SVM */
	"Hygon C86 7185 (Dhyana)", 0, {
		{ 0, 0x0d, HYGON_B, HYGON_C, HYGON_D },
		{ 1, 0x00900f01, 0, ECX1_OTHER, 0 },
	} };

/* Guests. */
static const struct cpu_rec kvm_on_6248 = {
	/*
	 * QEMU/KVM guest, -cpu host,invtsc=on on a Xeon Gold 6248 (Cascade
	 * Lake 06_55H stepping 7): QEMU leaves 0x15/0x16 zero and, TSC rate
	 * being stable and known, publishes it in 0x40000010 (vmware-cpuid-
	 * freq, default on) and raises 0x40000000.EAX to 0x40000010.
	 */
	"KVM guest on Xeon Gold 6248", 1, {
		{ 0, 0x16, INTEL_B, INTEL_C, INTEL_D },
		{ 1, 0x00050657, 0, ECX1_OTHER | ECX1_X2APIC | ECX1_HV, 0 },
		{ 0x15, 0, 0, 0, 0 },
		{ 0x16, 0, 0, 0, 0 },
		{ HV_BASE, 0x40000010, KVM_B, KVM_C, KVM_D },
		/* 2494.140 MHz TSC; LAPIC bus 1 GHz, as KVM hard-codes it */
		{ 0x40000010, 2494140, 1000000, 0, 0 },
	} };

static const struct cpu_rec kvm_on_6248_no_freq = {
	/*
	 * No invtsc/tsc-frequency, so no 0x40000010; a VMM that passes the
	 * host's 0x16 through (QEMU zeroes it): an above-max read of
	 * 0x40000010 would return 0x16's data, i.e. "2500 kHz".
	 */
	"KVM guest on Xeon Gold 6248, no timing leaf", 1, {
		{ 0, 0x16, INTEL_B, INTEL_C, INTEL_D },
		{ 1, 0x00050657, 0, ECX1_OTHER | ECX1_X2APIC | ECX1_HV, 0 },
		{ 0x15, 0, 0, 0, 0 },
		{ 0x16, 2500, 3900, 100, 0 },
		{ HV_BASE, 0x40000001, KVM_B, KVM_C, KVM_D },
	} };

static const struct cpu_rec vmware_on_6148 = {
	/* VMware ESXi guest on a Xeon Gold 6148: VMware's timing leaf */
	"VMware guest on Xeon Gold 6148", 1, {
		{ 0, 0x16, INTEL_B, INTEL_C, INTEL_D },
		{ 1, 0x00050654, 0, ECX1_OTHER | ECX1_X2APIC | ECX1_HV, 0 },
		{ 0x15, 2, 192, 0, 0 },
		{ 0x16, 2400, 3700, 100, 0 },
		{ HV_BASE, 0x40000010, VMWARE_B, VMWARE_C, VMWARE_D },
		/* TSC 2394.374 MHz, bus 66 MHz */
		{ 0x40000010, 2394374, 66000, 0, 0 },
	} };

static const struct cpu_rec hyperv_on_2673v4 = {
	/*
	 * Hyper-V guest (Azure, Xeon E5-2673 v4, Broadwell 06_4FH): the
	 * hypervisor leaves end at 0x4000000B and 0x40000010 means nothing
	 * there (Hyper-V gives the TSC rate in a synthetic MSR instead).
	 */
	"Hyper-V guest on Xeon E5-2673 v4", 1, {
		{ 0, 0x14, INTEL_B, INTEL_C, INTEL_D },
		{ 1, 0x000406f1, 0, ECX1_OTHER | ECX1_X2APIC | ECX1_HV, 0 },
		{ 0x14, 1, 0x0f, 0x07, 0 },
		{ HV_BASE, 0x4000000b, HYPERV_B, HYPERV_C, HYPERV_D },
		{ 0x40000010, 2300000, 0, 0, 0 },	/* never to be used */
	} };

static void run_tsc(const struct cpu_rec *c, struct tsc_cpuid *t,
		    struct fake *f)
{
	*f = (struct fake){ .cpu = c };
	memset(t, 0xa5, sizeof(*t));
	tsc_from_cpuid(fake_cpuid, f, t);
	TEST_ASSERT(f->oob_reads == 0, "%s: %u reads above the max leaf",
		    c->name, f->oob_reads);
}

static void expect_tsc(const struct cpu_rec *c, enum tsc_src src,
		       uint64_t hz)
{
	struct tsc_cpuid t;
	struct fake f;

	run_tsc(c, &t, &f);
	TEST_ASSERT(t.src == src && t.hz == hz,
		    "%s: source %d, %llu Hz; want source %d, %llu Hz",
		    c->name, t.src, (unsigned long long)t.hz, src,
		    (unsigned long long)hz);
}

static void test_tsc_real_cpus(void)
{
	/* the first usable source of 0x40000010, 0x15, 0x16 wins */
	expect_tsc(&core_1165g7, TSC_SRC_15, 2803200000ull);
	expect_tsc(&core_6700k, TSC_SRC_15, 4008000000ull);
	expect_tsc(&celeron_j3455, TSC_SRC_15, 1497600000ull);
	/* Skylake-SP: 0x15 without crystal, not in the table: 0x16 */
	expect_tsc(&xeon_6148, TSC_SRC_16, 2400000000ull);
	/* no 0x15/0x16: calibration (PIT) follows in boot/tsc.c */
	expect_tsc(&xeon_2699v4, TSC_SRC_NONE, 0);
	expect_tsc(&epyc_7742, TSC_SRC_NONE, 0);
	expect_tsc(&epyc_7601, TSC_SRC_NONE, 0);
	expect_tsc(&epyc_9654, TSC_SRC_NONE, 0);
	expect_tsc(&hygon_7185, TSC_SRC_NONE, 0);
}

static void test_tsc_guests(void)
{
	struct tsc_cpuid t;
	struct fake f;

	expect_tsc(&kvm_on_6248, TSC_SRC_HV, 2494140000ull);
	/* the hypervisor leaf beats a usable 0x15/0x16 */
	expect_tsc(&vmware_on_6148, TSC_SRC_HV, 2394374000ull);
	/* 0x40000000.EAX below 0x40000010: not read, 0x16 next */
	expect_tsc(&kvm_on_6248_no_freq, TSC_SRC_16, 2500000000ull);
	/* Hyper-V's signature: its 0x40000010 is not a timing leaf */
	expect_tsc(&hyperv_on_2673v4, TSC_SRC_NONE, 0);
	run_tsc(&kvm_on_6248, &t, &f);
	TEST_ASSERT(!strcmp(t.hv_sig, "KVMKVMKVM...") &&
		    t.hv_max == 0x40000010 && t.hv10.b == 1000000,
		    "log fields: sig '%s' max %#x bus %u", t.hv_sig, t.hv_max,
		    t.hv10.b);
}

/* A copy of *c with leaf `leaf` replaced (or added) by v. */
static struct cpu_rec with_leaf(const struct cpu_rec *c, struct leaf v)
{
	struct cpu_rec r = *c;
	unsigned int i;

	for (i = 0; i < MAX_LEAVES; i++) {
		if (r.l[i].leaf == v.leaf && (v.leaf || i == 0)) {
			r.l[i] = v;
			return r;
		}
	}
	for (i = 1; i < MAX_LEAVES; i++) {
		if (!r.l[i].leaf) {
			r.l[i] = v;
			return r;
		}
	}
	TEST_ASSERT(0, "%s: no room for leaf %#x", c->name, v.leaf);
	return r;
}

static void test_tsc_malformed(void)
{
	struct cpu_rec r;
	struct leaf l;

	/* 0x40000010 EAX 0: next source */
	l = (struct leaf){ 0x40000010, 0, 66000, 0, 0 };
	r = with_leaf(&vmware_on_6148, l);
	expect_tsc(&r, TSC_SRC_16, 2400000000ull);
	/* the hypervisor's leaf first even when 0x15 is usable too */
	l = (struct leaf){ 0x15, 2, 192, 25000000, 0 };
	r = with_leaf(&vmware_on_6148, l);
	expect_tsc(&r, TSC_SRC_HV, 2394374000ull);
	/* KVM signature without CPUID.1:ECX[31]: not a hypervisor leaf */
	l = (struct leaf){ 1, 0x00050657, 0, ECX1_OTHER, 0 };
	r = with_leaf(&kvm_on_6248, l);
	l = (struct leaf){ 0x16, 2500, 3900, 100, 0 };
	r = with_leaf(&r, l);
	expect_tsc(&r, TSC_SRC_16, 2500000000ull);
	/* 0x15 denominator 0, numerator 0, a ratio giving < 1 MHz */
	l = (struct leaf){ 0x15, 0, 146, 38400000, 0 };
	r = with_leaf(&core_1165g7, l);
	expect_tsc(&r, TSC_SRC_16, 2800000000ull);
	l = (struct leaf){ 0x15, 2, 0, 38400000, 0 };
	r = with_leaf(&core_1165g7, l);
	expect_tsc(&r, TSC_SRC_16, 2800000000ull);
	l = (struct leaf){ 0x15, 2, 146, 24, 0 };
	r = with_leaf(&core_1165g7, l);
	expect_tsc(&r, TSC_SRC_16, 2800000000ull);
	/* 0x16: only EAX[15:0] is the base MHz; 0 there: nothing usable */
	l = (struct leaf){ 0x16, 0x00010960, 3700, 100, 0 };
	r = with_leaf(&xeon_6148, l);
	expect_tsc(&r, TSC_SRC_16, 2400000000ull);
	l = (struct leaf){ 0x16, 0x00010000, 3700, 100, 0 };
	r = with_leaf(&xeon_6148, l);
	expect_tsc(&r, TSC_SRC_NONE, 0);
	/* Goldmont without its 0x15 ratio: nothing else to use */
	l = (struct leaf){ 0x15, 1, 0, 0, 0 };
	r = with_leaf(&celeron_j3455, l);
	expect_tsc(&r, TSC_SRC_NONE, 0);
	/* non-Intel vendor with family 6 model 5EH: no Intel crystal */
	l = (struct leaf){ 0, 0x16, AMD_B, AMD_C, AMD_D };
	r = with_leaf(&core_6700k, l);
	expect_tsc(&r, TSC_SRC_16, 4000000000ull);
}

static void test_crystal_table(void)
{
	TEST_ASSERT(intel_nominal_crystal_hz(6, 0x5e) == 24000000, "06_5E");
	TEST_ASSERT(intel_nominal_crystal_hz(6, 0x9e) == 24000000, "06_9E");
	TEST_ASSERT(intel_nominal_crystal_hz(6, 0x5c) == 19200000, "06_5C");
	TEST_ASSERT(intel_nominal_crystal_hz(6, 0x55) == 0, "06_55 left out");
	TEST_ASSERT(intel_nominal_crystal_hz(0x17, 0x5e) == 0, "family 17h");
}

static void expect_cpu(const struct cpu_rec *c, enum cpu_vendor v,
		       int vmmcall, int x2apic, uint32_t fam, uint32_t model)
{
	struct cpuid_regs l0 = regs(find(c, 0)), l1 = regs(find(c, 1));
	int native = vendor_vmmcall_native(cpu_vendor_of(l0));

	TEST_ASSERT(cpu_vendor_of(l0) == v, "%s: vendor %d, want %d",
		    c->name, cpu_vendor_of(l0), v);
	TEST_ASSERT(native == vmmcall, "%s: vmmcall native %d, want %d",
		    c->name, native, vmmcall);
	TEST_ASSERT(hc_insn_pick(native, 1) ==
		    (vmmcall ? HC_INSN_VMMCALL : HC_INSN_VMCALL),
		    "%s: native insn", c->name);
	TEST_ASSERT(hc_insn_pick(native, 0) ==
		    (vmmcall ? HC_INSN_VMCALL : HC_INSN_VMMCALL),
		    "%s: non-native insn", c->name);
	TEST_ASSERT(cpu_has_x2apic(l1) == x2apic, "%s: x2APIC %d, want %d",
		    c->name, cpu_has_x2apic(l1), x2apic);
	TEST_ASSERT(cpu_family_of(l1.a) == fam && cpu_model_of(l1.a) == model,
		    "%s: family %#x model %#x, want %#x %#x", c->name,
		    cpu_family_of(l1.a), cpu_model_of(l1.a), fam, model);
}

static void test_vendor_decisions(void)
{
	enum cpu_vendor I = CPU_VENDOR_INTEL, A = CPU_VENDOR_AMD;

	/* Intel: vmcall native, vmmcall the other vendor's (#UD, emulated) */
	expect_cpu(&xeon_6148, I, 0, 1, 6, 0x55);
	expect_cpu(&core_1165g7, I, 0, 1, 6, 0x8c);
	expect_cpu(&xeon_2699v4, I, 0, 1, 6, 0x4f);
	expect_cpu(&kvm_on_6248, I, 0, 1, 6, 0x55);
	/* AMD and Hygon: vmmcall native, vmcall the other one */
	expect_cpu(&epyc_7742, A, 1, 1, 0x17, 0x31);
	expect_cpu(&epyc_7601, A, 1, 0, 0x17, 0x01);
	expect_cpu(&epyc_9654, A, 1, 1, 0x19, 0x11);
	expect_cpu(&hygon_7185, CPU_VENDOR_HYGON, 1, 0, 0x18, 0x00);
}

static void test_other_vendors(void)
{
	/* QEMU TCG's -cpu max says AuthenticAMD; a Zhaoxin says
	 * "  Shanghai  " and has VMX: vmcall, like every non-AMD vendor
	 */
	struct cpuid_regs zx = { 0x1f, 0x68532020, 0x20206961, 0x68676e61 };

	TEST_ASSERT(cpu_vendor_of(zx) == CPU_VENDOR_OTHER, "Zhaoxin: other");
	TEST_ASSERT(!vendor_vmmcall_native(CPU_VENDOR_OTHER), "other: vmcall");
	TEST_ASSERT(hc_insn_pick(0, 1) == HC_INSN_VMCALL &&
		    hc_insn_pick(0, 0) == HC_INSN_VMMCALL &&
		    hc_insn_pick(1, 1) == HC_INSN_VMMCALL &&
		    hc_insn_pick(1, 0) == HC_INSN_VMCALL, "pick table");
}

void unit_vendor_suite(void)
{
	RUN_TEST(test_vendor_decisions);
	RUN_TEST(test_other_vendors);
	RUN_TEST(test_crystal_table);
	RUN_TEST(test_tsc_real_cpus);
	RUN_TEST(test_tsc_guests);
	RUN_TEST(test_tsc_malformed);
}
