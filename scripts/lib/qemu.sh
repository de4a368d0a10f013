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

# q35 without the devices the guest never uses, each of which OVMF would
# probe and drive (every register access a VM exit, dear under the nested
# rig): -nodefaults drops the VGA card and the SATA DVD-ROM drive OVMF
# tried to boot first; these drop the AHCI controller, the PS/2
# controller, VMware's I/O port and the SMBus.  The HPET (the mmio_user
# row), the PIT (TSC calibration) and port 0x80 (pio_user) stay.
HCB_MACHINE_TRIM="sata=off,i8042=off,vmport=off,smbus=off"

# HCB_GUEST_RAM_FILE: a file (new or empty) to back the guest's RAM with,
# shared, so that the host can read the report the guest leaves in memory
# (the report channel's memory mode, include/hcbench/protocol.h; read it
# out with hcb_report_from_ram, then remove the file).  The nested rigs
# set it: there each exit to QEMU costs about 100 us of emulation and a
# byte-wise report took 15 s.  Elsewhere the guest writes the report
# through the debugcon: on real KVM those exits cost microseconds, and RAM
# from a file would change how guest memory is mapped (no transparent
# huge pages) under the figures.  Needs HCB_GUEST_MEM in MiB, at most
# 2048M (one block of RAM below 4 GiB: file offset = guest address).
HCB_GUEST_RAM_FILE=${HCB_GUEST_RAM_FILE:-}

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

# The guest's TPM.  Debian's OVMF is built with TPM support.  Without a TPM
# device nothing is mapped at the TPM's address (0xfed40000), QEMU reads
# unassigned memory as 0, not as the 0xff that tells OVMF "no TPM", and
# OVMF waits out two 750 ms TIS timeouts there, polling the ACPI PM timer:
# 1.5 s of guest time before the guest runs.  That is 25 of a plain TCG
# boot's 40 s and, under the nested rig, about 350000 VM exits to QEMU (30
# s and more).  So the guest gets a TPM 2.0 (CRB interface) emulated by
# swtpm, one per boot, which answers at once; OVMF's TPM probe and
# measurements end before ExitBootServices, the guest never touches it.
# Without swtpm the guest boots as before, only slower (hcb_tpm_start says
# so).  The host fact firmware_tpm records which.
HCB_TPM_DIR=
HCB_TPM_SOCK=

# hcb_tpm_start: starts a swtpm TPM 2.0 for one guest boot (state in a new
# directory under TMPDIR: a unix socket path must stay short); sets
# HCB_TPM_SOCK, which hcb_guest_args then uses.  Returns 1, with
# HCB_TPM_SOCK empty and a reason on stderr, when swtpm is missing or
# fails.  hcb_tpm_stop ends it.
hcb_tpm_start() {
	HCB_TPM_SOCK=
	if ! command -v swtpm >/dev/null 2>&1; then
		echo "no swtpm: the guest boots without a TPM and OVMF waits" \
			"out its TPM probe (1.5 s of guest time; apt-get" \
			"install swtpm)" >&2
		return 1
	fi
	HCB_TPM_DIR=$(mktemp -d "${TMPDIR:-/tmp}/hcb-tpm.XXXXXX") || return 1
	mkdir "$HCB_TPM_DIR/state" || return 1
	# --daemon returns once the socket listens; --terminate ends swtpm
	# when QEMU's connection closes
	if ! timeout 60 swtpm socket --tpm2 --daemon --terminate \
	    --tpmstate "dir=$HCB_TPM_DIR/state" \
	    --ctrl "type=unixio,path=$HCB_TPM_DIR/sock" \
	    --pid "file=$HCB_TPM_DIR/pid" --log "file=$HCB_TPM_DIR/log"; then
		echo "swtpm failed to start ($(tail -n 1 \
			"$HCB_TPM_DIR/log" 2>/dev/null)): the guest boots" \
			"without a TPM" >&2
		hcb_tpm_stop
		return 1
	fi
	HCB_TPM_SOCK=$HCB_TPM_DIR/sock
}

# hcb_tpm_stop: ends the swtpm of hcb_tpm_start (if QEMU never connected)
# and removes its directory.  Safe to call twice, or without a start.
hcb_tpm_stop() {
	local pid

	[ -n "$HCB_TPM_DIR" ] || return 0
	pid=$(cat "$HCB_TPM_DIR/pid" 2>/dev/null) || pid=
	case $pid in
	''|*[!0-9]*) ;;
	*)	[ "$(cat "/proc/$pid/comm" 2>/dev/null)" != swtpm ] ||
			kill "$pid" 2>/dev/null || true ;;
	esac
	rm -rf "$HCB_TPM_DIR"
	HCB_TPM_DIR=
	HCB_TPM_SOCK=
}

# hcb_guest_facts: the host fact lines of the guest's QEMU command line:
# its TPM (hcb_tpm_start) and its vCPUs (HCB_SMP)
hcb_guest_facts() {
	if [ -n "$HCB_TPM_SOCK" ]; then
		hcb_host_fact FIRMWARE_TPM swtpm
	else
		hcb_host_fact FIRMWARE_TPM none
	fi
	hcb_host_fact GUEST_VCPUS "$HCB_SMP"
}

# hcb_guest_args ACCEL ESP_IMG VARS_COPY OPTIONS_FILE HOST_FACTS_FILE \
#                [REPORT_FILE]
#   ACCEL: kvm | tcg.  Paths must not contain commas (QEMU syntax).
#   REPORT_FILE: where the report channel (an isa-debugcon with a file
#   chardev, include/hcbench/protocol.h) writes the framed JSON report;
#   without it the guest sends the report on the serial console (slow).
#   Prints one argument per line (read them into "$@" with a while-read
#   loop).  The serial console is stdio.  With HCB_TPM_SOCK set
#   (hcb_tpm_start) the guest has a TPM 2.0 on that swtpm.  HCB_CPU_PROPS
#   (above) extends -cpu; callers run hcb_cpu_props_check first to refuse
#   a bad one.
hcb_guest_args() {
	local machine=$HCB_MACHINE_TRIM readback=$HCB_REPORT_READBACK backend

	hcb_cpu_props_check || return 2
	if [ -n "$HCB_GUEST_RAM_FILE" ]; then
		case $HCB_GUEST_MEM in
		[1-9]M|[1-9][0-9]M|[1-9][0-9][0-9]M|1[0-9][0-9][0-9]M|2048M) ;;
		*)	echo "hcb_guest_args: HCB_GUEST_RAM_FILE needs" \
				"HCB_GUEST_MEM of 1M..2048M, not" \
				"'$HCB_GUEST_MEM'" >&2
			return 2 ;;
		esac
		backend="memory-backend-file,id=hcbram,size=$HCB_GUEST_MEM"
		printf '%s\n' -object \
			"$backend,mem-path=$HCB_GUEST_RAM_FILE,share=on"
		machine=$machine,memory-backend=hcbram
		readback=$HCB_REPORT_READBACK_MEM
	fi
	case $1 in
	kvm)	printf '%s\n' -machine \
			"q35,accel=kvm,kernel-irqchip=on,$machine" \
			-cpu "host${HCB_CPU_PROPS:+,$HCB_CPU_PROPS}" ;;
	# plain TCG with the rig's deterministic clock: guest cycles count
	# instructions, so TCG runs repeat and compare exactly
	tcg)	printf '%s\n' -machine "q35,accel=tcg,$machine" \
			-cpu "max${HCB_CPU_PROPS:+,$HCB_CPU_PROPS}" \
			-icount shift=0,sleep=on ;;
	*)	echo "hcb_guest_args: unknown accel '$1'" >&2; return 2 ;;
	esac
	case $HCB_SMP in
	[1-8]) ;;
	*)	echo "hcb_guest_args: HCB_SMP must be 1..8, not '$HCB_SMP'" >&2
		return 2 ;;
	esac
	printf '%s\n' -nodefaults -m "$HCB_GUEST_MEM" -smp "$HCB_SMP" \
		-display none -monitor none -serial stdio -no-reboot -net none \
		-drive "if=pflash,format=raw,readonly=on,file=$HCB_OVMF_CODE" \
		-drive "if=pflash,format=raw,file=$3" \
		-drive "if=none,id=esp,format=raw,readonly=on,file=$2" \
		-device virtio-blk-pci,drive=esp \
		-device "isa-debug-exit,iobase=$HCB_DEBUG_EXIT_PORT,iosize=0x04" \
		-fw_cfg "name=$HCB_FWCFG_OPTIONS,file=$4" \
		-fw_cfg "name=$HCB_FWCFG_HOST,file=$5"
	[ -z "$HCB_TPM_SOCK" ] || printf '%s\n' \
		-chardev "socket,id=hcbtpm,path=$HCB_TPM_SOCK" \
		-tpmdev emulator,id=tpm0,chardev=hcbtpm \
		-device tpm-crb,tpmdev=tpm0
	[ -z "${6:-}" ] || printf '%s\n' \
		-chardev "file,id=hcbreport,path=$6" \
		-device "isa-debugcon,iobase=$HCB_REPORT_PORT,readback=$readback,chardev=hcbreport"
}
