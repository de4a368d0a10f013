// SPDX-License-Identifier: GPL-2.0
/*
 * AP bring-up and cross-CPU calls.  The BSP copies kernel/trampoline.asm
 * to the page the UEFI stage reserved below 1 MiB, fills in CR3, a stack,
 * the entry point and the AP's per-CPU data, and sends INIT-SIPI-SIPI.
 * The AP loads the runtime's GDT and IDT (no TSS: nothing on an AP
 * changes privilege level), enables its APIC (x2APIC when CPUID has it,
 * like the BSP), never writes CR8/TPR, and waits in sti; hlt for
 * on_cpu() requests, which come with a wake-up IPI (HCB_VEC_WAKE); the
 * requests run with interrupts off.
 */
#include "apic.h"
#include "desc.h"
#include "printf.h"
#include "smp.h"
#include "string.h"

#define ICR_FIXED	0x000
#define ICR_INIT	0x500
#define ICR_STARTUP	0x600
#define ICR_BUSY	(1u << 12)
#define ICR_ASSERT	(1u << 14)
#define ICR_LEVEL	(1u << 15)
#define APIC_ICR2	0x310

extern char hcb_tramp_start[], hcb_tramp_end[];
extern char hcb_tramp_cr3[], hcb_tramp_stack[], hcb_tramp_arg[];
extern char hcb_tramp_entry[];

static struct hcb_percpu percpu[HCB_MAX_CPUS];
static unsigned int n_cpus = 1;
static uint64_t tsc_khz;
static enum hcb_ap_test ap_test;

static int percpu_ready;

void percpu_init_bsp(void)
{
	percpu[0].self = &percpu[0];
	percpu[0].state = HCB_CPU_ONLINE;
	wrmsr(MSR_GS_BASE, (uintptr_t)&percpu[0]);
	percpu_ready = 1;
}

unsigned int smp_this_cpu(void)
{
	return percpu_ready ? this_cpu()->cpu : 0;
}

unsigned int smp_n_cpus(void)
{
	return n_cpus;
}

struct hcb_percpu *smp_cpu(unsigned int cpu)
{
	return cpu < n_cpus ? &percpu[cpu] : NULL;
}

uint64_t smp_us_cycles(unsigned int us)
{
	return tsc_khz * us / 1000;
}

uint64_t smp_wait_cycles(void)
{
	return tsc_khz * HCB_SMP_WAIT_MS;
}

static void delay_us(unsigned int us)
{
	uint64_t t0 = rdtsc(), n = smp_us_cycles(us);

	while (rdtsc() - t0 < n)
		cpu_pause();
}

/* In the IPI rows' timed windows: HCB_TIMED (kernel/processor.h). */
static HCB_TIMED void icr_write(uint32_t apic_id, uint32_t low)
{
	uint64_t t0;

	if (apic_is_x2apic()) {
		wrmsr(MSR_X2APIC_ICR, (uint64_t)apic_id << 32 | low);
		return;
	}
	apic_write(APIC_ICR2, apic_id << 24);
	apic_write(APIC_ICR, low);
	t0 = rdtsc();
	while ((apic_read(APIC_ICR) & ICR_BUSY) &&
	       rdtsc() - t0 < smp_wait_cycles())
		cpu_pause();
}

HCB_TIMED void smp_send_ipi(uint32_t apic_id, unsigned int vector)
{
	icr_write(apic_id, ICR_ASSERT | ICR_FIXED | (vector & 0xff));
}

int smp_irq(unsigned int vector)
{
	struct hcb_percpu *p = this_cpu();

	if (!p->cpu)
		return 0;
	if (vector == HCB_VEC_IPI && ap_test != HCB_AP_TEST_NOACK)
		p->ipis++;
	else if (vector != HCB_VEC_IPI)
		p->other_irqs++;
	apic_eoi();
	return 1;
}

/*
 * Idle: halted with interrupts on between calls, so an idle AP costs its
 * host nothing (under the nested rig's icount, a spinning AP would add
 * its instructions to every figure the BSP measures).  The request is
 * checked with interrupts off and sti; hlt cannot miss the wake-up IPI.
 */
static void __attribute__((noreturn)) ap_idle(struct hcb_percpu *p)
{
	unsigned long req;

	for (;;) {
		cli();
		req = p->req;
		if (req != p->done && ap_test != HCB_AP_TEST_MUTE) {
			asm volatile("" : : : "memory");
			p->fn(p->arg);
			asm volatile("" : : : "memory");
			p->done = req;
			continue;
		}
		asm volatile("sti; hlt" : : : "memory");
	}
}

/* First C code of an AP, on its own stack (kernel/trampoline.asm). */
static void __attribute__((noreturn)) ap_main(struct hcb_percpu *p)
{
	desc_load_ap(p->cpu);
	wrmsr(MSR_GS_BASE, (uintptr_t)p);
	if (ap_test == HCB_AP_TEST_IST)
		asm volatile("int $2");	/* the NMI gate: its IST stack */
	apic_init();
	apic_write(APIC_SPIV, apic_read(APIC_SPIV) | APIC_SPIV_ENABLE | 0xff);
	p->apic_id_seen = apic_id();
	asm volatile("" : : : "memory");
	p->state = HCB_CPU_ONLINE;
	ap_idle(p);
}

int smp_call_start(unsigned int cpu, void (*fn)(void *), void *arg)
{
	struct hcb_percpu *p = smp_cpu(cpu);

	if (!p || !cpu || p->state != HCB_CPU_ONLINE || p->req != p->done)
		return -1;
	p->fn = fn;
	p->arg = arg;
	asm volatile("" : : : "memory");
	p->req = p->req + 1;
	smp_send_ipi(p->apic_id, HCB_VEC_WAKE);
	return 0;
}

int smp_call_wait(unsigned int cpu)
{
	struct hcb_percpu *p = smp_cpu(cpu);
	uint64_t t0 = rdtsc();

	if (!p || !cpu || p->state != HCB_CPU_ONLINE)
		return -1;
	while (p->done != p->req) {
		if (rdtsc() - t0 > smp_wait_cycles()) {
			printf("hcbench: CPU %u (APIC ID %u) did not finish a "
			       "cross-CPU call within %u ms: marked stuck\n",
			       cpu, p->apic_id, HCB_SMP_WAIT_MS);
			p->state = HCB_CPU_STUCK;
			return -1;
		}
		cpu_pause();
	}
	return 0;
}

int on_cpu(unsigned int cpu, void (*fn)(void *), void *arg)
{
	if (smp_call_start(cpu, fn, arg))
		return -1;
	return smp_call_wait(cpu);
}

int smp_first_ap(const char **why)
{
	unsigned int i;

	for (i = 1; i < n_cpus; i++)
		if (percpu[i].state == HCB_CPU_ONLINE)
			return (int)i;
	if (n_cpus < 2)
		*why = "needs a second CPU, the MADT lists one (run with "
		       "SMP=2)";
	else
		*why = "no AP answered at bring-up (see the serial log)";
	return -1;
}

static void tramp_set(uint8_t *page, char *field, uint64_t v, size_t n)
{
	memcpy(page + (field - hcb_tramp_start), &v, n);
}

/* INIT, 10 ms, SIPI, 200 us, SIPI (Intel SDM, MP initialization). */
static void init_sipi_sipi(uint32_t apic_id, uint64_t page)
{
	uint32_t vec = (uint32_t)(page >> 12);

	icr_write(apic_id, ICR_INIT | ICR_ASSERT | ICR_LEVEL);
	if (!apic_is_x2apic())
		icr_write(apic_id, ICR_INIT | ICR_LEVEL);	/* de-assert */
	delay_us(10000);
	icr_write(apic_id, ICR_STARTUP | vec);
	delay_us(200);
	icr_write(apic_id, ICR_STARTUP | vec);
}

static int start_ap(struct hcb_percpu *p, const struct hcb_smp_boot *b)
{
	uint8_t *page = (uint8_t *)(uintptr_t)b->tramp;
	uint64_t t0;

	tramp_set(page, hcb_tramp_stack, b->stack_top[p->cpu], 8);
	tramp_set(page, hcb_tramp_arg, (uintptr_t)p, 8);
	init_sipi_sipi(p->apic_id, b->tramp);
	t0 = rdtsc();
	while (p->state != HCB_CPU_ONLINE) {
		if (rdtsc() - t0 > smp_wait_cycles()) {
			printf("hcbench: CPU %u (APIC ID %u) did not start "
			       "within %u ms of INIT-SIPI-SIPI\n", p->cpu,
			       p->apic_id, HCB_SMP_WAIT_MS);
			return -1;
		}
		cpu_pause();
	}
	return 0;
}

static volatile uint32_t probe_id;

static void report_apic_id(void *arg)
{
	(void)arg;
	probe_id = this_cpu()->apic_id_seen;
}

/* The cross-CPU call must run and see the AP's own APIC ID. */
static int check_ap(struct hcb_percpu *p)
{
	probe_id = ~0u;
	if (on_cpu(p->cpu, report_apic_id, NULL)) {
		printf("hcbench: CPU %u (APIC ID %u) started but did not "
		       "answer a cross-CPU call within %u ms: not used\n",
		       p->cpu, p->apic_id, HCB_SMP_WAIT_MS);
		return -1;
	}
	if (probe_id != p->apic_id) {
		printf("hcbench: CPU %u reads APIC ID %u, the MADT says %u: "
		       "not used\n", p->cpu, probe_id, p->apic_id);
		p->state = HCB_CPU_STUCK;
		return -1;
	}
	return 0;
}

static int tramp_usable(const struct hcb_smp_boot *b, uint64_t cr3)
{
	size_t len = (size_t)(hcb_tramp_end - hcb_tramp_start);

	if (!b->tramp) {
		printf("hcbench: SMP: no trampoline page below 1 MiB: APs "
		       "not started\n");
		return 0;
	}
	if (cr3 >> 32 || len > 4096) {
		printf("hcbench: SMP: page tables at 0x%lx (need < 4 GiB) or "
		       "trampoline of %lu bytes: APs not started\n",
		       (unsigned long)cr3, (unsigned long)len);
		return 0;
	}
	memcpy((void *)(uintptr_t)b->tramp, hcb_tramp_start, len);
	tramp_set((uint8_t *)(uintptr_t)b->tramp, hcb_tramp_cr3, cr3, 4);
	tramp_set((uint8_t *)(uintptr_t)b->tramp, hcb_tramp_entry,
		  (uintptr_t)ap_main, 8);
	return 1;
}

/* Per-CPU slots: the BSP keeps 0, the other MADT CPUs follow in order. */
static void percpu_fill(const struct hcb_cpus *c)
{
	uint32_t me = apic_id();
	unsigned int i;

	percpu[0].apic_id = me;
	percpu[0].apic_id_seen = me;
	for (i = 0; i < c->n && n_cpus < HCB_MAX_CPUS; i++) {
		if (c->apic_id[i] == me)
			continue;
		percpu[n_cpus].self = &percpu[n_cpus];
		percpu[n_cpus].cpu = n_cpus;
		percpu[n_cpus].apic_id = c->apic_id[i];
		percpu[n_cpus].state = HCB_CPU_OFFLINE;
		n_cpus++;
	}
}

unsigned int smp_init(const struct hcb_smp_boot *b, uint64_t cr3,
		      uint64_t tsc_hz, enum hcb_ap_test test)
{
	unsigned int i, online = 1;

	tsc_khz = tsc_hz / 1000;
	ap_test = test;
	if (b->cpus.error) {
		printf("hcbench: SMP: %s: running on the BSP only\n",
		       b->cpus.error);
		return 1;
	}
	percpu_fill(&b->cpus);
	if (b->cpus.n_ignored)
		printf("hcbench: SMP: %u more CPUs than the %u supported are "
		       "ignored\n", b->cpus.n_ignored, HCB_MAX_CPUS);
	if (n_cpus > 1 && tramp_usable(b, cr3)) {
		for (i = 1; i < n_cpus; i++) {
			if (start_ap(&percpu[i], b))
				break;	/* a late AP must not share the page */
			if (!check_ap(&percpu[i]))
				online++;
		}
	}
	printf("hcbench: SMP: %u CPUs in the MADT, %u online (%s)\n",
	       n_cpus, online, apic_is_x2apic() ? "x2APIC" : "xAPIC");
	return online;
}
