/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What differs between CPU vendors and hypervisors, decided by pure
 * functions of CPUID values (kernel/vendor.c): the guest feeds them the
 * CPU's answers, the host unit tests (tests/unit/test_vendor.c) feed them
 * recorded values of real Intel and AMD CPUs.  No hardware access here.
 */
#ifndef HCBENCH_VENDOR_H
#define HCBENCH_VENDOR_H

#include <stdint.h>
#include "processor.h"		/* struct cpuid_regs, CPUID1_ECX_* */

/* One CPUID query (leaf, subleaf 0); ctx is the caller's. */
typedef struct cpuid_regs (*cpuid_fn)(void *ctx, uint32_t leaf);

enum cpu_vendor {
	CPU_VENDOR_OTHER,
	CPU_VENDOR_INTEL,	/* "GenuineIntel" */
	CPU_VENDOR_AMD,		/* "AuthenticAMD" */
	CPU_VENDOR_HYGON,	/* "HygonGenuine" (AMD Zen licensee) */
};

/* The vendor of CPUID leaf 0 (signature in EBX, EDX, ECX). */
enum cpu_vendor cpu_vendor_of(struct cpuid_regs leaf0);

/* 1 if vmmcall (AMD SVM) is the native hypercall insn, 0 for vmcall. */
int vendor_vmmcall_native(enum cpu_vendor v);

enum hc_insn { HC_INSN_VMCALL, HC_INSN_VMMCALL };

/* The native (native=1) or the other vendor's (native=0) instruction. */
enum hc_insn hc_insn_pick(int vmmcall_native, int native);

/* CPUID.1:ECX[21]: the local APIC can run in x2APIC mode. */
int cpu_has_x2apic(struct cpuid_regs leaf1);

/* Family and model with the extended fields folded in (SDM CPUID.1). */
uint32_t cpu_family_of(uint32_t leaf1_eax);
uint32_t cpu_model_of(uint32_t leaf1_eax);

/*
 * TSC rate from CPUID, first usable source wins:
 *   TSC_SRC_HV     0x40000010 EAX = TSC kHz, when leaf 0x40000000 (with
 *                  CPUID.1:ECX[31] set) names KVM or VMware and covers it
 *   TSC_SRC_15     0x15: ECX crystal Hz * EBX / EAX; ECX 0 takes the
 *                  SDM's nominal crystal of the Intel model, if listed
 *   TSC_SRC_16     0x16 EAX[15:0] = base MHz
 *   TSC_SRC_NONE   nothing usable: the caller calibrates (PIT, Stall)
 * A zero, missing or out-of-range value skips to the next source.
 */
enum tsc_src { TSC_SRC_NONE, TSC_SRC_HV, TSC_SRC_15, TSC_SRC_16 };

#define TSC_HZ_MIN	1000000ull		/* 1 MHz */
#define TSC_HZ_MAX	100000000000ull		/* 100 GHz */

struct tsc_cpuid {
	enum tsc_src src;
	uint64_t hz;			/* 0 with TSC_SRC_NONE */
	/* what was read, for the boot log; leaves not read stay 0 */
	uint32_t max_basic, hv_max;
	char hv_sig[13];
	struct cpuid_regs l15, l16, hv10;
};

void tsc_from_cpuid(cpuid_fn fn, void *ctx, struct tsc_cpuid *out);

/* Nominal crystal Hz of an Intel model whose 0x15 ECX is 0; 0 if unknown */
uint32_t intel_nominal_crystal_hz(uint32_t family, uint32_t model);

#endif /* HCBENCH_VENDOR_H */
