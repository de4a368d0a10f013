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
HCB_JSON_BEGIN=$(hcb_proto HCB_JSON_BEGIN)
HCB_JSON_END=$(hcb_proto HCB_JSON_END)
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

# Print the JSON report found in serial log $1.
hcb_extract_json() {
	awk -v b="$HCB_JSON_BEGIN" -v e="$HCB_JSON_END" '
		{ sub(/\r$/, "") }
		$0 == e { on = 0 }
		on { print }
		$0 == b { on = 1; found = 1 }
		END { exit found ? 0 : 1 }' "$1"
}
