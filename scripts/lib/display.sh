# shellcheck shell=bash
# What a person sees of a guest's serial log: the raw log file keeps every
# byte, the terminal gets the lines without OVMF's screen escapes and, unless
# VERBOSE=1, without the JSON report (it goes to its file) and without the
# table (the runner prints it last, when the run is over).  Source after
# scripts/lib/protocol.sh (the report frame's lines: the JSON reaches the
# serial log only on the serial fallback, docs/design.md).

# sed script: drop carriage returns and terminal escapes (OVMF clears the
# screen and switches modes: ESC [ 2 J, ESC [ = 3 h, charset selections).
HCB_SED_NO_ESC='s/\r//g; s/\x1b\[[0-9;=?]*[A-Za-z]//g; s/\x1b[()][AB0-9]//g; s/\x1b//g'

# A line of the table's top or bottom rule (bench/report_table.c).
HCB_TABLE_RULE='={40,}'

# hcb_display_filter [PREFIX [HIDE_TABLE]]: stdin (a serial log as it
# streams) to stdout, line by line.  PREFIX (a basic regex, e.g. '\[L2\] ')
# is what precedes the guest's text on each line; lines that do not carry
# it pass untouched except for escapes.  VERBOSE=1 keeps everything but
# the escapes.  HIDE_TABLE=1 drops the table block too.
hcb_display_filter() {
	local p=${1:-} hide=${2:-0} script
	local note='hcbench: JSON report not shown (it goes to its file; VERBOSE=1 shows it)'

	script=$HCB_SED_NO_ESC
	if [ "${VERBOSE:-0}" != 1 ]; then
		script="$script;
/^${p}$HCB_FRAME_BEGIN\$/,/^${p}$HCB_FRAME_END /{
	/^${p}$HCB_FRAME_BEGIN\$/!d
	s/^(${p}).*/\\1$note/
}
/^${p}[[:space:]]*\$/d"
		[ "$hide" != 1 ] ||
			script="$script;
/^${p}$HCB_TABLE_RULE\$/,/^${p}$HCB_TABLE_RULE\$/d"
	fi
	sed -u -E "$script"
}

# hcb_show_table LOG: the guest's text table from serial log LOG (between
# its top and bottom rules), without escapes; status 1 when there is none.
hcb_show_table() {
	sed -E "$HCB_SED_NO_ESC" "$1" |
		sed -n -E "/^$HCB_TABLE_RULE\$/,/^$HCB_TABLE_RULE\$/p" |
		awk '{ print } END { exit NR ? 0 : 1 }'
}

# hcb_log_line LOG REGEX: the last line of LOG matching REGEX (ERE),
# without escapes; empty when none.
hcb_log_line() {
	sed -E "$HCB_SED_NO_ESC" "$1" | grep -E -- "$2" | tail -n 1 || true
}
