// SPDX-License-Identifier: GPL-2.0
/*
 * hv-signature: prints this host's CPUID hypervisor signature (leaf
 * 0x40000000 EBX, ECX, EDX, e.g. KVMKVMKVM, TCGTCGTCGTCG, "Microsoft Hv",
 * VMwareVMware) when CPUID.1:ECX.hypervisor is set, else nothing.  The
 * runner uses it to tell a bare-metal KVM host from a VM with nested KVM,
 * and a VM on hardware virtualization from one that QEMU TCG emulates.
 * Exit status: 0 (also on bare metal), 2 usage.
 */
#include <cpuid.h>
#include <stdio.h>
#include <string.h>

#define HV_LEAF		0x40000000u
#define HV_BIT		(1u << 31)

/* 12 bytes of register text; stops at the first non-printable byte. */
static void print_text(const unsigned int regs[3])
{
	char s[13];
	int i;

	memcpy(s, regs, 12);
	s[12] = 0;
	for (i = 0; i < 12; i++)
		if (s[i] < 0x20 || s[i] > 0x7e)
			s[i] = 0;
	printf("%s\n", s);
}

int main(int argc, char **argv)
{
	unsigned int a, b, c, d, regs[3];

	if (argc > 1) {
		int help = !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h");

		fprintf(help ? stdout : stderr,
			"usage: %s (no options but -h, --help)\n"
			"Prints the CPUID hypervisor signature (leaf 0x40000000,\n"
			"e.g. KVMKVMKVM, TCGTCGTCGTCG) when CPUID.1:ECX.hypervisor\n"
			"is set, or nothing on bare metal.\n"
			"Exit status: 0 (also on bare metal), 2 usage.\n", argv[0]);
		return help ? 0 : 2;
	}
	__cpuid(1, a, b, c, d);
	if (!(c & HV_BIT))
		return 0;
	__cpuid(HV_LEAF, a, regs[0], regs[1], regs[2]);
	print_text(regs);
	return 0;
}
