// SPDX-License-Identifier: GPL-2.0
/*
 * check-report [OPTION...] REPORT.json ROW...: checks a guest report the
 * boot tests extracted from the serial log.  Every ROW (the names listed
 * in docs/design.md) must appear exactly once; rows with status "ok" need
 * consistent statistics and 101 non-decreasing quantiles; no check may
 * have failed.  Options:
 *   --tcg            plain TCG, where every hypercall instruction raises
 *                    #UD, so hypercall rows must be "unavailable", none
 *                    issued
 *   --tsc SRC LO HI  tsc.source is SRC and LO <= tsc.hz <= HI
 *   --insn ROW INSN  ROW's hypercall instruction is INSN (repeatable)
 *   --status ROW ST  ROW's status is ST (repeatable)
 * Prints every problem found; exit 0 if none, 1 otherwise, 2 for bad use.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hcbench/schema.h"

static int problems;

static void problem(const char *row, const char *fmt, const char *what)
{
	printf("check-report: %s%s", row ? row : "", row ? ": " : "");
	printf(fmt, what);
	printf("\n");
	problems++;
}

static const char *str_of(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

#define STAT_NAME(f) #f,
static const char *const stat_fields[] = { HCB_STAT_FIELDS(STAT_NAME) };

static void check_stats(const char *name, json_t *row)
{
	json_t *cyc = json_object_get(row, HCB_K_ROW_CYCLES);
	json_t *q = json_object_get(row, HCB_K_ROW_QUANTILES);
	double prev = -1e300;
	size_t i;

	for (i = 0; i < sizeof(stat_fields) / sizeof(stat_fields[0]); i++)
		if (!json_is_number(json_object_get(cyc, stat_fields[i])))
			problem(name, "status ok but %s is not a number",
				stat_fields[i]);
	if (json_number_value(json_object_get(cyc, "min")) >
	    json_number_value(json_object_get(cyc, "max")))
		problem(name, "%s: min above max", HCB_K_ROW_CYCLES);
	if (!json_is_array(q) || json_array_size(q) != HCB_N_QUANTILES) {
		problem(name, "%s is not an array of 101 numbers",
			HCB_K_ROW_QUANTILES);
		return;
	}
	for (i = 0; i < HCB_N_QUANTILES; i++) {
		json_t *v = json_array_get(q, i);

		if (!json_is_number(v) || json_number_value(v) < prev) {
			problem(name, "%s not non-decreasing numbers",
				HCB_K_ROW_QUANTILES);
			return;
		}
		prev = json_number_value(v);
	}
}

static void check_tcg_row(const char *name, json_t *row)
{
	const char *group = str_of(row, HCB_K_ROW_GROUP);
	const char *status = str_of(row, HCB_K_ROW_STATUS);
	const char *note = str_of(row, HCB_K_ROW_NOTE);

	if (!group || strcmp(group, HCB_GROUP_HC) || !status ||
	    !strcmp(status, HCB_STATUS_SKIPPED))
		return;
	if (strcmp(status, HCB_STATUS_UNAVAILABLE))
		problem(name, "hypercall row is '%s' under TCG, want "
			"unavailable", status);
	else if (!note || !strstr(note, "#UD"))
		problem(name, "unavailable without a #UD note%s", "");
}

static json_t *find_row(json_t *rows, const char *name, int *count)
{
	json_t *row, *found = NULL;
	size_t i;

	*count = 0;
	json_array_foreach(rows, i, row) {
		const char *n = str_of(row, HCB_K_ROW_NAME);

		if (n && !strcmp(n, name)) {
			found = row;
			(*count)++;
		}
	}
	return found;
}

static void check_rows(json_t *rep, char **names, int n, int tcg)
{
	json_t *rows = json_object_get(rep, HCB_K_ROWS);
	json_t *row;
	const char *status;
	int i, count;

	if (!json_is_array(rows)) {
		problem(NULL, "no \"%s\" array", HCB_K_ROWS);
		return;
	}
	for (i = 0; i < n; i++) {
		row = find_row(rows, names[i], &count);
		if (count != 1) {
			problem(names[i], "appears %s, want once",
				count ? "more than once" : "nowhere");
			continue;
		}
		status = str_of(row, HCB_K_ROW_STATUS);
		if (!status) {
			problem(names[i], "no %s", HCB_K_ROW_STATUS);
			continue;
		}
		if (!strcmp(status, HCB_STATUS_ERROR))
			problem(names[i], "status %s", status);
		if (!strcmp(status, HCB_STATUS_OK))
			check_stats(names[i], row);
		if (tcg)
			check_tcg_row(names[i], row);
	}
}

static void check_top(json_t *rep, int tcg)
{
	json_t *v = json_object_get(rep, HCB_K_SCHEMA);

	if (!json_is_integer(v) || json_integer_value(v) != HCB_SCHEMA_VERSION)
		problem(NULL, "%s is not the current version", HCB_K_SCHEMA);
	if (json_integer_value(json_object_get(rep, HCB_K_CHECKS_FAILED)))
		problem(NULL, "%s is not 0", HCB_K_CHECKS_FAILED);
	if (!json_is_number(json_object_get(rep, HCB_K_OVERHEAD)))
		problem(NULL, "no %s", HCB_K_OVERHEAD);
	if (!tcg)
		return;
	if (!json_is_true(json_object_get(rep, HCB_K_EMULATED)))
		problem(NULL, "%s is not true under TCG", HCB_K_EMULATED);
	if (json_integer_value(json_object_get(rep, HCB_K_HC_ISSUED)))
		problem(NULL, "%s is not 0 under TCG", HCB_K_HC_ISSUED);
	v = json_object_get(rep, HCB_K_PATCHED);
	if (!json_is_string(v) || strcmp(json_string_value(v), "unknown"))
		problem(NULL, "%s is not \"unknown\" under TCG", HCB_K_PATCHED);
}

static void check_tsc(json_t *rep, const char *src, const char *lo,
		      const char *hi)
{
	json_t *tsc = json_object_get(rep, HCB_K_TSC);
	const char *got = str_of(tsc, HCB_K_TSC_SOURCE);
	json_t *hz = json_object_get(tsc, HCB_K_TSC_HZ);
	json_int_t v = json_integer_value(hz);

	if (!got || strcmp(got, src))
		problem(NULL, "tsc.source is '%s'", got ? got : "(none)");
	if (!json_is_integer(hz) || v < strtoll(lo, NULL, 10) ||
	    v > strtoll(hi, NULL, 10)) {
		printf("check-report: tsc.hz %lld outside [%s, %s]\n",
		       (long long)v, lo, hi);
		problems++;
	}
}

/* ROW's string at KEY (inside object SUB if not NULL) must be WANT. */
static void check_row_str(json_t *rep, const char *name, const char *sub,
			  const char *key, const char *want)
{
	json_t *row;
	const char *got;
	int count;

	row = find_row(json_object_get(rep, HCB_K_ROWS), name, &count);
	if (sub)
		row = json_object_get(row, sub);
	got = str_of(row, key);
	if (!got || strcmp(got, want)) {
		printf("check-report: %s: %s is '%s', want '%s'\n", name, key,
		       got ? got : "(none)", want);
		problems++;
	}
}

static int usage(void)
{
	fputs("usage: check-report [--tcg] [--tsc SRC LO HI]\n", stderr);
	fputs("       [--insn ROW INSN]... [--status ROW ST]...\n", stderr);
	fputs("       REPORT.json ROW...\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	json_error_t err;
	json_t *rep;
	int tcg = 0, i, first;

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
	rep = json_load_file(argv[first], 0, &err);
	if (!rep) {
		printf("check-report: %s: line %d: %s\n", argv[first],
		       err.line, err.text);
		return 1;
	}
	check_top(rep, tcg);
	check_rows(rep, argv + first + 1, argc - first - 1, tcg);
	for (i = 1; i < first; i++) {
		if (!strcmp(argv[i], "--tsc")) {
			check_tsc(rep, argv[i + 1], argv[i + 2], argv[i + 3]);
			i += 3;
		} else if (!strcmp(argv[i], "--insn")) {
			check_row_str(rep, argv[i + 1], HCB_K_ROW_HC,
				      HCB_K_HC_INSN, argv[i + 2]);
			i += 2;
		} else if (!strcmp(argv[i], "--status")) {
			check_row_str(rep, argv[i + 1], NULL,
				      HCB_K_ROW_STATUS, argv[i + 2]);
			i += 2;
		}
	}
	argv += first - 1;
	argc -= first - 1;
	json_decref(rep);
	if (!problems)
		printf("check-report: %s: %d rows present, all checks passed\n",
		       argv[1], argc - 2);
	return problems ? 1 : 0;
}
