// SPDX-License-Identifier: GPL-2.0
/* Identity map with 2 MiB pages, write-back on RAM, uncached elsewhere. */
#include "paging.h"
#include "processor.h"
#include "string.h"

#define PTE_P	(1ull << 0)
#define PTE_RW	(1ull << 1)
#define PTE_US	(1ull << 2)
#define PTE_PWT	(1ull << 3)
#define PTE_PCD	(1ull << 4)
#define PTE_PS	(1ull << 7)
#define PTE_TABLE (PTE_P | PTE_RW | PTE_US)

uint64_t paging_top(uint64_t ram_end)
{
	uint64_t top = (ram_end + GIB - 1) & ~(GIB - 1);

	if (top < PAGING_MIN_TOP)
		top = PAGING_MIN_TOP;
	if (top > PAGING_MAX_TOP)
		top = PAGING_MAX_TOP;
	return top;
}

unsigned int paging_pages_needed(uint64_t top)
{
	return 2 + (unsigned int)(top / GIB);
}

static int has_ram(uint64_t base, const struct hcb_range *ram,
		   unsigned int n)
{
	uint64_t end = base + LARGE_PAGE;
	unsigned int i;

	for (i = 0; i < n; i++)
		if (ram[i].base < end && ram[i].end > base)
			return 1;
	return 0;
}

void paging_init(uint64_t top, const struct hcb_range *ram, unsigned int n_ram,
		 void *pages)
{
	uint64_t *pml4 = pages, *pdpt = pml4 + 512, *pd = pdpt + 512;
	unsigned int n_pd = (unsigned int)(top / GIB), i;
	uint64_t addr;

	memset(pages, 0, paging_pages_needed(top) * PAGE_SIZE);
	pml4[0] = (uintptr_t)pdpt | PTE_TABLE;
	for (i = 0; i < n_pd; i++)
		pdpt[i] = (uintptr_t)(pd + 512 * i) | PTE_TABLE;
	for (addr = 0; addr < top; addr += LARGE_PAGE) {
		uint64_t e = addr | PTE_P | PTE_RW | PTE_US | PTE_PS;

		if (!has_ram(addr, ram, n_ram))
			e |= PTE_PCD | PTE_PWT;		/* MMIO, holes */
		pd[addr / LARGE_PAGE] = e;
	}
	write_cr4(read_cr4() & ~(X86_CR4_SMEP | X86_CR4_SMAP | X86_CR4_PKE |
				 X86_CR4_TSD));
	write_cr3((uintptr_t)pml4);
}
