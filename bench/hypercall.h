/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KVM hypercalls: nr in RAX, arguments in RBX, RCX, RDX, RSI, result in
 * RAX (Documentation/virt/kvm/x86/hypercalls.rst).  The instruction is
 * chosen by CPU vendor like Linux's kvm_hypercall4(): vmmcall on AMD and
 * Hygon, vmcall elsewhere.  Numbers come from <linux/kvm_para.h>.
 */
#ifndef HCBENCH_HYPERCALL_H
#define HCBENCH_HYPERCALL_H

#include <asm-generic/errno-base.h>	/* EPERM etc. for KVM_E* */
#include <linux/kvm_para.h>
#include "harness.h"
#include "hcbench/hc_test.h"
#include "hcbench/schema.h"

#ifndef KVM_HC_TEST
#error "KVM_HC_TEST missing: build/include/linux/kvm_para.h not generated first"
#endif

/* No kernel assigns this number: the -KVM_ENOSYS path. */
#define HCB_HC_UNASSIGNED 127

static inline long kvm_vmcall(unsigned long nr, unsigned long a0,
			      unsigned long a1, unsigned long a2,
			      unsigned long a3)
{
	long ret;

	asm volatile("vmcall"
		     : "=a"(ret)
		     : "a"(nr), "b"(a0), "c"(a1), "d"(a2), "S"(a3)
		     : "memory");
	return ret;
}

static inline long kvm_vmmcall(unsigned long nr, unsigned long a0,
			       unsigned long a1, unsigned long a2,
			       unsigned long a3)
{
	long ret;

	asm volatile("vmmcall"
		     : "=a"(ret)
		     : "a"(nr), "b"(a0), "c"(a1), "d"(a2), "S"(a3)
		     : "memory");
	return ret;
}

/* The native hypercall instruction of this CPU. */
static inline long hc_native(const struct hcb_ctx *c, unsigned long nr,
			     unsigned long a0, unsigned long a1,
			     unsigned long a2, unsigned long a3)
{
	if (c->amd)
		return kvm_vmmcall(nr, a0, a1, a2, a3);
	return kvm_vmcall(nr, a0, a1, a2, a3);
}

static inline void hc_count(struct hcb_ctx *c, long ret)
{
	c->acct.ret = ret;
	c->acct.calls++;
}

/* Counts ret and checks it against want. */
static inline void hc_check(struct hcb_ctx *c, long ret, long want)
{
	hc_count(c, ret);
	if (ret != want)
		c->acct.bad++;
}

/* Checks a KVM_HC_TEST result where the host has it; else counts it. */
static inline void hc_test_check(struct hcb_ctx *c, long ret, long want)
{
	if (c->patched == HCB_PATCHED_YES)
		hc_check(c, ret, want);
	else
		hc_count(c, ret);
}

/*
 * An APIC ID no vCPU has, whatever -smp: the no-target rows and the
 * probing calls of the rows that name a real AP (bench/rows_smp.c).
 */
static inline unsigned long hc_absent_apic_id(const struct hcb_ctx *c)
{
	return c->apic_id + 0x100;
}

enum hc_class { HC_OK, HC_ENOSYS, HC_EPERM, HC_OTHER };

const char *hc_insn_name(const struct hcb_ctx *c, int native);
enum hc_class hc_class_of(long long ret);
/* HCB_HC_CLASS_* name of ret's class */
const char *hc_class(long long ret);

/* Why a probe's #UD makes a row unavailable (hc_probe_result()). */
#define HC_UD_NO_HV	"no hypervisor handles hypercalls here"
#define HC_UD_NONNATIVE	"not emulated here (no hypervisor, or KVM's " \
			"FIX_HYPERCALL_INSN quirk is off)"

/*
 * bench/hc_common.c, what every hypercall row shares.  hc_row_start()
 * fills r->hc for number nr issued with the native instruction (or the
 * other vendor's: native 0) and resets the row's accounting.
 */
void hc_row_start(struct hcb_ctx *c, struct hcb_row_result *r,
		  unsigned long nr, int native);
/*
 * The probing call's outcome; ud_before = probe_ud_hits() before it.
 * 0 if it reached a hypervisor (ret is counted), else the row is marked
 * unavailable ("<insn><where> raised #UD: <why>") and -1.
 */
int hc_probe_result(struct hcb_ctx *c, struct hcb_row_result *r,
		    unsigned long ud_before, long ret, const char *where,
		    const char *why);
/*
 * hc_row_start() and one probing call with the native instruction at
 * CPL 0 and #UD recovery armed: 0 if it reached a hypervisor, else -1
 * (row unavailable).
 */
int hc_begin(struct hcb_ctx *c, struct hcb_row_result *r, unsigned long nr,
	     unsigned long a0, unsigned long a1, unsigned long a2,
	     unsigned long a3);
/* Ends a hypercall row: calls, class, checks, hypercalls_issued. */
void hc_end(struct hcb_ctx *c, struct hcb_row_result *r);
/*
 * What a KVM_HC_TEST return value says about the host (if not known
 * yet); on a patched host a value other than want is a failed check.
 */
void hc_patch_learn(struct hcb_ctx *c, long ret, long want);
/* KVM_HC_TEST once (if not done yet) to learn whether the host has it. */
enum hcb_patched hc_patch_state(struct hcb_ctx *c);

/*
 * A hypercall row at CPL 3 (bench/rows_hc.c): body runs in user mode
 * with a struct hc_user_run; it probes, sets unavailable on #UD, else
 * measures.  Every return value must be -KVM_EPERM.
 */
struct hc_user_run {
	struct hcb_ctx *c;
	int unavailable;
};
void hc_user_row(struct hcb_ctx *c, struct hcb_row_result *r,
		 unsigned long nr, void (*body)(void *));

#endif /* HCBENCH_HYPERCALL_H */
