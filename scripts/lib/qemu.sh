# shellcheck shell=sh
# The QEMU command line of the hcbench guest: its only definition.  Used by
# scripts/run (hardware KVM, TCG) and by the nested rig's L1 init (L2).
# Source after scripts/lib/protocol.sh.

HCB_OVMF_CODE=${HCB_OVMF_CODE:-/usr/share/OVMF/OVMF_CODE_4M.fd}
HCB_OVMF_VARS=${HCB_OVMF_VARS:-/usr/share/OVMF/OVMF_VARS_4M.fd}
HCB_GUEST_MEM=${HCB_GUEST_MEM:-512M}

# hcb_guest_args ACCEL ESP_IMG VARS_COPY OPTIONS_FILE HOST_FACTS_FILE
#   ACCEL: kvm | tcg.  Paths must not contain commas (QEMU syntax).
#   Prints one argument per line (read them into "$@" with a while-read
#   loop).  The serial console is stdio.
hcb_guest_args() {
	case $1 in
	kvm)	printf '%s\n' -machine q35,accel=kvm,kernel-irqchip=on \
			-cpu host ;;
	# plain TCG with the rig's deterministic clock: guest cycles count
	# instructions, so TCG runs repeat and compare exactly
	tcg)	printf '%s\n' -machine q35,accel=tcg -cpu max \
			-icount shift=0,sleep=on ;;
	*)	echo "hcb_guest_args: unknown accel '$1'" >&2; return 2 ;;
	esac
	printf '%s\n' -m "$HCB_GUEST_MEM" -smp 1 \
		-display none -monitor none -serial stdio -no-reboot -net none \
		-drive "if=pflash,format=raw,readonly=on,file=$HCB_OVMF_CODE" \
		-drive "if=pflash,format=raw,file=$3" \
		-drive "if=none,id=esp,format=raw,readonly=on,file=$2" \
		-device virtio-blk-pci,drive=esp \
		-device "isa-debug-exit,iobase=$HCB_DEBUG_EXIT_PORT,iosize=0x04" \
		-fw_cfg "name=$HCB_FWCFG_OPTIONS,file=$4" \
		-fw_cfg "name=$HCB_FWCFG_HOST,file=$5"
}
