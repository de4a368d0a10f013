#!/bin/bash
# Runner input checks: bad settings give a clear message and status 2,
# before anything boots.
set -u
HCB_ROOT=${HCB_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
pass=0
fail=0

# expect STATUS PATTERN ENV... -- ARGS...: run scripts/run, check both.
expect() {
	local want=$1 pat=$2 out st envs=()

	shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		envs+=("$1")
		shift
	done
	shift
	out=$(env "${envs[@]}" "$HCB_ROOT/scripts/run" "$@" 2>&1)
	st=$?
	if [ "$st" = "$want" ] && grep -q -- "$pat" <<<"$out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: ${envs[*]} $*: status $st (want $want)," \
			"output lacks '$pat':"
		echo "$out" | sed 's/^/    /'
	fi
}

expect 2 "ACCEL must be auto, kvm, nested, nested-intel or tcg" ACCEL=bogus --
expect 2 "CPU must be a host CPU number" CPU=x --
expect 2 "this host has CPUs" CPU=4096 --
expect 2 "TIMEOUT must be a number" TIMEOUT=soon --
expect 2 "unknown argument 'extra'" -- extra
expect 2 "OPTS may not set 'env'" OPTS="iters=16 env=hardware-kvm" --
expect 2 "OPTS may not set 'wait'" OPTS="wait=1" --
# Without usable KVM (these machines) a forced ACCEL=kvm stops at once.
if ! timeout -s KILL 20 "$HCB_ROOT/build/kvm-probe" 2>/dev/null; then
	expect 2 "ACCEL=kvm, but KVM cannot run a guest on this host" \
		ACCEL=kvm --
fi

# A build directory the runner cannot write is named as such, not as a
# missing OVMF (found by trying: the old message blamed OVMF).
ro=$(mktemp -d "${TMPDIR:-/tmp}/hcb-ro.XXXXXX")
cp "$HCB_ROOT/build/esp.img" "$ro/"
: >"$ro/run"	# a file where the runner's work directory should go
expect 2 "cannot write $ro/run: the build directory must be writable" \
	ACCEL=tcg BUILD="$ro" --
rm -rf "$ro"

# A report that cannot be stored is not silently dropped (one TCG boot).
expect 1 "could not store the report; it is still in" \
	ACCEL=tcg ITERS=16 OPTS=rows=cpuid_0 OUT=/proc/hcbench-none/x.json --

# The report channel's frame is checked before anything is stored: a
# flipped byte or a cut tail fails the run with the reason and OUT stays
# absent; the intact frame's report arrives unchanged (a stand-in QEMU,
# tests/runner/fake-qemu, frames a stored TCG report).
fake=$(mktemp -d "${TMPDIR:-/tmp}/hcb-fake.XXXXXX")
ln -s "$HCB_ROOT/tests/runner/fake-qemu" "$fake/qemu-system-x86_64"
for m in flip:CORRUPTED cut:TRUNCATED; do
	expect 1 "report ${m#*:}" FAKE_QEMU_FRAME="${m%%:*}" \
		PATH="$fake:$PATH" ACCEL=tcg OUT="$fake/${m%%:*}.json" --
	[ ! -e "$fake/${m%%:*}.json" ] || {
		fail=$((fail + 1))
		echo "FAIL: FAKE_QEMU_FRAME=${m%%:*}: a report was stored"
	}
done
expect 0 "report: $fake/good.json" FAKE_QEMU_FRAME=good PATH="$fake:$PATH" \
	ACCEL=tcg OUT="$fake/good.json" --
cmp -s "$fake/good.json" "$HCB_ROOT/results/tests/tcg/tcg-icount-1.json" || {
	fail=$((fail + 1))
	echo "FAIL: FAKE_QEMU_FRAME=good: the stored body differs"
}
rm -rf "$fake"

# The nested rig's reports and logs are the ones its rig.env names (data,
# never sourced), stored in its order, OUT's name numbered from the second
# on; a hostile rig.env and a rig that left none store nothing (a
# stand-in rig, tests/runner/fake-rig).
fake=$(mktemp -d "${TMPDIR:-/tmp}/hcb-fake.XXXXXX")
rig=$HCB_ROOT/tests/runner/fake-rig
expect 0 "report: $fake/n-2.json" HCB_RUN_NESTED="$rig" RIG_DIR="$fake/rig" \
	ACCEL=nested OUT="$fake/n.json" --
for f in n n-2; do
	cmp -s "$fake/$f.json" "$HCB_ROOT/results/tests/tcg/tcg-icount-1.json" || {
		fail=$((fail + 1))
		echo "FAIL: fake-rig: $f.json not stored as the rig wrote it"
	}
done
rm -f "$fake"/n*.json
# ACCEL=nested is the AMD rig, nested-intel the Intel rig (VENDOR=intel)
[ "$(cat "$fake/rig/vendor")" = amd ] || {
	fail=$((fail + 1))
	echo "FAIL: ACCEL=nested gave the rig VENDOR=$(cat "$fake/rig/vendor")"
}
expect 0 "the Intel rig: kvm_intel inside Bochs' emulated VMX" \
	HCB_RUN_NESTED="$rig" RIG_DIR="$fake/rig" ACCEL=nested-intel \
	OUT="$fake/n.json" --
[ "$(cat "$fake/rig/vendor")" = intel ] || {
	fail=$((fail + 1))
	echo "FAIL: ACCEL=nested-intel gave the rig VENDOR=$(cat "$fake/rig/vendor")"
}
rm -f "$fake"/n*.json
expect 1 "no JSON report in the serial log: nothing stored" FAKE_RIG=fail \
	HCB_RUN_NESTED="$rig" RIG_DIR="$fake/rig" ACCEL=nested \
	OUT="$fake/n.json" --
expect 1 "rig.env: .*unknown key PATH" FAKE_RIG=hostile HCB_RUN_NESTED="$rig" \
	RIG_DIR="$fake/rig" ACCEL=nested OUT="$fake/n.json" --
if [ -e "$fake/n.json" ] || [ -e "$fake/rig/PWNED" ]; then
	fail=$((fail + 1))
	echo "FAIL: fake-rig: a refused or stale rig.env stored a report or ran"
fi
rm -rf "$fake"

# What a person sees (one TCG boot each): the run ends with the table, the
# verdict and where the report and the log are; no JSON and no terminal
# escape reaches the terminal (the log keeps them).
# check NAME COMMAND...: count a check that prints why it failed
check() {
	local name=$1 why

	shift
	if why=$("$@" 2>&1); then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $name: $why"
	fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hcb-runner.XXXXXX")
ACCEL=tcg ITERS=16 OPTS="rows=cpuid_0" OUT="$tmp/r.json" \
	"$HCB_ROOT/scripts/run" >"$tmp/out" 2>&1
st=$?
f0=$fail
check "a TCG run exits 0 (status $st)" test "$st" = 0
check "the TCG run stored its report" test -s "$tmp/r.json"
check "the TCG run ends with the table" \
	"$HCB_ROOT/tests/runner/check-table-last" "$tmp/out"
check "the TCG run's table has its row" grep -q -E '^cpuid_0 +ok ' "$tmp/out"
[ "$fail" = "$f0" ] || tail -n 40 "$tmp/out" | sed 's/^/    /'
# output=text: no report asked for, none stored, and that is a success
expect 0 "no JSON report: OPTS has output=text" \
	ACCEL=tcg ITERS=16 OPTS="rows=cpuid_0 output=text" OUT="$tmp/t.json" --
check "output=text stores nothing" test ! -e "$tmp/t.json"
# a bad guest option is bad input: status 2, the option named
expect 2 "bad option: iters=x" ACCEL=tcg OPTS="rows=cpuid_0 iters=x" \
	OUT="$tmp/b.json" --
rm -rf "$tmp"
# --help explains, exits 0; an unknown option exits 2
expect 0 "VERBOSE=1" -- --help
expect 2 "unknown argument '--bogus'" -- --bogus

echo "runner: $pass passed, $fail failed"
[ "$fail" = 0 ]
