# The KVM host patch (host-patch/linux-6.1, host-patch/linux-6.12): patched
# module builds and the series checks.  Included by the top-level Makefile;
# see host-patch/README.md.
#
#   make modules [KERNEL=6.1|6.12|<abi>] [KDIR=/path/to/kernel/build]
#                [PATCH=on|fastpath]
#   make test-patch     series apply + checkpatch + docs; script tests

HCB_PATCH_DIR := $(HCB_ROOT)/host-patch

.PHONY: modules test-patch

# build-modules reads KERNEL, KDIR and JOBS from the environment too (PATCH
# only as an argument); pass only what was given so its own defaults apply
# otherwise.
# Values are single-quoted for the shell (KERNEL='6.1;id' is a bad
# KERNEL, not a command).
hcb_shq = '$(subst ','\'',$(1))'
## make modules [KERNEL=6.1|6.12|running]: patched KVM modules (PATCH=fastpath)
modules:
	$(HCB_PATCH_DIR)/build-modules \
		$(if $(KERNEL),$(call hcb_shq,KERNEL=$(KERNEL))) \
		$(if $(KDIR),$(call hcb_shq,KDIR=$(KDIR))) \
		$(if $(SERIES),$(call hcb_shq,SERIES=$(SERIES))) \
		$(if $(PATCH),$(call hcb_shq,PATCH=$(PATCH)))

## make test-patch: series apply, checkpatch --strict, docs, load-modules
test-patch:
	$(HCB_PATCH_DIR)/check-series
	$(HCB_PATCH_DIR)/tests/check-series-catches
	$(HCB_PATCH_DIR)/tests/load-modules-refusals
	$(HCB_PATCH_DIR)/tests/bad-arguments
	@echo "test-patch: passed"
