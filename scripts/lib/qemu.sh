# shellcheck shell=bash
# The QEMU command line of the hcbench guest: its only definition.  Used by
# scripts/run (hardware KVM, TCG) and by the nested rig's L1 init (L2).
# Source after scripts/lib/protocol.sh.

HCB_OVMF_CODE=${HCB_OVMF_CODE:-/usr/share/OVMF/OVMF_CODE_4M.fd}
HCB_OVMF_VARS=${HCB_OVMF_VARS:-/usr/share/OVMF/OVMF_VARS_4M.fd}
HCB_GUEST_MEM=${HCB_GUEST_MEM:-512M}
# vCPUs of the guest: 1, or 2.. for the rows that need an AP (hcb_smp_for)
HCB_SMP=${HCB_SMP:-1}

# hcb_rows [--names|--smp]: the guest's rows from their one list
# (bench/row_list.h) through build/hcb-rows (make guest builds it; BUILD,
# else HCB_ROOT/build); --smp: those that need a second vCPU.
hcb_rows() {
	local tool=${BUILD:-${HCB_ROOT:-.}/build}/hcb-rows

	[ -x "$tool" ] || {
		echo "hcbench: $tool missing (make guest builds it)" >&2
		return 2
	}
	"$tool" "$@"
}

# hcb_options_rows OPTIONS: the rows= value of a guest options string
hcb_options_rows() {
	local o r=

	for o in $1; do
		case $o in rows=*) r=${o#rows=} ;; esac
	done
	echo "$r"
}

# hcb_smp_for ROWS [ALL]: 2 if the comma-separated row prefixes ROWS
# select a row of hcb_rows --smp, else 1; for all rows (ROWS "") ALL
# (default 2).  The nested rig passes ALL=1: there both L2 vCPUs share
# L1's one CPU, so those rows time L1's scheduler (docs/design.md) and a
# default run with them would take hours; they run when rows= names them.
hcb_smp_for() {
	local p n smp

	[ -n "$1" ] || { echo "${2:-2}"; return; }
	smp=$(hcb_rows --smp) || return
	for p in $(echo "$1" | tr ',' ' '); do
		for n in $smp; do
			case $n in "$p"*) echo 2; return ;; esac
		done
	done
	echo 1
}

# HCB_CPU_PROPS: extra -cpu properties appended to the model (the one way
# to change the guest's CPUID, e.g. "tsc-frequency=2100000000,invtsc=on"
# or "vendor=GenuineIntel").  Comma-separated items, each "name",
# "name=value", "+name" or "-name" of [A-Za-z0-9_.-]; anything else is
# refused (it would reach QEMU's command line).  Empty: the model as is.
HCB_CPU_PROPS=${HCB_CPU_PROPS:-}

# hcb_cpu_props_check: 0 if HCB_CPU_PROPS is well formed, else says why
# on stderr and returns 2.
hcb_cpu_props_check() {
	_hcb_rest=$HCB_CPU_PROPS
	[ -n "$_hcb_rest" ] || return 0
	case $_hcb_rest in
	*"
"*)	echo "HCB_CPU_PROPS: newline not allowed" >&2; return 2 ;;
	esac
	while :; do
		_hcb_item=${_hcb_rest%%,*}
		if ! printf '%s' "$_hcb_item" |
		    grep -Eq '^([+-]?[A-Za-z0-9_.-]+|[A-Za-z0-9_.-]+=[A-Za-z0-9_.-]+)$'
		then
			echo "HCB_CPU_PROPS: bad item '$_hcb_item' in" \
				"'$HCB_CPU_PROPS' (want name, name=value," \
				"+name or -name of [A-Za-z0-9_.-], comma" \
				"separated)" >&2
			return 2
		fi
		[ "$_hcb_item" != "$_hcb_rest" ] || return 0
		_hcb_rest=${_hcb_rest#*,}
	done
}

# hcb_guest_args ACCEL ESP_IMG VARS_COPY OPTIONS_FILE HOST_FACTS_FILE \
#                [REPORT_FILE]
#   ACCEL: kvm | tcg.  Paths must not contain commas (QEMU syntax).
#   REPORT_FILE: where the report channel (an isa-debugcon with a file
#   chardev, include/hcbench/protocol.h) writes the framed JSON report;
#   without it the guest sends the report on the serial console (slow).
#   Prints one argument per line (read them into "$@" with a while-read
#   loop).  The serial console is stdio.  HCB_CPU_PROPS (above) extends
#   -cpu; callers run hcb_cpu_props_check first to refuse a bad one.
hcb_guest_args() {
	hcb_cpu_props_check || return 2
	case $1 in
	kvm)	printf '%s\n' -machine q35,accel=kvm,kernel-irqchip=on \
			-cpu "host${HCB_CPU_PROPS:+,$HCB_CPU_PROPS}" ;;
	# plain TCG with the rig's deterministic clock: guest cycles count
	# instructions, so TCG runs repeat and compare exactly
	tcg)	printf '%s\n' -machine q35,accel=tcg \
			-cpu "max${HCB_CPU_PROPS:+,$HCB_CPU_PROPS}" \
			-icount shift=0,sleep=on ;;
	*)	echo "hcb_guest_args: unknown accel '$1'" >&2; return 2 ;;
	esac
	case $HCB_SMP in
	[1-8]) ;;
	*)	echo "hcb_guest_args: HCB_SMP must be 1..8, not '$HCB_SMP'" >&2
		return 2 ;;
	esac
	printf '%s\n' -m "$HCB_GUEST_MEM" -smp "$HCB_SMP" \
		-display none -monitor none -serial stdio -no-reboot -net none \
		-drive "if=pflash,format=raw,readonly=on,file=$HCB_OVMF_CODE" \
		-drive "if=pflash,format=raw,file=$3" \
		-drive "if=none,id=esp,format=raw,readonly=on,file=$2" \
		-device virtio-blk-pci,drive=esp \
		-device "isa-debug-exit,iobase=$HCB_DEBUG_EXIT_PORT,iosize=0x04" \
		-fw_cfg "name=$HCB_FWCFG_OPTIONS,file=$4" \
		-fw_cfg "name=$HCB_FWCFG_HOST,file=$5"
	[ -z "${6:-}" ] || printf '%s\n' \
		-chardev "file,id=hcbreport,path=$6" \
		-device "isa-debugcon,iobase=$HCB_REPORT_PORT,readback=$HCB_REPORT_READBACK,chardev=hcbreport"
}
