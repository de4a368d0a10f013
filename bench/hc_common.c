// SPDX-License-Identifier: GPL-2.0
/* What every hypercall row shares: probing, return classes, accounting. */
#include "hypercall.h"
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

static void hc_row_start(struct hcb_ctx *c, struct hcb_row_result *r,
			 unsigned long nr)
{
	r->hc.valid = 1;
	r->hc.nr = nr;
	r->hc.insn = hc_insn_name(c, 1);
	r->hc.cls = HCB_HC_CLASS_OTHER;
	c->acct = (struct hcb_hc_acct){ .ud0 = probe_ud_hits() };
}

int hc_probe_result(struct hcb_ctx *c, struct hcb_row_result *r,
		    unsigned long ud_before, long ret)
{
	if (probe_ud_hits() != ud_before) {
		r->hc.calls = c->acct.calls + 1;
		hcb_row_status(c, r, HCB_STATUS_UNAVAILABLE,
			       "%s raised #UD: no hypervisor handles "
			       "hypercalls here", r->hc.insn);
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

	hc_row_start(c, r, nr);
	ud = probe_ud_hits();
	return hc_probe_result(c, r, ud, hc_native(c, nr, a0, a1, a2, a3));
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
	c->patched = ret == -KVM_ENOSYS ? HCB_PATCHED_NO : HCB_PATCHED_YES;
	hc_count(c, ret);
	if (c->patched == HCB_PATCHED_YES &&
	    ret != (long)hc_test_expected(0, 0, 0, 0))
		c->acct.bad++;
	return c->patched;
}
