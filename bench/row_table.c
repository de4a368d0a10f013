// SPDX-License-Identifier: GPL-2.0
/* The rows, in report order.  Names are stable (docs/design.md). */
#include "rows.h"
#include "hcbench/schema.h"
#include "kernel/string.h"

#define HC HCB_GROUP_HC
#define EXIT HCB_GROUP_EXIT
#define FLOOR HCB_GROUP_FLOOR

const struct hcb_row hcb_rows[] = {
	{ "hc_test_0", HC, "KVM_HC_TEST, all argument registers zero",
	  row_hc_test_0 },
	{ "hc_test_4", HC, "KVM_HC_TEST, four varying arguments",
	  row_hc_test_4 },
	{ "hc_vapic_poll_irq", HC, "KVM_HC_VAPIC_POLL_IRQ",
	  row_hc_vapic_poll_irq },
	{ "hc_kick_cpu", HC, "KVM_HC_KICK_CPU to an absent APIC ID "
	  "(no-target path)", row_hc_kick_cpu },
	{ "hc_send_ipi", HC, "KVM_HC_SEND_IPI with an empty bitmap at an "
	  "absent APIC ID (no-target path)", row_hc_send_ipi },
	{ "hc_sched_yield", HC, "KVM_HC_SCHED_YIELD to an absent APIC ID "
	  "(no-target path)", row_hc_sched_yield },
	{ "hc_kick_cpu_halted", HC, "KVM_HC_KICK_CPU to a halted AP "
	  "(cli; hlt), until it runs again", row_hc_kick_cpu_halted },
	{ "hc_send_ipi_target", HC, "KVM_HC_SEND_IPI naming the AP, until "
	  "its handler counted the IPI", row_hc_send_ipi_target },
	{ "hc_sched_yield_target", HC, "KVM_HC_SCHED_YIELD to the AP's "
	  "APIC ID (AP spinning)", row_hc_sched_yield_target },
	{ "hc_clock_pairing", HC,
	  "KVM_HC_CLOCK_PAIRING, wall clock, into a guest buffer",
	  row_hc_clock_pairing },
	{ "hc_map_gpa_range", HC, "KVM_HC_MAP_GPA_RANGE, one page, 4K, "
	  "decrypted", row_hc_map_gpa_range },
	{ "hc_unassigned", HC, "unassigned hypercall number (-KVM_ENOSYS)",
	  row_hc_unassigned },
	{ "hc_nonnative_first", HC, "other vendor's instruction, first call "
	  "at a fresh location", row_hc_nonnative_first },
	{ "hc_nonnative", HC, "other vendor's instruction, repeated at one "
	  "location", row_hc_nonnative },
	{ "hc_cpl3", HC, "KVM_HC_VAPIC_POLL_IRQ at CPL 3 (-KVM_EPERM)",
	  row_hc_cpl3 },
	{ "hc_fuzz", HC, "random numbers 0..127 and arguments, seeded",
	  row_hc_fuzz },
	{ "hc_test_cpl3", HC, "KVM_HC_TEST at CPL 3 (-KVM_EPERM)",
	  row_hc_test_cpl3 },
	{ "hc_test_tf", HC, "KVM_HC_TEST single-stepped (RFLAGS.TF), one #DB "
	  "after it", row_hc_test_tf },
	{ "hc_test_compat", HC, "KVM_HC_TEST from 32-bit compatibility mode, "
	  "truncated", row_hc_test_compat },
	{ "cpuid_0", EXIT, "CPUID leaf 0", row_cpuid_0 },
	{ "cpuid_kvm", EXIT, "CPUID leaf 0x40000000", row_cpuid_kvm },
	{ "pio_kernel", EXIT, "inb 0x21 (8259 mask, in-kernel PIC)",
	  row_pio_kernel },
	{ "pio_user", EXIT, "outb 0x80 (handled in user space)",
	  row_pio_user },
	{ "mmio_user", EXIT, "HPET ID register read at 0xfed00000",
	  row_mmio_user },
	{ "rdmsr", EXIT, "rdmsr IA32_MISC_ENABLE", row_rdmsr },
	{ "wrmsr", EXIT, "wrmsr IA32_MISC_ENABLE, same value",
	  row_wrmsr },
	{ "x2apic_icr_nodest", EXIT, "x2APIC ICR write to an absent APIC ID",
	  row_x2apic_icr_nodest },
	{ "x2apic_self_ipi", EXIT, "x2APIC self-IPI, taken and EOI'd",
	  row_x2apic_self_ipi },
	{ "ipi", EXIT, "fixed IPI BSP -> AP (AP spinning, interrupts on), "
	  "until its handler counted it", row_ipi },
	{ "ipi_halt", EXIT, "fixed IPI BSP -> AP halted in sti; hlt, until "
	  "its handler counted it", row_ipi_halt },
	{ "empty", FLOOR, "nothing between the two TSC reads", row_empty },
	{ "rdtsc", FLOOR, "rdtsc", row_rdtsc },
	{ "lfence", FLOOR, "lfence", row_lfence },
	{ "pause", FLOOR, "pause", row_pause },
};

_Static_assert(sizeof(hcb_rows) / sizeof(hcb_rows[0]) <= HCB_MAX_ROWS,
	       "raise HCB_MAX_ROWS");

unsigned int hcb_row_count(void)
{
	return sizeof(hcb_rows) / sizeof(hcb_rows[0]);
}

int hcb_rows_match_prefix(const char *prefix, size_t n)
{
	unsigned int i;

	for (i = 0; i < hcb_row_count(); i++)
		if (!strncmp(hcb_rows[i].name, prefix, n) &&
		    strlen(hcb_rows[i].name) >= n)
			return 1;
	return 0;
}
