/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The JSON report, schema version 1: the one definition of its field
 * names, shared by the guest's writer (bench/) and the host tools that read
 * it (results/).  docs/schema.md describes each field.
 */
#ifndef HCBENCH_SCHEMA_H
#define HCBENCH_SCHEMA_H

#define HCB_SCHEMA_VERSION 1

/* top level */
#define HCB_K_SCHEMA        "schema_version"	/* integer */
#define HCB_K_TOOL          "tool"		/* "hcbench" */
#define HCB_K_BUILD         "build"		/* git describe of the guest */
#define HCB_K_EMULATED      "emulated"		/* bool: timings not hardware */
#define HCB_K_TIMING_NOTE   "timing_note"	/* sentence saying so */
#define HCB_K_ENV           "environment"	/* one of HCB_ENV_* */
#define HCB_K_OPTIONS       "options"		/* raw option string */
#define HCB_K_CPU           "cpu"		/* object, HCB_K_CPU_* */
#define HCB_K_HV            "hypervisor"	/* object, HCB_K_HV_* */
#define HCB_K_TSC           "tsc"		/* object, HCB_K_TSC_* */
#define HCB_K_HOST          "host"		/* object of strings (runner) */
#define HCB_K_PATCHED       "host_patched"	/* "yes" | "no" | "unknown" */
#define HCB_K_ITERS         "iterations"	/* per-call samples per row */
#define HCB_K_BATCHES       "batches"		/* batches per row */
#define HCB_K_BATCH_SIZE    "batch_size"	/* calls per batch */
#define HCB_K_OVERHEAD      "timer_overhead_cycles"	/* subtracted */
#define HCB_K_HC_ISSUED     "hypercalls_issued"	/* every hypercall insn run */
#define HCB_K_CHECKS_FAILED "checks_failed"	/* total over all rows */
#define HCB_K_ROWS          "rows"		/* array of row objects */

#define HCB_K_CPU_VENDOR    "vendor"
#define HCB_K_CPU_FAMILY    "family"
#define HCB_K_CPU_MODEL     "model"
#define HCB_K_CPU_STEPPING  "stepping"
#define HCB_K_CPU_BRAND     "brand"

#define HCB_K_HV_SIGNATURE  "signature"		/* "KVMKVMKVM" or "" */
#define HCB_K_HV_MAX_LEAF   "max_leaf"
#define HCB_K_HV_FEATURES   "kvm_features"	/* CPUID 0x40000001 EAX */
#define HCB_K_HV_HINTS      "kvm_hints"		/* CPUID 0x40000001 EDX */

#define HCB_K_TSC_HZ        "hz"
#define HCB_K_TSC_SOURCE    "source"		/* one of HCB_TSC_SRC_* */

/* environments (HCB_K_ENV) */
#define HCB_ENV_HW     "hardware-kvm"		/* KVM on bare metal */
#define HCB_ENV_NESTED_KVM "nested-kvm"	/* KVM in a VM on hardware virt. */
#define HCB_ENV_NESTED "nested-emulated"	/* KVM inside QEMU TCG */
#define HCB_ENV_NESTED_VMX "nested-emulated-vmx" /* kvm_intel inside Bochs */
#define HCB_ENV_TCG    "tcg-emulated"		/* plain QEMU TCG */

/* TSC frequency sources */
#define HCB_TSC_SRC_KVM   "cpuid-0x40000010"
#define HCB_TSC_SRC_15    "cpuid-0x15"
#define HCB_TSC_SRC_16    "cpuid-0x16"
#define HCB_TSC_SRC_PIT   "pit-calibration"
#define HCB_TSC_SRC_STALL "uefi-stall-calibration"

/* one row */
#define HCB_K_ROW_NAME      "name"		/* stable id, e.g. "hc_test_0" */
#define HCB_K_ROW_GROUP     "group"		/* HCB_GROUP_* */
#define HCB_K_ROW_DESC      "desc"
#define HCB_K_ROW_STATUS    "status"		/* HCB_STATUS_* */
#define HCB_K_ROW_NOTE      "note"		/* why unavailable/skipped */
/* object, hypercall rows only */
#define HCB_K_ROW_HC        "hypercall"
#define HCB_K_ROW_CYCLES    "cycles"		/* HCB_STAT_FIELDS, cycles */
#define HCB_K_ROW_NS        "ns"		/* HCB_STAT_FIELDS, ns */
#define HCB_K_ROW_BMEAN     "batched_mean_cycles"
#define HCB_K_ROW_BSAMPLES  "batch_samples_cycles"	/* per-batch means */
#define HCB_K_ROW_QUANTILES "quantiles_cycles"	/* p0..p100, 101 values */

#define HCB_K_HC_NR         "nr"
#define HCB_K_HC_INSN       "insn"		/* "vmcall" | "vmmcall" */
#define HCB_K_HC_RET        "ret"		/* signed, last return value */
#define HCB_K_HC_CLASS      "class"		/* HCB_HC_CLASS_* */
#define HCB_K_HC_CALLS      "calls"		/* insns this row executed */
#define HCB_K_HC_CHECKS     "checks_failed"	/* KVM_HC_TEST mismatches */

#define HCB_GROUP_HC    "hypercall"
#define HCB_GROUP_EXIT  "exit"
#define HCB_GROUP_FLOOR "floor"

#define HCB_STATUS_OK          "ok"
#define HCB_STATUS_UNAVAILABLE "unavailable"	/* e.g. #UD under TCG */
#define HCB_STATUS_SKIPPED     "skipped"	/* filtered or unsafe here */
#define HCB_STATUS_ERROR       "error"

#define HCB_HC_CLASS_OK     "ok"
#define HCB_HC_CLASS_ENOSYS "enosys"
#define HCB_HC_CLASS_EPERM  "eperm"
#define HCB_HC_CLASS_OTHER  "other"

/*
 * Keys of the "host" object (HCB_K_HOST): the runner's host facts, sent as
 * "key=value" lines (fw_cfg HCB_FWCFG_HOST, protocol.h) and copied by the
 * guest as strings.  Shell reads them through scripts/lib/protocol.sh.
 */
#define HCB_HOST_KERNEL       "kernel"		/* uname -r of the host */
#define HCB_HOST_QEMU         "qemu"		/* QEMU --version */
#define HCB_HOST_CPU_MODEL    "cpu_model"	/* /proc/cpuinfo model name */
#define HCB_HOST_PINNED_CPU   "pinned_cpu"	/* host CPU of the vCPU, none */
#define HCB_HOST_CPU_GOVERNOR "cpu_governor"	/* cpufreq governor, unknown */
#define HCB_HOST_MITIGATIONS  "mitigations"	/* CPU vulnerabilities */
#define HCB_HOST_ACCEL        "accel"		/* the runner's ACCEL */
#define HCB_HOST_FIRMWARE_TPM "firmware_tpm"	/* the guest's TPM: swtpm, none */
#define HCB_HOST_GUEST_VCPUS  "guest_vcpus"	/* QEMU -smp of the guest */
/* a KVM host: none | vm, the hypervisor it runs on, KVM's parameters */
#define HCB_HOST_VIRT         "virt"
#define HCB_HOST_OUTER_HV     "outer_hypervisor"
#define HCB_HOST_KVM_PARAMS   "kvm_params"	/* module.name=value ... */
#define HCB_HOST_KVM_NOTE     "kvm_note"	/* what changes exit costs */
/* nested rig: the kernel whose KVM ran the guest, on | off | fastpath */
#define HCB_HOST_L1_KERNEL    "l1_kernel"
#define HCB_HOST_L1_CPUS      "l1_cpus"	/* CPUs online in L1 */
#define HCB_HOST_PATCH        "patch"
/* nested rig: L0's clock ("icount shift=N: ..." or "wall-clock (tcg)") */
#define HCB_HOST_L0_CLOCK     "l0_clock"
/* nested rig: how often L0 QEMU was restarted after its known abort */
#define HCB_HOST_L0_RETRIES   "l0_retries"

/* Statistics of one row, in this order, in both "cycles" and "ns". */
#define HCB_STAT_FIELDS(X) \
	X(min) X(p1) X(p50) X(p90) X(p99) X(p999) X(max) X(mean) X(stddev)

/* Bound on HCB_K_ROW_BSAMPLES entries per row. */
#define HCB_MAX_BATCHES 256

/* HCB_K_ROW_QUANTILES: per-call percentiles 0, 1, ..., 100 (for CDFs). */
#define HCB_N_QUANTILES 101

#endif /* HCBENCH_SCHEMA_H */
