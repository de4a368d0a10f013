/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rows, in report order: the one list of their names, groups and
 * needs, like kvm-unit-tests' x86/vmexit.c tests[].  No include guard:
 * the includer defines both macros and takes what it needs (the guest's
 * table, bench/row_table.c; the row functions' declarations,
 * bench/rows.h; the hypercall rows' functions, bench/rows_hc.c; the host
 * tool build/hcb-rows, tools/hcb-rows.c, which scripts and tests read
 * the names from).
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
 *
 * HCB_HC_ROW(name, cpl, nr, a0, a1, a2, a3, expect, plan, desc)
 *   a hypercall row that is data: number nr with the arguments a0..a3
 *   (RBX, RCX, RDX, RSI) issued by the native instruction at privilege
 *   level cpl, each return value checked against expect; group HC, one
 *   vCPU; the function is made from the line (bench/rows_hc.c):
 *   cpl 0, expect ANY    every return value kept, none checked
 *   cpl 0, expect TEST   nr KVM_HC_TEST: hc_test_expected(a0..a3) where
 *                        the host is patched, -KVM_ENOSYS recorded else
 *   cpl 3, expect EPERM  -KVM_EPERM (KVM refuses user mode)
 *   An argument is a constant expression, ABSENT_APIC_ID (an APIC ID no
 *   vCPU has) or SCRATCH (the address of HCB_SCRATCH_BYTES the hypercall
 *   may write: plan hcb_plan_scratch).
 */
HCB_HC_ROW(hc_test_0, 0, KVM_HC_TEST, 0, 0, 0, 0, TEST, NULL,
	   "KVM_HC_TEST, all argument registers zero")
HCB_ROW(hc_test_4, HC, 1, NULL,
	"KVM_HC_TEST, four varying arguments")
HCB_HC_ROW(hc_vapic_poll_irq, 0, KVM_HC_VAPIC_POLL_IRQ, 0, 0, 0, 0, ANY, NULL,
	   "KVM_HC_VAPIC_POLL_IRQ")
HCB_HC_ROW(hc_kick_cpu, 0, KVM_HC_KICK_CPU, 0, ABSENT_APIC_ID, 0, 0, ANY, NULL,
	   "KVM_HC_KICK_CPU to an absent APIC ID (no-target path)")
/* bitmap low, bitmap high, min APIC ID, ICR: no destination */
HCB_HC_ROW(hc_send_ipi, 0, KVM_HC_SEND_IPI, 0, 0, ABSENT_APIC_ID, 0xf0, ANY,
	   NULL, "KVM_HC_SEND_IPI with an empty bitmap at an absent APIC ID "
	   "(no-target path)")
HCB_HC_ROW(hc_sched_yield, 0, KVM_HC_SCHED_YIELD, ABSENT_APIC_ID, 0, 0, 0, ANY,
	   NULL, "KVM_HC_SCHED_YIELD to an absent APIC ID (no-target path)")
HCB_ROW(hc_kick_cpu_halted, HC, 2, NULL,
	"KVM_HC_KICK_CPU to a halted AP (cli; hlt), until it runs again")
HCB_ROW(hc_send_ipi_target, HC, 2, NULL,
	"KVM_HC_SEND_IPI naming the AP, until its handler counted the IPI")
HCB_ROW(hc_sched_yield_target, HC, 2, NULL,
	"KVM_HC_SCHED_YIELD to the AP's APIC ID (AP spinning)")
HCB_HC_ROW(hc_clock_pairing, 0, KVM_HC_CLOCK_PAIRING, SCRATCH,
	   KVM_CLOCK_PAIRING_WALLCLOCK, 0, 0, ANY, hcb_plan_scratch,
	   "KVM_HC_CLOCK_PAIRING, wall clock, into a guest buffer")
HCB_HC_ROW(hc_map_gpa_range, 0, KVM_HC_MAP_GPA_RANGE, SCRATCH, 1,
	   KVM_MAP_GPA_RANGE_PAGE_SZ_4K | KVM_MAP_GPA_RANGE_DECRYPTED, 0, ANY,
	   hcb_plan_scratch, "KVM_HC_MAP_GPA_RANGE, one page, 4K, decrypted")
HCB_HC_ROW(hc_unassigned, 0, HCB_HC_UNASSIGNED, 0, 0, 0, 0, ANY, NULL,
	   "unassigned hypercall number (-KVM_ENOSYS)")
HCB_ROW(hc_nonnative_first, HC, 1, plan_hc_nonnative_first,
	"other vendor's instruction, first call at a fresh location")
HCB_ROW(hc_nonnative, HC, 1, plan_hc_nonnative,
	"other vendor's instruction, repeated at one location")
HCB_HC_ROW(hc_cpl3, 3, KVM_HC_VAPIC_POLL_IRQ, 0, 0, 0, 0, EPERM, NULL,
	   "KVM_HC_VAPIC_POLL_IRQ at CPL 3 (-KVM_EPERM)")
HCB_ROW(hc_fuzz, HC, 1, plan_hc_fuzz,
	"random numbers 0..127 and arguments, seeded")
HCB_HC_ROW(hc_test_cpl3, 3, KVM_HC_TEST, 1, 2, 3, 4, EPERM, NULL,
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
