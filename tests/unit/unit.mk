# Host unit tests of the freestanding report code (bench/stats.c, fmt.c,
# report_json.c, report_table.c) and of the vendor decisions
# (kernel/vendor.c), plus a build of those files with the guest's
# freestanding flags to prove they need no libc.  Included by the
# top-level Makefile; everything lands in $(BUILD)/unit/.

UNIT_DIR      := $(BUILD)/unit
UNIT_WRITERS  := $(addprefix $(HCB_ROOT)/bench/,stats.c fmt.c \
		 report_json.c report_table.c env.c frame.c) $(HCB_ROOT)/kernel/vendor.c
UNIT_TESTS    := $(wildcard $(HCB_ROOT)/tests/unit/*.c)
# runtime code tested on the host: MADT parsing (test_acpi.c), and the
# UEFI stage's options table (test_options.c)
UNIT_KERNEL   := $(HCB_ROOT)/kernel/acpi.c $(HCB_ROOT)/boot/options.c
UNIT_HEADERS  := $(wildcard $(HCB_ROOT)/tests/unit/*.h \
		 $(HCB_ROOT)/bench/*.h $(HCB_ROOT)/include/hcbench/*.h \
		 $(HCB_ROOT)/kernel/vendor.h $(HCB_ROOT)/kernel/processor.h)
UNIT_SCHEMA   := $(HCB_ROOT)/results/schema-v1.json
UNIT_CFLAGS   := $(HCB_HOST_CFLAGS) -I$(HCB_ROOT)/bench -I$(HCB_ROOT)
UNIT_LIBS     := -ljansson -lm

# The guest's flags for freestanding C, at two optimisation levels.
UNIT_FS_CFLAGS := $(HCB_FS_CFLAGS) -nostdinc \
		  -isystem $(shell $(CC) -print-file-name=include)

.PHONY: test-unit

## make test-unit: host unit tests: stats, report writers, vendor decisions
test-unit: $(UNIT_DIR)/hcb-unit $(UNIT_DIR)/freestanding.ok
	$(UNIT_DIR)/hcb-unit $(UNIT_SCHEMA)

$(UNIT_DIR)/hcb-unit: $(UNIT_TESTS) $(UNIT_WRITERS) $(UNIT_KERNEL) \
		      $(UNIT_HEADERS) $(HCB_ROOT)/kernel/acpi.h \
		      $(HCB_ROOT)/boot/options.h \
		      $(HCB_ROOT)/tests/unit/unit.mk
	@mkdir -p $(@D)
	@if ! pkg-config --exists jansson 2>/dev/null && \
	    [ ! -e /usr/include/jansson.h ]; then \
		echo "test-unit: jansson missing: apt-get install" \
		     "libjansson-dev" >&2; exit 1; fi
	$(CC) $(UNIT_CFLAGS) -o $@ $(UNIT_TESTS) $(UNIT_WRITERS) \
		$(UNIT_KERNEL) $(UNIT_LIBS)

# Each writer compiles freestanding; linked together they leave no
# undefined symbol (no libc, libm or libgcc call).
$(UNIT_DIR)/freestanding.ok: $(UNIT_WRITERS) $(UNIT_HEADERS)
	@mkdir -p $(UNIT_DIR)/fs
	@set -e; for opt in -O0 -O2; do \
		objs=; \
		for src in $(UNIT_WRITERS); do \
			obj=$(UNIT_DIR)/fs/$$(basename $$src .c)$$opt.o; \
			echo "  CC[freestanding $$opt] $$src"; \
			$(CC) $(UNIT_FS_CFLAGS) $$opt -c $$src -o $$obj; \
			objs="$$objs $$obj"; \
		done; \
		$(LD) -r -o $(UNIT_DIR)/fs/writers$$opt.o $$objs; \
		undef=$$(nm -u $(UNIT_DIR)/fs/writers$$opt.o); \
		if [ -n "$$undef" ]; then \
			echo "test-unit: writers ($$opt) need symbols the" \
			     "guest lacks:" >&2; \
			echo "$$undef" >&2; exit 1; \
		fi; \
	done
	@touch $@
