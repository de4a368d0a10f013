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

enum hc_class { HC_OK, HC_ENOSYS, HC_EPERM, HC_OTHER };

const char *hc_insn_name(const struct hcb_ctx *c, int native);
enum hc_class hc_class_of(long long ret);
/* HCB_HC_CLASS_* name of ret's class */
const char *hc_class(long long ret);

/*
 * bench/hc_common.c.  hc_begin() starts a hypercall row: fills r->hc,
 * issues one probing call with #UD recovery armed and returns 0 if it
 * reached a hypervisor, else marks the row unavailable and returns -1.
 */
int hc_begin(struct hcb_ctx *c, struct hcb_row_result *r, unsigned long nr,
	     unsigned long a0, unsigned long a1, unsigned long a2,
	     unsigned long a3);
/* Same for a probe the row issues itself; ud_before = probe_ud_hits(). */
int hc_probe_result(struct hcb_ctx *c, struct hcb_row_result *r,
		    unsigned long ud_before, long ret);
/* Ends a hypercall row: calls, class, checks, hypercalls_issued. */
void hc_end(struct hcb_ctx *c, struct hcb_row_result *r);
/* KVM_HC_TEST once (if not done yet) to learn whether the host has it. */
enum hcb_patched hc_patch_state(struct hcb_ctx *c);

#endif /* HCBENCH_HYPERCALL_H */
