# results/: host tools (C, jansson), tests, regression gate and plots.
# Included by the top-level Makefile (BUILD, HCB_ROOT come from there).

RES_DIR    := $(HCB_ROOT)/results
RES_BUILD  := $(BUILD)/results
RES_CFLAGS := $(HCB_HOST_CFLAGS) $(HCB_REPORT_INC)
RES_LIBS   := -ljansson -lm
RES_HDRS   := $(wildcard $(RES_DIR)/tools/*.h) \
	      $(HCB_ROOT)/include/hcbench/schema.h $(RES_BUILD)/.jansson-ok

RES_LIB_SRC     := $(RES_DIR)/tools/report.c $(RES_DIR)/tools/compare_stats.c
RES_COMPARE_SRC := $(addprefix $(RES_DIR)/tools/, compare.c compare_env.c \
		   compare_rows.c compare_out.c)

RES_TOOLS := $(addprefix $(RES_BUILD)/, hcb-validate hcb-compare hcb-store \
	     hcb-export hcb-unframe)
RES_TEST_BINS := $(addprefix $(RES_BUILD)/tests/, gen-report stats-test \
		 writer-sample)

# The guest's JSON writer and the unit tests' fake report, built on the
# host so the tests can feed real writer output to the tools.
RES_WRITER_SRC := $(addprefix $(HCB_ROOT)/, bench/report_json.c \
		  bench/fmt.c bench/stats.c tests/unit/fake_report.c)

# scripts/run is the lead's runner; overridable so the tests can check the
# gate's plumbing with a stand-in.
CHECK_PERF_RUNNER ?= $(HCB_ROOT)/scripts/run
# Host facts allowed to differ from the baseline: the kernel under test.
CHECK_PERF_ALLOW ?= kernel
CHECK_PERF_OPTS ?=

.PHONY: results-tools test-results check-perf plot exit-path

results-tools: $(RES_TOOLS)

# A clear message instead of a compiler error when jansson is missing.
$(RES_BUILD)/.jansson-ok:
	@mkdir -p $(@D)
	@printf '#include <jansson.h>\nint main(void) { return !json_object(); }\n' | \
		$(CC) -x c -o /dev/null - -ljansson 2>/dev/null || { \
		echo "results: jansson is missing: apt-get install libjansson-dev" >&2; \
		exit 2; }
	@touch $@

$(RES_BUILD)/hcb-validate: $(RES_DIR)/tools/validate.c $(RES_LIB_SRC) \
			   $(RES_HDRS)
	@mkdir -p $(@D)
	$(CC) $(RES_CFLAGS) -o $@ $(filter %.c,$^) $(RES_LIBS)

$(RES_BUILD)/hcb-compare: $(RES_COMPARE_SRC) $(RES_LIB_SRC) $(RES_HDRS)
	@mkdir -p $(@D)
	$(CC) $(RES_CFLAGS) -o $@ $(filter %.c,$^) $(RES_LIBS)

$(RES_BUILD)/hcb-store: $(RES_DIR)/tools/store.c $(RES_LIB_SRC) $(RES_HDRS)
	@mkdir -p $(@D)
	$(CC) $(RES_CFLAGS) -o $@ $(filter %.c,$^) $(RES_LIBS)

# The report frame's checker shares the guest's hash (bench/frame.c).
$(RES_BUILD)/hcb-unframe: $(RES_DIR)/tools/unframe.c $(HCB_ROOT)/bench/frame.c \
			  $(HCB_ROOT)/bench/fmt.c $(HCB_ROOT)/bench/frame.h \
			  $(HCB_ROOT)/include/hcbench/protocol.h
	@mkdir -p $(@D)
	$(CC) $(RES_CFLAGS) -I$(HCB_ROOT)/bench -o $@ \
		$(filter %.c,$^)

$(RES_BUILD)/hcb-export: $(RES_DIR)/plot/export.c $(RES_DIR)/plot/ktap.c \
			 $(RES_DIR)/plot/ktap.h $(RES_LIB_SRC) $(RES_HDRS)
	@mkdir -p $(@D)
	$(CC) $(RES_CFLAGS) -o $@ $(filter %.c,$^) $(RES_LIBS)

# Its statistics are the guest's (bench/stats.c, freestanding).
$(RES_BUILD)/tests/gen-report: $(RES_DIR)/tests/gen_report.c \
			       $(RES_DIR)/tools/compare_stats.c \
			       $(HCB_ROOT)/bench/stats.c $(RES_HDRS) \
			       $(wildcard $(HCB_ROOT)/bench/*.h)
	@mkdir -p $(@D)
	$(CC) $(RES_CFLAGS) -I$(HCB_ROOT)/bench -o $@ $(filter %.c,$^) \
		$(RES_LIBS)

$(RES_BUILD)/tests/stats-test: $(RES_DIR)/tests/stats_test.c \
			       $(RES_DIR)/tools/compare_stats.c $(RES_HDRS)
	@mkdir -p $(@D)
	$(CC) $(RES_CFLAGS) -o $@ $(filter %.c,$^) $(RES_LIBS)

$(RES_BUILD)/tests/writer-sample: $(RES_DIR)/tests/writer_sample.c \
				  $(RES_WRITER_SRC) $(wildcard $(HCB_ROOT)/bench/*.h)
	@mkdir -p $(@D)
	$(CC) $(RES_CFLAGS) -I$(HCB_ROOT)/bench -I$(HCB_ROOT)/tests/unit \
		-o $@ $(filter %.c,$^) $(RES_LIBS)

# The kernel's own KTAP parser (tools/testing/kunit/kunit.py parse, Python
# standard library only) from the newest linux-source package: only that
# directory is extracted, under a path ending in tools/testing/kunit, which
# kunit.py requires.
RES_KUNIT     := $(BUILD)/kunit/tools/testing/kunit

# The tarball is looked up when the recipe runs, not when make parses this
# file: `make deps test` installs it in the same invocation.
$(RES_KUNIT)/kunit.py:
	@tar=$$(ls /usr/src/linux-source-*.tar.xz 2>/dev/null | sort -V | tail -n 1); \
	test -n "$$tar" || { echo "results: no /usr/src/linux-source-*.tar.xz for kunit.py: make deps" >&2; exit 2; }; \
	rm -rf $(BUILD)/kunit && mkdir -p $(BUILD)/kunit && \
	echo "results: kunit.py from $$tar" && \
	tar -xJf "$$tar" -C $(BUILD)/kunit --strip-components=1 \
		--wildcards '*/tools/testing/kunit/*.py' && \
	test -f $@ || { echo "results: no kunit.py in $$tar" >&2; exit 2; }

## make test-results: tests of the results tools (compare, gate, plots, KTAP)
test-results: $(RES_TOOLS) $(RES_TEST_BINS) $(RES_KUNIT)/kunit.py $(BOOT_CHECK)
	HCB_KUNIT=$(RES_KUNIT) HCB_CHECK_REPORT=$(BOOT_CHECK) \
	HCB_NESTED_CHECK=$(RIG_BUILD)/nested-check \
		$(RES_DIR)/tests/run-tests $(RES_BUILD) $(BUILD)/test-results

## make check-perf BASELINE=file: run the benchmark, gate against BASELINE
# GNU make exits 2 for any failing recipe; the gate's own status (0 pass,
# 1 regression, 2 bad input) is in $(BUILD)/check-perf.status.
check-perf: $(RES_TOOLS)
	@test -n "$(BASELINE)" || { echo "check-perf: set BASELINE=<report.json>" >&2; exit 2; }
	HCB_ROOT=$(HCB_ROOT) BUILD=$(BUILD) HCB_RESULTS_TOOLS=$(RES_BUILD) \
	CHECK_PERF_RUNNER=$(CHECK_PERF_RUNNER) \
	CHECK_PERF_ALLOW=$(CHECK_PERF_ALLOW) \
		$(RES_DIR)/tools/check-perf "$(BASELINE)" $(CHECK_PERF_OPTS)

## make exit-path [KERNEL=6.1] [VENDOR=intel] [REPEAT=2]: did my patch change the exit path? (nested)
exit-path: guest $(RES_TOOLS)
	HCB_ROOT=$(HCB_ROOT) BUILD=$(BUILD) HCB_RESULTS_TOOLS=$(RES_BUILD) \
		$(RES_DIR)/tools/exit-path

## make plot RUN=file | BASE=file NEW=file [PLOT_DIR=dir]: SVG and PNG charts
# One run (RUN), or a comparison in hcb-compare's order (BASE, NEW).  The
# old form RUN=new BASE=base and OUT=dir (OUT is make run's report file)
# are refused with the new spelling.
PLOT_DIR ?= $(BUILD)/plots
plot: $(RES_BUILD)/hcb-export $(RES_BUILD)/hcb-compare
	@if [ "$(origin OUT)" = "command line" ]; then \
		echo "plot: charts go to PLOT_DIR=<dir> (OUT is the report file of make run)" >&2; exit 2; fi
	@if [ -n "$(RUN)" ] && [ -n "$(BASE)$(NEW)" ]; then \
		echo "plot: RUN is one run; to compare two, BASE=<base.json> NEW=<new.json> (the order of hcb-compare BASE NEW; the old RUN=<new> BASE=<base> form is gone)" >&2; exit 2; fi
	@if [ -z "$(RUN)" ] && { [ -z "$(BASE)" ] || [ -z "$(NEW)" ]; }; then \
		echo "plot: set RUN=<report.json>, or BASE=<base.json> NEW=<new.json>" >&2; exit 2; fi
	HCB_EXPORT=$(RES_BUILD)/hcb-export HCB_COMPARE=$(RES_BUILD)/hcb-compare \
		$(RES_DIR)/plot/plot -o "$(PLOT_DIR)" $(if $(RUN),"$(RUN)","$(BASE)" "$(NEW)")
