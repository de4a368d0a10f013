/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Identity-mapped page tables owned by the guest: 2 MiB pages from 0 up
 * to a top of at least 4 GiB, User bit set everywhere (the CPL-3 row runs
 * on the same mapping), regions without RAM mapped uncached.
 */
#ifndef HCBENCH_PAGING_H
#define HCBENCH_PAGING_H

#include <stdint.h>
#include "hcbench/handoff.h"	/* struct hcb_range */

#define PAGE_SIZE	4096ull
#define LARGE_PAGE	(2ull << 20)
#define GIB		(1ull << 30)
#define PAGING_MIN_TOP	(4 * GIB)
#define PAGING_MAX_TOP	(512 * GIB)	/* one PDPT */

/* Page-table pages needed to map [0, top): PML4 + PDPT + one PD per GiB. */
unsigned int paging_pages_needed(uint64_t top);
/* Top to map for RAM ending at ram_end: rounded up to 1 GiB, >= 4 GiB. */
uint64_t paging_top(uint64_t ram_end);

/*
 * Builds the tables in pages (zeroed here) and loads CR3.  Also clears
 * CR4.SMEP/SMAP/PKE/TSD, which would break kernel use of User pages or
 * rdtsc at CPL 3.
 */
void paging_init(uint64_t top, const struct hcb_range *ram, unsigned int n_ram,
		 void *pages);

#endif /* HCBENCH_PAGING_H */
