# shellcheck shell=sh
# The QEMU command line of the hcbench guest: its only definition.  Used by
# scripts/run (hardware KVM, TCG) and by the nested rig's L1 init (L2).
# Source after scripts/lib/protocol.sh.

HCB_OVMF_CODE=${HCB_OVMF_CODE:-/usr/share/OVMF/OVMF_CODE_4M.fd}
HCB_OVMF_VARS=${HCB_OVMF_VARS:-/usr/share/OVMF/OVMF_VARS_4M.fd}
HCB_GUEST_MEM=${HCB_GUEST_MEM:-512M}
# vCPUs of the guest: 1, or 2.. for the rows that need an AP (hcb_smp_for)
HCB_SMP=${HCB_SMP:-1}
# Rows that need a second vCPU (their names: docs/design.md)
HCB_SMP_ROWS="ipi ipi_halt hc_kick_cpu_halted hc_send_ipi_target \
hc_sched_yield_target"

# hcb_options_rows OPTIONS: the rows= value of a guest options string
hcb_options_rows() {
	local o r=

	for o in $1; do
		case $o in rows=*) r=${o#rows=} ;; esac
	done
	echo "$r"
}

# hcb_smp_for ROWS: 2 if the comma-separated row prefixes ROWS ("" = all
# rows) select a row of HCB_SMP_ROWS, else 1.
hcb_smp_for() {
	local p n

	[ -n "$1" ] || { echo 2; return; }
	for p in $(echo "$1" | tr ',' ' '); do
		for n in $HCB_SMP_ROWS; do
			case $n in "$p"*) echo 2; return ;; esac
		done
	done
	echo 1
}

# hcb_guest_args ACCEL ESP_IMG VARS_COPY OPTIONS_FILE HOST_FACTS_FILE
#   ACCEL: kvm | tcg.  Paths must not contain commas (QEMU syntax).
#   Prints one argument per line (read them into "$@" with a while-read
#   loop).  The serial console is stdio.
hcb_guest_args() {
	case $1 in
	kvm)	printf '%s\n' -machine q35,accel=kvm,kernel-irqchip=on \
			-cpu host ;;
	tcg)	printf '%s\n' -machine q35,accel=tcg -cpu max ;;
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
}
