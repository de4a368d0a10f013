// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-export: turn hcbench reports into gnuplot data files (stdout).
 *
 *   hcb-export rows RUN.json         x name kind p1 p50 p99, ok rows
 *                                    grouped by kind (0 hypercalls,
 *                                    1 other exits, 2 floors, 3 none),
 *                                    x leaves a gap between kinds (rows
 *                                    whose values are null skipped)
 *   hcb-export cdf RUN.json          per ok hypercall row, a block of
 *                                    "cycles percentile" (101 lines)
 *   hcb-export pair BASE.json NEW.json
 *                                    name, base p1 p50 p99, new p1 p50 p99
 *                                    for rows ok on both sides
 *   hcb-export meta RUN.json [BASE.json]
 *                                    gnuplot variables: titles, counts,
 *                                    row names, kind positions, rows not
 *                                    drawn, the CDF's clip, the
 *                                    emulation note
 *   hcb-export ktap RUN.json         the run as KTAP version 1
 * All values are cycles.  Exit 2 on bad input.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Row kinds in chart order; the last one is a row without a group. */
static const char *const kinds[] = {
	HCB_GROUP_HC, HCB_GROUP_EXIT, HCB_GROUP_FLOOR, ""
};

#define N_KINDS (sizeof(kinds) / sizeof(kinds[0]))

static size_t kind_of(const struct hcb_rrow *r)
{
	size_t k;

	for (k = 0; k + 1 < N_KINDS; k++)
		if (!strcmp(r->group, kinds[k]))
			return k;
	return N_KINDS - 1;
}

/*
 * Chart positions of the plottable rows, kind after kind with one empty
 * slot between kinds: calls @fn(r, row, kind, x) in that order and
 * returns the number of slots used.
 */
static size_t walk_kinds(const struct hcb_rreport *r,
			 void (*fn)(const struct hcb_rrow *, size_t, size_t,
				    void *), void *arg)
{
	size_t k, i, x = 0, in_kind;

	for (k = 0; k < N_KINDS; k++) {
		in_kind = 0;
		for (i = 0; i < r->n_rows; i++) {
			if (!plottable(&r->rows[i]) ||
			    kind_of(&r->rows[i]) != k)
				continue;
			if (!in_kind++ && x)
				x++;
			if (fn)
				fn(&r->rows[i], k, x, arg);
			x++;
		}
	}
	return x;
}

static void row_out(const struct hcb_rrow *row, size_t kind, size_t x,
		    void *arg)
{
	(void)arg;
	printf("%zu %s %zu", x, row->name, kind);
	print_stats(row);
	putchar('\n');
}

static void export_rows(const struct hcb_rreport *r)
{
	comment_path(r->path);
	printf(": cycles per call%s; x name kind p1 p50 p99\n",
	       note(r->emulated));
	walk_kinds(r, row_out, NULL);
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

/* A fact or "?" for a label. */
static const char *fact(const char *v)
{
	return v && *v ? v : "?";
}

/*
 * Environment, CPU, host kernel and build; for a nested-rig run also the
 * L1 kernel whose KVM ran the guest and its patch state, which is what
 * tells a stock run from a patched one.
 */
static void label(const struct hcb_rreport *r, const char *var)
{
	const char *l1 = hcb_report_host(r, HCB_HOST_L1_KERNEL);
	char buf[768];
	int n;

	n = snprintf(buf, sizeof(buf), "%s, %s, host kernel %s", r->env,
		     r->cpu.brand, fact(hcb_report_host(r, HCB_HOST_KERNEL)));
	if (l1 && n >= 0 && (size_t)n < sizeof(buf))
		n += snprintf(buf + n, sizeof(buf) - n,
			      ", L1 kernel %s, patch %s", l1,
			      fact(hcb_report_host(r, HCB_HOST_PATCH)));
	if (n >= 0 && (size_t)n < sizeof(buf))
		snprintf(buf + n, sizeof(buf) - n, ", build %s",
			 fact(r->build));
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

struct kind_span {
	size_t n[N_KINDS], lo[N_KINDS], hi[N_KINDS];
};

static void span_of(const struct hcb_rrow *row, size_t kind, size_t x,
		    void *arg)
{
	struct kind_span *sp = arg;

	(void)row;
	if (!sp->n[kind]++)
		sp->lo[kind] = x;
	sp->hi[kind] = x;
}

/*
 * The row chart's layout: slots, and per kind its row count and the
 * centre of its slots (kind_x0 .. kind_x3, in kinds[] order).
 */
static void kind_meta(const struct hcb_rreport *r)
{
	struct kind_span sp;
	size_t k;

	memset(&sp, 0, sizeof(sp));
	printf("n_slots = %zu\n", walk_kinds(r, span_of, &sp));
	for (k = 0; k < N_KINDS; k++)
		printf("kind_n%zu = %zu\nkind_x%zu = %g\n", k, sp.n[k], k,
		       sp.n[k] ? (sp.lo[k] + sp.hi[k]) / 2.0 : -1.0);
}

/*
 * Rows without statistics (unavailable, skipped, error) are not drawn;
 * the chart lists them: nodraw_note, nodraw_lines lines of at most ~240
 * characters, and n_nodraw.
 */
static void nodraw_meta(const struct hcb_rreport *r)
{
	char line[256] = "", var[32];
	size_t i, n = 0, lines = 0, len = 0;
	int w;

	for (i = 0; i < r->n_rows; i++) {
		const struct hcb_rrow *row = &r->rows[i];

		if (plottable(row))
			continue;
		n++;
		if (len > 150) {
			snprintf(var, sizeof(var), "nodraw_%zu", ++lines);
			gp_str(var, line);
			len = 0;
		}
		w = snprintf(line + len, sizeof(line) - len, "%s%s (%s)",
			     len ? ", " : "", row->name,
			     *row->status ? row->status : "no status");
		len = w < 0 || (size_t)w >= sizeof(line) - len ?
		      sizeof(line) - 1 : len + (size_t)w;
	}
	if (len) {
		snprintf(var, sizeof(var), "nodraw_%zu", ++lines);
		gp_str(var, line);
	}
	printf("n_nodraw = %zu\nnodraw_lines = %zu\nnodraw_note = ''", n,
	       lines);
	for (i = 1; i <= lines; i++)
		printf(" . %snodraw_%zu", i > 1 ? "\"\\n\" . " : "", i);
	putchar('\n');
}

/*
 * The CDF's x axis: from the smallest p0 to the largest p99 of the
 * hypercall rows (cdf_clip; the CDF has a point per percentile, so p99 is
 * its last point before the maximum).  One outlier (a p100 of millions
 * of cycles) would otherwise stretch it over decades and turn every
 * curve into a vertical line.  cdf_max is the largest p100, cdf_clipped 1
 * when the axis ends before it; cdf_steps 1 when every row's p1 is its p99
 * (an exact instruction count per call, nested -icount runs).
 */
static void cdf_meta(const struct hcb_rreport *r)
{
	double lo = INFINITY, clip = 0, max = 0;
	size_t i;
	int steps = 1;

	for (i = 0; i < r->n_rows; i++) {
		const struct hcb_rrow *row = &r->rows[i];

		if (!is_hc(row))
			continue;
		steps &= row->quantiles[1] == row->quantiles[99];
		clip = fmax(clip, row->quantiles[HCB_N_QUANTILES - 2]);
		max = fmax(max, row->quantiles[HCB_N_QUANTILES - 1]);
		lo = fmin(lo, row->quantiles[0]);
	}
	if (!isfinite(lo))
		lo = 1;
	printf("cdf_xmin = %.9g\ncdf_clip = %.9g\ncdf_max = %.9g\n"
	       "cdf_clipped = %d\ncdf_steps = %d\n", lo, clip, max,
	       max > clip, steps);
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
	kind_meta(r);
	nodraw_meta(r);
	cdf_meta(r);
	if (!base)
		return;
	printf("n_pair = %zu\nn_unpaired = %zu\n", n_paired(base, r),
	       n_unpaired(base, r) + n_unpaired(r, base));
}

static int usage(void)
{
	fprintf(stderr, "usage: hcb-export rows|cdf RUN.json\n"
		"       hcb-export ktap [--kvm-hypercalls N] RUN.json\n"
		"       hcb-export pair BASE.json NEW.json\n"
		"       hcb-export meta RUN.json [BASE.json]\n"
		"       hcb-export --help\n");
	return HCB_EXIT_BAD_INPUT;
}

static const char help_text[] =
"usage: hcb-export MODE REPORT.json [REPORT.json]\n"
"Writes one validated hcbench report (or two) to stdout as:\n"
"  rows RUN.json      gnuplot data, a line per row with statistics:\n"
"                     x name kind p1 p50 p99 (cycles); kinds in order:\n"
"                     hypercalls (0), other exits (1), floors (2)\n"
"  cdf RUN.json       gnuplot data, per hypercall row a block of\n"
"                     \"cycles percentile\" (p0..p100)\n"
"  pair BASE.json NEW.json\n"
"                     gnuplot data: name, base p1 p50 p99, new p1 p50\n"
"                     p99, for rows with statistics on both sides\n"
"  meta RUN.json [BASE.json]\n"
"                     gnuplot variables for the charts: titles\n"
"                     (environment, CPU, kernels, patch state, build),\n"
"                     the emulation note, counts, row names, rows not\n"
"                     drawn, the CDF's x range\n"
"  ktap [--kvm-hypercalls N] RUN.json\n"
"                     the run as KTAP version 1 (the kernel's\n"
"                     Documentation/dev-tools/ktap.rst): a test per row\n"
"                     (ok; not ok for an error or failed hypercall\n"
"                     checks; ok # SKIP with the note for unavailable\n"
"                     or skipped rows), p50/p99 as diagnostic lines,\n"
"                     and hypercall_cross_check (hypercalls_issued is\n"
"                     the sum of the rows' calls, no check failed);\n"
"                     with --kvm-hypercalls N (KVM's own count of the\n"
"                     VM's hypercalls, read by the runner from debugfs)\n"
"                     also kvm_stat_cross_check: N equals\n"
"                     hypercalls_issued\n"
"  --help, -h         this text\n"
"Used by results/plot/plot; scripts/run writes REPORT.ktap next to each\n"
"stored report.  Exit status: 0, or 2 for bad input (usage, a file that\n"
"cannot be read or does not validate against the schema).\n";

static int help(void)
{
	fputs(help_text, stdout);
	return 0;
}

static long long kvm_hc = -1;	/* ktap --kvm-hypercalls N, or none */

/* The option of ktap mode, at argv[2]: returns the arguments it took. */
static int ktap_option(int argc, char **argv)
{
	char *end;

	if (argc < 3 || strcmp(argv[1], "ktap") ||
	    strcmp(argv[2], "--kvm-hypercalls"))
		return 0;
	if (argc < 4)
		return -1;
	errno = 0;
	kvm_hc = strtoll(argv[3], &end, 10);
	if (errno || end == argv[3] || *end || kvm_hc < 0) {
		fprintf(stderr, "%s: --kvm-hypercalls wants a count, not \"%s\"\n",
			hcb_prog, argv[3]);
		return -1;
	}
	return 2;
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
		hcb_ktap(&r[0], kvm_hc, stdout);
	else
		return usage();
	return fflush(stdout) ? HCB_EXIT_BAD_INPUT : 0;
}

int main(int argc, char **argv)
{
	struct hcb_rreport r[2];
	int i, n, ret, opt;	/* opt: arguments of ktap's option */

	hcb_prog = "hcb-export";
	if (argc == 2 && (!strcmp(argv[1], "--help") ||
			  !strcmp(argv[1], "-h")))
		return help();
	opt = ktap_option(argc, argv);
	if (opt < 0)
		return usage();
	n = argc - 2 - opt;
	if (n < 1 || n > 2 || argv[1][0] == '-' || argv[2 + opt][0] == '-')
		return usage();
	if (strcmp(argv[1], "rows") && strcmp(argv[1], "cdf") &&
	    strcmp(argv[1], "pair") && strcmp(argv[1], "meta") &&
	    strcmp(argv[1], "ktap")) {
		fprintf(stderr, "%s: unknown mode \"%s\"\n", hcb_prog,
			argv[1]);
		return usage();
	}
	for (i = 0; i < n; i++) {
		if (hcb_report_load(argv[i + 2 + opt], &r[i])) {
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
