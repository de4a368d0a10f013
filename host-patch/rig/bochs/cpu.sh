# The Intel rig's emulated CPU, defined once (sourced, not run):
# l0-bochs boots it by default, run-nested names it in every report's
# l0_clock fact.
#
# Bochs' generic model, configured by BOCHS_CPUID, rather than one of its
# named models: every named model of Bochs 2.7 (corei7_haswell_4770,
# skylake_x, broadwell, icelake, tigerlake) answers CPUID leaf 4 from a
# fixed table of its real chip (8 cores) while leaf 1 counts the logical
# processors configured (1) and sets HT, and a one-CPU Bochs gives leaf 0xb
# no level type.  Linux 6.12 then takes the legacy path (parse_legacy in
# arch/x86/kernel/cpu/topology_common.c) and WARNs on 1 < 8; 6.1 does not
# check.  The generic model's leaf 4 is empty: one core, no WARN; what
# changed in the figures is in host-patch/rig/README.md, "The emulated
# CPU" (the exits that end in L1's QEMU only).  Haswell's signature
# (family 6, model 0x3c, stepping 3) keeps the kernel's model-specific
# paths where they were; the brand string says what the CPU is.
# shellcheck shell=bash disable=SC2034 # read by l0-bochs and run-nested
BOCHS_CPU=bx_generic
# one cpuid: line of bochsrc, written in pieces
BOCHS_CPUID='level=6, family=6, model=0x3c, stepping=3'
BOCHS_CPUID+=', vendor_string="GenuineIntel"'
BOCHS_CPUID+=', brand_string="Bochs bx_generic (i7-4770 signature)"'
BOCHS_CPUID+=', mmx=1, apic=x2apic, sep=1, simd=avx2, aes=1, movbe=1'
BOCHS_CPUID+=', xsave=1, xsaveopt=1, avx_f16c=1, avx_fma=1, bmi=2'
BOCHS_CPUID+=', x86_64=1, 1g_pages=1, pcid=1, fsgsbase=1, smep=1, mwait=1'
BOCHS_CPUID+=', vmx=2'
