# hcbench: see README.md.  Each part keeps its rules in its own fragment.
HCB_ROOT := $(CURDIR)
BUILD    := $(HCB_ROOT)/build
export HCB_ROOT

.DEFAULT_GOAL := all

include guest.mk
include tests/unit/unit.mk
include results/results.mk
include host-patch/patch.mk
include host-patch/rig/rig.mk

.PHONY: all deps run bench test test-runner test-lint clean help baseline \
	test-gate

all: guest results-tools $(BUILD)/kvm-probe $(BUILD)/hv-signature

HOST_CFLAGS := -O2 -Wall -Wextra -Werror

$(BUILD)/kvm-probe $(BUILD)/hv-signature: $(BUILD)/%: tools/%.c
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -o $@ $<

deps:
	scripts/install-deps

# The main job: build, boot on the best accelerator this host has, report.
run bench: all
	scripts/run

test: test-lint test-runner test-unit test-results test-boot test-patch \
	test-nested test-rehearsal test-gate
	@echo "hcbench: all test groups passed"

## make test-gate: the nested gate catches one added instruction (one L0 boot)
test-gate: results-tools guest-test-nop
	HCB_ROOT=$(HCB_ROOT) BUILD=$(BUILD) $(HCB_ROOT)/results/tests/test-gate

test-runner: guest results-tools $(BUILD)/kvm-probe
	tests/runner/test-runner.sh
	tests/runner/test-hostenv.sh

## make baseline: rewrite the nested gate's baselines (results/baselines/nested/)
# from fresh nested-rig runs (BASELINE_CONFIGS, BASELINE_REPEAT,
# BASELINE_OPTS: see results/tools/make-baseline --help); commit the diff.
baseline: guest results-tools
	HCB_ROOT=$(HCB_ROOT) BUILD=$(BUILD) HCB_RESULTS_TOOLS=$(BUILD)/results \
		$(HCB_ROOT)/results/tools/make-baseline

## make test-lint: shellcheck on every shell script, no kernel image in
## make deps, kvm-probe's exit checks
test-lint: $(BUILD)/kvm-probe-selftest
	tests/lint/shellcheck
	tests/lint/no-kernel-image
	$(BUILD)/kvm-probe-selftest

$(BUILD)/kvm-probe-selftest: tools/kvm-probe.c
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -DKVM_PROBE_SELFTEST -o $@ $<

clean:
	rm -rf $(BUILD)

help:
	@sed -n 's/^## //p' README.md
