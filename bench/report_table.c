// SPDX-License-Identifier: GPL-2.0
/*
 * The text report for the serial console: a header block, then one line
 * per row.  No line is longer than HCB_TABLE_WIDTH: long cells are cut
 * (marked '~'), long notes and host facts wrap.  Plain ASCII only:
 * tabs and newlines print as blanks, other bytes as '?'.  Freestanding;
 * docs/schema.md describes the layout.
 */
#include "report.h"

#define COL_NAME	18
#define COL_STATUS	7
#define COL_NUM		8
#define COL_RET		7
#define COL_CLASS	6
#define COL_LABEL	13	/* header labels */
#define WRAP_INDENT	8	/* continuation lines of a row */
/* Continuation lines of a host fact: deeper than the next fact's key */
#define COL_HOST_WRAP	(COL_LABEL + 4)

struct tl {
	hcb_put_fn put;
	void *ctx;
	size_t len;
	char buf[HCB_TABLE_WIDTH + 1];
};

static void tl_flush(struct tl *t)
{
	/* Trailing blanks make no sense on a console. */
	while (t->len && t->buf[t->len - 1] == ' ')
		t->len--;
	t->buf[t->len++] = '\n';
	t->put(t->ctx, t->buf, t->len);
	t->len = 0;
}

/* Whitespace becomes a blank, other control and non-ASCII bytes '?'. */
static char tl_safe(char c)
{
	if (c == '\n' || c == '\r' || c == '\t')
		return ' ';
	return c >= 0x20 && c < 0x7f ? c : '?';
}

/* Appends at most n bytes of s; whatever does not fit is dropped. */
static void tl_putn(struct tl *t, const char *s, size_t n)
{
	while (n-- && *s && t->len < HCB_TABLE_WIDTH)
		t->buf[t->len++] = tl_safe(*s++);
}

static void tl_put(struct tl *t, const char *s)
{
	tl_putn(t, s ? s : "", HCB_TABLE_WIDTH);
}

static void tl_pad_to(struct tl *t, size_t col)
{
	while (t->len < col && t->len < HCB_TABLE_WIDTH)
		t->buf[t->len++] = ' ';
}

static void tl_repeat(struct tl *t, char c, size_t n)
{
	while (n-- && t->len < HCB_TABLE_WIDTH)
		t->buf[t->len++] = c;
}

/* s in a cell of w columns, left or right aligned, cut with '~'. */
static void tl_cell(struct tl *t, const char *s, size_t w, int right)
{
	size_t n = hcb_strlen(s ? s : "");

	if (n > w) {
		tl_putn(t, s, w - 1);
		tl_put(t, "~");
		return;
	}
	if (right)
		tl_repeat(t, ' ', w - n);
	tl_put(t, s);
	if (!right)
		tl_repeat(t, ' ', w - n);
}

/*
 * Appends s word-wrapped: continuation lines start at column indent.
 * Leaves the last, partial line unflushed.
 */
static void tl_wrap(struct tl *t, const char *s, size_t indent)
{
	size_t room, n, cut;

	if (!s)
		return;
	while (*s) {
		room = HCB_TABLE_WIDTH - t->len;
		n = hcb_strlen(s);
		if (n <= room) {
			tl_put(t, s);
			return;
		}
		for (cut = room; cut > 0 && s[cut] != ' '; cut--)
			;
		if (!cut)
			cut = room;
		tl_putn(t, s, cut);
		s += cut;
		while (*s == ' ')
			s++;
		tl_flush(t);
		tl_repeat(t, ' ', indent);
	}
}

/* A number in a cell of w columns: 1 decimal, then k/M/G/T scaling. */
static void tl_num(struct tl *t, double v, size_t w)
{
	static const char suffix[] = " kMGT";
	char buf[HCB_FMT_MAX];
	size_t n = 0;
	int i;

	for (i = 0; suffix[i]; i++) {
		n = hcb_fmt_fixed(buf, v, 1);
		if (!n)
			break;
		if (i)
			buf[n++] = suffix[i];
		buf[n] = '\0';
		if (n <= w)
			break;
		v /= 1000;
	}
	if (!n || n > w)
		tl_cell(t, "-", w, 1);
	else
		tl_cell(t, buf, w, 1);
}

static void tl_label(struct tl *t, const char *label)
{
	tl_put(t, label);
	tl_pad_to(t, COL_LABEL);
}

static void tl_u64(struct tl *t, unsigned long long v)
{
	char buf[HCB_FMT_MAX];

	hcb_fmt_u64(buf, v);
	tl_put(t, buf);
}

static void tl_hex(struct tl *t, unsigned long long v)
{
	char buf[HCB_FMT_MAX];

	hcb_fmt_hex(buf, v);
	tl_put(t, buf);
}

static void put_banner(struct tl *t, const struct hcb_report *r)
{
	tl_repeat(t, '!', HCB_TABLE_WIDTH);
	tl_flush(t);
	tl_put(t, "!!! EMULATED RUN: these timings are NOT hardware numbers "
	       "(environment: ");
	tl_put(t, r->env ? r->env : "unknown");
	tl_put(t, ")");
	tl_flush(t);
	tl_put(t, "!!! use them only for ratios between rows and for "
	       "correctness");
	tl_flush(t);
	tl_repeat(t, '!', HCB_TABLE_WIDTH);
	tl_flush(t);
}

static void put_cpu_hv(struct tl *t, const struct hcb_report *r)
{
	tl_label(t, "cpu");
	tl_put(t, r->cpu.vendor);
	tl_put(t, " family ");
	tl_u64(t, r->cpu.family);
	tl_put(t, " model ");
	tl_u64(t, r->cpu.model);
	tl_put(t, " stepping ");
	tl_u64(t, r->cpu.stepping);
	tl_flush(t);
	tl_label(t, "brand");
	tl_wrap(t, r->cpu.brand, COL_LABEL);
	tl_flush(t);
	tl_label(t, "hypervisor");
	tl_put(t, r->hv.signature && *r->hv.signature ?
		  r->hv.signature : "(none)");
	tl_put(t, " max leaf ");
	tl_hex(t, r->hv.max_leaf);
	tl_put(t, " features ");
	tl_hex(t, r->hv.features);
	tl_put(t, " hints ");
	tl_hex(t, r->hv.hints);
	tl_flush(t);
}

static void put_env_tsc(struct tl *t, const struct hcb_report *r)
{
	char buf[HCB_FMT_MAX];

	tl_label(t, "environment");
	tl_put(t, r->env ? r->env : "unknown");
	tl_put(t, hcb_report_emulated(r) ?
		  " (emulated: not hardware numbers)" :
		  hcb_report_nested_kvm(r) ?
		  " (real, inside a VM: includes the outer hypervisor)" :
		  " (hardware measurements)");
	tl_flush(t);
	tl_label(t, "tsc");
	if (r->tsc.hz) {
		tl_u64(t, r->tsc.hz);
		tl_put(t, " Hz");
	} else {
		tl_put(t, "unknown rate (no ns figures)");
	}
	tl_put(t, ", source ");
	tl_put(t, r->tsc.source ? r->tsc.source : "unknown");
	tl_flush(t);
	tl_label(t, "iterations");
	tl_u64(t, r->iters);
	tl_put(t, " per row, ");
	tl_u64(t, r->batches);
	tl_put(t, " batches of ");
	tl_u64(t, r->batch_size);
	tl_put(t, " calls, timer overhead ");
	if (hcb_fmt_fixed(buf, r->overhead, 1))
		tl_put(t, buf);
	else
		tl_put(t, "-");
	tl_put(t, " cycles (removed)");
	tl_flush(t);
}

static void put_host(struct tl *t, const struct hcb_report *r)
{
	const char *label = "host";
	unsigned int i;

	tl_label(t, "hypercalls");
	tl_u64(t, r->hc_issued);
	tl_put(t, " issued, ");
	tl_u64(t, r->checks_failed);
	tl_put(t, " checks failed");
	tl_flush(t);
	tl_label(t, "host patched");
	tl_put(t, r->patched ? r->patched : "unknown");
	tl_flush(t);
	for (i = 0; r->host && i < r->n_host; i++) {
		if (!r->host[i].key)
			continue;
		tl_label(t, label);
		label = "";
		tl_wrap(t, r->host[i].key, COL_HOST_WRAP);
		tl_put(t, "=");
		tl_wrap(t, r->host[i].val, COL_HOST_WRAP);
		tl_flush(t);
	}
	tl_label(t, "options");
	tl_wrap(t, r->options && *r->options ? r->options : "(defaults)",
		COL_LABEL);
	tl_flush(t);
}

static void put_header(struct tl *t, const struct hcb_report *r)
{
	tl_repeat(t, '=', HCB_TABLE_WIDTH);
	tl_flush(t);
	tl_put(t, "hcbench ");
	tl_put(t, r->build ? r->build : "(unknown build)");
	tl_put(t, ": KVM hypercall and VM exit round trips");
	tl_flush(t);
	if (hcb_report_emulated(r))
		put_banner(t, r);
	put_cpu_hv(t, r);
	put_env_tsc(t, r);
	put_host(t, r);
}

static void put_columns(struct tl *t)
{
	static const char *const heads[] = {
		"p50 cyc", "p99 cyc", "mean cyc", "p50 ns", "p99 ns", "mean ns",
	};
	unsigned int i;

	tl_repeat(t, '-', HCB_TABLE_WIDTH);
	tl_flush(t);
	tl_cell(t, "row", COL_NAME, 0);
	tl_put(t, " ");
	tl_cell(t, "status", COL_STATUS, 0);
	for (i = 0; i < ARRAY_SIZE(heads); i++) {
		tl_put(t, " ");
		tl_cell(t, heads[i], COL_NUM, 1);
	}
	tl_put(t, " ");
	tl_cell(t, "ret", COL_RET, 1);
	tl_put(t, " ");
	tl_cell(t, "class", COL_CLASS, 0);
	tl_flush(t);
}

static void put_ns(struct tl *t, const struct hcb_report *r, double cyc)
{
	double ns;

	tl_put(t, " ");
	if (hcb_report_ns(r, cyc, &ns))
		tl_num(t, ns, COL_NUM);
	else
		tl_cell(t, "-", COL_NUM, 1);
}

static void put_row_numbers(struct tl *t, const struct hcb_report *r,
			    const struct hcb_row_result *row)
{
	char buf[HCB_FMT_MAX];

	tl_put(t, " ");
	tl_num(t, row->cycles.p50, COL_NUM);
	tl_put(t, " ");
	tl_num(t, row->cycles.p99, COL_NUM);
	tl_put(t, " ");
	tl_num(t, row->cycles.mean, COL_NUM);
	put_ns(t, r, row->cycles.p50);
	put_ns(t, r, row->cycles.p99);
	put_ns(t, r, row->cycles.mean);
	if (!row->hc.valid)
		return;
	tl_put(t, " ");
	if (hcb_fmt_i64(buf, row->hc.ret) <= COL_RET)
		tl_cell(t, buf, COL_RET, 1);
	else
		tl_cell(t, "*", COL_RET, 1);	/* too wide: see the JSON */
	tl_put(t, " ");
	tl_cell(t, row->hc.cls, COL_CLASS, 0);
}

static void put_row(struct tl *t, const struct hcb_report *r,
		    const struct hcb_row_result *row)
{
	tl_cell(t, row->name, COL_NAME, 0);
	tl_put(t, " ");
	if (!row->has_stats) {
		/* No numbers: the status in full, then why. */
		tl_put(t, row->status);
		tl_put(t, "  ");
		tl_wrap(t, row->note ? row->note : "(no note)", WRAP_INDENT);
		tl_flush(t);
		return;
	}
	tl_cell(t, row->status, COL_STATUS, 0);
	put_row_numbers(t, r, row);
	tl_flush(t);
	if (row->hc.valid && row->hc.checks_failed) {
		tl_repeat(t, ' ', WRAP_INDENT);
		tl_put(t, "! checks failed: ");
		tl_u64(t, row->hc.checks_failed);
		tl_put(t, " of ");
		tl_u64(t, row->hc.calls);
		tl_put(t, " calls");
		tl_flush(t);
	}
	if (row->note) {
		tl_repeat(t, ' ', WRAP_INDENT);
		tl_put(t, "note: ");
		tl_wrap(t, row->note, WRAP_INDENT);
		tl_flush(t);
	}
}

static void put_footer(struct tl *t, const struct hcb_report *r)
{
	tl_repeat(t, '-', HCB_TABLE_WIDTH);
	tl_flush(t);
	tl_wrap(t, "cyc: TSC cycles per call, timer overhead removed; "
		"ns = cyc * 1e9 / tsc Hz; k/M/G/T = 1e3/1e6/1e9/1e12; "
		"'-' = not available; '~' = cut; ret/class: last hypercall "
		"return value (* = too wide) and its class. The JSON report "
		"has every figure.", 0);
	tl_flush(t);
	if (hcb_report_emulated(r)) {
		tl_put(t, "!!! EMULATED RUN: these timings are NOT hardware "
		       "numbers !!!");
		tl_flush(t);
	}
	tl_repeat(t, '=', HCB_TABLE_WIDTH);
	tl_flush(t);
}

void hcb_report_table(const struct hcb_report *r, hcb_put_fn put, void *ctx)
{
	struct tl t;
	unsigned int i;

	t.put = put;
	t.ctx = ctx;
	t.len = 0;
	put_header(&t, r);
	put_columns(&t);
	for (i = 0; r->rows && i < r->n_rows; i++)
		put_row(&t, r, &r->rows[i]);
	put_footer(&t, r);
}
