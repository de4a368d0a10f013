/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPUs of the machine from the ACPI MADT (kernel/acpi.c).  The UEFI
 * stage finds the RSDP in the configuration table and calls this before
 * ExitBootServices; the runtime only reads the result.
 */
#ifndef HCBENCH_ACPI_H
#define HCBENCH_ACPI_H

#include <stdint.h>
#include "hcbench/handoff.h"	/* struct hcb_cpus, HCB_MAX_CPUS */

/* The header every ACPI system description table starts with (5.2.6). */
struct acpi_sdt_hdr {
	char sig[4];
	uint32_t len;
	uint8_t rev, csum;
	char oem[6], oem_table[8];
	uint32_t oem_rev, creator, creator_rev;
} __attribute__((packed));

/*
 * Walks RSDP -> XSDT (or RSDT) -> MADT and lists the enabled (or online
 * capable) local APIC and local x2APIC entries.  Sets cpus->error and
 * cpus->n = 0 when a table is missing or has a bad checksum.
 */
void acpi_find_cpus(const void *rsdp, struct hcb_cpus *cpus);

#endif /* HCBENCH_ACPI_H */
