// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercall rows with the native instruction: the table's HCB_HC_ROW
 * lines (bench/row_list.h: name, privilege level, number, arguments,
 * expected return value), and hc_test_4, whose arguments vary.
 *
 * Each HCB_HC_ROW line becomes its own function with the number and the
 * arguments compiled in as constants, exactly as a hand-written row: the
 * timed loop then holds no load of a table entry (under the nested rig a
 * p50 counts every instruction of the round trip).
 */
#include "hypercall.h"
#include "rows.h"
#include "kernel/probe.h"

/* KVM_HC_TEST rows: mismatches count only on a patched host. */
static int hc_test_start(struct hcb_ctx *c, struct hcb_row_result *r)
{
	if (hc_begin(c, r, KVM_HC_TEST, 0, 0, 0, 0))
		return -1;
	/* the probing call tells whether the host has KVM_HC_TEST */
	hc_patch_learn(c, c->acct.ret, (long)hc_test_expected(0, 0, 0, 0));
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

/* The names the list's arguments may use, inside a row's function. */
#define ABSENT_APIC_ID	hc_absent_apic_id(c)
#define SCRATCH		scratch	/* HCB_SCRATCH_BYTES: hcb_plan_scratch */

/*
 * CPL 0, expected ANY: every return value is kept, none is checked.
 * (The probing call of hc_begin() uses the row's own arguments.)
 */
#define HC_ROW_0_ANY(name, nr, a0, a1, a2, a3)				\
void row_##name(struct hcb_ctx *c, struct hcb_row_result *r)		\
{									\
	unsigned long scratch = (uintptr_t)c->h->scratch;		\
									\
	(void)scratch;							\
	do {								\
		long _ret;						\
									\
		if (hc_begin(c, r, nr, a0, a1, a2, a3))			\
			break;						\
		HCB_MEASURE(c, (void)0,					\
			    _ret = hc_native(c, nr, a0, a1, a2, a3),	\
			    hc_count(c, _ret));				\
		hc_end(c, r);						\
	} while (0);							\
}

/*
 * CPL 0, expected TEST: KVM_HC_TEST's formula (hc_test_expected()) on a
 * patched host; an unpatched host answers -KVM_ENOSYS, which is recorded,
 * not a failure.  The probe is KVM_HC_TEST(0, 0, 0, 0).
 */
#define HC_ROW_0_TEST(name, nr, a0, a1, a2, a3)				\
_Static_assert(nr == KVM_HC_TEST, #name ": TEST expects KVM_HC_TEST");	\
void row_##name(struct hcb_ctx *c, struct hcb_row_result *r)		\
{									\
	const long want = (long)hc_test_expected(a0, a1, a2, a3);	\
	long ret;							\
									\
	if (hc_test_start(c, r))					\
		return;							\
	HCB_MEASURE(c, (void)0, ret = hc_native(c, nr, a0, a1, a2, a3),	\
		    hc_test_check(c, ret, want));			\
	hc_test_end(c, r);						\
}

/*
 * CPL 3, expected EPERM: KVM refuses hypercalls from user mode with
 * -KVM_EPERM; any other value is a failed check (a hypercall that user
 * space may issue is a bug).  The body runs at CPL 3: no privileged
 * instruction in it.
 */
#define HC_ROW_3_EPERM(name, nr, a0, a1, a2, a3)			\
static HCB_TIMED void name##_body(void *arg)				\
{									\
	struct hc_user_run *run = arg;					\
	struct hcb_ctx *c = run->c;					\
	unsigned long ud = probe_ud_hits();				\
	long ret;							\
									\
	ret = hc_native(c, nr, a0, a1, a2, a3);				\
	if (probe_ud_hits() != ud) {					\
		run->unavailable = 1;					\
		return;							\
	}								\
	hc_check(c, ret, -KVM_EPERM);					\
	HCB_MEASURE(c, (void)0, ret = hc_native(c, nr, a0, a1, a2, a3),	\
		    hc_check(c, ret, -KVM_EPERM));			\
}									\
									\
void row_##name(struct hcb_ctx *c, struct hcb_row_result *r)		\
{									\
	hc_user_row(c, r, nr, name##_body);				\
}

#define HCB_ROW(name, group, cpus, plan, desc)
#define HCB_HC_ROW(name, cpl, nr, a0, a1, a2, a3, expect, plan, desc) \
	HC_ROW_##cpl##_##expect(name, nr, a0, a1, a2, a3)
#include "row_list.h"
#undef HCB_HC_ROW
#undef HCB_ROW
