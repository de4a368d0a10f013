# The build's shared variables, each defined once: compiler flags of every
# part, the one include path, the report loader the host tools link.
# Included first by the top-level Makefile, which sets HCB_ROOT;
# host-patch/check-series reads HCB_WARN_CFLAGS from here too.

# Every C file, guest and host: warnings are errors.
HCB_WARN_CFLAGS := -Wall -Wextra -Werror
HCB_STD_CFLAGS  := -std=gnu11
# The one include path of the shared headers (include/hcbench/):
# #include "hcbench/schema.h" everywhere.
HCB_INC_CFLAGS  := -I$(HCB_ROOT)/include

# Host tools in C (results/, tools/, the checkers of the boot and nested
# tests, the unit tests).
HCB_HOST_CFLAGS := $(HCB_STD_CFLAGS) -O2 -g $(HCB_WARN_CFLAGS) \
		   $(HCB_INC_CFLAGS)

# Freestanding code (the guest, and the unit tests' freestanding build of
# its report writers): no libc, no red zone, no stack protector.  The
# optimisation level is the user's.
HCB_FS_CFLAGS   := $(HCB_STD_CFLAGS) $(HCB_WARN_CFLAGS) -ffreestanding \
		   -mno-red-zone -fno-stack-protector $(HCB_INC_CFLAGS)

# The loader of every results tool and checker that reads a report
# (results/tools/report.c: table-driven validation, errors name file and
# field).
HCB_REPORT_SRC  := $(HCB_ROOT)/results/tools/report.c
HCB_REPORT_INC  := -I$(HCB_ROOT)/results/tools
HCB_REPORT_DEPS := $(HCB_REPORT_SRC) $(HCB_ROOT)/results/tools/report.h \
		   $(HCB_ROOT)/include/hcbench/schema.h
