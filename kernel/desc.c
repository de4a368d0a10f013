// SPDX-License-Identifier: GPL-2.0
/* GDT, TSS and IDT: built once after ExitBootServices, never changed. */
#include <stdint.h>
#include "desc.h"
#include "string.h"

#define GATE_INTR	0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define GATE_INTR_DPL3	0xee
#define TRAP_STUB_SIZE	16

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

static uint64_t gdt[8] __attribute__((aligned(16)));
static struct tss64 tss __attribute__((aligned(16)));
static struct idt_gate idt[256] __attribute__((aligned(16)));

static void gdt_build(void)
{
	uint64_t base = (uintptr_t)&tss;
	uint64_t limit = sizeof(tss) - 1;

	gdt[0] = 0;
	gdt[KERNEL_CS / 8] = 0x00af9a000000ffffull;	/* 64-bit code, DPL 0 */
	gdt[KERNEL_DS / 8] = 0x00cf92000000ffffull;	/* data, DPL 0 */
	gdt[USER_DS / 8] = 0x00cff2000000ffffull;	/* data, DPL 3 */
	gdt[USER_CS / 8] = 0x00affa000000ffffull;	/* 64-bit code, DPL 3 */
	gdt[TSS_SEL / 8] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			   (0x89ull << 40) | (((limit >> 16) & 0xf) << 48) |
			   (((base >> 24) & 0xff) << 56);
	gdt[TSS_SEL / 8 + 1] = base >> 32;
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

	memset(&tss, 0, sizeof(tss));
	tss.rsp[0] = st->rsp0;
	for (i = 0; i < 3; i++)
		tss.ist[i] = st->ist[i];
	tss.iomap_base = sizeof(tss);	/* no I/O bitmap: CPL 3 gets no ports */
	gdt_build();
	gdt_load();
	asm volatile("ltr %w0" : : "r"(TSS_SEL) : "memory");
	idt_build();
	asm volatile("lidt %0" : : "m"(p) : "memory");
}

void desc_load_ap(void)
{
	struct desc_ptr p = { sizeof(idt) - 1, (uintptr_t)idt };

	gdt_load();
	asm volatile("lidt %0" : : "m"(p) : "memory");
}
