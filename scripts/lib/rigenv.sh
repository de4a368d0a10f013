# shellcheck shell=bash
# key=value files between the rig's parts, read as data, never sourced:
# every key must be on a whitelist and every value match its pattern.
#
# RIG_DIR/rig.env is the nested rig's summary of one L0 boot, one
# "key=value" a line (the value raw to the end of the line): written by
# host-patch/rig/run-nested (hcb_rig_env_put), read by scripts/run and the
# rig's tests (hcb_rig_env_read).  Its keys:
#   abi l1_kernel patch runs l0_retries l1_tainted l1_dmesg [rehearsal_dir]
#   run_N_{variant,status,exit_code,hc_before,hc_after,hc_delta,json,log,
#          seconds,kvm_taint,kvm_stat_deltas} for N = 1..runs
# (json is empty when the run left no checked report).

# The reason of the last refusal of hcb_kv_read.
hcb_kv_error=

# hcb_kv_read FILE MAX_LINES PATTERN_FN PREFIX: for each "key=value" line
# of FILE (at most 4096 characters), PATTERN_FN KEY prints the extended
# regex its value must match (status 1: not a key of FILE); the value is
# then assigned to the variable PREFIX<key> (the caller's local, if it has
# one).  Returns 1 with hcb_kv_error set at the first line refused;
# nothing in FILE ever runs.
hcb_kv_read() {
	local _hcb_line _hcb_key _hcb_val _hcb_re _hcb_n=0

	hcb_kv_error=
	while IFS= read -r _hcb_line || [ -n "$_hcb_line" ]; do
		_hcb_n=$((_hcb_n + 1))
		if [ "$_hcb_n" -gt "$2" ]; then
			hcb_kv_error="$1: more than $2 lines"
			return 1
		fi
		if [ "${#_hcb_line}" -gt 4096 ]; then
			hcb_kv_error="$1: line $_hcb_n is longer than 4096 characters"
			return 1
		fi
		_hcb_key=${_hcb_line%%=*}
		_hcb_val=${_hcb_line#*=}
		if [ "$_hcb_key" = "$_hcb_line" ]; then
			hcb_kv_error="$1: line $_hcb_n is not key=value"
			return 1
		fi
		if ! _hcb_re=$("$3" "$_hcb_key"); then
			hcb_kv_error="$1: line $_hcb_n: unknown key $(printf %q "$_hcb_key")"
			return 1
		fi
		if ! [[ $_hcb_val =~ $_hcb_re ]]; then
			hcb_kv_error="$1: $_hcb_key=$(printf %q "$_hcb_val") is not /$_hcb_re/"
			return 1
		fi
		printf -v "$4$_hcb_key" '%s' "$_hcb_val"
	done <"$1"
}

# The pattern of rig.env key $1 (hcb_kv_read's PATTERN_FN).
hcb_rig_env_pattern() {
	local path='^[^[:cntrl:]]+$'

	case $1 in
	abi|l1_kernel) echo '^[0-9A-Za-z.+_-]{1,64}$' ;;
	patch) echo '^[a-z+]{1,64}$' ;;
	runs|l0_retries) echo '^[0-9]{1,4}$' ;;
	l1_tainted) echo '^[0-9]{1,20}$' ;;
	l1_dmesg|rehearsal_dir) echo "$path" ;;
	run_*)	[[ $1 =~ ^run_[1-9][0-9]{0,3}_([a-z_]{1,32})$ ]] &&
			hcb_rig_env_run_pattern "${BASH_REMATCH[1]}" ;;
	*) return 1 ;;
	esac
}

# The pattern of rig.env key run_N_$1.
hcb_rig_env_run_pattern() {
	case $1 in
	variant) echo '^[a-z][a-z0-9_-]{0,31}$' ;;
	status) echo '^[a-z][a-z-]{0,31}$' ;;
	exit_code|hc_before|hc_after) echo '^([0-9]{1,18}|NA)$' ;;
	hc_delta) echo '^(-?[0-9]{1,19}|NA)$' ;;
	json) echo '^[^[:cntrl:]]*$' ;;
	log) echo '^[^[:cntrl:]]+$' ;;
	seconds) echo '^[0-9]{1,9}$' ;;
	kvm_taint) echo '^[A-Z]{0,32}$' ;;
	kvm_stat_deltas) echo '^([a-z_]{1,32}=(-?[0-9]{1,19}|NA) ?){0,16}$' ;;
	*) return 1 ;;
	esac
}

# hcb_rig_env_put KEY VALUE: the rig.env line of KEY; status 1 (saying
# why) for a key or value that hcb_rig_env_read would refuse.
hcb_rig_env_put() {
	local re

	if ! re=$(hcb_rig_env_pattern "$1"); then
		echo "rig.env: no key $(printf %q "$1")" >&2
		return 1
	fi
	if ! [[ $2 =~ $re ]]; then
		echo "rig.env: $1=$(printf %q "$2") is not /$re/" >&2
		return 1
	fi
	printf '%s=%s\n' "$1" "$2"
}

# hcb_rig_env_read FILE PREFIX: rig.env FILE into variables PREFIX<key>;
# returns 1 saying why (stderr) for a file that is not one.
hcb_rig_env_read() {
	if [ ! -f "$1" ] || [ -L "$1" ]; then
		echo "rig.env: $1 is not a regular file" >&2
		return 1
	fi
	hcb_kv_read "$1" 4096 hcb_rig_env_pattern "$2" && return 0
	echo "rig.env: $hcb_kv_error" >&2
	return 1
}
