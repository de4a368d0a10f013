// SPDX-License-Identifier: GPL-2.0
/*
 * hcb_trap(): every vector lands here (kernel/trap_entry.asm).  Vectors
 * 32..255 are counted and EOI'd; armed probes recover from #UD and #GP on
 * the probed instructions; every other exception is dumped to the serial
 * console and ends the run with HCB_EXIT_FAULT.  Built with
 * -mgeneral-regs-only: handlers that return must not touch SSE state.
 */
#include <stdint.h>
#include "apic.h"
#include "desc.h"
#include "exit.h"
#include "printf.h"
#include "probe.h"
#include "processor.h"
#include "smp.h"
#include "trap.h"
#include "hcbench/protocol.h"

static volatile unsigned int armed;
static volatile unsigned long ud_hits, gp_hits;
static volatile struct probe_db_info db_info;
static volatile unsigned long irq_count;
static int in_fault;

static const char *const exc_names[32] = {
	"#DE divide error", "#DB debug", "NMI", "#BP breakpoint",
	"#OF overflow", "#BR bound range", "#UD invalid opcode",
	"#NM device not available", "#DF double fault",
	"coprocessor segment overrun", "#TS invalid TSS",
	"#NP segment not present", "#SS stack fault",
	"#GP general protection", "#PF page fault", "reserved 15",
	"#MF x87 floating point", "#AC alignment check", "#MC machine check",
	"#XM SIMD floating point", "#VE virtualization",
	"#CP control protection", "reserved 22", "reserved 23",
	"reserved 24", "reserved 25", "reserved 26", "reserved 27",
	"#HV hypervisor injection", "#VC VMM communication",
	"#SX security", "reserved 31",
};

void probe_arm(unsigned int what)
{
	armed |= what;
}

void probe_disarm(unsigned int what)
{
	armed &= ~what;
}

unsigned long probe_ud_hits(void)
{
	return ud_hits;
}

unsigned long probe_gp_hits(void)
{
	return gp_hits;
}

unsigned long trap_irq_count(void)
{
	return irq_count;
}

static int bytes_at(uint64_t rip, uint8_t b0, uint8_t b1, int n, uint8_t b2)
{
	const volatile uint8_t *p = (const volatile uint8_t *)rip;

	return p[0] == b0 && p[1] == b1 && (n < 3 || p[2] == b2);
}

static int probe_ud(struct hcb_regs *r)
{
	if (!(armed & HCB_PROBE_UD))
		return 0;
	if (!bytes_at(r->rip, 0x0f, 0x01, 3, 0xc1) &&
	    !bytes_at(r->rip, 0x0f, 0x01, 3, 0xd9))
		return 0;
	r->rip += 3;
	ud_hits++;
	return 1;
}

static int probe_gp(struct hcb_regs *r)
{
	if (!(armed & HCB_PROBE_GP))
		return 0;
	if (!bytes_at(r->rip, 0x0f, 0x32, 2, 0) &&
	    !bytes_at(r->rip, 0x0f, 0x30, 2, 0))
		return 0;
	r->rip += 2;
	gp_hits++;
	return 1;
}

void probe_db_info(struct probe_db_info *out)
{
	out->hits = db_info.hits;
	out->rip = db_info.rip;
	out->dr6 = db_info.dr6;
}

/* Records the #DB and clears TF, so single-stepping ends here. */
static int probe_db(struct hcb_regs *r)
{
	unsigned long dr6;

	if (!(armed & HCB_PROBE_DB))
		return 0;
	asm volatile("mov %%dr6, %0" : "=r"(dr6));
	asm volatile("mov %0, %%dr6" : : "r"(0xffff0ff0ul));
	db_info.hits++;
	db_info.rip = r->rip;
	db_info.dr6 = dr6;
	r->rflags &= ~0x100ul;		/* RFLAGS.TF */
	return 1;
}

static void dump_regs(const struct hcb_regs *r)
{
	printf("  RIP %016lx  CS %04lx  RFLAGS %016lx\n",
	       r->rip, r->cs, r->rflags);
	printf("  RSP %016lx  SS %04lx  CR2 %016lx  CR3 %016lx\n",
	       r->rsp, r->ss, read_cr2(), read_cr3());
	printf("  RAX %016lx  RBX %016lx  RCX %016lx\n",
	       r->rax, r->rbx, r->rcx);
	printf("  RDX %016lx  RSI %016lx  RDI %016lx\n",
	       r->rdx, r->rsi, r->rdi);
	printf("  RBP %016lx  R8  %016lx  R9  %016lx\n",
	       r->rbp, r->r8, r->r9);
	printf("  R10 %016lx  R11 %016lx  R12 %016lx\n",
	       r->r10, r->r11, r->r12);
	printf("  R13 %016lx  R14 %016lx  R15 %016lx\n",
	       r->r13, r->r14, r->r15);
}

static void fault(const struct hcb_regs *r) __attribute__((noreturn));
static void fault(const struct hcb_regs *r)
{
	if (in_fault++)		/* faulted while reporting a fault */
		hcb_done(HCB_EXIT_FAULT);
	printf("\nhcbench: unexpected exception: vector %lu (%s), "
	       "error code 0x%lx, CPL %lu, CPU %u\n", r->vector,
	       exc_names[r->vector & 31], r->error, r->cs & 3,
	       smp_this_cpu());
	dump_regs(r);
	hcb_done(HCB_EXIT_FAULT);
}

void hcb_trap(struct hcb_regs *r)
{
	if (r->vector >= 32) {
		if (smp_irq((unsigned int)r->vector))
			return;		/* taken on an AP */
		irq_count++;
		apic_eoi();
		return;
	}
	if (r->vector == 6 && probe_ud(r))
		return;
	if (r->vector == 13 && probe_gp(r))
		return;
	if (r->vector == 1 && probe_db(r))
		return;
	fault(r);
}

void trap_raise(enum hcb_fault which)
{
	volatile uint64_t *bad = (volatile uint64_t *)0x7f0000000000ull;
	volatile unsigned int zero = 0;
	unsigned int lo = 1, hi = 0;

	switch (which) {
	case HCB_FAULT_UD:
		asm volatile("ud2");
		break;
	case HCB_FAULT_GP:	/* non-canonical address */
		(void)*(volatile uint64_t *)0x8000000000000000ull;
		break;
	case HCB_FAULT_PF:	/* canonical, never mapped */
		(void)*bad;
		break;
	case HCB_FAULT_DE:
		asm volatile("divl %2"
			     : "+a"(lo), "+d"(hi) : "m"(zero) : "cc");
		break;
	case HCB_FAULT_BP:
		asm volatile("int3");
		break;
	case HCB_FAULT_NONE:
		return;
	}
	printf("hcbench: fault=%d did not raise an exception\n", which);
}
