// SPDX-License-Identifier: GPL-2.0
/* GDT, TSS and IDT: built once after ExitBootServices, never changed. */
#include <stdint.h>
#include "acpi.h"
#include "desc.h"
#include "string.h"

#define GATE_INTR	0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define GATE_INTR_DPL3	0xee
#define TRAP_STUB_SIZE	16
#define AP_IST_SIZE	4096	/* each AP's #DF, NMI and #MC stacks */
#define GDT_ENTRIES	(TSS_AP_SEL / 8 + 2 * (HCB_MAX_CPUS - 1))

struct tss64 {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

struct idt_gate {
	uint16_t off_lo, sel;
	uint8_t ist, attr;
	uint16_t off_mid;
	uint32_t off_hi, reserved;
} __attribute__((packed));

struct desc_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

extern char hcb_trap_stubs[];
extern char hcb_user_return[];

static uint64_t gdt[GDT_ENTRIES] __attribute__((aligned(16)));
static struct tss64 tss[HCB_MAX_CPUS] __attribute__((aligned(16)));
static struct idt_gate idt[256] __attribute__((aligned(16)));
static uint8_t ap_ist[HCB_MAX_CPUS - 1][3][AP_IST_SIZE]
	__attribute__((aligned(16)));

/* An available 64-bit TSS descriptor (16 bytes) at selector sel. */
static void gdt_set_tss(unsigned int sel, const struct tss64 *t)
{
	uint64_t base = (uintptr_t)t;
	uint64_t limit = sizeof(*t) - 1;

	gdt[sel / 8] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		       (0x89ull << 40) | (((limit >> 16) & 0xf) << 48) |
		       (((base >> 24) & 0xff) << 56);
	gdt[sel / 8 + 1] = base >> 32;
}

static void gdt_build(void)
{
	gdt[0] = 0;
	gdt[KERNEL_CS / 8] = 0x00af9a000000ffffull;	/* 64-bit code, DPL 0 */
	gdt[KERNEL_DS / 8] = 0x00cf92000000ffffull;	/* data, DPL 0 */
	gdt[USER_DS / 8] = 0x00cff2000000ffffull;	/* data, DPL 3 */
	gdt[USER_CS / 8] = 0x00affa000000ffffull;	/* 64-bit code, DPL 3 */
	gdt_set_tss(TSS_SEL, &tss[0]);
	gdt[KERNEL_CS32 / 8] = 0x00cf9a000000ffffull;	/* 32-bit code, DPL 0 */
}

static void gdt_load(void)
{
	struct desc_ptr p = { sizeof(gdt) - 1, (uintptr_t)gdt };

	asm volatile("lgdt %0\n\t"
		     "pushq %[cs]\n\t"
		     "leaq 1f(%%rip), %%rax\n\t"
		     "pushq %%rax\n\t"
		     "lretq\n"
		     "1:\n\t"
		     "movw %w[ds], %%ax\n\t"
		     "movw %%ax, %%ds\n\t"
		     "movw %%ax, %%es\n\t"
		     "movw %%ax, %%ss\n\t"
		     "movw %%ax, %%fs\n\t"
		     "movw %%ax, %%gs"
		     : : "m"(p), [cs] "i"(KERNEL_CS), [ds] "r"(KERNEL_DS)
		     : "rax", "memory");
}

static void idt_set(unsigned int vec, void *handler, uint8_t ist,
		    uint8_t attr)
{
	uint64_t off = (uintptr_t)handler;
	struct idt_gate *g = &idt[vec];

	g->off_lo = off & 0xffff;
	g->sel = KERNEL_CS;
	g->ist = ist;
	g->attr = attr;
	g->off_mid = (off >> 16) & 0xffff;
	g->off_hi = off >> 32;
	g->reserved = 0;
}

static void idt_build(void)
{
	unsigned int v;

	for (v = 0; v < 256; v++)
		idt_set(v, hcb_trap_stubs + v * TRAP_STUB_SIZE, 0, GATE_INTR);
	idt_set(8, hcb_trap_stubs + 8 * TRAP_STUB_SIZE, IST_DF, GATE_INTR);
	idt_set(2, hcb_trap_stubs + 2 * TRAP_STUB_SIZE, IST_NMI, GATE_INTR);
	idt_set(18, hcb_trap_stubs + 18 * TRAP_STUB_SIZE, IST_MC, GATE_INTR);
	idt_set(HCB_VEC_USER_RET, hcb_user_return, 0, GATE_INTR_DPL3);
}

void desc_init(const struct hcb_stacks *st)
{
	struct desc_ptr p = { sizeof(idt) - 1, (uintptr_t)idt };
	unsigned int i;

	memset(&tss[0], 0, sizeof(tss[0]));
	tss[0].rsp[0] = st->rsp0;
	for (i = 0; i < 3; i++)
		tss[0].ist[i] = st->ist[i];
	tss[0].iomap_base = sizeof(tss[0]);	/* no I/O bitmap: no ports */
	gdt_build();
	gdt_load();
	asm volatile("ltr %w0" : : "r"(TSS_SEL) : "memory");
	idt_build();
	asm volatile("lidt %0" : : "m"(p) : "memory");
}

void desc_load_ap(unsigned int cpu)
{
	struct desc_ptr p = { sizeof(idt) - 1, (uintptr_t)idt };
	unsigned int sel = TSS_AP_SEL + 16 * (cpu - 1), i;
	struct tss64 *t;

	gdt_load();
	asm volatile("lidt %0" : : "m"(p) : "memory");
	if (cpu == 0 || cpu >= HCB_MAX_CPUS)
		return;
	t = &tss[cpu];
	memset(t, 0, sizeof(*t));
	for (i = 0; i < 3; i++)
		t->ist[i] = (uintptr_t)ap_ist[cpu - 1][i] + AP_IST_SIZE;
	t->iomap_base = sizeof(*t);
	gdt_set_tss(sel, t);
	asm volatile("ltr %w0" : : "r"(sel) : "memory");
}
