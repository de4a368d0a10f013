// SPDX-License-Identifier: GPL-2.0
/* The environment label, checked against the CPU (see env.h). */
#include "env.h"
#include "fmt.h"
#include "hcbench/schema.h"

#define TCG_SIGNATURE	"TCGTCGTCGTCG"
#define KVM_SIGNATURE	"KVMKVMKVM"
#define TCG_BRAND	"QEMU TCG CPU"

/* 1 when NEEDLE occurs in S. */
static int has_text(const char *s, const char *needle)
{
	size_t n = hcb_strlen(needle), i;

	for (; s && *s; s++) {
		for (i = 0; i < n && s[i] == needle[i]; i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

int hcb_env_real(const char *env)
{
	return env && (hcb_streq(env, HCB_ENV_HW) ||
		       hcb_streq(env, HCB_ENV_NESTED_KVM));
}

int hcb_env_virq_safe(const char *env)
{
	return hcb_env_real(env) || (env && hcb_streq(env, HCB_ENV_NESTED_VMX));
}

const char *hcb_env_resolve(const char *runner, const char *hv_sig,
			    const char *brand, const char **why)
{
	*why = 0;
	if (hv_sig && hcb_streq(hv_sig, TCG_SIGNATURE)) {
		if (!hcb_streq(runner, HCB_ENV_TCG))
			*why = "CPUID 0x40000000 says QEMU TCG: no KVM runs "
			       "this guest";
		return HCB_ENV_TCG;
	}
	if (hv_sig && hcb_streq(hv_sig, KVM_SIGNATURE) &&
	    has_text(brand, TCG_BRAND)) {
		if (!hcb_streq(runner, HCB_ENV_NESTED))
			*why = "KVM runs on a CPU that QEMU TCG emulates "
			       "(brand \"" TCG_BRAND "\"): emulated timings";
		return HCB_ENV_NESTED;
	}
	return runner;
}
