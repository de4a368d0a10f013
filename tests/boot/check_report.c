// SPDX-License-Identifier: GPL-2.0
/*
 * check-report [OPTION...] REPORT.json ROW...: checks a guest report the
 * boot tests extracted from the serial log.  The report is loaded and
 * validated by the results tools' loader (results/tools/report.c: every
 * field, type and ordering of schema.h); then every ROW (the names listed
 * in docs/design.md) must be there, rows with status "ok" need every
 * statistic and all 101 quantiles as numbers, and no check may have
 * failed.  Options:
 *   --tcg            plain TCG, where every hypercall instruction raises
 *                    #UD, so hypercall rows must be "unavailable", none
 *                    issued
 *   --tsc SRC LO HI  tsc.source is SRC and LO <= tsc.hz <= HI
 *   --insn ROW INSN  ROW's hypercall instruction is INSN (repeatable)
 *   --status ROW ST  ROW's status is ST (repeatable)
 * Prints every problem found as "check-report: FILE: FIELD: problem";
 * exit 0 if none, 1 otherwise (an invalid report too), 2 for bad use.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hcbench/schema.h"
#include "report.h"

static const struct hcb_rreport *rep;
static int problems;

static char field_buf[128];

/* A problem at @field of the report, or at rows[@name].@key. */
#define problem(field, ...) \
	(problems++, hcb_report_problem(stdout, rep, field, __VA_ARGS__))
#define row_problem(name, key, ...) \
	problem(hcb_row_field(field_buf, sizeof(field_buf), name, key), \
		__VA_ARGS__)

/* A row with status ok: every statistic and quantile is a number. */
static void check_stats(const struct hcb_rrow *row)
{
	int i;

	for (i = 0; i < HCB_N_STATS; i++)
		if (isnan(row->cycles[i]))
			row_problem(row->name, HCB_K_ROW_CYCLES,
				    "status ok but %s is null",
				    hcb_stat_names[i]);
	for (i = 0; i < HCB_N_QUANTILES; i++)
		if (isnan(row->quantiles[i])) {
			row_problem(row->name, HCB_K_ROW_QUANTILES,
				    "entry %d is null, want 101 numbers", i);
			return;
		}
}

/* Under TCG a hypercall row that ran raised #UD: unavailable. */
static void check_tcg_row(const struct hcb_rrow *row)
{
	if (strcmp(row->group, HCB_GROUP_HC) ||
	    !strcmp(row->status, HCB_STATUS_SKIPPED))
		return;
	if (strcmp(row->status, HCB_STATUS_UNAVAILABLE))
		row_problem(row->name, HCB_K_ROW_STATUS,
			    "hypercall row is '%s' under TCG, want %s",
			    row->status, HCB_STATUS_UNAVAILABLE);
	else if (!row->note || !strstr(row->note, "#UD"))
		row_problem(row->name, HCB_K_ROW_NOTE,
			    "unavailable without a #UD note");
}

static void check_rows(char **names, int n, int tcg)
{
	const struct hcb_rrow *row;
	int i;

	for (i = 0; i < n; i++) {
		row = hcb_report_row(rep, names[i]);
		if (!row) {
			row_problem(names[i], NULL,
				    "missing (docs/design.md lists it)");
			continue;
		}
		if (!strcmp(row->status, HCB_STATUS_ERROR))
			row_problem(row->name, HCB_K_ROW_STATUS, "%s: %s",
				    row->status, row->note ? row->note : "");
		if (row->ok)
			check_stats(row);
		if (tcg)
			check_tcg_row(row);
	}
}

static void check_top(int tcg)
{
	if (rep->checks_failed)
		problem(HCB_K_CHECKS_FAILED, "is %lld, want 0",
			rep->checks_failed);
	if (isnan(rep->overhead))
		problem(HCB_K_OVERHEAD, "is null, want a number");
	if (!tcg)
		return;
	if (!rep->emulated)
		problem(HCB_K_EMULATED, "is not true under TCG");
	if (rep->hc_issued)
		problem(HCB_K_HC_ISSUED, "is %lld, want 0 under TCG",
			rep->hc_issued);
	if (strcmp(rep->patched, "unknown"))
		problem(HCB_K_PATCHED, "is \"%s\", want \"unknown\" under TCG",
			rep->patched);
}

static void check_tsc(const char *src, const char *lo, const char *hi)
{
	if (strcmp(rep->tsc_source, src))
		problem(HCB_K_TSC "." HCB_K_TSC_SOURCE, "is '%s', want '%s'",
			rep->tsc_source, src);
	if (rep->tsc_hz < strtoll(lo, NULL, 10) ||
	    rep->tsc_hz > strtoll(hi, NULL, 10))
		problem(HCB_K_TSC "." HCB_K_TSC_HZ, "%lld outside [%s, %s]",
			rep->tsc_hz, lo, hi);
}

/* --insn ROW INSN, --status ROW ST: ROW's string is WANT. */
static void check_row_str(const char *name, int insn, const char *want)
{
	const struct hcb_rrow *row = hcb_report_row(rep, name);
	const char *got = !row ? NULL : insn ? row->hc_insn : row->status;

	if (!got || strcmp(got, want))
		row_problem(name, insn ? HCB_K_ROW_HC "." HCB_K_HC_INSN :
			    HCB_K_ROW_STATUS, "is '%s', want '%s'",
			    got ? got : "(none)", want);
}

static int usage(void)
{
	fputs("usage: check-report [--tcg] [--tsc SRC LO HI]\n", stderr);
	fputs("       [--insn ROW INSN]... [--status ROW ST]...\n", stderr);
	fputs("       REPORT.json ROW...\n", stderr);
	return 2;
}

/* The options before the report, applied once it is loaded. */
static void check_options(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--tsc")) {
			check_tsc(argv[i + 1], argv[i + 2], argv[i + 3]);
			i += 3;
		} else if (!strcmp(argv[i], "--insn") ||
			   !strcmp(argv[i], "--status")) {
			check_row_str(argv[i + 1], argv[i][2] == 'i',
				      argv[i + 2]);
			i += 2;
		}
	}
}

int main(int argc, char **argv)
{
	struct hcb_rreport r;
	int tcg = 0, i, first;

	hcb_prog = "check-report";
	for (i = 1; i < argc && !strncmp(argv[i], "--", 2); i++) {
		if (!strcmp(argv[i], "--tcg"))
			tcg = 1;
		else if (!strcmp(argv[i], "--tsc") && i + 3 < argc)
			i += 3;
		else if ((!strcmp(argv[i], "--insn") ||
			  !strcmp(argv[i], "--status")) && i + 2 < argc)
			i += 2;
		else
			return usage();
	}
	first = i;
	if (argc - first < 2)
		return usage();
	if (hcb_report_load(argv[first], &r))
		return 1;
	rep = &r;
	check_top(tcg);
	check_rows(argv + first + 1, argc - first - 1, tcg);
	check_options(first, argv);
	if (!problems)
		printf("check-report: %s: %d rows present, all checks passed\n",
		       argv[first], argc - first - 1);
	hcb_report_free(&r);
	return problems ? 1 : 0;
}
