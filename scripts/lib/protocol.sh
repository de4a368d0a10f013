# shellcheck shell=sh
# Reads the guest/runner protocol from include/hcbench/protocol.h, its only
# definition.  Source after setting HCB_ROOT to the repository's top.

hcb_proto() {
	awk -v n="$1" '$1 == "#define" && $2 == n {
		if (match($0, /"[^"]*"/))
			print substr($0, RSTART + 1, RLENGTH - 2)
		else
			print $3
	}' "$HCB_ROOT/include/hcbench/protocol.h"
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
HCB_DONE_PREFIX=$(hcb_proto HCB_DONE_PREFIX)
# shellcheck disable=SC2034 # used by the scripts that source this file
HCB_DEBUG_EXIT_PORT=$(hcb_proto HCB_DEBUG_EXIT_PORT)

# QEMU's exit status for guest exit code N (isa-debug-exit: 2N+1).
hcb_qemu_status() {
	echo $(( ($(hcb_proto "$1") << 1) | 1 ))
}

# Guest exit code name for a QEMU exit status, or "qemu-$status".
hcb_status_name() {
	for n in OK CHECK FAULT BADOPT BOOT; do
		if [ "$1" = "$(hcb_qemu_status HCB_EXIT_$n)" ]; then
			echo "$n"
			return
		fi
	done
	echo "qemu-$1"
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
