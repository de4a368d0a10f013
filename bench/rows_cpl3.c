// SPDX-License-Identifier: GPL-2.0
/*
 * hc_cpl3: KVM_HC_VAPIC_POLL_IRQ issued and timed at CPL 3.  KVM refuses
 * hypercalls from user mode with -KVM_EPERM; any other value is counted
 * as a failed check (a hypercall that user space may issue is a bug).
 */
#include "hypercall.h"
#include "rows.h"
#include "kernel/desc.h"
#include "kernel/probe.h"

struct cpl3_run {
	struct hcb_ctx *c;
	struct hcb_row_result *r;
	int unavailable;
};

/* Runs at CPL 3: no privileged instruction in here. */
static void cpl3_body(void *arg)
{
	struct cpl3_run *run = arg;
	struct hcb_ctx *c = run->c;
	unsigned long ud = probe_ud_hits();
	long ret;

	ret = hc_native(c, KVM_HC_VAPIC_POLL_IRQ, 0, 0, 0, 0);
	if (probe_ud_hits() != ud) {
		run->unavailable = 1;
		return;
	}
	hc_check(c, ret, -KVM_EPERM);
	HCB_MEASURE(c, (void)0,
		    ret = hc_native(c, KVM_HC_VAPIC_POLL_IRQ, 0, 0, 0, 0),
		    hc_check(c, ret, -KVM_EPERM));
}

void row_hc_cpl3(struct hcb_ctx *c, struct hcb_row_result *r)
{
	struct cpl3_run run = { c, r, 0 };

	r->hc.valid = 1;
	r->hc.nr = KVM_HC_VAPIC_POLL_IRQ;
	r->hc.insn = hc_insn_name(c, 1);
	r->hc.cls = HCB_HC_CLASS_OTHER;
	c->acct = (struct hcb_hc_acct){ .ud0 = probe_ud_hits() };
	hcb_user_call(cpl3_body, &run, (void *)c->h->ustack_top);
	if (run.unavailable) {
		r->hc.calls = 1;
		hcb_row_status(c, r, HCB_STATUS_UNAVAILABLE,
			       "%s at CPL 3 raised #UD: no hypervisor handles "
			       "hypercalls here", r->hc.insn);
		return;
	}
	hc_end(c, r);
	if (c->acct.bad)
		hcb_row_note(c, "%llu calls at CPL 3 did not return "
			     "-KVM_EPERM; ", c->acct.bad);
}
