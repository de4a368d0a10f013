// SPDX-License-Identifier: GPL-2.0
/*
 * gen-report: writes a synthetic hcbench report (schema.h field names)
 * with reproducible samples, for the results tests.  Every number comes
 * from a seeded PRNG: per-batch means are lognormal around a per-row base
 * latency, optionally shifted by a percentage and with a tail of 3x
 * outliers; per-call statistics are computed from drawn per-call samples
 * by the guest's own code (bench/stats.c).
 *
 * gen-report [--seed N] [--shift PCT] [--shift-only NAME] [--noise SIGMA]
 *            [--outliers FRAC] [--env ENV] [--rows N] [--batches N]
 *            [--schema V] [--tsc-hz HZ] [--cpu-model N] [--kernel S]
 *            [--qemu S] [--omit KEY] [--wrong-type KEY] [--out FILE]
 *            [--l1-kernel S] (a nested-rig run: l1_kernel=S, patch=on)
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include "hcbench/schema.h"
#include "compare_stats.h"
#include "report.h"
#include "result.h"		/* bench/: hcb_stats_compute() */
#include "stats.h"		/* bench/: hcb_stat_fields */

#define ITERS 1024
#define BATCH_SIZE 64

struct gen {
	unsigned long long seed, tsc_hz;
	double shift, noise, outliers;
	const char *shift_only, *env, *kernel, *qemu, *omit, *wrong, *out;
	const char *l1_kernel;
	int rows, batches, schema, cpu_model;
	struct hcb_rng rng;
};

/* Statistics @st (bench/stats.c, as the guest computes them) x @scale. */
static json_t *stats_json(const struct hcb_stats *st, double scale)
{
	json_t *o = json_object();
	unsigned int i;

	for (i = 0; i < hcb_n_stat_fields; i++)
		json_object_set_new(o, hcb_stat_fields[i].name,
				    json_real(hcb_stat_get(st, i) * scale));
	return o;
}

static double row_base(int i)
{
	static const double bases[] = { 1500, 2100, 1800, 950, 35, 24 };

	return bases[i % 6] * (1 + i / 6);
}

static const char *row_group(int i)
{
	if (i % 6 < 3)
		return HCB_GROUP_HC;
	return i % 6 == 3 ? HCB_GROUP_EXIT : HCB_GROUP_FLOOR;
}

static void add_hc(json_t *row, int i)
{
	json_t *hc = json_object();

	json_object_set_new(hc, HCB_K_HC_NR, json_integer(100 + i));
	json_object_set_new(hc, HCB_K_HC_INSN, json_string("vmmcall"));
	json_object_set_new(hc, HCB_K_HC_RET, json_integer(0));
	json_object_set_new(hc, HCB_K_HC_CLASS, json_string(HCB_HC_CLASS_OK));
	json_object_set_new(hc, HCB_K_HC_CALLS, json_integer(ITERS));
	json_object_set_new(hc, HCB_K_HC_CHECKS, json_integer(0));
	json_object_set_new(row, HCB_K_ROW_HC, hc);
}

static void add_samples(struct gen *g, json_t *row, double base)
{
	static double calls[ITERS];
	double quantiles[HCB_N_QUANTILES];
	struct hcb_stats st;
	json_t *q = json_array(), *b = json_array();
	int i, k = g->outliers > 0 ? (int)lround(g->outliers * g->batches) : 0;
	double bm = 0;

	for (i = 0; i < ITERS; i++)
		calls[i] = base * exp(0.1 * hcb_rng_normal(&g->rng));
	hcb_stats_compute(calls, ITERS, &st, quantiles);
	json_object_set_new(row, HCB_K_ROW_CYCLES, stats_json(&st, 1));
	json_object_set_new(row, HCB_K_ROW_NS,
			    stats_json(&st, 1e9 / g->tsc_hz));
	for (i = 0; i < HCB_N_QUANTILES; i++)
		json_array_append_new(q, json_real(quantiles[i]));
	json_object_set_new(row, HCB_K_ROW_QUANTILES, q);
	for (i = 0; i < g->batches; i++) {
		double v = base * exp(g->noise * hcb_rng_normal(&g->rng));

		if (k && i % (g->batches / k) == 0 && i / (g->batches / k) < k)
			v *= 3;
		bm += v / g->batches;
		json_array_append_new(b, json_real(v));
	}
	json_object_set_new(row, HCB_K_ROW_BSAMPLES, b);
	json_object_set_new(row, HCB_K_ROW_BMEAN, json_real(bm));
}

static json_t *make_row(struct gen *g, int i)
{
	json_t *row = json_object();
	char name[32];
	double base = row_base(i);
	const char *grp = row_group(i);

	snprintf(name, sizeof(name), "%s_syn_%d", grp, i);
	if (!g->shift_only || !strcmp(g->shift_only, name))
		base *= 1 + g->shift / 100;
	json_object_set_new(row, HCB_K_ROW_NAME, json_string(name));
	json_object_set_new(row, HCB_K_ROW_GROUP, json_string(grp));
	json_object_set_new(row, HCB_K_ROW_DESC, json_string("synthetic row"));
	json_object_set_new(row, HCB_K_ROW_STATUS, json_string(HCB_STATUS_OK));
	json_object_set_new(row, HCB_K_ROW_NOTE, json_null());
	if (!strcmp(grp, HCB_GROUP_HC))
		add_hc(row, i);
	add_samples(g, row, base);
	return row;
}

static json_t *unavailable_row(void)
{
	json_t *row = json_object();

	json_object_set_new(row, HCB_K_ROW_NAME, json_string("hc_syn_ud"));
	json_object_set_new(row, HCB_K_ROW_GROUP, json_string(HCB_GROUP_HC));
	json_object_set_new(row, HCB_K_ROW_DESC, json_string("raises #UD"));
	json_object_set_new(row, HCB_K_ROW_STATUS,
			    json_string(HCB_STATUS_UNAVAILABLE));
	json_object_set_new(row, HCB_K_ROW_NOTE, json_string("#UD"));
	json_object_set_new(row, HCB_K_ROW_CYCLES, json_null());
	json_object_set_new(row, HCB_K_ROW_NS, json_null());
	json_object_set_new(row, HCB_K_ROW_BMEAN, json_null());
	json_object_set_new(row, HCB_K_ROW_BSAMPLES, json_null());
	json_object_set_new(row, HCB_K_ROW_QUANTILES, json_null());
	return row;
}

static json_t *make_host(struct gen *g)
{
	json_t *h = json_object();

	json_object_set_new(h, HCB_HOST_KERNEL, json_string(g->kernel));
	json_object_set_new(h, HCB_HOST_QEMU, json_string(g->qemu));
	json_object_set_new(h, HCB_HOST_CPU_MODEL,
			    json_string("Synthetic CPU 9000 @ 2.50GHz"));
	json_object_set_new(h, HCB_HOST_MITIGATIONS, json_string("auto"));
	if (g->l1_kernel) {
		json_object_set_new(h, HCB_HOST_L1_KERNEL,
				    json_string(g->l1_kernel));
		json_object_set_new(h, HCB_HOST_PATCH, json_string("on"));
	}
	return h;
}

static json_t *make_cpu_tsc(struct gen *g, json_t *root)
{
	json_t *cpu = json_object(), *tsc = json_object(), *hv = json_object();

	json_object_set_new(cpu, HCB_K_CPU_VENDOR, json_string("AuthenticAMD"));
	json_object_set_new(cpu, HCB_K_CPU_FAMILY, json_integer(25));
	json_object_set_new(cpu, HCB_K_CPU_MODEL, json_integer(g->cpu_model));
	json_object_set_new(cpu, HCB_K_CPU_STEPPING, json_integer(1));
	json_object_set_new(cpu, HCB_K_CPU_BRAND,
			    json_string("Synthetic CPU 9000"));
	json_object_set_new(root, HCB_K_CPU, cpu);
	json_object_set_new(hv, HCB_K_HV_SIGNATURE, json_string("KVMKVMKVM"));
	json_object_set_new(hv, HCB_K_HV_MAX_LEAF, json_integer(0x40000001));
	json_object_set_new(hv, HCB_K_HV_FEATURES, json_integer(0x1fffff));
	json_object_set_new(hv, HCB_K_HV_HINTS, json_integer(0));
	json_object_set_new(root, HCB_K_HV, hv);
	json_object_set_new(tsc, HCB_K_TSC_HZ, json_integer(g->tsc_hz));
	json_object_set_new(tsc, HCB_K_TSC_SOURCE,
			    json_string(HCB_TSC_SRC_KVM));
	return tsc;
}

static json_t *make_report(struct gen *g)
{
	json_t *r = json_object(), *rows = json_array();
	int i, emu = strcmp(g->env, HCB_ENV_HW) &&
		     strcmp(g->env, HCB_ENV_NESTED_KVM);

	json_object_set_new(r, HCB_K_SCHEMA, json_integer(g->schema));
	json_object_set_new(r, HCB_K_TOOL, json_string("hcbench"));
	json_object_set_new(r, HCB_K_BUILD, json_string("synthetic"));
	json_object_set_new(r, HCB_K_EMULATED, json_boolean(emu));
	json_object_set_new(r, HCB_K_TIMING_NOTE, json_string(emu ?
			    "emulated: not hardware numbers" :
			    "hardware KVM"));
	json_object_set_new(r, HCB_K_ENV, json_string(g->env));
	json_object_set_new(r, HCB_K_OPTIONS, json_string(""));
	json_object_set_new(r, HCB_K_TSC, make_cpu_tsc(g, r));
	json_object_set_new(r, HCB_K_HOST, make_host(g));
	json_object_set_new(r, HCB_K_PATCHED, json_string("yes"));
	json_object_set_new(r, HCB_K_ITERS, json_integer(ITERS));
	json_object_set_new(r, HCB_K_BATCHES, json_integer(g->batches));
	json_object_set_new(r, HCB_K_BATCH_SIZE, json_integer(BATCH_SIZE));
	json_object_set_new(r, HCB_K_OVERHEAD, json_real(18));
	json_object_set_new(r, HCB_K_HC_ISSUED, json_integer(0));
	json_object_set_new(r, HCB_K_CHECKS_FAILED, json_integer(0));
	for (i = 0; i < g->rows; i++)
		json_array_append_new(rows, make_row(g, i));
	json_array_append_new(rows, unavailable_row());
	json_object_set_new(r, HCB_K_ROWS, rows);
	return r;
}

/* --omit / --wrong-type: top-level key, else one in the first row. */
static void damage(json_t *r, const char *key, int omit)
{
	json_t *obj = r;

	if (!json_object_get(r, key))
		obj = json_array_get(json_object_get(r, HCB_K_ROWS), 0);
	if (omit)
		json_object_del(obj, key);
	else
		json_object_set_new(obj, key, json_string("wrong type"));
}

enum kind { K_ULL, K_DBL, K_INT, K_STR };

struct opt {
	const char *name;
	enum kind kind;
	size_t off;
};

#define OPT(n, k, f) { n, k, offsetof(struct gen, f) }
static const struct opt opts[] = {
	OPT("--seed", K_ULL, seed), OPT("--tsc-hz", K_ULL, tsc_hz),
	OPT("--shift", K_DBL, shift), OPT("--noise", K_DBL, noise),
	OPT("--outliers", K_DBL, outliers), OPT("--rows", K_INT, rows),
	OPT("--batches", K_INT, batches), OPT("--schema", K_INT, schema),
	OPT("--cpu-model", K_INT, cpu_model),
	OPT("--shift-only", K_STR, shift_only), OPT("--env", K_STR, env),
	OPT("--kernel", K_STR, kernel), OPT("--qemu", K_STR, qemu),
	OPT("--omit", K_STR, omit), OPT("--wrong-type", K_STR, wrong),
	OPT("--out", K_STR, out), OPT("--l1-kernel", K_STR, l1_kernel),
};
#undef OPT

static int set_opt(struct gen *g, const char *k, const char *v)
{
	char *field = (char *)g;
	size_t i;

	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		if (strcmp(k, opts[i].name))
			continue;
		field += opts[i].off;
		switch (opts[i].kind) {
		case K_ULL:
			*(unsigned long long *)field = strtoull(v, NULL, 0);
			break;
		case K_DBL:
			*(double *)field = atof(v);
			break;
		case K_INT:
			*(int *)field = atoi(v);
			break;
		case K_STR:
			*(const char **)field = v;
			break;
		}
		return 0;
	}
	fprintf(stderr, "gen-report: unknown option %s\n", k);
	return -1;
}

static int parse(struct gen *g, int argc, char **argv)
{
	int i;

	for (i = 1; i + 1 < argc; i += 2)
		if (set_opt(g, argv[i], argv[i + 1]))
			return -1;
	if (i != argc || g->rows < 1 || g->batches < 1 ||
	    g->batches > HCB_MAX_BATCHES) {
		fprintf(stderr, "gen-report: bad arguments\n");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct gen g = {
		.seed = 1, .tsc_hz = 2500000000ULL, .noise = 0.05,
		.env = HCB_ENV_HW, .kernel = "6.1.0-synthetic",
		.qemu = "7.2.0", .rows = 6, .batches = 64,
		.schema = HCB_SCHEMA_VERSION, .cpu_model = 1,
	};
	json_t *r;
	int ret;

	if (parse(&g, argc, argv))
		return 2;
	g.rng.s = g.seed;
	r = make_report(&g);
	if (g.omit)
		damage(r, g.omit, 1);
	if (g.wrong)
		damage(r, g.wrong, 0);
	ret = g.out ? json_dump_file(r, g.out, JSON_INDENT(1)) :
		      json_dumpf(r, stdout, JSON_INDENT(1));
	json_decref(r);
	return ret ? 2 : 0;
}
