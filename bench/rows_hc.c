// SPDX-License-Identifier: GPL-2.0
/* Hypercall rows with the native instruction at CPL 0. */
#include "hypercall.h"
#include "rows.h"

/* Fixed arguments; every return value is kept, none is checked. */
#define HC_FIXED_ROW(c, r, nr, a0, a1, a2, a3) do {			\
	long _ret;							\
									\
	if (hc_begin(c, r, nr, a0, a1, a2, a3))				\
		break;							\
	HCB_MEASURE(c, (void)0,						\
		    _ret = hc_native(c, nr, a0, a1, a2, a3),		\
		    hc_count(c, _ret));					\
	hc_end(c, r);							\
} while (0)

/*
 * An APIC ID no vCPU has, whatever -smp: these rows time the no-target
 * path (bench/rows_smp.c has the rows that name a real AP).
 */
static unsigned long absent_apic_id(const struct hcb_ctx *c)
{
	return c->apic_id + 0x100;
}

/*
 * KVM_HC_TEST rows: mismatches count only on a patched host; an
 * unpatched host answers -KVM_ENOSYS, which is recorded, not a failure.
 */
static int hc_test_start(struct hcb_ctx *c, struct hcb_row_result *r)
{
	const long want = (long)hc_test_expected(0, 0, 0, 0);

	if (hc_begin(c, r, KVM_HC_TEST, 0, 0, 0, 0))
		return -1;
	/* the probing call tells whether the host has KVM_HC_TEST */
	if (c->patched == HCB_PATCHED_UNTESTED)
		c->patched = c->acct.ret == -KVM_ENOSYS ? HCB_PATCHED_NO :
							  HCB_PATCHED_YES;
	if (c->patched == HCB_PATCHED_YES && c->acct.ret != want)
		c->acct.bad++;
	if (c->patched == HCB_PATCHED_NO)
		hcb_row_note(c, "host unpatched (-KVM_ENOSYS): return values "
			     "not checked; ");
	return 0;
}

static void hc_test_end(struct hcb_ctx *c, struct hcb_row_result *r)
{
	hc_end(c, r);
	if (r->hc.checks_failed)
		hcb_row_note(c, "%llu return values differ from "
			     "hc_test_expected(); ", r->hc.checks_failed);
}

static void hc_test_check(struct hcb_ctx *c, long ret, long want)
{
	if (c->patched == HCB_PATCHED_YES)
		hc_check(c, ret, want);
	else
		hc_count(c, ret);
}

void row_hc_test_0(struct hcb_ctx *c, struct hcb_row_result *r)
{
	const long want = (long)hc_test_expected(0, 0, 0, 0);
	long ret;

	if (hc_test_start(c, r))
		return;
	HCB_MEASURE(c, (void)0, ret = hc_native(c, KVM_HC_TEST, 0, 0, 0, 0),
		    hc_test_check(c, ret, want));
	hc_test_end(c, r);
}

void row_hc_test_4(struct hcb_ctx *c, struct hcb_row_result *r)
{
	unsigned long k = 0, a0 = 0, a1 = 0, a2 = 0, a3 = 0;
	long ret;

	if (hc_test_start(c, r))
		return;
	HCB_MEASURE(c,
		    (k++, a0 = k, a1 = k * 0x9e3779b97f4a7c15ul,
		     a2 = ~k, a3 = (k << 32) ^ 0x5555aaaa),
		    ret = hc_native(c, KVM_HC_TEST, a0, a1, a2, a3),
		    hc_test_check(c, ret,
				  (long)hc_test_expected(a0, a1, a2, a3)));
	hc_test_end(c, r);
}

void row_hc_vapic_poll_irq(struct hcb_ctx *c, struct hcb_row_result *r)
{
	HC_FIXED_ROW(c, r, KVM_HC_VAPIC_POLL_IRQ, 0, 0, 0, 0);
}

void row_hc_kick_cpu(struct hcb_ctx *c, struct hcb_row_result *r)
{
	HC_FIXED_ROW(c, r, KVM_HC_KICK_CPU, 0, absent_apic_id(c), 0, 0);
}

void row_hc_send_ipi(struct hcb_ctx *c, struct hcb_row_result *r)
{
	/* bitmap low, bitmap high, min APIC ID, ICR: no destination */
	HC_FIXED_ROW(c, r, KVM_HC_SEND_IPI, 0, 0, absent_apic_id(c), 0xf0);
}

void row_hc_sched_yield(struct hcb_ctx *c, struct hcb_row_result *r)
{
	HC_FIXED_ROW(c, r, KVM_HC_SCHED_YIELD, absent_apic_id(c), 0, 0, 0);
}

void row_hc_clock_pairing(struct hcb_ctx *c, struct hcb_row_result *r)
{
	unsigned long buf = (uintptr_t)c->h->scratch;

	HC_FIXED_ROW(c, r, KVM_HC_CLOCK_PAIRING, buf,
		     KVM_CLOCK_PAIRING_WALLCLOCK, 0, 0);
}

void row_hc_map_gpa_range(struct hcb_ctx *c, struct hcb_row_result *r)
{
	unsigned long page = (uintptr_t)c->h->scratch;

	HC_FIXED_ROW(c, r, KVM_HC_MAP_GPA_RANGE, page, 1,
		     KVM_MAP_GPA_RANGE_PAGE_SZ_4K |
		     KVM_MAP_GPA_RANGE_DECRYPTED, 0);
}

void row_hc_unassigned(struct hcb_ctx *c, struct hcb_row_result *r)
{
	HC_FIXED_ROW(c, r, HCB_HC_UNASSIGNED, 0, 0, 0, 0);
}
