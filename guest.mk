# The guest: UEFI application (boot/), freestanding runtime (kernel/),
# benchmark rows and report writers (bench/), its ESP image and boot
# tests (tests/boot/).  Included by the top-level Makefile, which sets
# HCB_ROOT and BUILD.

.PHONY: guest guest-test-nop test-boot

GUEST_OBJDIR := $(BUILD)/guest
GUEST_SO     := $(GUEST_OBJDIR)/hcbench.so
GUEST_EFI    := $(BUILD)/hcbench.efi
GUEST_ESP    := $(BUILD)/esp.img
GUEST_KVM_PARA := $(BUILD)/include/linux/kvm_para.h
GUEST_BUILD_ID := $(GUEST_OBJDIR)/build-id
# The row list for scripts and tests (tools/hcb-rows.c, bench/row_list.h)
GUEST_ROWS   := $(BUILD)/hcb-rows
# The options table for the docs (tools/hcb-options.c, boot/options.c)
GUEST_OPTIONS := $(BUILD)/hcb-options

# KVM_HC_TEST comes from the host patch's uapi hunk (docs/design.md).
HCB_KVM_PARA_PATCH ?= $(firstword $(wildcard \
	$(HCB_ROOT)/host-patch/linux-6.1/0001-*.patch))
UAPI_KVM_PARA := /usr/include/linux/kvm_para.h

GNUEFI_LDS  := /usr/lib/elf_x86_64_efi.lds
GNUEFI_CRT0 := /usr/lib/crt0-efi-x86_64.o
GNUEFI_LIBS := /usr/lib/libgnuefi.a
EFI_INC     := /usr/include/efi

NASM    ?= nasm
OBJCOPY ?= objcopy
GUEST_LD ?= ld
GCC_INC := $(shell $(CC) -print-file-name=include)
HCB_BUILD_DESC := $(shell cd $(HCB_ROOT) && \
	git describe --always --dirty 2>/dev/null || echo unknown)

# Test-only: HCB_TEST_EXTRA_NOP=1 adds one nop after every timed operation
# (bench/harness.h) and marks the build "-test-nop"; the results tests use
# it to check that the nested gate sees one instruction.  Never in shipped
# builds: it needs its own build directory (make guest-test-nop).
ifeq ($(HCB_TEST_EXTRA_NOP),1)
ifneq ($(notdir $(BUILD)),test-nop)
$(error HCB_TEST_EXTRA_NOP=1 builds only into BUILD=.../test-nop: use make guest-test-nop)
endif
HCB_BUILD_DESC := $(HCB_BUILD_DESC)-test-nop
HCB_TEST_CPPFLAGS := -DHCB_TEST_EXTRA_NOP
endif

GUEST_CPPFLAGS := $(HCB_TEST_CPPFLAGS) -nostdinc -isystem $(GCC_INC) -I$(BUILD)/include \
	-I$(HCB_ROOT) -I$(EFI_INC) -I$(EFI_INC)/x86_64 \
	-idirafter /usr/include/x86_64-linux-gnu -idirafter /usr/include \
	-DGNU_EFI_USE_MS_ABI -DHCB_BUILD='"$(HCB_BUILD_DESC)"'
GUEST_CFLAGS := $(HCB_FS_CFLAGS) -O2 -g -fno-stack-check -fpic -fshort-wchar \
	-fno-strict-aliasing -fno-tree-loop-distribute-patterns -MMD -MP
# Handlers that return (interrupt stubs, #UD/#GP probes) must not touch
# SSE registers, so the runtime is built without them.
GUEST_KERNEL_CFLAGS := -mgeneral-regs-only
GUEST_NASMFLAGS := -f elf64 -w+all -w+error

GUEST_WRITERS := bench/stats.c bench/report_json.c bench/report_table.c \
	bench/fmt.c
GUEST_C := $(wildcard $(HCB_ROOT)/boot/*.c) \
	$(wildcard $(HCB_ROOT)/kernel/*.c) \
	$(filter-out $(addprefix $(HCB_ROOT)/,$(GUEST_WRITERS)), \
		$(wildcard $(HCB_ROOT)/bench/*.c)) \
	$(addprefix $(HCB_ROOT)/,$(GUEST_WRITERS))
GUEST_ASM := $(wildcard $(HCB_ROOT)/kernel/*.asm $(HCB_ROOT)/bench/*.asm)
GUEST_OBJS := $(patsubst $(HCB_ROOT)/%.c,$(GUEST_OBJDIR)/%.o,$(GUEST_C)) \
	$(patsubst $(HCB_ROOT)/%.asm,$(GUEST_OBJDIR)/%.asm.o,$(GUEST_ASM))

## make guest: build build/hcbench.efi, build/esp.img, build/hcb-rows and hcb-options
guest: $(GUEST_EFI) $(GUEST_ESP) $(GUEST_ROWS) $(GUEST_OPTIONS)

# The test-only image with one extra nop per timed call (see above):
# build/test-nop/esp.img.
guest-test-nop:
	$(MAKE) --no-print-directory guest BUILD=$(BUILD)/test-nop \
		HCB_TEST_EXTRA_NOP=1

$(GUEST_KVM_PARA): $(UAPI_KVM_PARA) $(HCB_KVM_PARA_PATCH)
	@test -n "$(HCB_KVM_PARA_PATCH)" || { echo "guest.mk: no host" \
		"patch host-patch/linux-6.1/0001-*.patch (it defines" \
		"KVM_HC_TEST)" >&2; exit 1; }
	@mkdir -p $(@D)
	cp $(UAPI_KVM_PARA) $@.tmp
	filterdiff -i '*/include/uapi/linux/kvm_para.h' \
		$(HCB_KVM_PARA_PATCH) > $@.diff
	@test -s $@.diff || { echo "guest.mk: $(HCB_KVM_PARA_PATCH) has no" \
		"include/uapi/linux/kvm_para.h hunk" >&2; exit 1; }
	patch --no-backup-if-mismatch -s $@.tmp < $@.diff
	grep -q 'define KVM_HC_TEST' $@.tmp || { echo "guest.mk: patched" \
		"kvm_para.h lacks KVM_HC_TEST" >&2; exit 1; }
	rm -f $@.diff
	mv $@.tmp $@

# Rewritten only when `git describe` changes, so objects that print the
# build (-DHCB_BUILD) are rebuilt exactly then.
$(GUEST_BUILD_ID): FORCE
	@mkdir -p $(@D)
	@echo '$(HCB_BUILD_DESC)' | cmp -s - $@ || \
		echo '$(HCB_BUILD_DESC)' > $@
$(GUEST_OBJDIR)/boot/efi_main.o $(GUEST_OBJDIR)/bench/main.o: $(GUEST_BUILD_ID)

$(GUEST_OBJDIR)/kernel/%.o: $(HCB_ROOT)/kernel/%.c | $(GUEST_KVM_PARA)
	@mkdir -p $(@D)
	$(CC) $(GUEST_CPPFLAGS) $(GUEST_CFLAGS) $(GUEST_KERNEL_CFLAGS) \
		-c $< -o $@

$(GUEST_OBJDIR)/%.o: $(HCB_ROOT)/%.c | $(GUEST_KVM_PARA)
	@mkdir -p $(@D)
	$(CC) $(GUEST_CPPFLAGS) $(GUEST_CFLAGS) -c $< -o $@

$(GUEST_OBJDIR)/%.asm.o: $(HCB_ROOT)/%.asm
	@mkdir -p $(@D)
	$(NASM) $(GUEST_NASMFLAGS) -o $@ $<

$(GUEST_SO): $(GUEST_OBJS) $(GNUEFI_LDS) $(GNUEFI_CRT0)
	$(GUEST_LD) -nostdlib -znocombreloc -shared -Bsymbolic \
		--no-undefined -T $(GNUEFI_LDS) $(GNUEFI_CRT0) $(GUEST_OBJS) \
		$(GNUEFI_LIBS) -o $@

$(GUEST_EFI): $(GUEST_SO)
	$(OBJCOPY) -j .text -j .sdata -j .data -j .dynamic -j .dynsym \
		-j .rel -j .rela -j .reloc --target efi-app-x86_64 \
		--subsystem=10 $< $@

# FAT image with EFI/BOOT/BOOTX64.EFI, made with mtools (no root, no loop)
$(GUEST_ESP): $(GUEST_EFI)
	rm -f $@.tmp
	mformat -i $@.tmp -C -T 8192 -h 2 -s 32 -v HCBENCH ::
	mmd -i $@.tmp ::/EFI ::/EFI/BOOT
	mcopy -i $@.tmp $(GUEST_EFI) ::/EFI/BOOT/BOOTX64.EFI
	mv $@.tmp $@

$(GUEST_ROWS): $(HCB_ROOT)/tools/hcb-rows.c $(HCB_ROOT)/bench/row_list.h \
		$(HCB_ROOT)/include/hcbench/schema.h
	@mkdir -p $(@D)
	$(CC) $(HCB_HOST_CFLAGS) -I$(HCB_ROOT) $< -o $@

$(GUEST_OPTIONS): $(HCB_ROOT)/tools/hcb-options.c $(HCB_ROOT)/boot/options.c \
		$(HCB_ROOT)/boot/options.h $(HCB_ROOT)/include/hcbench/handoff.h
	@mkdir -p $(@D)
	$(CC) $(HCB_HOST_CFLAGS) -I$(HCB_ROOT) \
		$(HCB_ROOT)/tools/hcb-options.c $(HCB_ROOT)/boot/options.c -o $@

# Host-side checker of the boot tests (the results tools' report loader)
BOOT_CHECK := $(BUILD)/tests/boot/check-report
$(BOOT_CHECK): $(HCB_ROOT)/tests/boot/check_report.c $(HCB_REPORT_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HCB_HOST_CFLAGS) $(HCB_REPORT_INC) -o $@ $< $(HCB_REPORT_SRC) \
		-ljansson

## make test-boot: boot the guest under plain TCG (tests/boot)
test-boot: guest $(BOOT_CHECK) $(BUILD)/results/hcb-unframe
	HCB_ROOT=$(HCB_ROOT) BUILD=$(BUILD) $(HCB_ROOT)/tests/boot/run-tests

.PHONY: FORCE
FORCE:

-include $(GUEST_OBJS:.o=.d)
