// SPDX-License-Identifier: GPL-2.0
/*
 * The guest options (docs/design.md, "Guest options"): one table, from
 * which parsing, the error texts, the defaults and the docs table come.
 */
#include "options.h"
#include "hcbench/schema.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/smp.h"
#include "kernel/trap.h"

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))
#define FIELD(f)	offsetof(struct hcb_options, f)
#define NAMES(a)	.names = a, .n_names = ARRAY_LEN(a)

static const char *const outputs[] = {
	[HCB_OUT_TEXT] = "text", [HCB_OUT_JSON] = "json",
	[HCB_OUT_BOTH] = "both",
};
static const char *const faults[] = {	/* enum hcb_fault, kernel/trap.h */
	[HCB_FAULT_NONE] = "none", [HCB_FAULT_UD] = "ud",
	[HCB_FAULT_GP] = "gp", [HCB_FAULT_PF] = "pf", [HCB_FAULT_DE] = "de",
	[HCB_FAULT_BP] = "bp",
};
static const char *const ap_tests[] = {	/* enum hcb_ap_test, kernel/smp.h */
	[HCB_AP_TEST_NONE] = "none", [HCB_AP_TEST_MUTE] = "mute",
	[HCB_AP_TEST_NOACK] = "noack", [HCB_AP_TEST_IST] = "ist",
};
static const char *const envs[] = {
	HCB_ENV_HW, HCB_ENV_NESTED_KVM, HCB_ENV_NESTED, HCB_ENV_NESTED_VMX,
	HCB_ENV_TCG,
};

const struct hcb_opt hcb_opts[] = {
	{ "iters", HCB_OPT_UINT, FIELD(iters), 16, 65536, .def = 4096,
	  .help = "per-call samples per row" },
	{ "batches", HCB_OPT_UINT, FIELD(batches), 1, HCB_MAX_BATCHES,
	  .def = 64, .help = "batches per row" },
	{ "batch", HCB_OPT_UINT, FIELD(batch), 1, 65536, .def = 64,
	  .help = "calls per batch" },
	{ "rows", HCB_OPT_ROWS, FIELD(rows), .def_text = "all",
	  .help = "only the rows whose names start with one of them run "
		  "(others are reported \"skipped\")" },
	{ "output", HCB_OPT_NAME, FIELD(output), .def = HCB_OUT_BOTH,
	  NAMES(outputs), .help = "the text table, the JSON report or both" },
	{ "fault", HCB_OPT_NAME, FIELD(fault), .def = HCB_FAULT_NONE,
	  NAMES(faults),
	  .help = "raise that exception deliberately after setup" },
	{ "env", HCB_OPT_LABEL, FIELD(env), NAMES(envs), .def_text = "unknown",
	  .help = "set by the runner only (scripts/run and the rig refuse it "
		  "in OPTS); the guest overrules it where CPUID disagrees" },
	{ "fuzz", HCB_OPT_UINT, FIELD(fuzz), 0, 65536, .def = 2000,
	  .help = "hypercalls issued by the fuzz row" },
	{ "seed", HCB_OPT_U64, FIELD(seed), .def = 1,
	  .help = "fuzz PRNG seed" },
	{ "wait", HCB_OPT_UINT, FIELD(wait), 0, 1, .def = 0,
	  .help = "with 1, after the done line the guest halts (cli; hlt) "
		  "instead of exiting, so the runner (on a KVM host with "
		  "debugfs) and the nested rig can read KVM's statistics of "
		  "the still-live VM; the exit code is in the done line. Set "
		  "by the runner only" },
	{ "ap_test", HCB_OPT_NAME, FIELD(ap_test), .def = HCB_AP_TEST_NONE,
	  NAMES(ap_tests),
	  .help = "mute: the APs start but never run on_cpu() calls; noack: "
		  "their handler never counts the IPI rows' vector; ist: each "
		  "AP runs `int $2` once started, an exception through the NMI "
		  "gate's IST stack (tests of the bounded waits and of AP "
		  "fault reports only)" },
};

const unsigned int hcb_n_opts = ARRAY_LEN(hcb_opts);

struct word {
	const char *s;
	size_t n;
};

static int word_is(struct word w, const char *lit)
{
	return strlen(lit) == w.n && !memcmp(w.s, lit, w.n);
}

static int parse_u64(struct word w, uint64_t *v)
{
	uint64_t x = 0;
	size_t i;

	if (!w.n || w.n > 20)
		return -1;
	for (i = 0; i < w.n; i++) {
		unsigned int d = (unsigned char)w.s[i] - '0';

		if (d > 9 || x > (UINT64_MAX - d) / 10)
			return -1;
		x = x * 10 + d;
	}
	*v = x;
	return 0;
}

/* The index of w in d's names, or -1. */
static int parse_name(const struct hcb_opt *d, struct word w)
{
	unsigned int i;

	for (i = 0; i < d->n_names; i++)
		if (word_is(w, d->names[i]))
			return (int)i;
	return -1;
}

/* Appends "a, b or c" (the names of d) at buf + strlen(buf). */
static void put_names(const struct hcb_opt *d, char *buf, size_t len)
{
	unsigned int i;
	size_t n;

	for (i = 0; i < d->n_names; i++) {
		n = strlen(buf);
		snprintf(buf + n, len - n, "%s%s", !i ? "" :
			 i + 1 == d->n_names ? " or " : ", ", d->names[i]);
	}
}

void options_values(const struct hcb_opt *d, char *buf, size_t len)
{
	buf[0] = 0;
	switch (d->kind) {
	case HCB_OPT_UINT:
		if (d->max == d->min + 1)
			snprintf(buf, len, "%llu or %llu",
				 (unsigned long long)d->min,
				 (unsigned long long)d->max);
		else
			snprintf(buf, len, "an integer %llu..%llu",
				 (unsigned long long)d->min,
				 (unsigned long long)d->max);
		break;
	case HCB_OPT_U64:
		snprintf(buf, len, "an unsigned 64-bit integer");
		break;
	case HCB_OPT_NAME:
	case HCB_OPT_LABEL:
		put_names(d, buf, len);
		break;
	case HCB_OPT_ROWS:
		snprintf(buf, len, "comma-separated row-name prefixes, 1..%u "
			 "characters", HCB_OPT_ROWS_MAX - 1);
		break;
	}
}

void options_default_text(const struct hcb_opt *d, char *buf, size_t len)
{
	if (d->kind == HCB_OPT_NAME)
		snprintf(buf, len, "%s", d->names[d->def]);
	else if (d->def_text)
		snprintf(buf, len, "%s", d->def_text);
	else
		snprintf(buf, len, "%llu", (unsigned long long)d->def);
}

static void *field(const struct hcb_opt *d, struct hcb_options *o)
{
	return (char *)o + d->field;
}

static void store_default(const struct hcb_opt *d, struct hcb_options *o)
{
	switch (d->kind) {
	case HCB_OPT_UINT:
	case HCB_OPT_NAME:
		*(unsigned int *)field(d, o) = (unsigned int)d->def;
		break;
	case HCB_OPT_U64:
		*(uint64_t *)field(d, o) = d->def;
		break;
	case HCB_OPT_LABEL:
		*(const char **)field(d, o) = d->def_text;
		break;
	case HCB_OPT_ROWS:
		*(char *)field(d, o) = 0;
		break;
	}
}

/* Stores value v of option d into *o: 0, or -1 if v is not one. */
static int store(const struct hcb_opt *d, struct word v, struct hcb_options *o)
{
	uint64_t u;
	int i;

	switch (d->kind) {
	case HCB_OPT_UINT:
		if (parse_u64(v, &u) || u < d->min || u > d->max)
			return -1;
		*(unsigned int *)field(d, o) = (unsigned int)u;
		return 0;
	case HCB_OPT_U64:
		if (parse_u64(v, &u))
			return -1;
		*(uint64_t *)field(d, o) = u;
		return 0;
	case HCB_OPT_NAME:
	case HCB_OPT_LABEL:
		i = parse_name(d, v);
		if (i < 0)
			return -1;
		if (d->kind == HCB_OPT_NAME)
			*(unsigned int *)field(d, o) = (unsigned int)i;
		else
			*(const char **)field(d, o) = d->names[i];
		return 0;
	case HCB_OPT_ROWS:
		if (!v.n || v.n >= HCB_OPT_ROWS_MAX)
			return -1;
		memcpy(field(d, o), v.s, v.n);
		((char *)field(d, o))[v.n] = 0;
		return 0;
	}
	return -1;
}

static void unknown_key(struct word k, char *err, size_t errlen)
{
	unsigned int i;
	size_t n;

	snprintf(err, errlen, "unknown key '%.*s' (known:", (int)k.n, k.s);
	for (i = 0; i < hcb_n_opts; i++) {
		n = strlen(err);
		snprintf(err + n, errlen - n, " %s", hcb_opts[i].key);
	}
	n = strlen(err);
	snprintf(err + n, errlen - n, ")");
}

static int set_option(struct word k, struct word v, struct hcb_options *o,
		      char *err, size_t errlen)
{
	char want[160];
	unsigned int i;

	for (i = 0; i < hcb_n_opts && !word_is(k, hcb_opts[i].key); i++)
		;
	if (i == hcb_n_opts) {
		unknown_key(k, err, errlen);
		return -1;
	}
	if (!store(&hcb_opts[i], v, o))
		return 0;
	if (hcb_opts[i].kind == HCB_OPT_ROWS) {	/* the value may be long */
		snprintf(err, errlen, "rows: expected 1..%u characters",
			 HCB_OPT_ROWS_MAX - 1);
		return -1;
	}
	options_values(&hcb_opts[i], want, sizeof(want));
	snprintf(err, errlen, "%.*s=%.*s: expected %s", (int)k.n, k.s,
		 (int)v.n, v.s, want);
	return -1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int options_parse(const char *s, struct hcb_options *o, char *err,
		  size_t errlen)
{
	struct word tok, k, v;
	unsigned int i;
	size_t j;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < hcb_n_opts; i++)
		store_default(&hcb_opts[i], o);
	while (*s) {
		while (is_space(*s))
			s++;
		if (!*s)
			break;
		tok.s = s;
		while (*s && !is_space(*s))
			s++;
		tok.n = (size_t)(s - tok.s);
		for (j = 0; j < tok.n && tok.s[j] != '='; j++)
			;
		if (j == tok.n || j == 0) {
			snprintf(err, errlen, "'%.*s' is not key=value",
				 (int)tok.n, tok.s);
			return -1;
		}
		k = (struct word){ tok.s, j };
		v = (struct word){ tok.s + j + 1, tok.n - j - 1 };
		if (set_option(k, v, o, err, errlen))
			return -1;
	}
	return 0;
}
