// SPDX-License-Identifier: GPL-2.0
/*
 * The other vendor's hypercall instruction (vmcall on AMD, vmmcall on
 * Intel).  KVM takes the #UD, emulates the call and, unless the
 * FIX_HYPERCALL_INSN quirk is off, rewrites the instruction in place to
 * the native one.  Stubs "<insn>; ret" are copied into code pages the
 * UEFI stage allocated: slot 0 probes, slot 1 is hc_nonnative's one
 * location, every later slot runs exactly once (hc_nonnative_first).
 * The plan functions below size those pages.
 */
#include "hypercall.h"
#include "rows.h"
#include "kernel/probe.h"
#include "kernel/string.h"
#include "kernel/vendor.h"

#define SLOT_SIZE	64
#define SLOT_PROBE	0
#define SLOT_REPEAT	1
#define SLOT_FIRST	2
/* Most fresh copies kept for hc_nonnative_first's batched loop */
#define BATCHED_MAX	65536

long hcb_stub_call(void *stub, unsigned long nr, unsigned long a0,
		   unsigned long a1, unsigned long a2, unsigned long a3);

static const uint8_t insn_vmcall[3] = { 0x0f, 0x01, 0xc1 };
static const uint8_t insn_vmmcall[3] = { 0x0f, 0x01, 0xd9 };

static const uint8_t *insn_bytes(const struct hcb_ctx *c, int native)
{
	return hc_insn_pick(c->amd, native) == HC_INSN_VMMCALL ?
	       insn_vmmcall : insn_vmcall;
}

void plan_hc_nonnative(const struct hcb_options *o, struct hcb_plan *p)
{
	(void)o;
	hcb_plan_code(p, SLOT_FIRST * SLOT_SIZE);
}

/* A fresh copy per call, per-call and (when they fit) batched. */
void plan_hc_nonnative_first(const struct hcb_options *o, struct hcb_plan *p)
{
	uint64_t slots = SLOT_FIRST + o->iters;
	uint64_t batched = (uint64_t)o->batches * o->batch;

	if (batched <= BATCHED_MAX)
		slots += batched;
	hcb_plan_code(p, slots * SLOT_SIZE);
}

static unsigned int n_slots(const struct hcb_ctx *c)
{
	return (unsigned int)(c->h->plan.code_bytes / SLOT_SIZE);
}

static uint8_t *slot(const struct hcb_ctx *c, unsigned int i)
{
	return c->h->code + (uint64_t)i * SLOT_SIZE;
}

static void slot_write(const struct hcb_ctx *c, unsigned int i)
{
	uint8_t *p = slot(c, i);

	memcpy(p, insn_bytes(c, 0), 3);
	p[3] = 0xc3;				/* ret */
}

/* Slots [from, to) now holding the native instruction. */
static unsigned int slots_rewritten(const struct hcb_ctx *c,
				    unsigned int from, unsigned int to)
{
	unsigned int i, n = 0;

	for (i = from; i < to; i++)
		n += !memcmp(slot(c, i), insn_bytes(c, 1), 3);
	return n;
}

/* One probing call through slot SLOT_PROBE; 0 if KVM handled it. */
static int nonnative_begin(struct hcb_ctx *c, struct hcb_row_result *r)
{
	unsigned long ud;
	long ret;

	hc_row_start(c, r, KVM_HC_VAPIC_POLL_IRQ, 0);
	slot_write(c, SLOT_PROBE);
	ud = probe_ud_hits();
	ret = hcb_stub_call(slot(c, SLOT_PROBE), KVM_HC_VAPIC_POLL_IRQ,
			    0, 0, 0, 0);
	return hc_probe_result(c, r, ud, ret, "", HC_UD_NONNATIVE);
}

void row_hc_nonnative_first(struct hcb_ctx *c, struct hcb_row_result *r)
{
	unsigned int next = SLOT_FIRST, avail, i;
	long ret;

	if (nonnative_begin(c, r))
		return;
	avail = n_slots(c) - SLOT_FIRST;
	if ((uint64_t)c->batches * c->batch > avail - c->iters) {
		hcb_row_note(c, "batches*batch above %u fresh slots: no "
			     "batched loop; ", avail - c->iters);
		c->batches = 0;
	}
	for (i = SLOT_FIRST; i < n_slots(c); i++)
		slot_write(c, i);
	c->warmup = 0;		/* a warm-up would not be a first call */
	HCB_MEASURE(c, (void)0,
		    ret = hcb_stub_call(slot(c, next), KVM_HC_VAPIC_POLL_IRQ,
					0, 0, 0, 0),
		    (hc_count(c, ret), next++));
	hc_end(c, r);
	hcb_row_note(c, "%u of %u copies now hold %s: %s; ",
		     slots_rewritten(c, SLOT_FIRST, next), next - SLOT_FIRST,
		     hc_insn_name(c, 1),
		     slots_rewritten(c, SLOT_FIRST, next) ?
		     "KVM rewrote the instruction in place" :
		     "KVM left the bytes alone");
}

void row_hc_nonnative(struct hcb_ctx *c, struct hcb_row_result *r)
{
	void *stub = slot(c, SLOT_REPEAT);
	long ret;

	if (nonnative_begin(c, r))
		return;
	slot_write(c, SLOT_REPEAT);
	HCB_MEASURE(c, (void)0,
		    ret = hcb_stub_call(stub, KVM_HC_VAPIC_POLL_IRQ,
					0, 0, 0, 0),
		    hc_count(c, ret));
	hc_end(c, r);
	if (slots_rewritten(c, SLOT_REPEAT, SLOT_REPEAT + 1))
		hcb_row_note(c, "KVM rewrote the location to %s on the first "
			     "call: the samples time the native instruction; ",
			     hc_insn_name(c, 1));
	else
		hcb_row_note(c, "the location still holds %s: every call was "
			     "emulated; ", hc_insn_name(c, 0));
}
