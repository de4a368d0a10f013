// SPDX-License-Identifier: GPL-2.0
/*
 * The JSON report (schema in include/hcbench/schema.h, prose in
 * docs/schema.md).  Freestanding: output goes through a hcb_put_fn.
 * Numbers are fixed-point with HCB_JSON_DECIMALS decimals; anything not
 * finite is written as null, so the document always parses.
 */
#include "report.h"

#define JW_MAX_DEPTH 8
#define JW_NUMS_PER_LINE 8

static const char note_emulated[] =
	"Timings were taken under emulation, not on hardware virtualization: "
	"they are not hardware numbers and serve only for ratios between "
	"rows and for correctness checks.";
static const char note_hardware[] =
	"Timings are hardware measurements: KVM on hardware virtualization, "
	"TSC cycles with the timer overhead removed.";
static const char note_nested_kvm[] =
	"Timings are real but nested: KVM runs inside a VM on hardware "
	"virtualization, so every exit also pays the outer hypervisor "
	"(see the host facts); compare them only with runs on the same kind "
	"of VM.";

struct jw {
	hcb_put_fn put;
	void *ctx;
	unsigned int depth;
	unsigned char first[JW_MAX_DEPTH];
};

static void jw_raw(struct jw *w, const char *s, size_t len)
{
	if (len)
		w->put(w->ctx, s, len);
}

static void jw_lit(struct jw *w, const char *s)
{
	jw_raw(w, s, hcb_strlen(s));
}

static void jw_newline(struct jw *w)
{
	static const char spaces[] = "                ";
	unsigned int n = 2 * w->depth;

	jw_raw(w, "\n", 1);
	while (n) {
		unsigned int k = n < 16 ? n : 16;

		jw_raw(w, spaces, k);
		n -= k;
	}
}

/* Separator before the next member or element of the open container. */
static void jw_sep(struct jw *w)
{
	if (!w->first[w->depth])
		jw_raw(w, ",", 1);
	w->first[w->depth] = 0;
	jw_newline(w);
}

static void jw_open(struct jw *w, const char *bracket)
{
	jw_lit(w, bracket);
	if (w->depth + 1 < JW_MAX_DEPTH)
		w->depth++;
	w->first[w->depth] = 1;
}

static void jw_close(struct jw *w, const char *bracket)
{
	int empty = w->first[w->depth];

	if (w->depth)
		w->depth--;
	if (!empty)
		jw_newline(w);
	jw_lit(w, bracket);
}

/* Length of the valid UTF-8 sequence at s, or 0 if it is not one. */
static size_t utf8_len(const unsigned char *s)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	/* Reject overlong forms, UTF-16 surrogates and > U+10FFFF. */
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return n;
}

/* One escaped character; returns how many bytes of s it consumed. */
static size_t jw_escape_one(struct jw *w, const unsigned char *s)
{
	static const char xd[] = "0123456789abcdef";
	char u[7] = "\\u00";

	switch (*s) {
	case '"':
		jw_raw(w, "\\\"", 2);
		return 1;
	case '\\':
		jw_raw(w, "\\\\", 2);
		return 1;
	case '\n':
		jw_raw(w, "\\n", 2);
		return 1;
	case '\r':
		jw_raw(w, "\\r", 2);
		return 1;
	case '\t':
		jw_raw(w, "\\t", 2);
		return 1;
	}
	if (*s < 0x20 || *s == 0x7f) {
		u[4] = xd[*s >> 4];
		u[5] = xd[*s & 0xf];
		jw_raw(w, u, 6);
		return 1;
	}
	jw_raw(w, "\\ufffd", 6);	/* a byte that is not UTF-8 */
	return 1;
}

/* A JSON string; NULL is written as "" (see docs/schema.md). */
static void jw_str(struct jw *w, const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	const unsigned char *run = s;
	size_t n;

	jw_raw(w, "\"", 1);
	while (*s) {
		n = utf8_len(s);
		if (n && *s != '"' && *s != '\\' && *s >= 0x20 && *s != 0x7f) {
			s += n;
			continue;
		}
		jw_raw(w, (const char *)run, (size_t)(s - run));
		s += jw_escape_one(w, s);
		run = s;
	}
	jw_raw(w, (const char *)run, (size_t)(s - run));
	jw_raw(w, "\"", 1);
}

static void jw_key(struct jw *w, const char *key)
{
	jw_sep(w);
	jw_str(w, key);
	jw_raw(w, ": ", 2);
}

static void jw_u64(struct jw *w, unsigned long long v)
{
	char buf[HCB_FMT_MAX];

	jw_raw(w, buf, hcb_fmt_u64(buf, v));
}

static void jw_i64(struct jw *w, long long v)
{
	char buf[HCB_FMT_MAX];

	jw_raw(w, buf, hcb_fmt_i64(buf, v));
}

static void jw_num(struct jw *w, double v)
{
	char buf[HCB_FMT_MAX];
	size_t n = hcb_fmt_fixed(buf, v, HCB_JSON_DECIMALS);

	if (n)
		jw_raw(w, buf, n);
	else
		jw_lit(w, "null");
}

static void jw_key_str(struct jw *w, const char *key, const char *v)
{
	jw_key(w, key);
	jw_str(w, v);
}

static void jw_key_u64(struct jw *w, const char *key, unsigned long long v)
{
	jw_key(w, key);
	jw_u64(w, v);
}

static void jw_key_num(struct jw *w, const char *key, double v)
{
	jw_key(w, key);
	jw_num(w, v);
}

/* Numbers on a few lines, JW_NUMS_PER_LINE to a line. */
static void jw_num_array(struct jw *w, const double *v, unsigned int n)
{
	unsigned int i;

	jw_lit(w, "[");
	for (i = 0; i < n; i++) {
		if (i)
			jw_raw(w, ",", 1);
		if (i % JW_NUMS_PER_LINE == 0) {
			w->depth++;
			jw_newline(w);
			w->depth--;
		} else {
			jw_raw(w, " ", 1);
		}
		jw_num(w, v[i]);
	}
	if (n)
		jw_newline(w);
	jw_lit(w, "]");
}

static void write_cpu_hv_tsc(struct jw *w, const struct hcb_report *r)
{
	jw_key(w, HCB_K_CPU);
	jw_open(w, "{");
	jw_key_str(w, HCB_K_CPU_VENDOR, r->cpu.vendor);
	jw_key_u64(w, HCB_K_CPU_FAMILY, r->cpu.family);
	jw_key_u64(w, HCB_K_CPU_MODEL, r->cpu.model);
	jw_key_u64(w, HCB_K_CPU_STEPPING, r->cpu.stepping);
	jw_key_str(w, HCB_K_CPU_BRAND, r->cpu.brand);
	jw_close(w, "}");

	jw_key(w, HCB_K_HV);
	jw_open(w, "{");
	jw_key_str(w, HCB_K_HV_SIGNATURE, r->hv.signature);
	jw_key_u64(w, HCB_K_HV_MAX_LEAF, r->hv.max_leaf);
	jw_key_u64(w, HCB_K_HV_FEATURES, r->hv.features);
	jw_key_u64(w, HCB_K_HV_HINTS, r->hv.hints);
	jw_close(w, "}");

	jw_key(w, HCB_K_TSC);
	jw_open(w, "{");
	jw_key_u64(w, HCB_K_TSC_HZ, r->tsc.hz);
	jw_key_str(w, HCB_K_TSC_SOURCE, r->tsc.source);
	jw_close(w, "}");
}

/* Host fact i, unless it has no key or repeats an earlier key. */
static int host_fact_wanted(const struct hcb_report *r, unsigned int i)
{
	unsigned int j;

	if (!r->host[i].key)
		return 0;
	for (j = 0; j < i; j++)
		if (r->host[j].key && hcb_streq(r->host[j].key, r->host[i].key))
			return 0;
	return 1;
}

static void write_host(struct jw *w, const struct hcb_report *r)
{
	unsigned int i;

	jw_key(w, HCB_K_HOST);
	jw_open(w, "{");
	for (i = 0; r->host && i < r->n_host; i++)
		if (host_fact_wanted(r, i))
			jw_key_str(w, r->host[i].key, r->host[i].val);
	jw_close(w, "}");
}

static void write_header(struct jw *w, const struct hcb_report *r)
{
	int emulated = hcb_report_emulated(r);

	jw_key_u64(w, HCB_K_SCHEMA, HCB_SCHEMA_VERSION);
	jw_key_str(w, HCB_K_TOOL, "hcbench");
	jw_key_str(w, HCB_K_BUILD, r->build);
	jw_key(w, HCB_K_EMULATED);
	jw_lit(w, emulated ? "true" : "false");
	jw_key_str(w, HCB_K_TIMING_NOTE,
		   emulated ? note_emulated :
		   hcb_report_nested_kvm(r) ? note_nested_kvm : note_hardware);
	jw_key_str(w, HCB_K_ENV, r->env);
	jw_key_str(w, HCB_K_OPTIONS, r->options);
	write_cpu_hv_tsc(w, r);
	write_host(w, r);
	jw_key_str(w, HCB_K_PATCHED, r->patched);
	jw_key_u64(w, HCB_K_ITERS, r->iters);
	jw_key_u64(w, HCB_K_BATCHES, r->batches);
	jw_key_u64(w, HCB_K_BATCH_SIZE, r->batch_size);
	jw_key_num(w, HCB_K_OVERHEAD, r->overhead);
	jw_key_u64(w, HCB_K_HC_ISSUED, r->hc_issued);
	jw_key_u64(w, HCB_K_CHECKS_FAILED, r->checks_failed);
}

static void write_hc(struct jw *w, const struct hcb_hc_info *hc)
{
	jw_key(w, HCB_K_ROW_HC);
	jw_open(w, "{");
	jw_key_u64(w, HCB_K_HC_NR, hc->nr);
	jw_key_str(w, HCB_K_HC_INSN, hc->insn);
	jw_key(w, HCB_K_HC_RET);
	jw_i64(w, hc->ret);
	jw_key_str(w, HCB_K_HC_CLASS, hc->cls);
	jw_key_u64(w, HCB_K_HC_CALLS, hc->calls);
	jw_key_u64(w, HCB_K_HC_CHECKS, hc->checks_failed);
	jw_close(w, "}");
}

/* The HCB_STAT_FIELDS object; ns when to_ns (then hz != 0). */
static void write_stats(struct jw *w, const struct hcb_report *r,
			const struct hcb_stats *s, int to_ns)
{
	unsigned int i;
	double v;

	jw_open(w, "{");
	for (i = 0; i < hcb_n_stat_fields; i++) {
		v = hcb_stat_get(s, i);
		if (to_ns && !hcb_report_ns(r, v, &v))
			v = __builtin_nan("");
		jw_key_num(w, hcb_stat_fields[i].name, v);
	}
	jw_close(w, "}");
}

static void write_row_stats(struct jw *w, const struct hcb_report *r,
			    const struct hcb_row_result *row)
{
	unsigned int nb = row->batch_samples ? row->n_batch_samples : 0;

	if (nb > HCB_MAX_BATCHES)
		nb = HCB_MAX_BATCHES;
	jw_key(w, HCB_K_ROW_CYCLES);
	write_stats(w, r, &row->cycles, 0);
	jw_key(w, HCB_K_ROW_NS);
	if (r->tsc.hz)
		write_stats(w, r, &row->cycles, 1);
	else
		jw_lit(w, "null");
	jw_key_num(w, HCB_K_ROW_BMEAN, row->batched_mean);
	jw_key(w, HCB_K_ROW_BSAMPLES);
	jw_num_array(w, row->batch_samples, nb);
	jw_key(w, HCB_K_ROW_QUANTILES);
	jw_num_array(w, row->quantiles, HCB_N_QUANTILES);
}

static void write_row(struct jw *w, const struct hcb_report *r,
		      const struct hcb_row_result *row)
{
	static const char *const stat_keys[] = {
		HCB_K_ROW_CYCLES, HCB_K_ROW_NS, HCB_K_ROW_BMEAN,
		HCB_K_ROW_BSAMPLES, HCB_K_ROW_QUANTILES,
	};
	unsigned int i;

	jw_sep(w);
	jw_open(w, "{");
	jw_key_str(w, HCB_K_ROW_NAME, row->name);
	jw_key_str(w, HCB_K_ROW_GROUP, row->group);
	jw_key_str(w, HCB_K_ROW_DESC, row->desc);
	jw_key_str(w, HCB_K_ROW_STATUS, row->status);
	jw_key(w, HCB_K_ROW_NOTE);
	if (row->note)
		jw_str(w, row->note);
	else
		jw_lit(w, "null");
	if (row->hc.valid)
		write_hc(w, &row->hc);
	if (row->has_stats) {
		write_row_stats(w, r, row);
	} else {
		for (i = 0; i < ARRAY_SIZE(stat_keys); i++) {
			jw_key(w, stat_keys[i]);
			jw_lit(w, "null");
		}
	}
	jw_close(w, "}");
}

void hcb_report_json(const struct hcb_report *r, hcb_put_fn put, void *ctx)
{
	struct jw w = { .put = put, .ctx = ctx };
	unsigned int i;

	jw_open(&w, "{");
	write_header(&w, r);
	jw_key(&w, HCB_K_ROWS);
	jw_open(&w, "[");
	for (i = 0; r->rows && i < r->n_rows; i++)
		write_row(&w, r, &r->rows[i]);
	jw_close(&w, "]");
	jw_close(&w, "}");
	jw_raw(&w, "\n", 1);
}
