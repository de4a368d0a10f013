// SPDX-License-Identifier: GPL-2.0
/*
 * Load one hcbench report and check it against schema version
 * HCB_SCHEMA_VERSION: required fields, their JSON types, the enumerations
 * and the ordering of statistics.  Every failure names the file and the
 * field, e.g. "hcb-compare: a.json: rows[3].cycles.p50: missing".
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report.h"

const char *hcb_prog = "hcb";

const char *const hcb_stat_names[HCB_N_STATS] = {
#define HCB_STAT_NAME(f) #f,
	HCB_STAT_FIELDS(HCB_STAT_NAME)
#undef HCB_STAT_NAME
};

/* JSON types a field may have (or-ed). */
enum want {
	W_INT = 1, W_NUM = 2, W_STR = 4, W_BOOL = 8, W_OBJ = 16, W_ARR = 32,
	W_NULL = 64,
};

static const char *const want_names[] = {
	"an integer", "a number", "a string", "true or false", "an object",
	"an array", "null",
};

static const char *cur_path;

/*
 * Length of the control character at @p (C0, DEL, or C1 as UTF-8:
 * terminals take U+009B for CSI), else 0.
 */
static size_t ctrl_len(const unsigned char *p)
{
	if (*p < 0x20 || *p == 0x7f)
		return 1;
	if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
		return 2;
	return 0;
}

void hcb_fput_safe(const char *s, FILE *f)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	for (; *p; p++) {
		n = ctrl_len(p);
		if (!n && *p != '\\') {
			fputc(*p, f);
			continue;
		}
		fprintf(f, "\\x%02x", *p);
		if (n == 2)
			fprintf(f, "\\x%02x", *++p);
	}
}

/* "PROG: PATH: " with PATH escaped: file names reach the terminal too. */
static void prefix_to(FILE *f, const char *path)
{
	fprintf(f, "%s: ", hcb_prog);
	hcb_fput_safe(path, f);
	fputs(": ", f);
}

static void prefix(void)
{
	prefix_to(stderr, cur_path);
}

/* "PROG: PATH: FIELD: problem" to @f. */
static int vproblem(FILE *f, const char *path, const char *field,
		    const char *fmt, va_list ap)
{
	prefix_to(f, path);
	fprintf(f, "%s: ", field);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
	return -1;
}

__attribute__((format(printf, 2, 3)))
static int bad(const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vproblem(stderr, cur_path, field, fmt, ap);
	va_end(ap);
	return -1;
}

const char *hcb_row_field(char *buf, size_t len, const char *name,
			  const char *key)
{
	snprintf(buf, len, "%s[%s]%s%s", HCB_K_ROWS, name, key ? "." : "",
		 key ? key : "");
	return buf;
}

int hcb_report_problem(FILE *f, const struct hcb_rreport *r,
		       const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vproblem(f, r->path, field, fmt, ap);
	va_end(ap);
	return -1;
}

static int is_type(const json_t *v, unsigned int w)
{
	return ((w & W_INT) && json_is_integer(v)) ||
	       ((w & W_NUM) && json_is_number(v)) ||
	       ((w & W_STR) && json_is_string(v)) ||
	       ((w & W_BOOL) && json_is_boolean(v)) ||
	       ((w & W_OBJ) && json_is_object(v)) ||
	       ((w & W_ARR) && json_is_array(v)) ||
	       ((w & W_NULL) && json_is_null(v));
}

static int bad_type(const char *field, unsigned int w)
{
	char msg[128] = "is not ";
	size_t i, n = 0;

	for (i = 0; i < sizeof(want_names) / sizeof(want_names[0]); i++) {
		if (!(w & (1u << i)))
			continue;
		if (n++)
			strcat(msg, " or ");
		strcat(msg, want_names[i]);
	}
	return bad(field, "%s", msg);
}

/* Member @key of object @obj (itself at @ctx, "" for the top) of type @w. */
static int req(json_t *obj, const char *ctx, const char *key, unsigned int w,
	       json_t **out)
{
	char field[256];
	json_t *v = json_object_get(obj, key);

	snprintf(field, sizeof(field), "%s%s%s", ctx, *ctx ? "." : "", key);
	if (!v)
		return bad(field, "missing");
	if (!is_type(v, w))
		return bad_type(field, w);
	*out = v;
	return 0;
}

/* Several members of one object that need only a type check. */
struct member {
	const char *key;
	unsigned int want;
};

static int req_all(json_t *obj, const char *ctx, const struct member *m)
{
	json_t *v;

	for (; m->key; m++)
		if (req(obj, ctx, m->key, m->want, &v))
			return -1;
	return 0;
}

/* A number or null (NaN) at @v. */
static double num_or_nan(const json_t *v)
{
	return json_is_number(v) ? json_number_value(v) : NAN;
}

static int req_str(json_t *obj, const char *ctx, const char *key,
		   const char **out)
{
	json_t *v;

	if (req(obj, ctx, key, W_STR, &v))
		return -1;
	*out = json_string_value(v);
	return 0;
}

static int req_int(json_t *obj, const char *ctx, const char *key,
		   long long *out)
{
	json_t *v;

	if (req(obj, ctx, key, W_INT, &v))
		return -1;
	*out = json_integer_value(v);
	return 0;
}

/* Integer member @key of @obj (checked by req_all()), 0 without @obj. */
static long long int_of(json_t *obj, const char *key)
{
	return json_integer_value(json_object_get(obj, key));
}

static int req_num_or_null(json_t *obj, const char *ctx, const char *key,
			   double *out)
{
	json_t *v;

	if (req(obj, ctx, key, W_NUM | W_NULL, &v))
		return -1;
	*out = num_or_nan(v);
	return 0;
}

static int one_of(const char *field, const char *v, const char *const *set)
{
	size_t i;

	for (i = 0; set[i]; i++)
		if (!strcmp(v, set[i]))
			return 0;
	return bad(field, "unknown value \"%s\"", v);
}

/*
 * Every string of a report (values and keys, at any depth) is shown on
 * terminals and written into gnuplot files: no control characters, so no
 * newline, escape sequence (ANSI CSI, OSC) or other byte below 0x20, DEL
 * or U+0080..U+009F.  Checked before any other rule, so no later message
 * can print such a string.
 */
static int first_ctrl(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (ctrl_len((const unsigned char *)s + i))
			return (int)(i < INT_MAX ? i : INT_MAX);
	return -1;
}

/* @path (escaped) + ".KEY" or "[I]", truncated with "..." past @cap. */
static void path_add(char *path, size_t cap, const char *key, size_t idx)
{
	size_t n = strlen(path), i;
	const unsigned char *k = (const unsigned char *)key;

	if (n + 4 >= cap)
		return;
	if (!key) {
		snprintf(path + n, cap - n, "[%zu]", idx);
		return;
	}
	if (n)
		path[n++] = '.';
	for (i = 0; k[i] && n + 8 < cap; i++) {
		if (ctrl_len(k + i) || k[i] >= 0x80)
			n += snprintf(path + n, cap - n, "\\x%02x", k[i]);
		else
			path[n++] = k[i];
	}
	if (k[i])
		n += snprintf(path + n, cap - n, "...");
	path[n] = '\0';
}

static int ctrl_error(const char *path, const char *what, int at)
{
	return bad(*path ? path : "top level",
		   "%s has a control character (offset %d); report strings must not hold control characters or escape sequences",
		   what, at);
}

static int check_strings(json_t *v, char *path, size_t cap)
{
	size_t n = strlen(path), i;
	const char *k;
	json_t *e;
	int at, ret = 0;

	if (json_is_string(v)) {
		at = first_ctrl(json_string_value(v), json_string_length(v));
		return at < 0 ? 0 : ctrl_error(path, "the string", at);
	}
	if (json_is_array(v)) {
		json_array_foreach(v, i, e) {
			path_add(path, cap, NULL, i);
			ret = check_strings(e, path, cap);
			path[n] = '\0';
			if (ret)
				return ret;
		}
	}
	if (json_is_object(v)) {
		json_object_foreach(v, k, e) {
			path_add(path, cap, k, 0);
			at = first_ctrl(k, strlen(k));
			ret = at < 0 ? check_strings(e, path, cap) :
				       ctrl_error(path, "the key", at);
			path[n] = '\0';
			if (ret)
				return ret;
		}
	}
	return 0;
}

/*
 * A HCB_STAT_FIELDS object: numbers (null when the writer could not
 * represent one), min <= p1 <= ... <= max among the numbers.
 */
static int load_stats(json_t *o, const char *ctx, double *st)
{
	int i, prev = -1;

	for (i = 0; i < HCB_N_STATS; i++)
		if (req_num_or_null(o, ctx, hcb_stat_names[i], &st[i]))
			return -1;
	for (i = HCB_STAT_min; i <= HCB_STAT_max; i++) {
		if (isnan(st[i]))
			continue;
		if (prev >= 0 && st[i] < st[prev])
			return bad(ctx, "%s (%g) is below %s (%g)",
				   hcb_stat_names[i], st[i],
				   hcb_stat_names[prev], st[prev]);
		prev = i;
	}
	if (st[HCB_STAT_stddev] < 0)
		return bad(ctx, "stddev is negative");
	return 0;
}

/*
 * Array at @field of @min..@max numbers or nulls.  Numbers go to @out
 * (nulls too, as NaN, when @keep_null), their count to *n.
 */
static int load_nums(json_t *a, const char *field, size_t min, size_t max,
		     int keep_null, double *out, size_t *n)
{
	size_t i, len = json_array_size(a);
	json_t *v;

	if (len < min || len > max)
		return bad(field, "has %zu entries, expected %zu..%zu", len,
			   min, max);
	*n = 0;
	json_array_foreach(a, i, v) {
		if (!json_is_number(v) && !json_is_null(v))
			return bad(field, "entry %zu is not a number or null",
				   i);
		if (json_is_number(v) || keep_null)
			out[(*n)++] = num_or_nan(v);
	}
	return 0;
}

/* The statistics of a row whose status is ok: they must be there. */
static int load_row_stats(json_t *o, const char *ctx, long long hz,
			  struct hcb_rrow *row)
{
	char f[256];
	double tmp[HCB_MAX_BATCHES];
	json_t *c, *ns, *q, *b;
	size_t n, i;

	if (req(o, ctx, HCB_K_ROW_CYCLES, W_OBJ, &c) ||
	    req(o, ctx, HCB_K_ROW_NS, hz ? W_OBJ : W_OBJ | W_NULL, &ns) ||
	    req(o, ctx, HCB_K_ROW_QUANTILES, W_ARR, &q) ||
	    req(o, ctx, HCB_K_ROW_BSAMPLES, W_ARR, &b) ||
	    req_num_or_null(o, ctx, HCB_K_ROW_BMEAN, &row->bmean))
		return -1;
	snprintf(f, sizeof(f), "%s.%s", ctx, HCB_K_ROW_CYCLES);
	if (load_stats(c, f, row->cycles))
		return -1;
	snprintf(f, sizeof(f), "%s.%s", ctx, HCB_K_ROW_NS);
	for (i = 0; i < HCB_N_STATS; i++)
		row->ns[i] = NAN;
	if (json_is_object(ns) && load_stats(ns, f, row->ns))
		return -1;
	snprintf(f, sizeof(f), "%s.%s", ctx, HCB_K_ROW_QUANTILES);
	if (load_nums(q, f, HCB_N_QUANTILES, HCB_N_QUANTILES, 1,
		      row->quantiles, &n))
		return -1;
	for (i = 1; i < HCB_N_QUANTILES; i++)
		if (row->quantiles[i] < row->quantiles[i - 1])
			return bad(f, "decreases at p%zu", i);
	snprintf(f, sizeof(f), "%s.%s", ctx, HCB_K_ROW_BSAMPLES);
	if (load_nums(b, f, 0, HCB_MAX_BATCHES, 0, tmp, &n))
		return -1;
	row->n_bsamples_null = json_array_size(b) - n;
	row->bsamples = malloc((n ? n : 1) * sizeof(*row->bsamples));
	if (!row->bsamples)
		return bad(ctx, "out of memory");
	memcpy(row->bsamples, tmp, n * sizeof(*tmp));
	row->n_bsamples = n;
	return 0;
}

static const struct member row_members[] = {
	{ HCB_K_ROW_NAME, W_STR }, { HCB_K_ROW_GROUP, W_STR },
	{ HCB_K_ROW_DESC, W_STR }, { HCB_K_ROW_STATUS, W_STR },
	{ HCB_K_ROW_NOTE, W_STR | W_NULL },
	{ HCB_K_ROW_CYCLES, W_OBJ | W_NULL }, { HCB_K_ROW_NS, W_OBJ | W_NULL },
	{ HCB_K_ROW_BMEAN, W_NUM | W_NULL },
	{ HCB_K_ROW_BSAMPLES, W_ARR | W_NULL },
	{ HCB_K_ROW_QUANTILES, W_ARR | W_NULL },
	{ NULL, 0 }
};

static const struct member hc_members[] = {
	{ HCB_K_HC_NR, W_INT }, { HCB_K_HC_INSN, W_STR },
	{ HCB_K_HC_RET, W_INT }, { HCB_K_HC_CLASS, W_STR },
	{ HCB_K_HC_CALLS, W_INT }, { HCB_K_HC_CHECKS, W_INT },
	{ NULL, 0 }
};

/* The writer emits "" for a missing group or status. */
static const char *const groups[] = {
	HCB_GROUP_HC, HCB_GROUP_EXIT, HCB_GROUP_FLOOR, "", NULL
};
static const char *const statuses[] = {
	HCB_STATUS_OK, HCB_STATUS_UNAVAILABLE, HCB_STATUS_SKIPPED,
	HCB_STATUS_ERROR, "", NULL
};

static int load_row(json_t *o, size_t idx, long long hz,
		    struct hcb_rrow *row)
{
	char ctx[64], f[96];
	json_t *hc;

	snprintf(ctx, sizeof(ctx), "%s[%zu]", HCB_K_ROWS, idx);
	if (!json_is_object(o))
		return bad(ctx, "is not an object");
	if (req_all(o, ctx, row_members))
		return -1;
	row->name = json_string_value(json_object_get(o, HCB_K_ROW_NAME));
	row->group = json_string_value(json_object_get(o, HCB_K_ROW_GROUP));
	row->status = json_string_value(json_object_get(o, HCB_K_ROW_STATUS));
	snprintf(f, sizeof(f), "%s.%s", ctx, HCB_K_ROW_GROUP);
	if (one_of(f, row->group, groups))
		return -1;
	snprintf(f, sizeof(f), "%s.%s", ctx, HCB_K_ROW_STATUS);
	if (one_of(f, row->status, statuses))
		return -1;
	hc = json_object_get(o, HCB_K_ROW_HC);
	snprintf(f, sizeof(f), "%s.%s", ctx, HCB_K_ROW_HC);
	if (hc && !json_is_object(hc))
		return bad(f, "is not an object");
	if (hc && req_all(hc, f, hc_members))
		return -1;
	row->note = json_string_value(json_object_get(o, HCB_K_ROW_NOTE));
	row->has_hc = !!hc;
	row->hc_nr = int_of(hc, HCB_K_HC_NR);
	row->hc_ret = int_of(hc, HCB_K_HC_RET);
	row->hc_calls = int_of(hc, HCB_K_HC_CALLS);
	row->hc_checks = int_of(hc, HCB_K_HC_CHECKS);
	row->hc_insn = json_string_value(json_object_get(hc, HCB_K_HC_INSN));
	row->hc_class = json_string_value(json_object_get(hc, HCB_K_HC_CLASS));
	row->ok = !strcmp(row->status, HCB_STATUS_OK);
	return row->ok ? load_row_stats(o, ctx, hz, row) : 0;
}

/*
 * Row names are ids: they go into gnuplot data files as one
 * whitespace-separated column, so letters, digits and "_.+-" only.
 */
static int check_name(size_t idx, const char *name)
{
	char f[96];
	size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+-");

	if (len && len <= HCB_MAX_NAME && !name[len])
		return 0;
	snprintf(f, sizeof(f), "%s[%zu].%s", HCB_K_ROWS, idx,
		 HCB_K_ROW_NAME);
	return bad(f, "\"%s\" is not 1..%d of A-Z a-z 0-9 _ . + -", name,
		   HCB_MAX_NAME);
}

/* FNV-1a: row names are looked up through an open-addressing table. */
static size_t name_hash(const char *s)
{
	size_t h = 14695981039346656037ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* Slot of @name in r->index: its row + 1, or the free slot (0). */
static size_t *name_slot(const struct hcb_rreport *r, const char *name)
{
	size_t mask = r->index_size - 1, i = name_hash(name) & mask;

	while (r->index[i] && strcmp(r->rows[r->index[i] - 1].name, name))
		i = (i + 1) & mask;
	return &r->index[i];
}

static int index_rows(struct hcb_rreport *r, size_t n)
{
	r->index_size = 16;
	while (r->index_size < 2 * n)
		r->index_size *= 2;
	r->index = calloc(r->index_size, sizeof(*r->index));
	return r->index ? 0 : bad(HCB_K_ROWS, "out of memory");
}

static int load_rows(struct hcb_rreport *r)
{
	json_t *a, *v;
	size_t i, *slot;

	if (req(r->root, "", HCB_K_ROWS, W_ARR, &a))
		return -1;
	if (json_array_size(a) > HCB_MAX_ROWS)
		return bad(HCB_K_ROWS, "has %zu rows, the limit is %d",
			   json_array_size(a), HCB_MAX_ROWS);
	r->rows = calloc(json_array_size(a) + 1, sizeof(*r->rows));
	if (!r->rows || index_rows(r, json_array_size(a)))
		return bad(HCB_K_ROWS, "out of memory");
	json_array_foreach(a, i, v) {
		if (load_row(v, i, r->tsc_hz, &r->rows[i]))
			return -1;
		r->n_rows = i + 1;
		if (check_name(i, r->rows[i].name))
			return -1;
		slot = name_slot(r, r->rows[i].name);
		if (*slot)
			return bad(HCB_K_ROWS,
				   "row name \"%s\" appears twice",
				   r->rows[i].name);
		*slot = i + 1;
	}
	return 0;
}

static const struct member hv_members[] = {
	{ HCB_K_HV_SIGNATURE, W_STR }, { HCB_K_HV_MAX_LEAF, W_INT },
	{ HCB_K_HV_FEATURES, W_INT }, { HCB_K_HV_HINTS, W_INT },
	{ NULL, 0 }
};

static int load_cpu_tsc(struct hcb_rreport *r)
{
	json_t *cpu, *tsc, *hv;

	if (req(r->root, "", HCB_K_CPU, W_OBJ, &cpu) ||
	    req_str(cpu, HCB_K_CPU, HCB_K_CPU_VENDOR, &r->cpu.vendor) ||
	    req_int(cpu, HCB_K_CPU, HCB_K_CPU_FAMILY, &r->cpu.family) ||
	    req_int(cpu, HCB_K_CPU, HCB_K_CPU_MODEL, &r->cpu.model) ||
	    req_int(cpu, HCB_K_CPU, HCB_K_CPU_STEPPING, &r->cpu.stepping) ||
	    req_str(cpu, HCB_K_CPU, HCB_K_CPU_BRAND, &r->cpu.brand))
		return -1;
	if (req(r->root, "", HCB_K_HV, W_OBJ, &hv) ||
	    req_all(hv, HCB_K_HV, hv_members))
		return -1;
	if (req(r->root, "", HCB_K_TSC, W_OBJ, &tsc) ||
	    req_int(tsc, HCB_K_TSC, HCB_K_TSC_HZ, &r->tsc_hz) ||
	    req_str(tsc, HCB_K_TSC, HCB_K_TSC_SOURCE, &r->tsc_source))
		return -1;
	if (r->tsc_hz < 0)
		return bad(HCB_K_TSC "." HCB_K_TSC_HZ, "is negative");
	return 0;
}

static int load_host(struct hcb_rreport *r)
{
	char field[256];
	const char *k;
	json_t *v;

	if (req(r->root, "", HCB_K_HOST, W_OBJ, &r->host))
		return -1;
	json_object_foreach(r->host, k, v) {
		if (json_is_string(v))
			continue;
		snprintf(field, sizeof(field), "%s.%s", HCB_K_HOST, k);
		return bad(field, "is not a string");
	}
	return 0;
}

/*
 * The environment is whatever the runner said (the guest writes e.g.
 * "unknown" when it said nothing); anything but hardware KVM must be
 * flagged emulated.
 */
static int load_env(struct hcb_rreport *r)
{
	json_t *v;

	if (req_str(r->root, "", HCB_K_ENV, &r->env) ||
	    req(r->root, "", HCB_K_EMULATED, W_BOOL, &v))
		return -1;
	r->emulated = json_is_true(v);
	if (!r->emulated && strcmp(r->env, HCB_ENV_HW) &&
	    strcmp(r->env, HCB_ENV_NESTED_KVM))
		return bad(HCB_K_EMULATED, "is false but %s is \"%s\"",
			   HCB_K_ENV, r->env);
	return 0;
}

static const struct member top_members[] = {
	{ HCB_K_TOOL, W_STR }, { HCB_K_BUILD, W_STR },
	{ HCB_K_TIMING_NOTE, W_STR }, { HCB_K_OPTIONS, W_STR },
	{ HCB_K_PATCHED, W_STR }, { HCB_K_ITERS, W_INT },
	{ HCB_K_BATCHES, W_INT }, { HCB_K_BATCH_SIZE, W_INT },
	{ HCB_K_OVERHEAD, W_NUM | W_NULL }, { HCB_K_HC_ISSUED, W_INT },
	{ HCB_K_CHECKS_FAILED, W_INT },
	{ NULL, 0 }
};

/* Members req_all() checked: strings and integers. */
static void load_top(struct hcb_rreport *r)
{
	json_t *o = r->root;

	r->build = json_string_value(json_object_get(o, HCB_K_BUILD));
	r->patched = json_string_value(json_object_get(o, HCB_K_PATCHED));
	r->hc_issued = int_of(o, HCB_K_HC_ISSUED);
	r->checks_failed = int_of(o, HCB_K_CHECKS_FAILED);
	r->overhead = num_or_nan(json_object_get(o, HCB_K_OVERHEAD));
}

static int load_root(struct hcb_rreport *r)
{
	char path[256] = "";

	if (!json_is_object(r->root))
		return bad("top level", "is not a JSON object");
	if (check_strings(r->root, path, sizeof(path)))
		return -1;
	if (req_int(r->root, "", HCB_K_SCHEMA, &r->version))
		return -1;
	if (r->version != HCB_SCHEMA_VERSION)
		return bad(HCB_K_SCHEMA,
			   "is %lld, this tool reads version %d only",
			   r->version, HCB_SCHEMA_VERSION);
	if (load_env(r) || req_all(r->root, "", top_members))
		return -1;
	load_top(r);
	return load_cpu_tsc(r) || load_host(r) || load_rows(r) ? -1 : 0;
}

/* Whole file into r->data (at most HCB_MAX_FILE bytes). */
static int read_file(FILE *f, struct hcb_rreport *r)
{
	size_t cap = 1 << 16, n;
	char *p;

	r->data = malloc(cap);
	for (;;) {
		if (!r->data)
			return bad("file", "out of memory");
		n = fread(r->data + r->size, 1, cap - r->size, f);
		r->size += n;
		if (ferror(f))
			return bad("file", "read error: %s", strerror(errno));
		if (r->size > HCB_MAX_FILE)
			return bad("file", "is larger than %d MiB, the limit",
				   HCB_MAX_FILE >> 20);
		if (r->size < cap && feof(f))
			return 0;
		if (r->size == cap) {
			cap *= 2;
			p = realloc(r->data, cap);
			if (!p)
				free(r->data);
			r->data = p;
		}
	}
}

/*
 * jansson does not always say that an allocation failed (it may report
 * "line -1" and no text), so its allocations are watched here.
 */
static int alloc_failed;

static void *watch_malloc(size_t n)
{
	void *p = malloc(n);

	if (!p)
		alloc_failed = 1;
	return p;
}

static int parse(struct hcb_rreport *r)
{
	json_error_t jerr;

	alloc_failed = 0;
	json_set_alloc_funcs(watch_malloc, free);
	r->root = json_loadb(r->data, r->size, JSON_REJECT_DUPLICATES, &jerr);
	if (r->root)
		return 0;
	if (alloc_failed ||
	    json_error_code(&jerr) == json_error_out_of_memory)
		return bad("JSON", "out of memory while parsing (%zu bytes)",
			   r->size);
	prefix();
	fprintf(stderr, "malformed JSON at line %d column %d: %s\n",
		jerr.line, jerr.column, jerr.text);
	return -1;
}

int hcb_report_load(const char *path, struct hcb_rreport *r)
{
	FILE *f;
	int ret;

	memset(r, 0, sizeof(*r));
	r->path = path;
	cur_path = path;
	f = fopen(path, "rb");
	if (!f) {
		prefix();
		fprintf(stderr, "cannot open: %s\n", strerror(errno));
		return -1;
	}
	ret = read_file(f, r);
	fclose(f);
	if (ret || parse(r) || load_root(r)) {
		hcb_report_free(r);
		return -1;
	}
	return 0;
}

void hcb_report_free(struct hcb_rreport *r)
{
	size_t i;

	for (i = 0; r->rows && i < r->n_rows; i++)
		free(r->rows[i].bsamples);
	free(r->rows);
	free(r->index);
	free(r->data);
	json_decref(r->root);
	r->rows = NULL;
	r->index = NULL;
	r->data = NULL;
	r->root = NULL;
	r->n_rows = 0;
}

const char *hcb_report_host(const struct hcb_rreport *r, const char *key)
{
	return json_string_value(json_object_get(r->host, key));
}

const struct hcb_rrow *hcb_report_row(const struct hcb_rreport *r,
				      const char *name)
{
	size_t slot;

	if (!r->index)
		return NULL;
	slot = *name_slot(r, name);
	return slot ? &r->rows[slot - 1] : NULL;
}
