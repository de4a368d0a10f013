/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rows, in report order: the one list of their names, groups and
 * needs, like kvm-unit-tests' x86/vmexit.c tests[].  No include guard:
 * the includer defines the macro and takes what it needs (the guest's
 * table, bench/row_table.c; the row functions' declarations,
 * bench/rows.h; the host tool build/hcb-rows, tools/hcb-rows.c, which
 * scripts and tests read the names from).
 *
 * HCB_ROW(name, group, cpus, plan, desc)
 *   name   the row's stable name (the compare tool matches rows by it),
 *          also its function: void row_<name>(struct hcb_ctx *,
 *          struct hcb_row_result *)
 *   group  HC, EXIT or FLOOR (HCB_GROUP_* in include/hcbench/schema.h)
 *   cpus   vCPUs it needs: 1, or 2 for a row that acts on an AP (the
 *          runner then starts QEMU with -smp 2)
 *   plan   NULL, or its function raising the memory it needs before EBS
 *          (struct hcb_row, bench/rows.h)
 *   desc   what it times, one line of the report
 */
HCB_ROW(hc_test_0, HC, 1, NULL,
	"KVM_HC_TEST, all argument registers zero")
HCB_ROW(hc_test_4, HC, 1, NULL,
	"KVM_HC_TEST, four varying arguments")
HCB_ROW(hc_vapic_poll_irq, HC, 1, NULL,
	"KVM_HC_VAPIC_POLL_IRQ")
HCB_ROW(hc_kick_cpu, HC, 1, NULL,
	"KVM_HC_KICK_CPU to an absent APIC ID (no-target path)")
HCB_ROW(hc_send_ipi, HC, 1, NULL,
	"KVM_HC_SEND_IPI with an empty bitmap at an absent APIC ID "
	"(no-target path)")
HCB_ROW(hc_sched_yield, HC, 1, NULL,
	"KVM_HC_SCHED_YIELD to an absent APIC ID (no-target path)")
HCB_ROW(hc_kick_cpu_halted, HC, 2, NULL,
	"KVM_HC_KICK_CPU to a halted AP (cli; hlt), until it runs again")
HCB_ROW(hc_send_ipi_target, HC, 2, NULL,
	"KVM_HC_SEND_IPI naming the AP, until its handler counted the IPI")
HCB_ROW(hc_sched_yield_target, HC, 2, NULL,
	"KVM_HC_SCHED_YIELD to the AP's APIC ID (AP spinning)")
HCB_ROW(hc_clock_pairing, HC, 1, hcb_plan_scratch,
	"KVM_HC_CLOCK_PAIRING, wall clock, into a guest buffer")
HCB_ROW(hc_map_gpa_range, HC, 1, hcb_plan_scratch,
	"KVM_HC_MAP_GPA_RANGE, one page, 4K, decrypted")
HCB_ROW(hc_unassigned, HC, 1, NULL,
	"unassigned hypercall number (-KVM_ENOSYS)")
HCB_ROW(hc_nonnative_first, HC, 1, plan_hc_nonnative_first,
	"other vendor's instruction, first call at a fresh location")
HCB_ROW(hc_nonnative, HC, 1, plan_hc_nonnative,
	"other vendor's instruction, repeated at one location")
HCB_ROW(hc_cpl3, HC, 1, NULL,
	"KVM_HC_VAPIC_POLL_IRQ at CPL 3 (-KVM_EPERM)")
HCB_ROW(hc_fuzz, HC, 1, plan_hc_fuzz,
	"random numbers 0..127 and arguments, seeded")
HCB_ROW(hc_test_cpl3, HC, 1, NULL,
	"KVM_HC_TEST at CPL 3 (-KVM_EPERM)")
HCB_ROW(hc_test_tf, HC, 1, NULL,
	"KVM_HC_TEST single-stepped (RFLAGS.TF), one #DB after it")
HCB_ROW(hc_test_compat, HC, 1, NULL,
	"KVM_HC_TEST from 32-bit compatibility mode, truncated")
HCB_ROW(cpuid_0, EXIT, 1, NULL,
	"CPUID leaf 0")
HCB_ROW(cpuid_kvm, EXIT, 1, NULL,
	"CPUID leaf 0x40000000")
HCB_ROW(pio_kernel, EXIT, 1, NULL,
	"inb 0x21 (8259 mask, in-kernel PIC)")
HCB_ROW(pio_user, EXIT, 1, NULL,
	"outb 0x80 (handled in user space)")
HCB_ROW(mmio_user, EXIT, 1, NULL,
	"HPET ID register read at 0xfed00000")
HCB_ROW(rdmsr, EXIT, 1, NULL,
	"rdmsr IA32_MISC_ENABLE")
HCB_ROW(wrmsr, EXIT, 1, NULL,
	"wrmsr IA32_MISC_ENABLE, same value")
HCB_ROW(x2apic_icr_nodest, EXIT, 1, NULL,
	"x2APIC ICR write to an absent APIC ID")
HCB_ROW(x2apic_self_ipi, EXIT, 1, NULL,
	"x2APIC self-IPI, taken and EOI'd")
HCB_ROW(ipi, EXIT, 2, NULL,
	"fixed IPI BSP -> AP (AP spinning, interrupts on), until its handler "
	"counted it")
HCB_ROW(ipi_halt, EXIT, 2, NULL,
	"fixed IPI BSP -> AP halted in sti; hlt, until its handler counted "
	"it")
HCB_ROW(empty, FLOOR, 1, NULL,
	"nothing between the two TSC reads")
HCB_ROW(rdtsc, FLOOR, 1, NULL,
	"rdtsc")
HCB_ROW(lfence, FLOOR, 1, NULL,
	"lfence")
HCB_ROW(pause, FLOOR, 1, NULL,
	"pause")
