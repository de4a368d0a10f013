/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The environment label of a run (HCB_ENV_* in schema.h): the runner's
 * finding about the host, checked against what the guest's CPU says.
 * Freestanding; also built into the host unit tests.
 */
#ifndef HCBENCH_ENV_H
#define HCBENCH_ENV_H

/*
 * The label to report.  RUNNER is what the runner passed (env= option,
 * "unknown" when none), HV_SIG the CPUID 0x40000000 signature ("" when the
 * hypervisor bit is clear), BRAND the CPUID brand string.  The CPU wins
 * where the two disagree: QEMU TCG's signature means no KVM at all, and
 * KVM on a CPU that QEMU TCG emulates (-cpu host passes the L1 brand
 * through) is nested-emulated whatever the runner believed.  *WHY is set
 * to a sentence when the runner's label was overruled, else to 0.
 */
const char *hcb_env_resolve(const char *runner, const char *hv_sig,
			    const char *brand, const char **why);

/* 1 when the label's timings come from hardware virtualization. */
int hcb_env_real(const char *env);

/*
 * 1 when a virtual interrupt may be left pending for the guest: hardware
 * virtualization, or the Intel rig (kvm_intel under Bochs).  Not under
 * QEMU TCG's emulated SVM, which can abort on one (nested-emulated).
 */
int hcb_env_virq_safe(const char *env);

#endif /* HCBENCH_ENV_H */
