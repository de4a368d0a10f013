// SPDX-License-Identifier: GPL-2.0
/*
 * KVM_HC_TEST in the modes where KVM must not take a shortcut:
 * single-stepped with RFLAGS.TF (the right value and exactly one #DB,
 * reported with RIP after the instruction and DR6.BS), and from 32-bit
 * compatibility mode (number, arguments and result truncated to 32
 * bits); at CPL 3 (-KVM_EPERM on every host) it is a line of the row
 * list (hc_test_cpl3, bench/row_list.h).  A patched KVM may handle
 * KVM_HC_TEST in its exit fastpath; these rows check that it still
 * behaves like the slow path.  Under TCG the instruction raises #UD:
 * rows unavailable.
 */
#include "hypercall.h"
#include "rows.h"
#include "kernel/compat.h"
#include "kernel/probe.h"

#define RFLAGS_TF	0x100ul
#define DR6_BS		0x4000ul

/* Probes with KVM_HC_TEST; -1 (row unavailable) if it raised #UD. */
static int modes_begin(struct hcb_ctx *c, struct hcb_row_result *r)
{
	if (hc_begin(c, r, KVM_HC_TEST, 0, 0, 0, 0))
		return -1;
	hc_patch_state(c);
	return 0;
}

/* ---- hc_test_tf -------------------------------------------------------- */

/*
 * KVM_HC_TEST with RFLAGS.TF set by the popf right before it: the trap
 * comes after the hypercall, at the address stored in *after.
 */
static long hc_test_stepped(const struct hcb_ctx *c, unsigned long a0,
			    unsigned long *after)
{
	long ret;

	if (c->amd)
		asm volatile("pushfq\n\t"
			     "orq %[tf], (%%rsp)\n\t"
			     "popfq\n\t"
			     "vmmcall\n"
			     "1:\n\t"
			     "leaq 1b(%%rip), %[after]"
			     : "=a"(ret), [after] "=&r"(*after)
			     : "a"(KVM_HC_TEST), "b"(a0), "c"(0), "d"(0),
			       "S"(0), [tf] "i"(RFLAGS_TF)
			     : "memory", "cc");
	else
		asm volatile("pushfq\n\t"
			     "orq %[tf], (%%rsp)\n\t"
			     "popfq\n\t"
			     "vmcall\n"
			     "1:\n\t"
			     "leaq 1b(%%rip), %[after]"
			     : "=a"(ret), [after] "=&r"(*after)
			     : "a"(KVM_HC_TEST), "b"(a0), "c"(0), "d"(0),
			       "S"(0), [tf] "i"(RFLAGS_TF)
			     : "memory", "cc");
	return ret;
}

struct tf_state {
	unsigned long k, after, bad_db;
	struct probe_db_info db0;
};

static void tf_prep(struct tf_state *s)
{
	s->k++;
	probe_db_info(&s->db0);
}

/* Exactly one #DB, at the instruction after the hypercall, DR6.BS. */
static void tf_after(struct hcb_ctx *c, struct tf_state *s, long ret)
{
	struct probe_db_info db;

	probe_db_info(&db);
	if (db.hits != s->db0.hits + 1 || db.rip != s->after ||
	    !(db.dr6 & DR6_BS)) {
		s->bad_db++;
		c->acct.bad++;
	}
	hc_test_check(c, ret, (long)hc_test_expected(s->k, 0, 0, 0));
}

void row_hc_test_tf(struct hcb_ctx *c, struct hcb_row_result *r)
{
	struct tf_state s = { 0 };
	long ret;

	if (modes_begin(c, r))
		return;
	probe_arm(HCB_PROBE_DB);
	tf_prep(&s);
	ret = hc_test_stepped(c, s.k, &s.after);
	tf_after(c, &s, ret);
	HCB_MEASURE(c, tf_prep(&s), ret = hc_test_stepped(c, s.k, &s.after),
		    tf_after(c, &s, ret));
	probe_disarm(HCB_PROBE_DB);
	hc_end(c, r);
	if (s.bad_db)
		hcb_row_note(c, "%lu single-stepped calls without exactly "
			     "one #DB (DR6.BS) after the instruction; ",
			     s.bad_db);
	else if (r->hc.checks_failed)
		hcb_row_note(c, "%llu return values differ from "
			     "hc_test_expected(); ", r->hc.checks_failed);
}

/* ---- hc_test_compat ---------------------------------------------------- */

/*
 * Upper halves that a 32-bit caller cannot see: KVM must ignore them in
 * the number and the arguments, and return a zero-extended 32-bit value.
 * (The SDM leaves upper register halves undefined across a switch to
 * 32-bit code; CPUs and KVM keep them, which is what is tested here.)
 */
#define HIGH_GARBAGE	0x5a5a5a5a00000000ul

static void compat_call(struct hcb_ctx *c, unsigned long k, long *ret)
{
	struct hcb_compat_regs regs = {
		.rax = KVM_HC_TEST | HIGH_GARBAGE,
		.rbx = k | HIGH_GARBAGE,
		.rcx = (k * 3 + 0xfffffff0ul) | HIGH_GARBAGE,
		.rdx = ~k,
		.rsi = k << 31,
	};

	hcb_compat_hypercall(&regs, c->amd);
	*ret = (long)regs.rax;
}

static long compat_want(unsigned long k)
{
	uint64_t v = hc_test_expected((uint32_t)k,
				      (uint32_t)(k * 3 + 0xfffffff0ul),
				      (uint32_t)~k, (uint32_t)(k << 31));

	return (long)(uint32_t)v;
}

void row_hc_test_compat(struct hcb_ctx *c, struct hcb_row_result *r)
{
	unsigned long k = 0;
	long ret;

	if (!hcb_compat_usable()) {
		hcb_row_status(c, r, HCB_STATUS_SKIPPED, "the image lies "
			       "above 4 GiB: no compatibility-mode far jump");
		return;
	}
	if (modes_begin(c, r))
		return;
	compat_call(c, k, &ret);
	hc_test_check(c, ret, compat_want(k));
	HCB_MEASURE(c, k++, compat_call(c, k, &ret),
		    hc_test_check(c, ret, compat_want(k)));
	hc_end(c, r);
	if (r->hc.checks_failed)
		hcb_row_note(c, "%llu results differ from the 32-bit "
			     "truncation of hc_test_expected(); ",
			     r->hc.checks_failed);
}
