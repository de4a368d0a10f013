# shellcheck shell=sh
# Reads the guest/runner protocol from include/hcbench/protocol.h and the
# report's labels and host-fact keys from include/hcbench/schema.h, their
# only definitions.  Source after setting HCB_ROOT to the repository's top.

# hcb_define HEADER NAME: the value of "#define NAME value" in
# include/hcbench/HEADER (a string's text without its quotes).
hcb_define() {
	awk -v n="$2" '$1 == "#define" && $2 == n {
		if (match($0, /"[^"]*"/))
			print substr($0, RSTART + 1, RLENGTH - 2)
		else
			print $3
	}' "$HCB_ROOT/include/hcbench/$1"
}

hcb_proto() {
	hcb_define protocol.h "$1"
}

hcb_schema() {
	hcb_define schema.h "$1"
}

# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_FWCFG_OPTIONS=$(hcb_proto HCB_FWCFG_OPTIONS)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_FWCFG_HOST=$(hcb_proto HCB_FWCFG_HOST)
HCB_FRAME_BEGIN=$(hcb_proto HCB_FRAME_BEGIN)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_FRAME_END=$(hcb_proto HCB_FRAME_END)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_REPORT_PORT=$(hcb_proto HCB_REPORT_PORT)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_REPORT_READBACK=$(hcb_proto HCB_REPORT_READBACK)
HCB_REPORT_FALLBACK=$(hcb_proto HCB_REPORT_FALLBACK)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_REPORT_READBACK_MEM=$(hcb_proto HCB_REPORT_READBACK_MEM)
HCB_FRAME_MEM=$(hcb_proto HCB_FRAME_MEM)
HCB_REPORT_MEM_MAX=$(hcb_proto HCB_REPORT_MEM_MAX)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_DONE_PREFIX=$(hcb_proto HCB_DONE_PREFIX)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_DEBUG_EXIT_PORT=$(hcb_proto HCB_DEBUG_EXIT_PORT)

# The guest's exit codes by name: every HCB_EXIT_<NAME> of protocol.h.
HCB_EXIT_NAMES=$(awk '$1 == "#define" && $2 ~ /^HCB_EXIT_/ {
	print substr($2, 10) }' "$HCB_ROOT/include/hcbench/protocol.h")

# QEMU's exit status for guest exit code N (isa-debug-exit: 2N+1).
hcb_qemu_status() {
	echo $(( ($(hcb_proto "$1") << 1) | 1 ))
}

# The name (OK, CHECK, ...) of guest exit code $1; status 1 if none.
hcb_code_name() {
	for n in $HCB_EXIT_NAMES; do
		if [ "$1" = "$(hcb_proto "HCB_EXIT_$n")" ]; then
			echo "$n"
			return 0
		fi
	done
	return 1
}

# Guest exit code name for a QEMU exit status, or "qemu-$status".
hcb_status_name() {
	for n in $HCB_EXIT_NAMES; do
		if [ "$1" = "$(hcb_qemu_status "HCB_EXIT_$n")" ]; then
			echo "$n"
			return
		fi
	done
	echo "qemu-$1"
}

# Environment labels of a report (schema.h HCB_ENV_*)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_ENV_HW=$(hcb_schema HCB_ENV_HW)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_ENV_NESTED_KVM=$(hcb_schema HCB_ENV_NESTED_KVM)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_ENV_NESTED=$(hcb_schema HCB_ENV_NESTED)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_ENV_NESTED_VMX=$(hcb_schema HCB_ENV_NESTED_VMX)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_ENV_TCG=$(hcb_schema HCB_ENV_TCG)

# hcb_host_fact KEY VALUE: one host-fact line (KEY one of schema.h's
# HCB_HOST_*, by its macro name without HCB_HOST_, e.g. KERNEL), the
# form the guest copies into the report's "host" object.
hcb_host_fact() {
	_hcb_key=$(hcb_schema "HCB_HOST_$1")
	if [ -z "$_hcb_key" ]; then
		echo "protocol.sh: no host fact HCB_HOST_$1 in schema.h" >&2
		return 1
	fi
	printf '%s=%s\n' "$_hcb_key" "$2"
}

# hcb_report_from_ram CHANNEL_FILE RAM_FILE: in the channel's memory mode
# the guest leaves its frame in RAM and CHANNEL_FILE holds one line with
# its guest physical address and length (protocol.h, HCB_FRAME_MEM); this
# replaces that line with the frame, copied out of RAM_FILE (guest RAM,
# file offset = guest physical address).  The line is data from the
# guest: its form, the length (at most HCB_REPORT_MEM_MAX) and the range
# (inside RAM_FILE) are checked.  A CHANNEL_FILE without that line is left
# as it is (the guest wrote the frame itself).  Returns 0, or 1 with the
# reason on stderr (CHANNEL_FILE then holds no frame).
hcb_report_from_ram() {
	[ -s "$1" ] || return 0
	_hcb_l=$(head -c 256 "$1" | head -n 1)
	case $_hcb_l in "$HCB_FRAME_MEM "*) ;; *) return 0 ;; esac
	_hcb_w=$(printf '%s\n' "${_hcb_l#"$HCB_FRAME_MEM "}" |
		sed -n 's/^gpa=0x\([0-9a-f]\{1,12\}\) bytes=\([0-9]\{1,9\}\)$/\1 \2/p')
	if [ -z "$_hcb_w" ] || [ "$(wc -c <"$1")" -gt 256 ]; then
		echo "hcbench: the report channel's memory line is malformed:" \
			"'$_hcb_l'" >&2
		: >"$1"
		return 1
	fi
	_hcb_gpa=$((0x${_hcb_w% *}))
	_hcb_len=${_hcb_w#* }
	_hcb_size=$(stat -c %s "$2" 2>/dev/null) || _hcb_size=0
	if [ "$_hcb_len" -gt "$HCB_REPORT_MEM_MAX" ] ||
	    [ $((_hcb_gpa + _hcb_len)) -gt "$_hcb_size" ]; then
		echo "hcbench: the report in guest memory ($_hcb_len bytes at" \
			"$_hcb_gpa) lies outside the guest RAM file $2" \
			"($_hcb_size bytes) or is over $HCB_REPORT_MEM_MAX bytes" >&2
		: >"$1"
		return 1
	fi
	if ! dd if="$2" of="$1.tmp" bs=64K iflag=skip_bytes,count_bytes \
	    skip="$_hcb_gpa" count="$_hcb_len" status=none ||
	    ! mv "$1.tmp" "$1"; then
		echo "hcbench: copying the report out of $2 failed" >&2
		rm -f "$1.tmp"
		: >"$1"
		return 1
	fi
}

# hcb_extract_report CHANNEL_FILE SERIAL_LOG OUT_JSON: the guest's JSON
# report, checked, to OUT_JSON.  It comes from the report channel's file,
# or from the serial log when the guest had no channel (said on stderr).
# hcb-unframe (results/tools/unframe.c, in $HCB_UNFRAME or the build)
# checks the frame's length and FNV-1a 64: a cut or changed report is
# rejected with its reason, OUT_JSON is then absent.  Returns 0 stored,
# 1 rejected, 2 the checker failed (I/O), 3 no report anywhere.
hcb_extract_report() {
	_hcb_unframe=${HCB_UNFRAME:-${BUILD:-$HCB_ROOT/build}/results/hcb-unframe}
	rm -f "$3"
	if [ -s "$1" ]; then
		"$_hcb_unframe" "$1" "$3"
		return
	fi
	grep -qF -- "$HCB_FRAME_BEGIN" "$2" 2>/dev/null || return 3
	if grep -qF -- "$HCB_REPORT_FALLBACK" "$2"; then
		echo "hcbench: the guest found no report channel: its report" \
			"came on the serial console (slow fallback)" >&2
	fi
	"$_hcb_unframe" "$2" "$3"
}
