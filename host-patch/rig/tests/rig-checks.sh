# shellcheck shell=bash
# shellcheck disable=SC2154,SC2034 # set and read by the sourcing test
# The checks of one nested-rig boot, shared by test-nested (the AMD rig)
# and test-nested-intel (the Intel rig).  Source it after setting:
#   prog      the test's name, for messages
#   rig       host-patch/rig
#   check     build/rig/nested-check    validate  build/results/hcb-validate
#   rows      the rows every run must report (one per line)
#   OPTS SMP  the guest options and L2 vCPUs of every boot
#   RIG_ARGS  extra run-nested settings (array; VENDOR=intel)
#   RIG_ENV   the environment label the reports must carry (nested-check
#             --env)
# and scripts/lib/protocol.sh, scripts/lib/rigenv.sh and l1-health.sh
# sourced.  bad() sets failed=1.
failed=0

bad() {
	echo "$prog: FAIL: $*" >&2
	failed=1
}

# The guest's rows (all, or --smp: those that need a second vCPU), from
# their one definition (bench/row_list.h, build/hcb-rows).
guest_rows() {
	(. "$HCB_ROOT/scripts/lib/protocol.sh" && \
		. "$HCB_ROOT/scripts/lib/qemu.sh" && hcb_rows "$@")
}

# rig_rows SMP: every row, less those that need a second vCPU when the
# boots have one (hcb_rows --smp); fails when hcb-rows lists too few
rig_rows() {
	local rows smp_rows r n

	rows=$(guest_rows --names) || return 2
	if [ "$1" = 1 ]; then
		smp_rows=$(guest_rows --smp | tr '\n' ' ') || return 2
		rows=$(for r in $rows; do
			case " $smp_rows " in *" $r "*) ;; *) echo "$r" ;; esac
		done)
	fi
	n=$(echo "$rows" | wc -w)
	[ "$n" -ge 10 ] ||
		{ echo "$prog: hcb-rows listed only $n rows" >&2; return 2; }
	echo "$rows"
}

# check_boot DIR: L1's taint at most O|E, its dmesg free of splats, and
# L1 finds itself a $RIG_ENV host, as scripts/run there would (l1-job says
# what scripts/lib/hostenv.sh finds)
check_boot() {
	local dir=$1 taint dmesg

	tr -d '\r' <"$dir/l1-console.log" |
		grep -q "^\[rig:L1\] L1 as a KVM host: environment $RIG_ENV\$" ||
		bad "$dir: L1 does not find itself a $RIG_ENV host" \
			"(scripts/lib/hostenv.sh; $dir/l1-console.log)"
	taint=$(cat "$dir/share/l1-tainted")
	if [ $((taint & ~TAINT_ALLOWED)) -ne 0 ]; then
		bad "$dir: L1 taint $taint has flags beyond O and E"
	fi
	dmesg=$dir/share/l1-dmesg.log
	if grep -E -n "$DMESG_BAD" "$dmesg" >&2; then
		bad "$dir: L1 dmesg has the BUG/WARN/Oops/Call Trace" \
			"lines above"
	fi
}

# run_field N KEY: rig.env's run_N_KEY
run_field() {
	local n=run_$1_$2

	echo "${!n:-}"
}

# check_run N VARIANT: run N used VARIANT's modules, the guest exited OK,
# its report validates and passes nested-check
check_run() {
	local i=$1 want=$2 v json status exit_code delta hp

	v=$(run_field "$i" variant)
	json=$(run_field "$i" json)
	status=$(run_field "$i" status)
	exit_code=$(run_field "$i" exit_code)
	delta=$(run_field "$i" hc_delta)
	[ "$v" = "$want" ] || bad "run $i used $v modules, expected $want"
	[ "$status" = "done" ] && [ "$exit_code" = 0 ] ||
		bad "run $i ($v): L2 $status, exit code $exit_code"
	if [ -z "$json" ] || [ ! -s "$json" ]; then
		bad "run $i ($v): no JSON report"
		return
	fi
	if [ -x "$validate" ]; then
		"$validate" "$json" || bad "run $i ($v): hcb-validate $json"
	fi
	case $v in
	patched) want=yes hp=on ;;
	fastpath) want=yes hp=fastpath ;;
	*) want=no hp=off ;;
	esac
	# shellcheck disable=SC2046 # one --row NAME pair per row
	"$check" --patched "$want" --host-patch "$hp" --hc-delta "$delta" \
		--env "$RIG_ENV" $(printf -- '--row %s ' $rows) "$json" ||
		bad "run $i ($v): nested-check $json"
}

# one_boot NAME KERNEL PATCH EXPECTED-VARIANTS...: one run-nested boot
# into $out/NAME, every run and the boot checked (BOOT_CPU_PROPS: L2's
# extra -cpu properties)
one_boot() {
	local name=$1 kernel=$2 patch=$3 dir=$out/$1 i=0 v status=0 t0

	shift 3
	echo "$prog: === $name: KERNEL=$kernel PATCH=$patch ${RIG_ARGS[*]}" \
		"${BOOT_CPU_PROPS:+HCB_CPU_PROPS=$BOOT_CPU_PROPS }==="
	t0=$(date +%s)
	"$rig/run-nested" KERNEL="$kernel" PATCH="$patch" OPTS="$OPTS" \
		SMP="$SMP" RIG_DIR="$dir" OUT="$dir/report.json" \
		LOG="$dir/serial.log" HCB_CPU_PROPS="${BOOT_CPU_PROPS:-}" \
		"${RIG_ARGS[@]}" || status=$?
	echo "$prog: $name: run-nested exit $status in" \
		"$(($(date +%s) - t0))s"
	if [ ! -f "$dir/rig.env" ]; then
		bad "$name: the rig failed before any result (status $status)"
		return
	fi
	# written by run-nested: runs, run_N_* (data, parsed, never sourced)
	hcb_rig_env_read "$dir/rig.env" "" ||
		{ bad "$name: $dir/rig.env refused (above)"; return; }
	# shellcheck disable=SC2154 # from rig.env
	[ "$runs" -eq $# ] || bad "$name: $runs runs, expected $#"
	for v in "$@"; do
		i=$((i + 1))
		check_run "$i" "$v"
	done
	check_boot "$dir"
}
