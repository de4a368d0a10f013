/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Thin wrappers around privileged and timing instructions.  Everything is
 * static inline so the measured loops contain just the instruction.
 */
#ifndef HCBENCH_PROCESSOR_H
#define HCBENCH_PROCESSOR_H

#include <stdint.h>

struct cpuid_regs {
	uint32_t a, b, c, d;
};

static inline struct cpuid_regs cpuid_count(uint32_t leaf, uint32_t sub)
{
	struct cpuid_regs r;

	asm volatile("cpuid"
		     : "=a"(r.a), "=b"(r.b), "=c"(r.c), "=d"(r.d)
		     : "a"(leaf), "c"(sub) : "memory");
	return r;
}

static inline struct cpuid_regs cpuid(uint32_t leaf)
{
	return cpuid_count(leaf, 0);
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr) : "memory");
	return lo | ((uint64_t)hi << 32);
}

static inline void wrmsr(uint32_t msr, uint64_t val)
{
	uint32_t lo = (uint32_t)val, hi = (uint32_t)(val >> 32);

	asm volatile("wrmsr" : : "c"(msr), "a"(lo), "d"(hi) : "memory");
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return lo | ((uint64_t)hi << 32);
}

static inline void lfence(void)
{
	asm volatile("lfence" : : : "memory");
}

static inline void mfence(void)
{
	asm volatile("mfence" : : : "memory");
}

static inline void cpu_pause(void)
{
	asm volatile("pause" : : : "memory");
}

/*
 * Code that runs inside a timed window (each row's function, the CPL 3
 * bodies, the runtime helpers they call there) starts on a page of its
 * own.  KVM without NRIP save (the nested rig's L1) skips an exiting
 * instruction with its instruction emulator, which fetches min(15, bytes
 * to the page end) bytes: the same instruction within 15 bytes of a page
 * end costs other instruction counts (cpuid_kvm: 30 fewer), so without
 * this any code change elsewhere could move a nested p50.
 * tests/lint/timed-layout checks it (a timed function fits its page).
 */
#define HCB_TIMED_ALIGN	4096
#define HCB_TIMED	__attribute__((aligned(HCB_TIMED_ALIGN)))

/* TSC read ordered against everything before and after it. */
static inline uint64_t rdtsc_ordered(void)
{
	uint64_t t;

	lfence();
	t = rdtsc();
	lfence();
	return t;
}

static inline void outb(uint16_t port, uint8_t v)
{
	asm volatile("outb %0, %1" : : "a"(v), "Nd"(port) : "memory");
}

static inline void outw(uint16_t port, uint16_t v)
{
	asm volatile("outw %0, %1" : : "a"(v), "Nd"(port) : "memory");
}

static inline void outl(uint16_t port, uint32_t v)
{
	asm volatile("outl %0, %1" : : "a"(v), "Nd"(port) : "memory");
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port) : "memory");
	return v;
}

static inline void cli(void)
{
	asm volatile("cli" : : : "memory");
}

/* sti; nop; cli: the one interrupt window the guest ever opens. */
static inline void irq_window(void)
{
	asm volatile("sti; nop; cli" : : : "memory");
}

static inline __attribute__((noreturn)) void halt_forever(void)
{
	for (;;)
		asm volatile("cli; hlt" : : : "memory");
}

static inline uint64_t read_cr0(void)
{
	uint64_t v;

	asm volatile("mov %%cr0, %0" : "=r"(v));
	return v;
}

static inline void write_cr0(uint64_t v)
{
	asm volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline uint64_t read_cr2(void)
{
	uint64_t v;

	asm volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline uint64_t read_cr3(void)
{
	uint64_t v;

	asm volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(uint64_t v)
{
	asm volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline uint64_t read_cr4(void)
{
	uint64_t v;

	asm volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline void write_cr4(uint64_t v)
{
	asm volatile("mov %0, %%cr4" : : "r"(v) : "memory");
}

static inline uint64_t read_rflags(void)
{
	uint64_t v;

	asm volatile("pushfq; popq %0" : "=r"(v));
	return v;
}

#define X86_CR0_MP	(1ull << 1)
#define X86_CR0_EM	(1ull << 2)
#define X86_CR0_TS	(1ull << 3)
#define X86_CR4_TSD	(1ull << 2)
#define X86_CR4_OSFXSR	(1ull << 9)
#define X86_CR4_OSXMMEXCPT (1ull << 10)
#define X86_CR4_SMEP	(1ull << 20)
#define X86_CR4_SMAP	(1ull << 21)
#define X86_CR4_PKE	(1ull << 22)

#define MSR_IA32_APICBASE	0x1b
#define MSR_IA32_MISC_ENABLE	0x1a0

/* CPUID.1 */
#define CPUID1_ECX_X2APIC	(1u << 21)
#define CPUID1_ECX_HYPERVISOR	(1u << 31)

#endif /* HCBENCH_PROCESSOR_H */
