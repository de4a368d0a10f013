// SPDX-License-Identifier: GPL-2.0
/*
 * boot/options.c: the one options table, its parser, error texts and
 * defaults (what docs/design.md's table is printed from).
 */
#include <string.h>

#include "boot/options.h"
#include "kernel/smp.h"
#include "kernel/trap.h"
#include "unit_test.h"
#include "hcbench/schema.h"

static const struct hcb_opt *opt(const char *key)
{
	unsigned int i;

	for (i = 0; i < hcb_n_opts; i++)
		if (!strcmp(hcb_opts[i].key, key))
			return &hcb_opts[i];
	return NULL;
}

/* s must parse; returns the options. */
static struct hcb_options parse_ok(const char *s)
{
	struct hcb_options o;
	char err[256] = "";

	TEST_ASSERT(!options_parse(s, &o, err, sizeof(err)),
		    "'%s' refused: %s", s, err);
	return o;
}

/* s must be refused with exactly the error text want. */
static void parse_bad(const char *s, const char *want)
{
	struct hcb_options o;
	char err[256] = "";

	TEST_ASSERT(options_parse(s, &o, err, sizeof(err)) == -1,
		    "'%s' accepted, want the error '%s'", s, want);
	TEST_ASSERT(!strcmp(err, want), "'%s': error '%s', want '%s'", s,
		    err, want);
}

static void test_options_defaults(void)
{
	struct hcb_options o = parse_ok("");

	TEST_ASSERT(o.iters == 4096 && o.batches == 64 && o.batch == 64,
		    "loop shape %u/%u/%u, want 4096/64/64", o.iters,
		    o.batches, o.batch);
	TEST_ASSERT(!o.rows[0], "rows '%s', want all ('')", o.rows);
	TEST_ASSERT(o.output == HCB_OUT_BOTH, "output %u, want both",
		    o.output);
	TEST_ASSERT(o.fault == HCB_FAULT_NONE && o.ap_test == HCB_AP_TEST_NONE,
		    "fault %u ap_test %u, want none", o.fault, o.ap_test);
	TEST_ASSERT(!strcmp(o.env, "unknown"), "env %s, want unknown", o.env);
	TEST_ASSERT(o.fuzz == 2000 && o.seed == 1 && !o.wait,
		    "fuzz %u seed %llu wait %u, want 2000 1 0", o.fuzz,
		    (unsigned long long)o.seed, o.wait);
}

static void test_options_every_key(void)
{
	struct hcb_options o = parse_ok(
		" iters=16\tbatches=256 batch=1 rows=cpuid,hc_test output=json "
		"fault=bp env=nested-emulated fuzz=0 "
		"seed=18446744073709551615 wait=1 ap_test=ist\n");

	TEST_ASSERT(o.iters == 16 && o.batches == HCB_MAX_BATCHES &&
		    o.batch == 1, "loop shape %u/%u/%u", o.iters, o.batches,
		    o.batch);
	TEST_ASSERT(!strcmp(o.rows, "cpuid,hc_test"), "rows '%s'", o.rows);
	TEST_ASSERT(o.output == HCB_OUT_JSON, "output %u, want json",
		    o.output);
	TEST_ASSERT(o.fault == HCB_FAULT_BP, "fault %u, want bp (%d)",
		    o.fault, HCB_FAULT_BP);
	TEST_ASSERT(!strcmp(o.env, HCB_ENV_NESTED), "env %s", o.env);
	TEST_ASSERT(!o.fuzz && o.seed == UINT64_MAX && o.wait == 1,
		    "fuzz %u seed %llu wait %u", o.fuzz,
		    (unsigned long long)o.seed, o.wait);
	TEST_ASSERT(o.ap_test == HCB_AP_TEST_IST, "ap_test %u, want ist",
		    o.ap_test);
	o = parse_ok("fault=ud ap_test=noack output=text");
	TEST_ASSERT(o.fault == HCB_FAULT_UD && o.ap_test == HCB_AP_TEST_NOACK &&
		    o.output == HCB_OUT_TEXT, "fault %u ap_test %u output %u",
		    o.fault, o.ap_test, o.output);
}

static void test_options_errors(void)
{
	parse_bad("iters=3", "iters=3: expected an integer 16..65536");
	parse_bad("iters=65537", "iters=65537: expected an integer 16..65536");
	parse_bad("batches=257", "batches=257: expected an integer 1..256");
	parse_bad("batch=0", "batch=0: expected an integer 1..65536");
	parse_bad("fuzz=x", "fuzz=x: expected an integer 0..65536");
	parse_bad("seed=18446744073709551616",
		  "seed=18446744073709551616: expected an unsigned 64-bit "
		  "integer");
	parse_bad("seed=-1", "seed=-1: expected an unsigned 64-bit integer");
	parse_bad("wait=2", "wait=2: expected 0 or 1");
	parse_bad("output=xml", "output=xml: expected text, json or both");
	parse_bad("fault=nmi", "fault=nmi: expected none, ud, gp, pf, de or bp");
	parse_bad("ap_test=", "ap_test=: expected none, mute, noack or ist");
	parse_bad("env=kvm", "env=kvm: expected hardware-kvm, nested-kvm, "
		  "nested-emulated, nested-emulated-vmx or tcg-emulated");
	parse_bad("rows=", "rows: expected 1..511 characters");
	parse_bad("iters=64 bogus=1", "unknown key 'bogus' (known: iters "
		  "batches batch rows output fault env fuzz seed wait "
		  "ap_test)");
	parse_bad("iters", "'iters' is not key=value");
	parse_bad("=5", "'=5' is not key=value");
}

/* Names by position, no holes, defaults inside their own ranges. */
static void test_options_table(void)
{
	const struct hcb_opt *f = opt("fault"), *a = opt("ap_test");
	char buf[64];
	unsigned int i, j;

	TEST_ASSERT(f && a && opt("output") && opt("env"), "keys missing");
	if (!f || !a)
		return;
	TEST_ASSERT(f->n_names == HCB_FAULT_BP + 1 &&
		    !strcmp(f->names[HCB_FAULT_PF], "pf") &&
		    !strcmp(f->names[HCB_FAULT_NONE], "none"),
		    "fault names do not follow enum hcb_fault");
	TEST_ASSERT(a->n_names == HCB_AP_TEST_IST + 1 &&
		    !strcmp(a->names[HCB_AP_TEST_MUTE], "mute"),
		    "ap_test names do not follow enum hcb_ap_test");
	for (i = 0; i < hcb_n_opts; i++) {
		const struct hcb_opt *d = &hcb_opts[i];

		for (j = 0; j < i; j++)
			TEST_ASSERT(strcmp(d->key, hcb_opts[j].key),
				    "key %s twice", d->key);
		TEST_ASSERT(d->help && d->help[0], "%s: no help", d->key);
		for (j = 0; j < d->n_names; j++)
			TEST_ASSERT(d->names[j], "%s: no name at %u", d->key,
				    j);
		if (d->kind == HCB_OPT_UINT)
			TEST_ASSERT(d->min <= d->def && d->def <= d->max,
				    "%s: default %llu outside %llu..%llu",
				    d->key, (unsigned long long)d->def,
				    (unsigned long long)d->min,
				    (unsigned long long)d->max);
		if (d->kind == HCB_OPT_NAME)
			TEST_ASSERT(d->def < d->n_names, "%s: default %llu of "
				    "%u names", d->key,
				    (unsigned long long)d->def, d->n_names);
		options_default_text(d, buf, sizeof(buf));
		TEST_ASSERT(buf[0], "%s: empty default text", d->key);
	}
}

void unit_options_suite(void)
{
	RUN_TEST(test_options_defaults);
	RUN_TEST(test_options_every_key);
	RUN_TEST(test_options_errors);
	RUN_TEST(test_options_table);
}
