/* SPDX-License-Identifier: GPL-2.0 */
/* TSC frequency, measured before ExitBootServices (boot/tsc.c). */
#ifndef HCBENCH_TSC_H
#define HCBENCH_TSC_H

#include <efi.h>
#include <stdint.h>

/* Returns hz (0 if unknown) and sets *src to an HCB_TSC_SRC_* name. */
uint64_t tsc_measure(EFI_BOOT_SERVICES *bs, const char **src);

#endif /* HCBENCH_TSC_H */
