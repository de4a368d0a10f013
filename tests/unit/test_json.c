// SPDX-License-Identifier: GPL-2.0
/*
 * bench/report_json.c: the output parses (jansson), has every key of
 * include/hcbench/schema.h with the right type and no other, values
 * round-trip, and it validates against results/schema-v1.json.
 */
#include <jansson.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "result.h"
#include "report.h"
#include "hcbench/schema.h"
#include "fake_report.h"
#include "schema_check.h"
#include "unit_test.h"

/* Half a unit in the last printed decimal, plus double rounding. */
#define ROUND_TOL(v) (0.5e-3 + fabs(v) * 1e-15)

enum kind { K_INT, K_NUM, K_STR, K_BOOL, K_OBJ, K_ARR, K_STR_NULL,
	    K_NUM_NULL, K_OBJ_NULL, K_ARR_NULL };

struct key_spec {
	const char *key;
	enum kind kind;
};

static const struct key_spec top_keys[] = {
	{ HCB_K_SCHEMA, K_INT }, { HCB_K_TOOL, K_STR },
	{ HCB_K_BUILD, K_STR }, { HCB_K_EMULATED, K_BOOL },
	{ HCB_K_TIMING_NOTE, K_STR }, { HCB_K_ENV, K_STR },
	{ HCB_K_OPTIONS, K_STR }, { HCB_K_CPU, K_OBJ }, { HCB_K_HV, K_OBJ },
	{ HCB_K_TSC, K_OBJ }, { HCB_K_HOST, K_OBJ }, { HCB_K_PATCHED, K_STR },
	{ HCB_K_ITERS, K_INT }, { HCB_K_BATCHES, K_INT },
	{ HCB_K_BATCH_SIZE, K_INT }, { HCB_K_OVERHEAD, K_NUM },
	{ HCB_K_HC_ISSUED, K_INT }, { HCB_K_CHECKS_FAILED, K_INT },
	{ HCB_K_ROWS, K_ARR },
};

static const struct key_spec cpu_keys[] = {
	{ HCB_K_CPU_VENDOR, K_STR }, { HCB_K_CPU_FAMILY, K_INT },
	{ HCB_K_CPU_MODEL, K_INT }, { HCB_K_CPU_STEPPING, K_INT },
	{ HCB_K_CPU_BRAND, K_STR },
};

static const struct key_spec hv_keys[] = {
	{ HCB_K_HV_SIGNATURE, K_STR }, { HCB_K_HV_MAX_LEAF, K_INT },
	{ HCB_K_HV_FEATURES, K_INT }, { HCB_K_HV_HINTS, K_INT },
};

static const struct key_spec tsc_keys[] = {
	{ HCB_K_TSC_HZ, K_INT }, { HCB_K_TSC_SOURCE, K_STR },
};

/* Without HCB_K_ROW_HC, which only hypercall rows have. */
static const struct key_spec row_keys[] = {
	{ HCB_K_ROW_NAME, K_STR }, { HCB_K_ROW_GROUP, K_STR },
	{ HCB_K_ROW_DESC, K_STR }, { HCB_K_ROW_STATUS, K_STR },
	{ HCB_K_ROW_NOTE, K_STR_NULL }, { HCB_K_ROW_CYCLES, K_OBJ_NULL },
	{ HCB_K_ROW_NS, K_OBJ_NULL }, { HCB_K_ROW_BMEAN, K_NUM_NULL },
	{ HCB_K_ROW_BSAMPLES, K_ARR_NULL }, { HCB_K_ROW_QUANTILES, K_ARR_NULL },
};

static const struct key_spec hc_keys[] = {
	{ HCB_K_HC_NR, K_INT }, { HCB_K_HC_INSN, K_STR },
	{ HCB_K_HC_RET, K_INT }, { HCB_K_HC_CLASS, K_STR },
	{ HCB_K_HC_CALLS, K_INT }, { HCB_K_HC_CHECKS, K_INT },
};

/* Straight from the X-macro, independent of bench/stats.c's table. */
struct stat_spec {
	const char *name;
	size_t offset;
};

#define STAT_SPEC(f) { #f, offsetof(struct hcb_stats, f) },
static const struct stat_spec stat_specs[] = { HCB_STAT_FIELDS(STAT_SPEC) };
#undef STAT_SPEC
#define N_STATS ARRAY_SIZE(stat_specs)


static int kind_ok(json_t *v, enum kind k)
{
	switch (k) {
	case K_INT:
		return json_is_integer(v);
	case K_NUM:
		return json_is_number(v);
	case K_STR:
		return json_is_string(v);
	case K_BOOL:
		return json_is_boolean(v);
	case K_OBJ:
		return json_is_object(v);
	case K_ARR:
		return json_is_array(v);
	case K_STR_NULL:
		return json_is_string(v) || json_is_null(v);
	case K_NUM_NULL:
		return json_is_number(v) || json_is_null(v);
	case K_OBJ_NULL:
		return json_is_object(v) || json_is_null(v);
	case K_ARR_NULL:
		return json_is_array(v) || json_is_null(v);
	}
	return 0;
}

/* Every key of spec present with its type, and extra keys allowed. */
static void check_keys(json_t *obj, const struct key_spec *spec, size_t n,
		       size_t extra, const char *where)
{
	json_t *v;
	size_t i;

	TEST_ASSERT(json_is_object(obj), "%s: not an object", where);
	for (i = 0; i < n; i++) {
		v = json_object_get(obj, spec[i].key);
		TEST_ASSERT(v, "%s: key \"%s\" missing", where, spec[i].key);
		if (v)
			TEST_ASSERT(kind_ok(v, spec[i].kind),
				    "%s: key \"%s\" has JSON type %d", where,
				    spec[i].key, json_typeof(v));
	}
	TEST_ASSERT(json_object_size(obj) == n + extra,
		    "%s: %zu keys, want %zu (unknown key written?)", where,
		    json_object_size(obj), n + extra);
}

/* Writes r and parses it; NULL (with the reason printed) if invalid. */
static json_t *write_and_parse(const struct hcb_report *r,
			       struct unit_buf *out)
{
	json_error_t err;
	json_t *doc;

	memset(out, 0, sizeof(*out));
	hcb_report_json(r, unit_buf_put, out);
	doc = json_loadb(out->p, out->len, JSON_REJECT_DUPLICATES, &err);
	TEST_ASSERT(doc, "invalid JSON at line %d col %d: %s\n%s", err.line,
		    err.column, err.text, out->p);
	return doc;
}

static json_t *load_schema(const char *path)
{
	json_error_t err;
	json_t *s = json_load_file(path, 0, &err);

	TEST_ASSERT(s, "%s:%d: %s", path, err.line, err.text);
	return s;
}

static const char *schema_path;

static void check_against_schema(json_t *doc, const char *what)
{
	json_t *schema = load_schema(schema_path);
	char err[512];

	if (!schema)
		return;
	TEST_ASSERT(!schema_check(schema, doc, err, sizeof(err)),
		    "%s does not match %s: %s", what, schema_path, err);
	json_decref(schema);
}

static void check_str(json_t *obj, const char *key, const char *want)
{
	const char *got = json_string_value(json_object_get(obj, key));

	TEST_ASSERT(got && !strcmp(got, want ? want : ""),
		    "\"%s\": got \"%s\", want \"%s\"", key,
		    got ? got : "(none)", want ? want : "");
}

static void check_int(json_t *obj, const char *key, long long want)
{
	json_t *v = json_object_get(obj, key);

	TEST_ASSERT(json_is_integer(v) && json_integer_value(v) == want,
		    "\"%s\": got %lld, want %lld", key,
		    (long long)json_integer_value(v), want);
}

static void check_num(json_t *v, double want, const char *what)
{
	TEST_ASSERT(json_is_number(v), "%s: not a number", what);
	TEST_NEAR(json_number_value(v), want, ROUND_TOL(want), what);
}

static void check_header(json_t *doc, const struct hcb_report *r)
{
	json_t *cpu = json_object_get(doc, HCB_K_CPU);
	json_t *hv = json_object_get(doc, HCB_K_HV);
	json_t *tsc = json_object_get(doc, HCB_K_TSC);

	check_keys(doc, top_keys, ARRAY_SIZE(top_keys), 0, "top level");
	check_keys(cpu, cpu_keys, ARRAY_SIZE(cpu_keys), 0, HCB_K_CPU);
	check_keys(hv, hv_keys, ARRAY_SIZE(hv_keys), 0, HCB_K_HV);
	check_keys(tsc, tsc_keys, ARRAY_SIZE(tsc_keys), 0, HCB_K_TSC);
	check_int(doc, HCB_K_SCHEMA, HCB_SCHEMA_VERSION);
	check_str(doc, HCB_K_TOOL, "hcbench");
	check_str(doc, HCB_K_BUILD, r->build);
	check_str(doc, HCB_K_ENV, r->env);
	check_str(doc, HCB_K_OPTIONS, r->options);
	check_str(doc, HCB_K_PATCHED, r->patched);
	check_int(doc, HCB_K_ITERS, r->iters);
	check_int(doc, HCB_K_BATCHES, r->batches);
	check_int(doc, HCB_K_BATCH_SIZE, r->batch_size);
	check_int(doc, HCB_K_HC_ISSUED, (long long)r->hc_issued);
	check_int(doc, HCB_K_CHECKS_FAILED, (long long)r->checks_failed);
	check_num(json_object_get(doc, HCB_K_OVERHEAD), r->overhead,
		  HCB_K_OVERHEAD);
	check_str(cpu, HCB_K_CPU_VENDOR, r->cpu.vendor);
	check_str(cpu, HCB_K_CPU_BRAND, r->cpu.brand);
	check_int(cpu, HCB_K_CPU_FAMILY, r->cpu.family);
	check_int(cpu, HCB_K_CPU_MODEL, r->cpu.model);
	check_int(cpu, HCB_K_CPU_STEPPING, r->cpu.stepping);
	check_str(hv, HCB_K_HV_SIGNATURE, r->hv.signature);
	check_int(hv, HCB_K_HV_MAX_LEAF, r->hv.max_leaf);
	check_int(hv, HCB_K_HV_FEATURES, r->hv.features);
	check_int(hv, HCB_K_HV_HINTS, r->hv.hints);
	check_int(tsc, HCB_K_TSC_HZ, (long long)r->tsc.hz);
	check_str(tsc, HCB_K_TSC_SOURCE, r->tsc.source);
}

static void check_stats_obj(json_t *obj, const struct hcb_stats *s,
			    double scale, const char *where)
{
	char what[128];
	double v;
	size_t i;

	TEST_ASSERT(json_object_size(obj) == N_STATS,
		    "%s: %zu stats, want %zu", where, json_object_size(obj),
		    N_STATS);
	for (i = 0; i < N_STATS; i++) {
		snprintf(what, sizeof(what), "%s.%s", where,
			 stat_specs[i].name);
		v = *(const double *)((const char *)s + stat_specs[i].offset);
		check_num(json_object_get(obj, stat_specs[i].name), v * scale,
			  what);
	}
}

static void check_num_array(json_t *a, const double *v, size_t n,
			    const char *where)
{
	char what[128];
	size_t i;

	TEST_ASSERT(json_array_size(a) == n, "%s: %zu values, want %zu",
		    where, json_array_size(a), n);
	for (i = 0; i < n && i < json_array_size(a); i++) {
		snprintf(what, sizeof(what), "%s[%zu]", where, i);
		check_num(json_array_get(a, i), v[i], what);
	}
}

static void check_hc(json_t *o, const struct hcb_hc_info *hc)
{
	check_keys(o, hc_keys, ARRAY_SIZE(hc_keys), 0, HCB_K_ROW_HC);
	check_int(o, HCB_K_HC_NR, (long long)hc->nr);
	check_str(o, HCB_K_HC_INSN, hc->insn);
	check_int(o, HCB_K_HC_RET, hc->ret);
	check_str(o, HCB_K_HC_CLASS, hc->cls);
	check_int(o, HCB_K_HC_CALLS, (long long)hc->calls);
	check_int(o, HCB_K_HC_CHECKS, (long long)hc->checks_failed);
}

static void check_row(json_t *o, const struct hcb_report *r,
		      const struct hcb_row_result *row)
{
	json_t *note = json_object_get(o, HCB_K_ROW_NOTE);
	size_t i;

	check_keys(o, row_keys, ARRAY_SIZE(row_keys), row->hc.valid, row->name);
	check_str(o, HCB_K_ROW_NAME, row->name);
	check_str(o, HCB_K_ROW_GROUP, row->group);
	check_str(o, HCB_K_ROW_DESC, row->desc);
	check_str(o, HCB_K_ROW_STATUS, row->status);
	if (row->note)
		check_str(o, HCB_K_ROW_NOTE, row->note);
	else
		TEST_ASSERT(json_is_null(note), "%s: note not null", row->name);
	if (row->hc.valid)
		check_hc(json_object_get(o, HCB_K_ROW_HC), &row->hc);
	if (!row->has_stats) {
		for (i = 5; i < ARRAY_SIZE(row_keys); i++)
			TEST_ASSERT(json_is_null(json_object_get(o,
							row_keys[i].key)),
				    "%s: \"%s\" not null without stats",
				    row->name, row_keys[i].key);
		return;
	}
	check_stats_obj(json_object_get(o, HCB_K_ROW_CYCLES), &row->cycles, 1,
			HCB_K_ROW_CYCLES);
	/* ns = cycles * 1e9 / hz, within the rounding of 3 decimals */
	check_stats_obj(json_object_get(o, HCB_K_ROW_NS), &row->cycles,
			1e9 / (double)r->tsc.hz, HCB_K_ROW_NS);
	check_num(json_object_get(o, HCB_K_ROW_BMEAN), row->batched_mean,
		  HCB_K_ROW_BMEAN);
	check_num_array(json_object_get(o, HCB_K_ROW_BSAMPLES),
			row->batch_samples,
			row->batch_samples ? row->n_batch_samples : 0,
			HCB_K_ROW_BSAMPLES);
	check_num_array(json_object_get(o, HCB_K_ROW_QUANTILES),
			row->quantiles, HCB_N_QUANTILES, HCB_K_ROW_QUANTILES);
}

static void test_json_full_report(void)
{
	struct fake_report f;
	struct unit_buf out;
	json_t *doc, *rows;
	unsigned int i;

	fake_report_init(&f, 0);
	doc = write_and_parse(&f.r, &out);
	if (!doc)
		goto out;
	check_header(doc, &f.r);
	rows = json_object_get(doc, HCB_K_ROWS);
	TEST_ASSERT(json_array_size(rows) == f.r.n_rows, "%zu rows, want %u",
		    json_array_size(rows), f.r.n_rows);
	for (i = 0; i < f.r.n_rows && i < json_array_size(rows); i++)
		check_row(json_array_get(rows, i), &f.r, &f.rows[i]);
	check_against_schema(doc, "full report");
	json_decref(doc);
out:
	unit_buf_free(&out);
}

/* Control characters, quotes, backslashes and UTF-8 survive; bad bytes */
/* become U+FFFD rather than invalid JSON. */
static void test_json_string_escapes(void)
{
	struct fake_report f;
	struct unit_buf out;
	json_t *doc, *host;

	fake_report_init(&f, 0);
	doc = write_and_parse(&f.r, &out);
	if (!doc)
		goto out;
	host = json_object_get(doc, HCB_K_HOST);
	TEST_ASSERT(json_object_size(host) == FAKE_N_HOST, "%zu host facts",
		    json_object_size(host));
	check_str(host, "kernel", f.host[0].val);
	check_str(host, "qemu", f.host[1].val);
	check_str(host, "cpu_model", f.host[2].val);
	check_str(host, "l1_kernel", f.host[3].val);
	check_str(host, "mitigations", "bad\xef\xbf\xbd utf8 \xef\xbf\xbd");
	/* each byte that starts no valid sequence becomes one U+FFFD */
	check_str(host, "patch", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|"
		  "\xef\xbf\xbd\xef\xbf\xbd|"
		  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|"
		  "\xef\xbf\xbd\xef\xbf\xbd|"
		  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	TEST_ASSERT(!memchr(out.p, '\t', out.len) &&
		    !memchr(out.p, '\x01', out.len),
		    "raw control characters in the JSON text");
	json_decref(doc);
out:
	unit_buf_free(&out);
}

static void check_emulation(int hardware, int emulated_flag, const char *env,
			    int want)
{
	struct fake_report f;
	struct unit_buf out;
	const char *note;
	json_t *doc;

	fake_report_init(&f, hardware);
	f.r.emulated = emulated_flag;
	f.r.env = env;
	doc = write_and_parse(&f.r, &out);
	if (!doc)
		goto out;
	TEST_ASSERT(json_is_boolean(json_object_get(doc, HCB_K_EMULATED)) &&
		    json_is_true(json_object_get(doc, HCB_K_EMULATED)) == want,
		    "env %s flag %d: emulated should be %d", env,
		    emulated_flag, want);
	note = json_string_value(json_object_get(doc, HCB_K_TIMING_NOTE));
	TEST_ASSERT(note && !!strstr(note, "not hardware numbers") == want &&
		    !!strstr(note, "hardware measurements") == !want,
		    "env %s: timing note \"%s\"", env, note ? note : "");
	json_decref(doc);
out:
	unit_buf_free(&out);
}

static void test_json_emulated_label(void)
{
	check_emulation(0, 1, HCB_ENV_NESTED, 1);
	check_emulation(0, 1, HCB_ENV_TCG, 1);
	check_emulation(1, 0, HCB_ENV_HW, 0);
	/* Disagreeing or missing facts err on the side of "emulated". */
	check_emulation(1, 1, HCB_ENV_HW, 1);
	check_emulation(0, 0, HCB_ENV_NESTED, 1);
	check_emulation(0, 0, NULL, 1);
	check_emulation(0, 0, "unknown", 1);
}

/* KVM in a VM on hardware: real timings, labelled with the outer cost. */
static void test_json_nested_kvm_label(void)
{
	struct fake_report f;
	struct unit_buf out;
	const char *note;
	json_t *doc;

	fake_report_init(&f, 1);
	f.r.env = HCB_ENV_NESTED_KVM;
	doc = write_and_parse(&f.r, &out);
	if (!doc)
		goto out;
	TEST_ASSERT(json_is_false(json_object_get(doc, HCB_K_EMULATED)),
		    "nested-kvm with emulated 0 must say emulated false");
	note = json_string_value(json_object_get(doc, HCB_K_TIMING_NOTE));
	TEST_ASSERT(note && strstr(note, "outer hypervisor") &&
		    !strstr(note, "not hardware numbers"),
		    "nested-kvm timing note \"%s\"", note ? note : "");
	json_decref(doc);
out:
	unit_buf_free(&out);
	/* the same label with the emulated flag set is emulated */
	check_emulation(1, 1, HCB_ENV_NESTED_KVM, 1);
}

/* Odd input: no rows, no host facts, NULL strings, hz 0, NaN, huge. */
static void test_json_odd_input(void)
{
	static const struct hcb_kv dup_host[] = {
		{ "kernel", "first" }, { NULL, "no key" },
		{ "kernel", "again" },
	};
	struct hcb_row_result row = { 0 };
	struct hcb_report r = { 0 };
	struct unit_buf out;
	json_t *doc, *o;

	doc = write_and_parse(&r, &out);	/* all zero: empty rows */
	if (doc) {
		check_keys(doc, top_keys, ARRAY_SIZE(top_keys), 0,
			   "empty report");
		TEST_ASSERT(json_array_size(json_object_get(doc, HCB_K_ROWS))
			    == 0, "rows not empty");
		TEST_ASSERT(json_object_size(json_object_get(doc, HCB_K_HOST))
			    == 0, "host not empty");
		check_str(doc, HCB_K_BUILD, "");
		check_against_schema(doc, "empty report");
		json_decref(doc);
	}
	unit_buf_free(&out);

	r.host = dup_host;
	r.n_host = ARRAY_SIZE(dup_host);
	row.has_stats = 1;
	row.cycles.p50 = NAN;
	row.cycles.p99 = INFINITY;
	row.cycles.max = 1e300;
	row.cycles.mean = 42;
	row.batched_mean = -INFINITY;
	row.hc.valid = 1;
	row.hc.ret = -9223372036854775807LL - 1;
	row.n_batch_samples = 5;		/* but no array: none */
	r.rows = &row;
	r.n_rows = 1;
	doc = write_and_parse(&r, &out);
	if (!doc)
		goto out;
	o = json_array_get(json_object_get(doc, HCB_K_ROWS), 0);
	check_keys(o, row_keys, ARRAY_SIZE(row_keys), 1, "odd row");
	TEST_ASSERT(json_is_null(json_object_get(o, HCB_K_ROW_NS)),
		    "hz 0: ns must be null");
	o = json_object_get(o, HCB_K_ROW_CYCLES);
	TEST_ASSERT(json_is_null(json_object_get(o, "p50")) &&
		    json_is_null(json_object_get(o, "p99")) &&
		    json_is_null(json_object_get(o, "max")),
		    "non-finite or huge stats must be null");
	check_num(json_object_get(o, "mean"), 42, "mean");
	o = json_array_get(json_object_get(doc, HCB_K_ROWS), 0);
	TEST_ASSERT(json_is_null(json_object_get(o, HCB_K_ROW_BMEAN)),
		    "-inf batched mean must be null");
	TEST_ASSERT(json_array_size(json_object_get(o, HCB_K_ROW_BSAMPLES))
		    == 0, "batch samples without an array");
	check_int(json_object_get(o, HCB_K_ROW_HC), HCB_K_HC_RET,
		  row.hc.ret);
	/* JSON_REJECT_DUPLICATES parsed it: the repeated key was dropped */
	o = json_object_get(doc, HCB_K_HOST);
	TEST_ASSERT(json_object_size(o) == 1, "%zu host facts, want 1",
		    json_object_size(o));
	check_str(o, "kernel", "first");
	check_against_schema(doc, "odd report");
	json_decref(doc);
out:
	unit_buf_free(&out);
}

/* More batch samples than HCB_MAX_BATCHES: the writer stops there. */
static void test_json_batch_clamp(void)
{
	static double many[HCB_MAX_BATCHES + 10];
	struct fake_report f;
	struct unit_buf out;
	json_t *doc, *row;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(many); i++)
		many[i] = i * 0.5;
	fake_report_init(&f, 1);
	f.rows[0].batch_samples = many;
	f.rows[0].n_batch_samples = ARRAY_SIZE(many);
	doc = write_and_parse(&f.r, &out);
	if (!doc)
		goto out;
	row = json_array_get(json_object_get(doc, HCB_K_ROWS), 0);
	check_num_array(json_object_get(row, HCB_K_ROW_BSAMPLES), many,
			HCB_MAX_BATCHES, "clamped batch samples");
	check_against_schema(doc, "report with HCB_MAX_BATCHES samples");
	json_decref(doc);
out:
	unit_buf_free(&out);
}

/* The validator itself must reject broken documents. */
static void test_json_schema_rejects(void)
{
	json_t *schema = load_schema(schema_path), *doc, *row;
	struct fake_report f;
	struct unit_buf out;
	char err[512];

	if (!schema)
		return;
	fake_report_init(&f, 0);
	doc = write_and_parse(&f.r, &out);
	if (!doc)
		goto out;
	row = json_array_get(json_object_get(doc, HCB_K_ROWS), 0);
	json_object_del(row, HCB_K_ROW_STATUS);
	TEST_ASSERT(schema_check(schema, doc, err, sizeof(err)),
		    "row without status accepted");
	json_object_set_new(row, HCB_K_ROW_STATUS, json_string("bogus"));
	TEST_ASSERT(schema_check(schema, doc, err, sizeof(err)),
		    "unknown status accepted");
	json_object_set_new(row, HCB_K_ROW_STATUS, json_string("ok"));
	TEST_ASSERT(!schema_check(schema, doc, err, sizeof(err)),
		    "restored document rejected: %s", err);
	json_object_set_new(doc, "surprise", json_true());
	TEST_ASSERT(schema_check(schema, doc, err, sizeof(err)),
		    "unknown top-level key accepted");
	json_object_del(doc, "surprise");
	json_object_set_new(doc, HCB_K_EMULATED, json_string("yes"));
	TEST_ASSERT(schema_check(schema, doc, err, sizeof(err)),
		    "string \"emulated\" accepted");
	json_decref(doc);
out:
	unit_buf_free(&out);
	json_decref(schema);
}

static int enum_has(json_t *en, const char *s)
{
	json_t *v;
	size_t i;

	json_array_foreach(en, i, v)
		if (json_is_string(v) && !strcmp(json_string_value(v), s))
			return 1;
	return 0;
}

static void check_required(json_t *node, const struct key_spec *spec,
			   size_t n, const char *where)
{
	json_t *req = json_object_get(node, "required");
	size_t i;

	TEST_ASSERT(json_array_size(req) == n, "%s: %zu required keys, "
		    "schema.h has %zu", where, json_array_size(req), n);
	for (i = 0; i < n; i++)
		TEST_ASSERT(enum_has(req, spec[i].key),
			    "%s: \"%s\" not required", where, spec[i].key);
}

/* obj[a][b], NULL anywhere on the way gives NULL */
static json_t *get2(json_t *obj, const char *a, const char *b)
{
	return json_object_get(json_object_get(obj, a), b);
}

static void check_enum(json_t *props, const char *key,
		       const char *const *vals, size_t n)
{
	json_t *en = get2(props, key, "enum");
	size_t i;

	for (i = 0; i < n; i++)
		TEST_ASSERT(enum_has(en, vals[i]), "%s \"%s\" not in schema",
			    key, vals[i]);
}

/* The facts results/schema-v1.json repeats agree with schema.h. */
static void test_json_schema_matches_header(void)
{
	static const char *const statuses[] = {
		HCB_STATUS_OK, HCB_STATUS_UNAVAILABLE, HCB_STATUS_SKIPPED,
		HCB_STATUS_ERROR,
	};
	static const char *const groups[] = {
		HCB_GROUP_HC, HCB_GROUP_EXIT, HCB_GROUP_FLOOR,
	};
	static const char *const classes[] = {
		HCB_HC_CLASS_OK, HCB_HC_CLASS_ENOSYS, HCB_HC_CLASS_EPERM,
		HCB_HC_CLASS_OTHER,
	};
	json_t *schema = load_schema(schema_path), *defs, *p, *st;
	size_t i;

	if (!schema)
		return;
	defs = json_object_get(schema, "$defs");
	p = get2(defs, "row", "properties");
	check_required(schema, top_keys, ARRAY_SIZE(top_keys), "top level");
	check_required(json_object_get(defs, "row"), row_keys,
		       ARRAY_SIZE(row_keys), "row");
	check_required(json_object_get(defs, "hypercall"), hc_keys,
		       ARRAY_SIZE(hc_keys), "hypercall");
	st = get2(schema, "properties", HCB_K_SCHEMA);
	TEST_ASSERT(json_integer_value(json_object_get(st, "const")) ==
		    HCB_SCHEMA_VERSION,
		    "schema_version const is not HCB_SCHEMA_VERSION");
	TEST_ASSERT(json_integer_value(get2(p, HCB_K_ROW_BSAMPLES,
					    "maxItems")) == HCB_MAX_BATCHES,
		    "maxItems of %s is not HCB_MAX_BATCHES",
		    HCB_K_ROW_BSAMPLES);
	TEST_ASSERT(json_integer_value(get2(p, HCB_K_ROW_QUANTILES,
					    "minItems")) == HCB_N_QUANTILES &&
		    json_integer_value(get2(p, HCB_K_ROW_QUANTILES,
					    "maxItems")) == HCB_N_QUANTILES,
		    "%s size is not HCB_N_QUANTILES", HCB_K_ROW_QUANTILES);
	st = get2(defs, "stats", "required");
	TEST_ASSERT(json_array_size(st) == N_STATS, "%zu stats in schema",
		    json_array_size(st));
	for (i = 0; i < N_STATS; i++)
		TEST_ASSERT(enum_has(st, stat_specs[i].name),
			    "stat %s not in schema", stat_specs[i].name);
	check_enum(p, HCB_K_ROW_STATUS, statuses, ARRAY_SIZE(statuses));
	check_enum(p, HCB_K_ROW_GROUP, groups, ARRAY_SIZE(groups));
	check_enum(get2(defs, "hypercall", "properties"), HCB_K_HC_CLASS,
		   classes, ARRAY_SIZE(classes));
	json_decref(schema);
}

void unit_json_suite(const char *schema)
{
	schema_path = schema;
	RUN_TEST(test_json_full_report);
	RUN_TEST(test_json_string_escapes);
	RUN_TEST(test_json_emulated_label);
	RUN_TEST(test_json_nested_kvm_label);
	RUN_TEST(test_json_odd_input);
	RUN_TEST(test_json_batch_clamp);
	RUN_TEST(test_json_schema_rejects);
	RUN_TEST(test_json_schema_matches_header);
}
