#!/bin/bash
# The runner's environment label and KVM host facts (scripts/lib/hostenv.sh)
# on fake host trees: bare metal, a cloud VM with nested KVM (KVM, Hyper-V,
# DMI only), a VM whose CPU QEMU TCG emulates (the rig's L1) and one that
# Bochs emulates (the Intel rig's L1).
set -u
HCB_ROOT=${HCB_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
export HCB_ROOT
work=$(mktemp -d "${TMPDIR:-/tmp}/hcb-hostenv.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0
fail=0

# fake_host NAME "cpu flags" "model name" [DMI_VENDOR DMI_PRODUCT]
fake_host() {
	local d=$work/$1

	mkdir -p "$d/proc" "$d/sys/class/dmi/id" "$d/sys/module"
	printf 'processor\t: 0\nmodel name\t: %s\nflags\t\t: %s\n' \
		"$3" "$2" >"$d/proc/cpuinfo"
	[ $# -lt 5 ] || {
		echo "$4" >"$d/sys/class/dmi/id/sys_vendor"
		echo "$5" >"$d/sys/class/dmi/id/product_name"
	}
	echo "$d"
}

# kvm_param ROOT MODULE NAME VALUE
kvm_param() {
	mkdir -p "$1/sys/module/$2/parameters"
	echo "$4" >"$1/sys/module/$2/parameters/$3"
}

# expect_env WANT ROOT SIGNATURE ACCEL
expect_env() {
	local got

	got=$(HCB_SYSROOT=$2 HCB_HV_SIGNATURE=$3 bash -c \
		'. "$HCB_ROOT/scripts/lib/hostenv.sh"; hcb_env_label "$0"' "$4")
	if [ "$got" = "$1" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: ${2##*/} (signature '$3', $4): env '$got', want '$1'"
	fi
}

# expect_fact ROOT SIGNATURE PATTERN: hcb_kvm_facts prints a matching line
expect_fact() {
	local out

	out=$(HCB_SYSROOT=$1 HCB_HV_SIGNATURE=$2 bash -c \
		'. "$HCB_ROOT/scripts/lib/hostenv.sh"; hcb_kvm_facts')
	if grep -Eq -- "$3" <<<"$out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: ${1##*/}: KVM facts lack /$3/:"
		echo "$out" | sed 's/^/    /'
	fi
}

metal=$(fake_host metal "fpu svm lm" "AMD EPYC 9654 96-Core Processor" \
	"Supermicro" "AS -2125HS-TNR")
kvm_param "$metal" kvm_amd nrips 1
kvm_param "$metal" kvm_amd avic 0
kvm_param "$metal" kvm halt_poll_ns 200000
cloud=$(fake_host cloud "fpu vmx hypervisor lm" \
	"Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz" "Amazon EC2" \
	"m6i.metal-nested")
kvm_param "$cloud" kvm_intel ept Y
hyperv=$(fake_host hyperv "fpu vmx hypervisor" \
	"Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz" \
	"Microsoft Corporation" "Virtual Machine")
dmionly=$(fake_host dmionly "fpu vmx" "Intel(R) Core(TM) i7-8700" \
	"QEMU" "Standard PC (Q35 + ICH9, 2009)")
rigl1=$(fake_host rigl1 "fpu svm hypervisor" "QEMU TCG CPU version 2.5+" \
	"QEMU" "Standard PC (Q35 + ICH9, 2009)")
kvm_param "$rigl1" kvm_amd nrips 0
# the Intel rig's L1: Bochs sets no hypervisor bit and no DMI system, its
# BIOS names itself
bochsl1=$(fake_host bochsl1 "fpu vmx lm" \
	"Intel(R) Core(TM) i7-4770 CPU @ 3.40GHz" "" "")
echo "Bochs 2.7" >"$bochsl1/sys/class/dmi/id/bios_version"

# the labels, from schema.h
# shellcheck source=../../scripts/lib/protocol.sh
. "$HCB_ROOT/scripts/lib/protocol.sh"
expect_env "$HCB_ENV_HW" "$metal" "" kvm
expect_env "$HCB_ENV_NESTED_KVM" "$cloud" KVMKVMKVM kvm
expect_env "$HCB_ENV_NESTED_KVM" "$hyperv" "Microsoft Hv" kvm
expect_env "$HCB_ENV_NESTED_KVM" "$dmionly" "" kvm
expect_env "$HCB_ENV_NESTED" "$rigl1" KVMKVMKVM kvm
expect_env "$HCB_ENV_NESTED" "$metal" TCGTCGTCGTCG kvm
expect_env "$HCB_ENV_NESTED_VMX" "$bochsl1" "" kvm
expect_env "$HCB_ENV_TCG" "$metal" "" tcg

expect_fact "$metal" "" '^virt=none$'
expect_fact "$metal" "" '^kvm_params=kvm.halt_poll_ns=200000 kvm_amd.avic=0 kvm_amd.nrips=1$'
expect_fact "$cloud" KVMKVMKVM '^outer_hypervisor=cpuid=KVMKVMKVM dmi=Amazon EC2/m6i.metal-nested$'
expect_fact "$rigl1" KVMKVMKVM '^kvm_note=kvm_amd nrips=0 .*instruction emulator'

echo "hostenv: $pass passed, $fail failed"
[ "$fail" = 0 ]
