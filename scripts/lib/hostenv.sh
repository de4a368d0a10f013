# shellcheck shell=bash
# What kind of KVM host this is, for the environment label and the host
# facts of a report.  Source after setting HCB_ROOT (and BUILD).
#
# HCB_SYSROOT=DIR reads /proc, /sys under DIR instead (tests);
# HCB_HV_SIGNATURE stands in for the CPUID hypervisor signature there
# (tools/hv-signature reads the real one).

# The labels and host-fact keys, from schema.h
# shellcheck source=protocol.sh
. "$HCB_ROOT/scripts/lib/protocol.sh"

hcb_sys=${HCB_SYSROOT:-}

# The CPUID hypervisor signature of this host ("" on bare metal).
hcb_hv_signature() {
	if [ -n "${HCB_HV_SIGNATURE+set}" ]; then
		echo "$HCB_HV_SIGNATURE"
	elif [ -x "${BUILD:-$HCB_ROOT/build}/hv-signature" ]; then
		"${BUILD:-$HCB_ROOT/build}/hv-signature"
	fi
}

hcb_dmi() {
	tr -d "\\n" 2>/dev/null <"$hcb_sys/sys/class/dmi/id/$1" || true
}

hcb_cpu_model() {
	sed -n 's/^model name[[:space:]]*: //p' "$hcb_sys/proc/cpuinfo" \
		2>/dev/null | head -n 1
}

# "vm" when this host is itself a virtual machine (the CPUID hypervisor
# bit, /sys/hypervisor, or a virtual machine's DMI vendor), else "none".
hcb_host_virt() {
	if grep -qw hypervisor "$hcb_sys/proc/cpuinfo" 2>/dev/null ||
		[ -s "$hcb_sys/sys/hypervisor/type" ] ||
		[ -n "$(hcb_hv_signature)" ]; then
		echo vm
		return
	fi
	case "$(hcb_dmi sys_vendor) $(hcb_dmi product_name)" in
	*QEMU*|*KVM*|*VMware*|*VirtualBox*|*innotek*|*Xen*|*Bochs*|\
	*"Microsoft Corporation Virtual Machine"*|*"Amazon EC2"*|\
	*"Google Compute Engine"*|*OpenStack*|*Parallels*)
		echo vm ;;
	*)	echo none ;;
	esac
}

# What is known about the hypervisor this host runs on, one line.
hcb_outer_hypervisor() {
	local sig vendor product

	sig=$(hcb_hv_signature)
	vendor=$(hcb_dmi sys_vendor)
	product=$(hcb_dmi product_name)
	printf 'cpuid=%s dmi=%s/%s' "${sig:-none}" "${vendor:-unknown}" \
		"${product:-unknown}"
	[ ! -s "$hcb_sys/sys/hypervisor/type" ] ||
		printf ' sys_hypervisor=%s' "$(cat "$hcb_sys/sys/hypervisor/type")"
	echo
}

# What emulates this host's CPU, if anything (so KVM here runs on an
# emulated CPU): "tcg" for QEMU TCG (the AMD rig's L1, or any VM under
# TCG), "bochs" for Bochs (the Intel rig's L1: Bochs sets no hypervisor
# bit, but its BIOS names itself in the DMI, "BIOS Bochs 2.7"), else "".
hcb_host_cpu_emulator() {
	if [ "$(hcb_hv_signature)" = TCGTCGTCGTCG ]; then
		echo tcg
		return
	fi
	case $(hcb_cpu_model) in
	*"QEMU TCG CPU"*) echo tcg; return ;;
	esac
	case $(hcb_dmi bios_version) in
	Bochs*) echo bochs ;;
	esac
}

# The environment label of a run with accelerator $1 (kvm or tcg).
hcb_env_label() {
	local emu

	emu=$(hcb_host_cpu_emulator)
	if [ "$1" != kvm ]; then
		echo "$HCB_ENV_TCG"
	elif [ "$emu" = tcg ]; then
		echo "$HCB_ENV_NESTED"
	elif [ "$emu" = bochs ]; then
		echo "$HCB_ENV_NESTED_VMX"
	elif [ "$(hcb_host_virt)" = vm ]; then
		echo "$HCB_ENV_NESTED_KVM"
	else
		echo "$HCB_ENV_HW"
	fi
}

# The KVM module parameters that change exit costs: every readable
# parameter of kvm, kvm_amd and kvm_intel, "module.name=value", one line.
hcb_kvm_params() {
	local m p v out=

	for m in kvm kvm_amd kvm_intel; do
		for p in "$hcb_sys/sys/module/$m/parameters"/*; do
			{ [ -f "$p" ] && [ -r "$p" ]; } || continue
			v=$(tr -d '\n' <"$p" 2>/dev/null) || continue
			out="$out $m.${p##*/}=$v"
		done
	done
	echo "${out# }"
}

# A sentence on a KVM setting that changes what the exits cost here.
hcb_kvm_note() {
	case " $1 " in
	*" kvm_amd.nrips=0 "*|*" kvm_amd.nrips=N "*)
		echo "kvm_amd nrips=0 (no Next-RIP save): every non-PIO exit" \
			"(VMMCALL, CPUID, MSR) skips its instruction through" \
			"KVM's instruction emulator, which NRIPS hardware" \
			"never pays" ;;
	esac
}

# Host facts about KVM and the kind of host, key=value lines.
hcb_kvm_facts() {
	local params

	hcb_host_fact VIRT "$(hcb_host_virt)"
	[ "$(hcb_host_virt)" = none ] ||
		hcb_host_fact OUTER_HV "$(hcb_outer_hypervisor)"
	params=$(hcb_kvm_params)
	[ -z "$params" ] || hcb_host_fact KVM_PARAMS "$params"
	[ -z "$(hcb_kvm_note "$params")" ] ||
		hcb_host_fact KVM_NOTE "$(hcb_kvm_note "$params")"
}
