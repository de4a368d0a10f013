/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The value the patched host returns for KVM_HC_TEST.  The host side of
 * this formula lives in the KVM patch (host-patch/linux-*), which documents
 * it in Documentation/virt/kvm/x86/hypercalls.rst; the unikernel checks
 * every KVM_HC_TEST return value against this function.
 *
 *   ret = KVM_HC_TEST_BIAS + a0 + 3 * a1 + 5 * a2 + 7 * a3   (mod 2^64)
 *
 * Odd multipliers make the result change whenever any one argument
 * changes, so a lost or swapped argument shows up as a mismatch.
 */
#ifndef HCBENCH_HC_TEST_H
#define HCBENCH_HC_TEST_H

#define KVM_HC_TEST_BIAS 0x6863ULL	/* "hc" */

static inline unsigned long long hc_test_expected(unsigned long long a0,
						  unsigned long long a1,
						  unsigned long long a2,
						  unsigned long long a3)
{
	return KVM_HC_TEST_BIAS + a0 + 3 * a1 + 5 * a2 + 7 * a3;
}

#endif /* HCBENCH_HC_TEST_H */
