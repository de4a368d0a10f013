// SPDX-License-Identifier: GPL-2.0
/*
 * bench/report_table.c: every row shows up, the emulated banner appears
 * exactly when it should, and no line is wider than HCB_TABLE_WIDTH.
 */
#include <stdio.h>
#include <string.h>

#include "result.h"
#include "report.h"
#include "hcbench/schema.h"
#include "fake_report.h"
#include "unit_test.h"

#define BANNER "NOT hardware numbers"

static void render(const struct hcb_report *r, struct unit_buf *out)
{
	memset(out, 0, sizeof(*out));
	hcb_report_table(r, unit_buf_put, out);
	TEST_ASSERT(out->p && out->len, "no output");
}

/* Every line ends in '\n', is printable ASCII and fits the width. */
static void check_lines(const struct unit_buf *out)
{
	const char *p = out->p, *nl;
	unsigned int line = 1;
	size_t i;

	if (!p)
		return;
	TEST_ASSERT(out->len && p[out->len - 1] == '\n',
		    "output does not end with a newline");
	for (; *p; p = nl + 1, line++) {
		nl = strchr(p, '\n');
		if (!nl)
			break;
		TEST_ASSERT(nl - p <= HCB_TABLE_WIDTH,
			    "line %u is %d columns (max %d): %.*s", line,
			    (int)(nl - p), HCB_TABLE_WIDTH, (int)(nl - p), p);
		for (i = 0; p + i < nl; i++)
			TEST_ASSERT(p[i] >= 0x20 && p[i] < 0x7f,
				    "line %u: byte 0x%02x at column %zu", line,
				    (unsigned char)p[i], i);
	}
}

/* The line that starts with row name s, or NULL. */
static const char *row_line(const char *text, const char *s)
{
	const char *p = text;
	size_t n = strlen(s);

	while (p && *p) {
		if (!strncmp(p, s, n) && p[n] == ' ')
			return p;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return NULL;
}

static int line_has(const char *line, const char *s)
{
	const char *nl = strchr(line, '\n');
	const char *hit = strstr(line, s);

	return hit && (!nl || hit < nl);
}

/*
 * The row line at l and its continuation lines (indented), joined with
 * single blanks, runs of blanks collapsed: what a wrapped note reads as.
 */
static void join_wrapped(const char *l, char *out, size_t size)
{
	size_t n = 0;
	int blank = 0;

	for (; *l && n + 1 < size; l++) {
		if (*l == '\n' && strncmp(l + 1, "        ", 8))
			break;
		if (*l == ' ' || *l == '\n') {
			blank = 1;
			continue;
		}
		if (blank && n)
			out[n++] = ' ';
		blank = 0;
		out[n++] = *l;
	}
	out[n] = '\0';
}

static void test_table_rows_and_width(void)
{
	struct fake_report f;
	struct unit_buf out;
	const char *l;
	unsigned int i;

	fake_report_init(&f, 0);
	render(&f.r, &out);
	if (!out.p)
		return;
	check_lines(&out);
	for (i = 0; i < f.r.n_rows; i++) {
		l = row_line(out.p, f.rows[i].name);
		TEST_ASSERT(l, "no line for row %s", f.rows[i].name);
		if (l)
			TEST_ASSERT(line_has(l, f.rows[i].status),
				    "row %s: status %s missing",
				    f.rows[i].name, f.rows[i].status);
	}
	l = row_line(out.p, "hc_unassigned");
	TEST_ASSERT(l && line_has(l, " -1000 ") && line_has(l, "enosys"),
		    "hypercall row lacks ret/class: %.100s", l ? l : "");
	TEST_ASSERT(strstr(out.p, "checks failed: 3 of 8192"),
		    "row checks_failed not shown");
	/* The unavailable row's note wraps over lines, losing nothing. */
	l = row_line(out.p, f.rows[3].name);
	if (l) {
		char joined[1024];

		join_wrapped(l, joined, sizeof(joined));
		TEST_ASSERT(strstr(joined, f.rows[3].note),
			    "wrapped note differs from \"%s\":\n%s",
			    f.rows[3].note, joined);
	}
	TEST_ASSERT(strstr(out.p, "filtered by rows="),
		    "skipped row's note missing");
	/* header facts */
	TEST_ASSERT(strstr(out.p, "AuthenticAMD") &&
		    strstr(out.p, "2449999000 Hz") &&
		    strstr(out.p, HCB_TSC_SRC_KVM) &&
		    strstr(out.p, "KVMKVMKVM") &&
		    strstr(out.p, "kernel=6.1.0-13-amd64") &&
		    strstr(out.p, "iterations   257 per row") &&
		    strstr(out.p, "timer overhead 21.3 cycles") &&
		    strstr(out.p, "host patched yes"),
		    "header facts missing:\n%s", out.p);
	unit_buf_free(&out);
}

static void test_table_banner(void)
{
	struct fake_report f;
	struct unit_buf out;

	const char *first_row;

	fake_report_init(&f, 0);
	render(&f.r, &out);
	first_row = out.p ? row_line(out.p, f.rows[0].name) : NULL;
	TEST_ASSERT(out.p && strstr(out.p, BANNER) &&
		    strstr(out.p, BANNER) < first_row &&
		    strstr(out.p, HCB_ENV_NESTED),
		    "emulated run without the banner above the rows");
	unit_buf_free(&out);

	fake_report_init(&f, 1);
	render(&f.r, &out);
	TEST_ASSERT(out.p && !strstr(out.p, BANNER) &&
		    !strstr(out.p, "EMULATED") &&
		    strstr(out.p, "hardware measurements"),
		    "hardware run with an emulated banner:\n%s",
		    out.p ? out.p : "");
	check_lines(&out);
	unit_buf_free(&out);
}

/* hz 0, long names and values, huge numbers, control chars: still fits. */
static void test_table_odd_input(void)
{
	static char long_val[600];
	struct hcb_report empty = { 0 };
	struct fake_report f;
	struct unit_buf out;
	const char *l;

	render(&empty, &out);
	check_lines(&out);
	TEST_ASSERT(out.p && strstr(out.p, BANNER),
		    "report without env must count as emulated");
	unit_buf_free(&out);

	memset(long_val, 'x', sizeof(long_val) - 1);
	fake_report_init(&f, 0);
	f.r.tsc.hz = 0;
	f.r.options = long_val;
	f.r.build = long_val;		/* cut, not wrapped */
	f.r.env = long_val;
	f.r.cpu.vendor = long_val;
	f.host[1].val = long_val;
	f.rows[0].name = "a_row_name_much_longer_than_its_column";
	f.rows[0].cycles.p50 = 1e16;
	f.rows[0].cycles.p99 = 1e40;
	f.rows[1].hc.ret = -9223372036854775807LL;
	render(&f.r, &out);
	if (!out.p)
		return;
	check_lines(&out);
	TEST_ASSERT(strstr(out.p, "unknown rate"), "hz 0 not explained");
	l = row_line(out.p, "empty");
	TEST_ASSERT(l && line_has(l, "       -        -        -"),
		    "hz 0: ns cells not '-': %.100s", l ? l : "");
	l = row_line(out.p, "a_row_name_much_l~");
	TEST_ASSERT(l, "long row name not cut with '~'");
	TEST_ASSERT(l && line_has(l, "10000.0T"),
		    "1e16 not scaled: %.100s", l ? l : "");
	l = row_line(out.p, "hc_unassigned");
	TEST_ASSERT(l && line_has(l, " * ") && !line_has(l, "922337"),
		    "too-wide ret not replaced: %.100s", l ? l : "");
	unit_buf_free(&out);
}

/* Continuation lines: WRAP_INDENT (8) blanks, then text, never more. */
static void check_continuations(const char *text, const char *where)
{
	const char *p;

	for (p = strchr(text, '\n'); p && p[1]; p = strchr(p + 1, '\n'))
		if (!strncmp(p + 1, "        ", 8))
			TEST_ASSERT(p[9] != ' ' && p[9] != '\n',
				    "%s: continuation line with extra blanks: "
				    "%.60s", where, p + 1);
}

/*
 * Notes of words of every length ending at every column near the edge:
 * wrapping must keep each word whole and lose no character.
 */
static void test_table_wrap_exact(void)
{
	struct hcb_row_result row;
	struct hcb_report r;
	struct unit_buf out;
	char note[400], joined[1024];
	unsigned int shift, w, n;
	const char *l;

	for (shift = 0; shift < 24; shift++) {
		n = 0;
		for (w = 0; n < 300; w++) {
			unsigned int len = 1 + (w * 7 + shift) % 13, k;

			for (k = 0; k < len; k++)
				note[n++] = (char)('a' + (w + k) % 26);
			note[n++] = ' ';
		}
		note[n - 1] = '\0';
		memset(&row, 0, sizeof(row));
		memset(&r, 0, sizeof(r));
		row.name = "wrapped";
		row.status = HCB_STATUS_SKIPPED;
		row.note = note;
		r.rows = &row;
		r.n_rows = 1;
		render(&r, &out);
		if (!out.p)
			return;
		check_lines(&out);
		check_continuations(out.p, "wrapped note");
		l = row_line(out.p, "wrapped");
		TEST_ASSERT(l, "no row line");
		if (l) {
			join_wrapped(l, joined, sizeof(joined));
			TEST_ASSERT(strstr(joined, note),
				    "shift %u: wrapped note lost text:\n%s\n%s",
				    shift, note, joined);
		}
		unit_buf_free(&out);
	}
}

/*
 * A host fact that wraps continues deeper than the next fact's key, so the
 * next key (e.g. accel=) never reads as part of the value above it.
 */
static void test_table_host_wrap(void)
{
	struct hcb_kv host[2] = {
		{ "mitigations", NULL }, { "accel", "tcg" },
	};
	struct hcb_report r;
	struct unit_buf out;
	char val[300];
	const char *p, *acc;
	unsigned int n, cont = 0;

	for (n = 0; n + 1 < sizeof(val); n++)
		val[n] = n % 10 == 9 ? ' ' : 'm';
	val[n] = '\0';
	host[0].val = val;
	memset(&r, 0, sizeof(r));
	r.host = host;
	r.n_host = 2;
	render(&r, &out);
	if (!out.p)
		return;
	check_lines(&out);
	acc = strstr(out.p, "\n             accel=tcg\n");
	TEST_ASSERT(acc, "accel=tcg not on its own line at the key column");
	p = strstr(out.p, "host         mitigations=");
	TEST_ASSERT(p, "no mitigations line");
	for (p = p ? strchr(p, '\n') : NULL; p && acc && p < acc;
	     p = strchr(p + 1, '\n')) {
		cont++;
		TEST_ASSERT(!strncmp(p + 1, "                 ", 17) &&
			    p[18] != ' ', "host continuation not at column "
			    "17: %.40s", p + 1);
	}
	TEST_ASSERT(cont >= 2, "the long fact did not wrap");
	unit_buf_free(&out);
}

void unit_table_suite(void)
{
	RUN_TEST(test_table_rows_and_width);
	RUN_TEST(test_table_banner);
	RUN_TEST(test_table_odd_input);
	RUN_TEST(test_table_wrap_exact);
	RUN_TEST(test_table_host_wrap);
}
