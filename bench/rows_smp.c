// SPDX-License-Identifier: GPL-2.0
/*
 * Rows with a target vCPU: the BSP times an IPI or a hypercall aimed at
 * the first AP until the AP has answered (its interrupt handler counted
 * the IPI, or it ran again after a kick).  Interrupts are enabled on the
 * AP for these rows only; the BSP stays quiesced.  Every wait on the AP
 * is bounded: a timeout ends the row with status "error", not the run.
 */
#include "hypercall.h"
#include "rows.h"
#include "kernel/smp.h"
#include "kernel/string.h"

#define ICR_FIXED_ASSERT(v)	((1u << 14) | (v))
#define HALT_SETTLE_US		50	/* after the AP said "halting" */

/* State shared with the AP's side of a row (runs via smp_call_start). */
static struct {
	volatile int stop;
	volatile int halting;		/* set by the AP just before hlt */
	volatile unsigned long wakes;	/* hlt returned (interrupts off) */
} ctl;

struct ap_row {
	struct hcb_ctx *c;
	struct hcb_percpu *ap;
	uint64_t bound, settle;
	unsigned long sent, timeouts;
	const char *what;		/* what timed out first */
	int issued;			/* the last op ran its hypercall */
};

/* AP: spin with interrupts on until told to stop. */
static void ap_spin_irq_on(void *arg)
{
	(void)arg;
	asm volatile("sti" : : : "memory");
	while (!ctl.stop)
		cpu_pause();
	asm volatile("cli" : : : "memory");
}

/* AP: spin with interrupts off until told to stop. */
static void ap_spin(void *arg)
{
	(void)arg;
	while (!ctl.stop)
		cpu_pause();
}

/* AP: halt with interrupts on; each interrupt wakes it once. */
static void ap_halt_irq_on(void *arg)
{
	(void)arg;
	while (!ctl.stop) {
		ctl.halting = 1;
		asm volatile("sti; hlt; cli" : : : "memory");
	}
}

/* AP: halt with interrupts off; only a PV kick (or NMI) wakes it. */
static void ap_halt_irq_off(void *arg)
{
	(void)arg;
	while (!ctl.stop) {
		ctl.halting = 1;
		asm volatile("cli; hlt" : : : "memory");
		ctl.wakes++;
	}
}

/* The first online AP, or the row marked unavailable / error. */
static int ap_pick(struct hcb_ctx *c, struct hcb_row_result *r,
		   struct ap_row *a)
{
	const char *why = NULL;
	int cpu = smp_first_ap(&why);

	if (cpu < 0) {
		hcb_row_status(c, r, smp_n_cpus() > 1 ? HCB_STATUS_ERROR :
			       HCB_STATUS_UNAVAILABLE, "%s", why);
		return -1;
	}
	*a = (struct ap_row){ .c = c, .ap = smp_cpu((unsigned int)cpu),
			      .bound = smp_wait_cycles(),
			      .settle = smp_us_cycles(HALT_SETTLE_US) };
	ctl.stop = 0;
	ctl.halting = 0;
	ctl.wakes = 0;
	return 0;
}

static int ap_start(struct hcb_ctx *c, struct hcb_row_result *r,
		    struct ap_row *a, void (*fn)(void *))
{
	if (ap_pick(c, r, a))
		return -1;
	if (smp_call_start(a->ap->cpu, fn, NULL)) {
		hcb_row_status(c, r, HCB_STATUS_ERROR, "CPU %u is busy",
			       a->ap->cpu);
		return -1;
	}
	return 0;
}

static void ap_timeout(struct ap_row *a, const char *what)
{
	if (!a->timeouts++)
		a->what = what;
}

/* Stops the AP's function; wake() gets it out of hlt if it halts. */
static void ap_stop(struct hcb_ctx *c, struct hcb_row_result *r,
		    struct ap_row *a, void (*wake)(struct ap_row *))
{
	ctl.stop = 1;
	if (wake)
		wake(a);
	if (smp_call_wait(a->ap->cpu) && !a->timeouts)
		ap_timeout(a, "return from the row");
	if (a->timeouts) {
		hcb_row_status(c, r, HCB_STATUS_ERROR, "CPU %u (APIC ID %u) "
			       "did not %s within %u ms (%lu of %lu calls "
			       "done)", a->ap->cpu, a->ap->apic_id, a->what,
			       HCB_SMP_WAIT_MS, a->sent - a->timeouts,
			       a->sent);
	}
}

/* The AP's count must have grown by exactly one per call sent. */
static void ap_check_count(struct hcb_ctx *c, struct ap_row *a,
			   unsigned long got, const char *what)
{
	if (a->timeouts || got == a->sent)
		return;
	c->checks_failed++;
	hcb_row_note(c, "%lu calls sent, %lu %s; ", a->sent, got, what);
}

/* Fixed IPI, then wait for the AP's handler to count it. */
static inline void ipi_round_trip(struct ap_row *a)
{
	unsigned long seq = a->ap->ipis;

	if (a->timeouts)
		return;
	a->sent++;
	smp_send_ipi(a->ap->apic_id, HCB_VEC_IPI);
	if (smp_wait_change(&a->ap->ipis, seq, a->bound))
		ap_timeout(a, "acknowledge an IPI");
}

/* Outside the timed window: the AP said it halts, then a settle time. */
static inline void wait_halting(struct ap_row *a)
{
	uint64_t t0 = rdtsc();

	if (a->timeouts)
		return;
	while (!ctl.halting) {
		if (rdtsc() - t0 > a->bound) {
			ap_timeout(a, "reach hlt");
			return;
		}
		cpu_pause();
	}
	ctl.halting = 0;
	t0 = rdtsc();
	while (rdtsc() - t0 < a->settle)
		cpu_pause();
}

static void wake_by_ipi(struct ap_row *a)
{
	smp_send_ipi(a->ap->apic_id, HCB_VEC_IPI);
}

/* Halting rows time one call after each halt: no batched loop. */
static void no_batches(struct hcb_ctx *c, struct hcb_row_result *r)
{
	if (strcmp(r->status, HCB_STATUS_OK))
		return;
	hcb_row_note(c, "AP halted before every call (announced, then %u "
		     "us): per-call samples only; ", HALT_SETTLE_US);
}

void row_ipi(struct hcb_ctx *c, struct hcb_row_result *r)
{
	struct ap_row a;
	unsigned long ipis0;

	if (ap_start(c, r, &a, ap_spin_irq_on))
		return;
	ipis0 = a.ap->ipis;
	HCB_MEASURE(c, (void)0, ipi_round_trip(&a), (void)0);
	ap_stop(c, r, &a, NULL);
	ap_check_count(c, &a, a.ap->ipis - ipis0, "IPIs counted by the AP");
	if (!c->x2apic)
		hcb_row_note(c, "xAPIC (MMIO ICR): no x2APIC here; ");
}

void row_ipi_halt(struct hcb_ctx *c, struct hcb_row_result *r)
{
	struct ap_row a;
	unsigned long ipis0;

	if (ap_start(c, r, &a, ap_halt_irq_on))
		return;
	c->batches = 0;
	ipis0 = a.ap->ipis;
	HCB_MEASURE(c, wait_halting(&a), ipi_round_trip(&a), (void)0);
	ap_stop(c, r, &a, wake_by_ipi);
	/* the wake-up IPI of ap_stop() may or may not be counted yet */
	ap_check_count(c, &a, a.ap->ipis - ipis0 - (a.ap->ipis - ipis0 >
		       a.sent), "IPIs counted by the AP");
	no_batches(c, r);
	if (!c->x2apic)
		hcb_row_note(c, "xAPIC (MMIO ICR): no x2APIC here; ");
}

static int pv_unhalt_advertised(void)
{
	struct cpuid_regs r;

	if (!(cpuid(1).c & CPUID1_ECX_HYPERVISOR))
		return 0;
	r = cpuid(KVM_CPUID_SIGNATURE);
	if (r.a < KVM_CPUID_FEATURES || r.b != 0x4b4d564b ||
	    r.c != 0x564b4d56 || r.d != 0x4d)	/* "KVMKVMKVM\0\0\0" */
		return 0;
	return !!(cpuid(KVM_CPUID_FEATURES).a & (1u << KVM_FEATURE_PV_UNHALT));
}

/* Kick, then wait until the AP ran past its hlt. */
static inline long kick_round_trip(struct ap_row *a)
{
	unsigned long seq = ctl.wakes;
	long ret;

	if (a->timeouts)
		return 0;
	a->sent++;
	a->issued = 1;
	ret = hc_native(a->c, KVM_HC_KICK_CPU, 0, a->ap->apic_id, 0, 0);
	if (smp_wait_change(&ctl.wakes, seq, a->bound))
		ap_timeout(a, "run again after a kick");
	return ret;
}

static void wake_by_kick(struct ap_row *a)
{
	hc_count(a->c, hc_native(a->c, KVM_HC_KICK_CPU, 0, a->ap->apic_id,
				 0, 0));
}

/* Counts and checks the hypercall of the last op, if it ran one. */
static inline void hc_check_issued(struct ap_row *a, long ret, long want)
{
	if (!a->issued)
		return;
	a->issued = 0;
	hc_check(a->c, ret, want);
}

void row_hc_kick_cpu_halted(struct hcb_ctx *c, struct hcb_row_result *r)
{
	struct ap_row a;
	long ret = 0;

	if (hc_begin(c, r, KVM_HC_KICK_CPU, 0, hc_absent_apic_id(c), 0, 0))
		return;
	if (!pv_unhalt_advertised()) {
		hcb_row_status(c, r, HCB_STATUS_UNAVAILABLE, "PV unhalt not "
			       "advertised (CPUID 0x%x EAX bit %d clear)",
			       KVM_CPUID_FEATURES, KVM_FEATURE_PV_UNHALT);
		hc_end(c, r);
		return;
	}
	if (ap_start(c, r, &a, ap_halt_irq_off)) {
		hc_end(c, r);
		return;
	}
	c->batches = 0;
	HCB_MEASURE(c, wait_halting(&a), ret = kick_round_trip(&a),
		    hc_check_issued(&a, ret, 0));
	ap_stop(c, r, &a, wake_by_kick);
	ap_check_count(c, &a, ctl.wakes - (ctl.wakes > a.sent),
		       "wake-ups seen");
	no_batches(c, r);
	hc_end(c, r);
}

/* PV IPI naming only the AP; the return value is CPUs delivered to. */
static inline long pv_ipi_round_trip(struct ap_row *a)
{
	unsigned long seq = a->ap->ipis;
	long ret;

	if (a->timeouts)
		return 1;
	a->sent++;
	a->issued = 1;
	ret = hc_native(a->c, KVM_HC_SEND_IPI, 1, 0, a->ap->apic_id,
			ICR_FIXED_ASSERT(HCB_VEC_IPI));
	if (smp_wait_change(&a->ap->ipis, seq, a->bound))
		ap_timeout(a, "acknowledge a PV IPI");
	return ret;
}

void row_hc_send_ipi_target(struct hcb_ctx *c, struct hcb_row_result *r)
{
	struct ap_row a;
	unsigned long ipis0;
	long ret = 1;

	/* probe: empty bitmap, nobody receives anything */
	if (hc_begin(c, r, KVM_HC_SEND_IPI, 0, 0, hc_absent_apic_id(c),
		     ICR_FIXED_ASSERT(HCB_VEC_IPI)))
		return;
	if (ap_start(c, r, &a, ap_spin_irq_on)) {
		hc_end(c, r);
		return;
	}
	ipis0 = a.ap->ipis;
	HCB_MEASURE(c, (void)0, ret = pv_ipi_round_trip(&a),
		    hc_check_issued(&a, ret, 1));
	ap_stop(c, r, &a, NULL);
	ap_check_count(c, &a, a.ap->ipis - ipis0, "IPIs counted by the AP");
	hc_end(c, r);
	if (r->hc.checks_failed)
		hcb_row_note(c, "%llu calls did not return 1 (CPUs delivered "
			     "to); ", r->hc.checks_failed);
}

void row_hc_sched_yield_target(struct hcb_ctx *c, struct hcb_row_result *r)
{
	struct ap_row a;
	unsigned long id;
	long ret;

	if (hc_begin(c, r, KVM_HC_SCHED_YIELD, hc_absent_apic_id(c), 0, 0, 0))
		return;
	if (ap_start(c, r, &a, ap_spin)) {
		hc_end(c, r);
		return;
	}
	/*
	 * the AP spins with interrupts off: KVM yields to it only if the
	 * host preempted its vCPU thread
	 */
	id = a.ap->apic_id;
	HCB_MEASURE(c, (void)0, ret = hc_native(c, KVM_HC_SCHED_YIELD, id,
						0, 0, 0),
		    hc_check(c, ret, 0));
	ap_stop(c, r, &a, NULL);
	hc_end(c, r);
}
