// SPDX-License-Identifier: GPL-2.0
/* What every hypercall row shares: probing, return classes, accounting. */
#include "hypercall.h"
#include "kernel/desc.h"
#include "kernel/probe.h"
#include "kernel/vendor.h"

const char *hc_insn_name(const struct hcb_ctx *c, int native)
{
	return hc_insn_pick(c->amd, native) == HC_INSN_VMMCALL ? "vmmcall" :
								 "vmcall";
}

/* -4095..-1 are error numbers; anything else is a value. */
enum hc_class hc_class_of(long long ret)
{
	if (ret == -KVM_ENOSYS)
		return HC_ENOSYS;
	if (ret == -KVM_EPERM)
		return HC_EPERM;
	if (ret < 0 && ret >= -4095)
		return HC_OTHER;
	return HC_OK;
}

const char *hc_class(long long ret)
{
	static const char *const names[] = {
		[HC_OK] = HCB_HC_CLASS_OK,
		[HC_ENOSYS] = HCB_HC_CLASS_ENOSYS,
		[HC_EPERM] = HCB_HC_CLASS_EPERM,
		[HC_OTHER] = HCB_HC_CLASS_OTHER,
	};

	return names[hc_class_of(ret)];
}

void hc_row_start(struct hcb_ctx *c, struct hcb_row_result *r,
		  unsigned long nr, int native)
{
	r->hc.valid = 1;
	r->hc.nr = nr;
	r->hc.insn = hc_insn_name(c, native);
	r->hc.cls = HCB_HC_CLASS_OTHER;
	c->acct = (struct hcb_hc_acct){ .ud0 = probe_ud_hits() };
}

/* The probe raised #UD: the row is unavailable, that call counted. */
static void hc_unavailable(struct hcb_ctx *c, struct hcb_row_result *r,
			   const char *where, const char *why)
{
	r->hc.calls = c->acct.calls + 1;
	hcb_row_status(c, r, HCB_STATUS_UNAVAILABLE, "%s%s raised #UD: %s",
		       r->hc.insn, where, why);
}

int hc_probe_result(struct hcb_ctx *c, struct hcb_row_result *r,
		    unsigned long ud_before, long ret, const char *where,
		    const char *why)
{
	if (probe_ud_hits() != ud_before) {
		hc_unavailable(c, r, where, why);
		return -1;
	}
	hc_count(c, ret);
	return 0;
}

int hc_begin(struct hcb_ctx *c, struct hcb_row_result *r, unsigned long nr,
	     unsigned long a0, unsigned long a1, unsigned long a2,
	     unsigned long a3)
{
	unsigned long ud;

	hc_row_start(c, r, nr, 1);
	ud = probe_ud_hits();
	return hc_probe_result(c, r, ud, hc_native(c, nr, a0, a1, a2, a3), "",
			       HC_UD_NO_HV);
}

void hc_end(struct hcb_ctx *c, struct hcb_row_result *r)
{
	unsigned long ud = probe_ud_hits() - c->acct.ud0;

	r->hc.ret = c->acct.ret;
	r->hc.cls = hc_class(c->acct.ret);
	r->hc.calls = c->acct.calls;
	r->hc.checks_failed = c->acct.bad;
	/* a call that raised #UD never reached a hypervisor */
	c->hc_issued += c->acct.calls - (ud < c->acct.calls ? ud :
							c->acct.calls);
	c->checks_failed += c->acct.bad;
	if (ud)
		hcb_row_note(c, "%lu calls raised #UD and were skipped; ", ud);
}

void hc_patch_learn(struct hcb_ctx *c, long ret, long want)
{
	if (c->patched == HCB_PATCHED_UNTESTED)
		c->patched = ret == -KVM_ENOSYS ? HCB_PATCHED_NO :
						  HCB_PATCHED_YES;
	if (c->patched == HCB_PATCHED_YES && ret != want)
		c->acct.bad++;
}

enum hcb_patched hc_patch_state(struct hcb_ctx *c)
{
	unsigned long ud;
	long ret;

	if (c->patched != HCB_PATCHED_UNTESTED)
		return c->patched;
	ud = probe_ud_hits();
	ret = hc_native(c, KVM_HC_TEST, 0, 0, 0, 0);
	if (probe_ud_hits() != ud) {
		c->patched = HCB_PATCHED_UNKNOWN;
		return c->patched;
	}
	hc_count(c, ret);
	hc_patch_learn(c, ret, (long)hc_test_expected(0, 0, 0, 0));
	return c->patched;
}

void hc_user_row(struct hcb_ctx *c, struct hcb_row_result *r,
		 unsigned long nr, void (*body)(void *))
{
	struct hc_user_run run = { c, 0 };

	hc_row_start(c, r, nr, 1);
	hcb_user_call(body, &run, (void *)c->h->ustack_top);
	if (run.unavailable) {
		hc_unavailable(c, r, " at CPL 3", HC_UD_NO_HV);
		return;
	}
	hc_end(c, r);
	if (c->acct.bad)
		hcb_row_note(c, "%llu calls at CPL 3 did not return "
			     "-KVM_EPERM; ", c->acct.bad);
}
