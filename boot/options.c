// SPDX-License-Identifier: GPL-2.0
/* Option parsing and validation (table in docs/design.md). */
#include "options.h"
#include "include/hcbench/schema.h"
#include "kernel/printf.h"
#include "kernel/string.h"
#include "kernel/smp.h"
#include "kernel/trap.h"

#define MAX_FUZZ 65536

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

static int parse_range(struct word w, uint64_t lo, uint64_t hi,
		       unsigned int *out)
{
	uint64_t v;

	if (parse_u64(w, &v) || v < lo || v > hi)
		return -1;
	*out = (unsigned int)v;
	return 0;
}

static int parse_enum(struct word w, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (word_is(w, names[i]))
			return i;
	return -1;
}

static const char *const outputs[] = {
	[HCB_OUT_TEXT] = "text", [HCB_OUT_JSON] = "json", [HCB_OUT_BOTH] = "both",
};
static const char *const faults[] = { "none", "ud", "gp", "pf", "de", "bp" };
static const char *const ap_tests[] = { "none", "mute", "noack", "ist" };
static const char *const envs[] = {
	HCB_ENV_HW, HCB_ENV_NESTED_KVM, HCB_ENV_NESTED, HCB_ENV_TCG
};

/* The row-name prefixes; bench's hcb_plan() checks that they select. */
static int parse_rows(struct word w, struct hcb_options *o, char *err,
		      size_t errlen)
{
	if (!w.n || w.n >= sizeof(o->rows)) {
		snprintf(err, errlen, "rows: expected 1..%u characters",
			 (unsigned int)sizeof(o->rows) - 1);
		return -1;
	}
	memcpy(o->rows, w.s, w.n);
	o->rows[w.n] = 0;
	return 0;
}

static int set_option(struct word k, struct word v, struct hcb_options *o,
		      char *err, size_t errlen)
{
	const char *want;
	uint64_t u;
	int e;

	if (word_is(k, "iters")) {
		want = "an integer 16..65536";
		if (!parse_range(v, 16, 65536, &o->iters))
			return 0;
	} else if (word_is(k, "batches")) {
		want = "an integer 1..256";
		if (!parse_range(v, 1, HCB_MAX_BATCHES, &o->batches))
			return 0;
	} else if (word_is(k, "batch")) {
		want = "an integer 1..65536";
		if (!parse_range(v, 1, 65536, &o->batch))
			return 0;
	} else if (word_is(k, "fuzz")) {
		want = "an integer 0..65536";
		if (!parse_range(v, 0, MAX_FUZZ, &o->fuzz))
			return 0;
	} else if (word_is(k, "seed")) {
		want = "an unsigned 64-bit integer";
		if (!parse_u64(v, &u)) {
			o->seed = u;
			return 0;
		}
	} else if (word_is(k, "wait")) {
		want = "0 or 1";
		if (!parse_range(v, 0, 1, &o->wait))
			return 0;
	} else if (word_is(k, "output")) {
		want = "text, json or both";
		e = parse_enum(v, outputs, 3);
		if (e >= 0) {
			o->output = (unsigned int)e;
			return 0;
		}
	} else if (word_is(k, "fault")) {
		want = "none, ud, gp, pf, de or bp";
		e = parse_enum(v, faults, 6);
		if (e >= 0) {
			o->fault = (unsigned int)e;
			return 0;
		}
	} else if (word_is(k, "ap_test")) {
		want = "none, mute, noack or ist";
		e = parse_enum(v, ap_tests, 4);
		if (e >= 0) {
			o->ap_test = (unsigned int)e;
			return 0;
		}
	} else if (word_is(k, "env")) {
		want = HCB_ENV_HW ", " HCB_ENV_NESTED_KVM ", " HCB_ENV_NESTED
		       " or " HCB_ENV_TCG;
		e = parse_enum(v, envs, 4);
		if (e >= 0) {
			o->env = envs[e];
			return 0;
		}
	} else if (word_is(k, "rows")) {
		return parse_rows(v, o, err, errlen);
	} else {
		snprintf(err, errlen, "unknown key '%.*s' (known: iters "
			 "batches batch rows output fault env fuzz seed wait "
			 "ap_test)",
			 (int)k.n, k.s);
		return -1;
	}
	snprintf(err, errlen, "%.*s=%.*s: expected %s", (int)k.n, k.s,
		 (int)v.n, v.s, want);
	return -1;
}

static void options_default(struct hcb_options *o)
{
	memset(o, 0, sizeof(*o));
	o->iters = 4096;
	o->batches = 64;
	o->batch = 64;
	o->output = HCB_OUT_BOTH;
	o->fault = HCB_FAULT_NONE;
	o->env = "unknown";
	o->fuzz = 2000;
	o->seed = 1;
	o->ap_test = HCB_AP_TEST_NONE;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int options_parse(const char *s, struct hcb_options *o, char *err,
		  size_t errlen)
{
	struct word tok, k, v;
	size_t i;

	options_default(o);
	while (*s) {
		while (is_space(*s))
			s++;
		if (!*s)
			break;
		tok.s = s;
		while (*s && !is_space(*s))
			s++;
		tok.n = (size_t)(s - tok.s);
		for (i = 0; i < tok.n && tok.s[i] != '='; i++)
			;
		if (i == tok.n || i == 0) {
			snprintf(err, errlen, "'%.*s' is not key=value",
				 (int)tok.n, tok.s);
			return -1;
		}
		k = (struct word){ tok.s, i };
		v = (struct word){ tok.s + i + 1, tok.n - i - 1 };
		if (set_option(k, v, o, err, errlen))
			return -1;
	}
	return 0;
}
