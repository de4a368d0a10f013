# shellcheck shell=bash
# Watching a live KVM guest from the host: KVM's per-VM statistics in
# debugfs, the guest's done line, stopping QEMU.  Used by scripts/run (a
# KVM host) and by the nested rig's L1 job.  Source after
# scripts/lib/protocol.sh.

HCB_KVM_DEBUGFS=${HCB_KVM_DEBUGFS:-/sys/kernel/debug/kvm}

# Wall-clock seconds.  In the nested rig L0 runs with -icount, so L1's own
# clock follows emulated instructions and runs slower than wall time; the
# CMOS RTC follows the host's clock (QEMU's default -rtc clock=host).
hcb_wall() {
	cat /sys/class/rtc/rtc0/since_epoch 2>/dev/null || date +%s
}

# 0 when KVM's per-VM statistics can be read here (root, debugfs mounted).
hcb_kvm_stats_readable() {
	[ -d "$HCB_KVM_DEBUGFS" ] && [ -r "$HCB_KVM_DEBUGFS" ]
}

# Print the debugfs directory of the KVM VM of process $1, waiting up to
# $2 seconds (default 120) for it to appear; fails when the process dies.
hcb_vm_debugfs_dir() {
	local d end=$(($(hcb_wall) + ${2:-120}))

	while [ "$(hcb_wall)" -lt "$end" ]; do
		for d in "$HCB_KVM_DEBUGFS/$1"-*; do
			[ -d "$d" ] && { echo "$d"; return 0; }
		done
		kill -0 "$1" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

# The exit code on the guest's done line in serial log $1 (empty if none).
hcb_done_code() {
	tr -d '\r' <"$1" | sed -n "s/^$HCB_DONE_PREFIX\([0-9][0-9]*\).*/\1/p" |
		tail -n 1
}

# hcb_wait_done LOG PID DEADLINE: until the done line, the exit of PID or
# the deadline (hcb_wall seconds); fails on the deadline.
hcb_wait_done() {
	while [ "$(hcb_wall)" -lt "$3" ]; do
		grep -q "^$HCB_DONE_PREFIX" "$1" && return 0
		kill -0 "$2" 2>/dev/null || return 0
		sleep 0.5
	done
	return 1
}

# Stop process $1 (QEMU, or the timeout(1) running it): TERM, then KILL.
hcb_stop_qemu() {
	local _

	kill -TERM "$1" 2>/dev/null || true
	for _ in $(seq 1 50); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

# hypercalls_issued of JSON report $1 (the guest's own count).
hcb_report_hc_issued() {
	sed -n 's/^ *"hypercalls_issued": *\([0-9][0-9]*\).*/\1/p' "$1" |
		head -n 1
}

# The GNU build ID (hex) of loaded module $1, from its sysfs notes (skip
# the note header: namesz, descsz, type, "GNU\0"); empty if not loaded.
hcb_loaded_build_id() {
	od -An -tx1 -v -j16 "/sys/module/$1/notes/.note.gnu.build-id" \
		2>/dev/null | tr -d ' \n'
}

# The GNU build ID (hex) of module file $1 (.ko, .ko.xz or .ko.zst).
hcb_file_build_id() {
	local tmp

	case $1 in
	*.xz|*.zst)
		tmp=$(mktemp)
		case $1 in
		*.xz) xz -dc "$1" >"$tmp" ;;
		*)    zstd -qdc "$1" >"$tmp" ;;
		esac
		readelf -n "$tmp" 2>/dev/null | sed -n 's/.*Build ID: *//p'
		rm -f "$tmp" ;;
	*)	readelf -n "$1" 2>/dev/null | sed -n 's/.*Build ID: *//p' ;;
	esac
}
