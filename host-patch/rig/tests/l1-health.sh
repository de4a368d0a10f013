# shellcheck shell=bash
# What an L1 kernel may show and still pass the rig's tests (test-nested,
# test-rehearsal, test-nested-intel), defined once.  Source it.
# shellcheck disable=SC2034 # used by the scripts that source this file
# taint bits allowed: TAINT_OOT_MODULE (12) and TAINT_UNSIGNED_MODULE (13)
TAINT_ALLOWED=$(((1 << 12) | (1 << 13)))
# shellcheck disable=SC2034 # used by the scripts that source this file
# kernel splats: BUG:, WARNING:, WARN_ON, Oops, Call Trace
DMESG_BAD='BUG|WARNING|Oops|Call Trace|(^|[^A-Za-z_])WARN([^A-Za-z_]|$)'
