# hcbench: see README.md.  Each part keeps its rules in its own fragment.
HCB_ROOT := $(CURDIR)
BUILD    := $(HCB_ROOT)/build
export HCB_ROOT

.DEFAULT_GOAL := all

include flags.mk
include guest.mk
include tests/unit/unit.mk
include results/results.mk
include host-patch/patch.mk
include host-patch/rig/rig.mk

.PHONY: all deps run bench test test-runner test-lint clean help baseline \
	test-gate

## make all: build the guest, the results tools, kvm-probe, hv-signature
all: guest results-tools $(BUILD)/kvm-probe $(BUILD)/hv-signature

$(BUILD)/kvm-probe $(BUILD)/hv-signature: $(BUILD)/%: tools/%.c
	@mkdir -p $(@D)
	$(CC) $(HCB_HOST_CFLAGS) -o $@ $<

## make deps: install the Debian 12 packages hcbench needs (root or sudo)
deps:
	scripts/install-deps

# The main job: build, boot on the best accelerator this host has, report.
## make run (or bench): build, run the benchmark, store the report (settings below)
run bench: all
	scripts/run

## make test: every test group below, as CI runs them (long: nested boots)
test: test-lint test-runner test-unit test-results test-boot test-patch \
	test-nested test-rehearsal test-gate test-bochs
	@echo "hcbench: all test groups passed"

## make test-gate: the nested gate catches one added instruction (one L0 boot)
test-gate: results-tools guest-test-nop
	HCB_ROOT=$(HCB_ROOT) BUILD=$(BUILD) $(HCB_ROOT)/results/tests/test-gate

## make test-runner: runner settings, what a run prints (TCG boots)
test-runner: guest results-tools $(BUILD)/kvm-probe
	tests/runner/test-runner.sh
	tests/runner/test-hostenv.sh

## make baseline: rewrite the nested gate's baselines (results/baselines/nested/)
# from fresh nested-rig runs (BASELINE_CONFIGS, BASELINE_REPEAT,
# BASELINE_OPTS: see results/tools/make-baseline --help); commit the diff.
baseline: guest results-tools
	HCB_ROOT=$(HCB_ROOT) BUILD=$(BUILD) HCB_RESULTS_TOOLS=$(BUILD)/results \
		$(HCB_ROOT)/results/tools/make-baseline

## make test-lint: shellcheck, guest layers, docs vs tables, timed code layout, no kernel image in deps, every tool's --help
test-lint: $(BUILD)/kvm-probe-selftest results-tools $(BUILD)/kvm-probe \
	$(BUILD)/hv-signature guest
	tests/lint/shellcheck
	tests/lint/layers --objects $(BUILD)/guest
	tests/lint/docs-tables --build $(BUILD)
	tests/lint/timed-layout --build $(BUILD)
	tests/lint/no-kernel-image
	tests/lint/help
	$(BUILD)/kvm-probe-selftest

$(BUILD)/kvm-probe-selftest: tools/kvm-probe.c
	@mkdir -p $(@D)
	$(CC) $(HCB_HOST_CFLAGS) -DKVM_PROBE_SELFTEST -o $@ $<

## make clean: remove build/
clean:
	rm -rf $(BUILD)

# One screen: the "## make TARGET: text" line above each target (in every
# fragment), then the runner's settings from scripts/run --help.
## make help: this list
help:
	@echo "usage: make [TARGET] [SETTING=value ...]   (details: README.md)"
	@echo "targets:"
	@sed -n 's/^## make //p' $(MAKEFILE_LIST) | awk '{ \
		i = index($$0, ": "); \
		printf "  %-36s %s\n", substr($$0, 1, i - 1), substr($$0, i + 2) }'
	@echo "settings of make run (scripts/run --help explains each):"
	@scripts/run --help | grep -E '^  [A-Z_]+=' | sed 's/   */  /'
