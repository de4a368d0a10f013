// SPDX-License-Identifier: GPL-2.0
/*
 * A report as a KTAP version 1 document (the kernel's
 * Documentation/dev-tools/ktap.rst), for test fleets that read KTAP:
 * one suite "hcbench" with one test per row, the hypercall cross-check
 * and, when the runner read KVM's own count of the VM's hypercalls (its
 * "hypercalls" statistic in debugfs), the KVM statistic cross-check as
 * the last test.
 *
 *   ok       status ok (and, for a hypercall row, no failed check)
 *   not ok   status error, a hypercall row with failed checks, or a row
 *            without a status
 *   ok # SKIP  status unavailable or skipped, with the row's note
 *
 * p50 and p99 (cycles) go in a diagnostic line before each ok row.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ktap.h"

#define KTAP_SUITE "hcbench"
#define KTAP_XCHECK "hypercall_cross_check"
#define KTAP_KVMCHECK "kvm_stat_cross_check"

/*
 * Free text in a diagnostic or after a directive: no control character
 * may end the line, so those become '?'.  ('#' is kept: descriptions,
 * where it would start a directive, are row names, which have none.)
 */
static void put_text(const char *s, FILE *f)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	for (; *p; p++)
		fputc(*p < 0x20 || *p == 0x7f ? '?' : *p, f);
}

static void put_cycles(double v, FILE *f)
{
	if (isnan(v))
		fputs("n/a", f);
	else
		fprintf(f, "%.1f", v);
}

static void header(const struct hcb_rreport *r, FILE *f)
{
	const char *k = hcb_report_host(r, HCB_HOST_KERNEL);
	const char *l1 = hcb_report_host(r, HCB_HOST_L1_KERNEL);
	const char *patch = hcb_report_host(r, HCB_HOST_PATCH);

	fputs("KTAP version 1\n# hcbench report ", f);
	put_text(r->path, f);
	fputs("\n# build ", f);
	put_text(r->build, f);
	fputs(", environment ", f);
	put_text(r->env, f);
	fputs(", CPU ", f);
	put_text(r->cpu.brand, f);
	fputs(", host kernel ", f);
	put_text(k ? k : "unknown", f);
	if (l1) {
		fputs(", L1 kernel ", f);
		put_text(l1, f);
		fputs(", patch ", f);
		put_text(patch ? patch : "unknown", f);
	}
	fputc('\n', f);
	if (r->emulated)
		fputs("# timings are " HCB_EMULATED_NOTE "\n", f);
	fputs("1..1\n", f);
}

/* A row's result: 1 passed, 0 skipped, -1 failed. */
int hcb_ktap_row_result(const struct hcb_rrow *row)
{
	if (row->ok)
		return row->has_hc && row->hc_checks ? -1 : 1;
	if (!strcmp(row->status, HCB_STATUS_UNAVAILABLE) ||
	    !strcmp(row->status, HCB_STATUS_SKIPPED))
		return 0;
	return -1;
}

static void row_line(const struct hcb_rreport *r, size_t i, FILE *f)
{
	const struct hcb_rrow *row = &r->rows[i];
	int res = hcb_ktap_row_result(row);

	if (row->ok) {
		fprintf(f, "  # %s: p50 ", row->name);
		put_cycles(row->cycles[HCB_STAT_p50], f);
		fputs(" cycles, p99 ", f);
		put_cycles(row->cycles[HCB_STAT_p99], f);
		fprintf(f, " cycles%s\n", r->emulated ? " (emulated)" : "");
	}
	fprintf(f, "  %s %zu %s", res < 0 ? "not ok" : "ok", i + 1, row->name);
	if (res == 0) {
		fprintf(f, " # SKIP %s", row->status);
	} else if (res < 0 && row->ok) {
		fprintf(f, " # %lld check(s) failed", row->hc_checks);
	} else if (res < 0) {
		fputs(" # ", f);
		put_text(*row->status ? row->status : "no status", f);
	}
	if (res <= 0 && row->note && *row->note) {
		fputs(": ", f);
		put_text(row->note, f);
	}
	fputc('\n', f);
}

/*
 * The guest's total of hypercall instructions that reached a hypervisor
 * must be the sum of its rows' calls, leaving out the rows that are
 * unavailable (their one call raised #UD), and no correctness check may
 * have failed.  Returns 1 or -1.
 */
static int cross_check(const struct hcb_rreport *r, size_t num, FILE *f)
{
	long long calls = 0, ud = 0, checks = 0;
	size_t i;
	int ok;

	for (i = 0; i < r->n_rows; i++) {
		const struct hcb_rrow *row = &r->rows[i];

		if (!row->has_hc)
			continue;
		if (!strcmp(row->status, HCB_STATUS_UNAVAILABLE))
			ud += row->hc_calls;
		else
			calls += row->hc_calls;
		checks += row->hc_checks;
	}
	ok = calls == r->hc_issued && !r->checks_failed;
	fprintf(f, "  # hypercalls issued %lld, sum over the rows %lld",
		r->hc_issued, calls);
	fprintf(f, " (unavailable rows, #UD: %lld more);", ud);
	fprintf(f, " checks failed %lld (rows: %lld)\n", r->checks_failed,
		checks);
	fprintf(f, "  %s %zu " KTAP_XCHECK "\n", ok ? "ok" : "not ok", num);
	return ok ? 1 : -1;
}

/*
 * KVM's count of the VM's hypercalls (the debugfs statistic's change over
 * the guest's run, read by the runner) must equal the guest's
 * hypercalls_issued.  Returns 1 or -1.
 */
static int kvm_check(const struct hcb_rreport *r, long long kvm_hc,
		     size_t num, FILE *f)
{
	int ok = kvm_hc == r->hc_issued;

	fprintf(f, "  # KVM's hypercalls statistic of the VM: +%lld,", kvm_hc);
	fprintf(f, " the guest issued %lld\n", r->hc_issued);
	fprintf(f, "  %s %zu " KTAP_KVMCHECK "\n", ok ? "ok" : "not ok", num);
	return ok ? 1 : -1;
}

void hcb_ktap(const struct hcb_rreport *r, long long kvm_hc, FILE *f)
{
	size_t i, n = r->n_rows + 1 + (kvm_hc >= 0);
	int fail = 0;

	header(r, f);
	fputs("  KTAP version 1\n  # Subtest: " KTAP_SUITE "\n", f);
	fprintf(f, "  1..%zu\n", n);
	for (i = 0; i < r->n_rows; i++) {
		row_line(r, i, f);
		fail |= hcb_ktap_row_result(&r->rows[i]) < 0;
	}
	fail |= cross_check(r, r->n_rows + 1, f) < 0;
	if (kvm_hc >= 0)
		fail |= kvm_check(r, kvm_hc, n, f) < 0;
	fprintf(f, "%s 1 " KTAP_SUITE "\n", fail ? "not ok" : "ok");
}
