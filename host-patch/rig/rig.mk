# The nested test rig (host-patch/rig/): KVM under QEMU's emulated AMD SVM.
# Included by the top-level Makefile (BUILD, HCB_ROOT come from there).
#
#   make rig [RIG_KERNELS="6.1 6.12"]  fetch L1 kernels + stock modules,
#                                      build patched and fastpath modules
#                                      and the initramfs
#   make test-nested                   stock, patched, fastpath 6.1 (one L0
#                                      boot), patched + fastpath 6.12;
#                                      correctness only
#   make test-rehearsal                L1 as a user's KVM host: make run,
#                                      make modules, load-modules,
#                                      check-perf, restore (one L0 boot)
#   make test-bochs                    the Intel rig: Bochs' clock, then
#                                      stock, patched and fastpath
#                                      kvm_intel 6.1 (one L0 boot),
#                                      patched 6.12 (another)
#   host-patch/rig/run-nested --help   one nested run (make run uses it;
#                                      VENDOR=intel: the Intel rig)

RIG_DIR    := $(HCB_ROOT)/host-patch/rig
RIG_BUILD  := $(BUILD)/rig
RIG_KERNELS ?= 6.1 6.12

.PHONY: rig test-nested test-rehearsal test-bochs

## make rig [RIG_KERNELS="6.1 6.12"]: fetch and build what the nested rig needs
rig: $(RIG_BUILD)/nested-check
	@for k in $(RIG_KERNELS); do \
		$(RIG_DIR)/run-nested KERNEL=$$k PATCH=on+fastpath PREPARE_ONLY=1 || \
			exit 1; \
	done

# the results tools' report loader reads the report
$(RIG_BUILD)/nested-check: $(RIG_DIR)/tests/nested-check.c $(HCB_REPORT_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HCB_HOST_CFLAGS) $(HCB_REPORT_INC) -o $@ $< $(HCB_REPORT_SRC) \
		-ljansson

# make test-results checks the checker on broken reports
test-results: $(RIG_BUILD)/nested-check

# run in L1 when L0 gives it more than one CPU (L0_SMP): built with the
# rest, so make run and every rig run find it
$(RIG_BUILD)/l1-cpus-online: $(RIG_DIR)/l1-cpus-online.c
	@mkdir -p $(@D)
	$(CC) $(HCB_HOST_CFLAGS) -o $@ $<

all test-lint: $(RIG_BUILD)/l1-cpus-online

## make test-nested: nested rig correctness, 6.1 and 6.12 (L0 boots)
test-nested: guest results-tools $(RIG_BUILD)/nested-check $(BOOT_CHECK) \
	$(RIG_BUILD)/l1-cpus-online
	$(RIG_DIR)/tests/test-nested

## make test-rehearsal: L1 used as a user's KVM host would (one L0 boot)
test-rehearsal: all
	$(RIG_DIR)/tests/test-rehearsal

# The Intel rig's L0 (issue 14): Bochs' clock, measured by a boot sector
$(RIG_BUILD)/bochs/clock-probe.img: $(RIG_DIR)/bochs/clock-probe.asm
	@mkdir -p $(@D)
	nasm -f bin -Werror -o $@.bin $<
	cp $@.bin $@ && truncate -s 1474560 $@

# The Intel rig's L1 boot disk (run-nested VENDOR=intel): its loader and
# the tool that writes it; make builds them, so ACCEL=nested-intel finds
# them
$(RIG_BUILD)/bochs/hdboot.bin: $(RIG_DIR)/bochs/hdboot.asm
	@mkdir -p $(@D)
	nasm -f bin -Werror -o $@ $<

$(RIG_BUILD)/bochs/mkdisk: $(RIG_DIR)/bochs/mkdisk.c
	@mkdir -p $(@D)
	$(CC) $(HCB_HOST_CFLAGS) -o $@ $<

# (test-lint's help check runs mkdisk --help)
all test-lint: $(RIG_BUILD)/bochs/mkdisk $(RIG_BUILD)/bochs/hdboot.bin

## make test-bochs: the Intel rig: Bochs' clock; kvm_intel 6.1 and 6.12 (~20 min)
test-bochs: all $(RIG_BUILD)/bochs/clock-probe.img $(RIG_BUILD)/nested-check
	$(RIG_DIR)/tests/test-bochs-clock $(RIG_BUILD)/bochs/clock-probe.img
	$(RIG_DIR)/tests/test-nested-intel
