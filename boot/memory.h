/* SPDX-License-Identifier: GPL-2.0 */
/* Page allocation, the memory map and ExitBootServices (boot/memory.c). */
#ifndef HCBENCH_MEMORY_H
#define HCBENCH_MEMORY_H

#include <efi.h>
#include "hcbench/handoff.h"

/*
 * AllocatePages for everything in h the run needs: stacks, page tables,
 * the APs' pages and the buffers of h->plan; 0 or -1 (printed).
 */
int memory_alloc_run(EFI_BOOT_SERVICES *bs, struct hcb_handoff *h);

/*
 * Takes the final memory map (RAM ranges into h->ram) and leaves boot
 * services, retrying with a fresh map on EFI_INVALID_PARAMETER.  0 or -1.
 */
int memory_exit_boot(EFI_HANDLE image, EFI_BOOT_SERVICES *bs,
		     struct hcb_handoff *h);

#endif /* HCBENCH_MEMORY_H */
