// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-export: turn hcbench reports into gnuplot data files (stdout).
 *
 *   hcb-export rows RUN.json         name group p1 p50 p99, ok rows
 *                                    (rows whose values are null skipped)
 *   hcb-export cdf RUN.json          per ok hypercall row, a block of
 *                                    "cycles percentile" (101 lines)
 *   hcb-export pair BASE.json NEW.json
 *                                    name, base p1 p50 p99, new p1 p50 p99
 *                                    for rows ok on both sides
 *   hcb-export meta RUN.json [BASE.json]
 *                                    gnuplot variables: titles, counts,
 *                                    row names, the emulation note
 *   hcb-export ktap RUN.json         the run as KTAP version 1
 * All values are cycles.  Exit 2 on bad input.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ktap.h"
#include "report.h"

static const char *note(int emulated)
{
	return emulated ? ", " HCB_EMULATED_NOTE : "";
}

/*
 * "# PATH" for a data file's header: a file name is data too, so a
 * newline in it cannot start a data line (control bytes as \xNN).
 */
static void comment_path(const char *path)
{
	printf("# ");
	hcb_fput_safe(path, stdout);
}

static void print_stats(const struct hcb_rrow *r)
{
	printf(" %.6g %.6g %.6g", r->cycles[HCB_STAT_p1],
	       r->cycles[HCB_STAT_p50], r->cycles[HCB_STAT_p99]);
}

/* Rows with p1, p50 and p99 (the writer writes null for non-finite). */
static int plottable(const struct hcb_rrow *r)
{
	return r->ok && !isnan(r->cycles[HCB_STAT_p1]) &&
	       !isnan(r->cycles[HCB_STAT_p50]) &&
	       !isnan(r->cycles[HCB_STAT_p99]);
}

/* Hypercall rows with a complete quantile array. */
static int is_hc(const struct hcb_rrow *r)
{
	size_t q;

	if (!r->ok || strcmp(r->group, HCB_GROUP_HC))
		return 0;
	for (q = 0; q < HCB_N_QUANTILES; q++)
		if (isnan(r->quantiles[q]))
			return 0;
	return 1;
}

static void export_rows(const struct hcb_rreport *r)
{
	size_t i;

	comment_path(r->path);
	printf(": cycles per call%s; name group p1 p50 p99\n",
	       note(r->emulated));
	for (i = 0; i < r->n_rows; i++) {
		if (!plottable(&r->rows[i]))
			continue;
		printf("%s %s", r->rows[i].name, r->rows[i].group);
		print_stats(&r->rows[i]);
		putchar('\n');
	}
}

static void export_cdf(const struct hcb_rreport *r)
{
	size_t i, q;

	comment_path(r->path);
	printf("%s: one block per hypercall row: cycles percentile\n",
	       note(r->emulated));
	for (i = 0; i < r->n_rows; i++) {
		if (!is_hc(&r->rows[i]))
			continue;
		printf("# %s\n", r->rows[i].name);
		for (q = 0; q < HCB_N_QUANTILES; q++)
			printf("%.6g %zu\n", r->rows[i].quantiles[q], q);
		printf("\n\n");
	}
}

static void export_pair(const struct hcb_rreport *b,
			const struct hcb_rreport *n)
{
	size_t i;

	printf("# base ");
	hcb_fput_safe(b->path, stdout);
	printf(", new ");
	hcb_fput_safe(n->path, stdout);
	printf(": cycles per call%s\n", note(b->emulated || n->emulated));
	printf("# name base_p1 base_p50 base_p99 new_p1 new_p50 new_p99\n");
	for (i = 0; i < b->n_rows; i++) {
		const struct hcb_rrow *nr = hcb_report_row(n, b->rows[i].name);

		if (!plottable(&b->rows[i]) || !nr || !plottable(nr))
			continue;
		printf("%s", b->rows[i].name);
		print_stats(&b->rows[i]);
		print_stats(nr);
		putchar('\n');
	}
}

/*
 * A gnuplot single-quoted string: no escapes are read inside one, '' is
 * a quote, and a newline or ';' only ends it outside the quotes.  The
 * loader refuses control characters in report strings; any that got here
 * anyway is written as '?' so the string can never end a line.
 */
static void gp_str(const char *var, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	printf("%s = '", var);
	for (; *p; p++) {
		if (*p == '\'')
			fputs("''", stdout);
		else if (*p < 0x20 || *p == 0x7f)
			putchar('?');
		else
			putchar(*p);
	}
	printf("'\n");
}

static void label(const struct hcb_rreport *r, const char *var)
{
	const char *k = hcb_report_host(r, HCB_HOST_KERNEL);
	char buf[512];

	snprintf(buf, sizeof(buf), "%s, %s, host kernel %s", r->env,
		 r->cpu.brand, k ? k : "unknown");
	gp_str(var, buf);
}

static void names(const struct hcb_rreport *r, const char *var,
		  int (*want)(const struct hcb_rrow *), size_t *count)
{
	char buf[8192] = "";
	size_t i, len = 0;
	int n;

	*count = 0;
	for (i = 0; i < r->n_rows; i++) {
		if (!want(&r->rows[i]))
			continue;
		(*count)++;
		if (len >= sizeof(buf))
			continue;
		n = snprintf(buf + len, sizeof(buf) - len, "%s%s",
			     len ? " " : "", r->rows[i].name);
		len = n < 0 ? sizeof(buf) : len + (size_t)n;
	}
	gp_str(var, len < sizeof(buf) ? buf : "");
}

/* Rows of @a with statistics that @b lacks (missing or not ok). */
static size_t n_unpaired(const struct hcb_rreport *a,
			 const struct hcb_rreport *b)
{
	size_t i, n = 0;

	for (i = 0; i < a->n_rows; i++) {
		const struct hcb_rrow *o = hcb_report_row(b, a->rows[i].name);

		n += plottable(&a->rows[i]) && !(o && plottable(o));
	}
	return n;
}

static size_t n_paired(const struct hcb_rreport *a,
		       const struct hcb_rreport *b)
{
	size_t i, n = 0;

	for (i = 0; i < a->n_rows; i++) {
		const struct hcb_rrow *o = hcb_report_row(b, a->rows[i].name);

		n += plottable(&a->rows[i]) && o && plottable(o);
	}
	return n;
}

/* KVM in a VM on hardware virtualization: real timings, outer cost in. */
static int is_nested_kvm(const struct hcb_rreport *r)
{
	return !strcmp(r->env, HCB_ENV_NESTED_KVM);
}

static void export_meta(const struct hcb_rreport *r,
			const struct hcb_rreport *base)
{
	int emu = r->emulated || (base && base->emulated);
	size_t n_ok, n_hc;

	label(r, "run_label");
	if (base)
		label(base, "base_label");
	printf("emulated = %d\n", emu);
	gp_str("emu_note", emu ? " - " HCB_EMULATED_NOTE :
	       is_nested_kvm(r) || (base && is_nested_kvm(base)) ?
	       " - nested KVM: real, includes the outer hypervisor" : "");
	names(r, "ok_names", plottable, &n_ok);
	names(r, "hc_names", is_hc, &n_hc);
	printf("n_ok = %zu\nn_hc = %zu\n", n_ok, n_hc);
	if (!base)
		return;
	printf("n_pair = %zu\nn_unpaired = %zu\n", n_paired(base, r),
	       n_unpaired(base, r) + n_unpaired(r, base));
}

static int usage(void)
{
	fprintf(stderr, "usage: hcb-export rows|cdf RUN.json\n"
		"       hcb-export pair BASE.json NEW.json\n"
		"       hcb-export meta RUN.json [BASE.json]\n");
	return HCB_EXIT_BAD_INPUT;
}

static int export(const char *mode, int nfiles, struct hcb_rreport *r)
{
	if (!strcmp(mode, "rows") && nfiles == 1)
		export_rows(&r[0]);
	else if (!strcmp(mode, "cdf") && nfiles == 1)
		export_cdf(&r[0]);
	else if (!strcmp(mode, "pair") && nfiles == 2)
		export_pair(&r[0], &r[1]);
	else if (!strcmp(mode, "meta"))
		export_meta(&r[0], nfiles == 2 ? &r[1] : NULL);
	else if (!strcmp(mode, "ktap") && nfiles == 1)
		hcb_ktap(&r[0], stdout);
	else
		return usage();
	return fflush(stdout) ? HCB_EXIT_BAD_INPUT : 0;
}

int main(int argc, char **argv)
{
	struct hcb_rreport r[2];
	int i, n = argc - 2, ret;

	hcb_prog = "hcb-export";
	if (n < 1 || n > 2 || argv[1][0] == '-')
		return usage();
	if (strcmp(argv[1], "rows") && strcmp(argv[1], "cdf") &&
	    strcmp(argv[1], "pair") && strcmp(argv[1], "meta") &&
	    strcmp(argv[1], "ktap")) {
		fprintf(stderr, "%s: unknown mode \"%s\"\n", hcb_prog,
			argv[1]);
		return usage();
	}
	for (i = 0; i < n; i++) {
		if (hcb_report_load(argv[i + 2], &r[i])) {
			while (i--)
				hcb_report_free(&r[i]);
			return HCB_EXIT_BAD_INPUT;
		}
	}
	ret = export(argv[1], n, r);
	for (i = 0; i < n; i++)
		hcb_report_free(&r[i]);
	return ret;
}
