// SPDX-License-Identifier: GPL-2.0
/*
 * bench/env.c: the runner's environment label, checked against CPUID.
 * Signatures and brands as real hosts report them: QEMU TCG (-cpu max),
 * KVM on an EPYC, KVM inside the nested rig (L1's brand passed through
 * -cpu host), Hyper-V.
 */
#include <string.h>

#include "env.h"
#include "unit_test.h"
#include "hcbench/schema.h"

static const char tcg_brand[] = "QEMU TCG CPU version 2.5+";
static const char epyc_brand[] = "AMD EPYC 7763 64-Core Processor";
static const char xeon_brand[] = "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz";

static void expect_env(const char *runner, const char *sig,
		       const char *brand, const char *want, int overruled)
{
	const char *why = "unset";
	const char *got = hcb_env_resolve(runner, sig, brand, &why);

	TEST_ASSERT(!strcmp(got, want), "runner %s, signature '%s', brand "
		    "'%s': got %s, want %s", runner, sig, brand, got, want);
	TEST_ASSERT(!!why == overruled, "runner %s, signature '%s': "
		    "overruled %d, want %d (why: %s)", runner, sig, !!why,
		    overruled, why ? why : "none");
}

static void test_env_runner_kept(void)
{
	expect_env(HCB_ENV_HW, "KVMKVMKVM", epyc_brand, HCB_ENV_HW, 0);
	expect_env(HCB_ENV_HW, "KVMKVMKVM", xeon_brand, HCB_ENV_HW, 0);
	expect_env(HCB_ENV_NESTED_KVM, "KVMKVMKVM", xeon_brand,
		   HCB_ENV_NESTED_KVM, 0);
	expect_env(HCB_ENV_NESTED, "KVMKVMKVM", tcg_brand, HCB_ENV_NESTED, 0);
	expect_env(HCB_ENV_TCG, "TCGTCGTCGTCG", tcg_brand, HCB_ENV_TCG, 0);
	expect_env("unknown", "", epyc_brand, "unknown", 0);
}

static void test_env_cpu_overrules(void)
{
	/* a user's env=hardware-kvm under TCG (found by trying) */
	expect_env(HCB_ENV_HW, "TCGTCGTCGTCG", tcg_brand, HCB_ENV_TCG, 1);
	expect_env(HCB_ENV_NESTED_KVM, "TCGTCGTCGTCG", tcg_brand,
		   HCB_ENV_TCG, 1);
	/* KVM inside a VM that QEMU TCG emulates (the rig's L1 as a host) */
	expect_env(HCB_ENV_HW, "KVMKVMKVM", tcg_brand, HCB_ENV_NESTED, 1);
	expect_env(HCB_ENV_NESTED_KVM, "KVMKVMKVM", tcg_brand,
		   HCB_ENV_NESTED, 1);
	expect_env("unknown", "KVMKVMKVM", tcg_brand, HCB_ENV_NESTED, 1);
}

static void test_env_real(void)
{
	TEST_ASSERT(hcb_env_real(HCB_ENV_HW), "hardware-kvm is real");
	TEST_ASSERT(hcb_env_real(HCB_ENV_NESTED_KVM), "nested-kvm is real");
	TEST_ASSERT(!hcb_env_real(HCB_ENV_NESTED), "nested-emulated is not");
	TEST_ASSERT(!hcb_env_real(HCB_ENV_TCG), "tcg-emulated is not");
	TEST_ASSERT(!hcb_env_real("unknown"), "unknown is not");
	TEST_ASSERT(!hcb_env_real(NULL), "no label is not");
}

static void test_env_virq_safe(void)
{
	TEST_ASSERT(hcb_env_virq_safe(HCB_ENV_HW), "hardware-kvm is safe");
	TEST_ASSERT(hcb_env_virq_safe(HCB_ENV_NESTED_KVM),
		    "nested-kvm is safe");
	TEST_ASSERT(hcb_env_virq_safe(HCB_ENV_NESTED_VMX),
		    "the Intel rig (Bochs) is safe");
	TEST_ASSERT(!hcb_env_virq_safe(HCB_ENV_NESTED),
		    "QEMU TCG's SVM is not");
	TEST_ASSERT(!hcb_env_virq_safe(HCB_ENV_TCG), "tcg-emulated is not");
	TEST_ASSERT(!hcb_env_virq_safe(NULL), "no label is not");
}

void unit_env_suite(void)
{
	RUN_TEST(test_env_runner_kept);
	RUN_TEST(test_env_cpu_overrules);
	RUN_TEST(test_env_real);
	RUN_TEST(test_env_virq_safe);
}
