// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-compare: compare two hcbench runs, or two sets of repeated runs,
 * row by row, and act as a regression gate.
 *
 *   hcb-compare [options] BASE.json NEW.json
 *   hcb-compare [options] BASE.json [BASE2.json ...] -- NEW.json [...]
 *
 * Exit status: 0 pass, 1 a row regressed (slower, an exact p50 change, or
 * a row ok in base that is not ok in new), 2 bad input or refused.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

static void usage(FILE *f)
{
	fprintf(f,
"usage: hcb-compare [options] BASE.json NEW.json\n"
"       hcb-compare [options] BASE.json [BASE2.json ...] -- NEW.json [NEW2.json ...]\n"
"options:\n"
"  --alpha P        significance level of the Mann-Whitney U test (0.01)\n"
"  --threshold PCT  change of the median that counts, percent (5)\n"
"  --resamples N    bootstrap resamples (2000)\n"
"  --seed N         bootstrap seed (1)\n"
"  --exact          exact mode for every row (compare p50s only)\n"
"  --no-exact       never exact mode: always the statistical test\n"
"  --exact-spread C batch samples whose middle half (p25..p75) spans at\n"
"                   most C cycles are nearly constant (1)\n"
"  --slack LIST     ROW:N,...: in exact mode ROW counts as changed only\n"
"                   beyond N cycles outside the base range; ROW * for the\n"
"                   rows not listed (rows known to vary between VMs;\n"
"                   check-baselines reads results/baselines/nested/slack)\n"
"  --allow LIST     comma list of facts allowed to differ with a warning\n"
"                   only: environment,cpu,tsc,kernel,qemu,cpu_model,\n"
"                   l1_kernel,patch,l0_clock,kvm_params,options\n"
"  --force          compare even when the environments differ\n"
"  --check-env      check the environments only: print \"comparable\" or\n"
"                   \"N difference(s)\", exit 0 or 2\n"
"  --check-host FILE [--env ENV] BASE.json\n"
"                   --check-env of BASE against a run that would have the\n"
"                   host facts in FILE (key=value lines, scripts/host-facts)\n"
"                   and environment ENV: is BASE comparable before running?\n"
"  --json           print a JSON document instead of the table\n"
"verdicts: statistical mode (the default): slower / faster (p < alpha,\n"
"  |change| > threshold, bootstrap interval excludes 0), otherwise\n"
"  \"not significant (p >= alpha)\", \"below threshold\" or \"interval\n"
"  includes 0\".  Exact mode, used when both sides' batch samples are\n"
"  nearly constant (e.g. icount nested runs, where cycles count emulated\n"
"  instructions) or with --exact: the change of p50 in cycles per call\n"
"  (\"exact: same p50\" or \"exact: p50 changed\", e.g. hc_test_0: +3);\n"
"  any change fails the gate; with several runs a side, changed means\n"
"  the ranges of the sides' p50s do not meet.\n"
"environments: icount nested runs (nested-emulated, host fact l0_clock\n"
"  \"icount...\"; nested-emulated-vmx, l0_clock \"bochs ...\") compare\n"
"  l1_kernel, patch, qemu, l0_clock, the guest CPU brand and the\n"
"  options, not the host kernel or CPU; other runs compare\n"
"  environment, cpu, tsc, kernel, qemu, cpu_model, l0_clock; kvm_params\n"
"  when both runs have it.\n"
"exit status (the gate): 0 pass; 1 a row is slower, an exact p50\n"
"  changed, or a row ok in base is not ok or missing in new; 2 bad input\n"
"  or environments differ\n");
}

static int bad_opt(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", hcb_prog);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (try --help)\n");
	return -1;
}

static int parse_num(const char *opt, const char *arg, double min,
		     double max, double *out)
{
	char *end;

	if (!arg)
		return bad_opt("option %s needs a value", opt);
	errno = 0;
	*out = strtod(arg, &end);
	if (errno || end == arg || *end || !(*out >= min && *out <= max)) {
		fprintf(stderr, "%s: %s: bad value \"%s\" (expected %g..%g)\n",
			hcb_prog, opt, arg, min, max);
		return -1;
	}
	return 0;
}

/* --slack LIST: ROW:N entries, N a number of cycles >= 0. */
static int check_slack(const char *list)
{
	const char *p = list, *colon, *end;
	char *num_end;
	double d;

	while (*p) {
		end = strchr(p, ',');
		if (!end)
			end = p + strlen(p);
		colon = memchr(p, ':', (size_t)(end - p));
		d = colon ? strtod(colon + 1, &num_end) : -1;
		if (!colon || colon == p || num_end != end || !(d >= 0)) {
			fprintf(stderr, "%s: --slack: bad entry in \"%s\" (expected ROW:N,...)\n",
				hcb_prog, list);
			return -1;
		}
		p = *end ? end + 1 : end;
	}
	return 0;
}

/* Option argv[*i] with its value; advances *i past the value. */
static int parse_opt(int argc, char **argv, int *i, struct cmp_opts *o)
{
	const char *opt = argv[*i], *val = *i + 1 < argc ? argv[*i + 1] : NULL;
	double d;

	if (!strcmp(opt, "--json")) {
		o->json = 1;
		return 0;
	}
	if (!strcmp(opt, "--force")) {
		o->force = 1;
		return 0;
	}
	if (!strcmp(opt, "--exact") || !strcmp(opt, "--no-exact")) {
		o->exact = opt[2] == 'e' ? EXACT_ALWAYS : EXACT_NEVER;
		return 0;
	}
	if (!strcmp(opt, "--check-env")) {
		o->env_only = 1;
		return 0;
	}
	(*i)++;
	if (!strcmp(opt, "--alpha"))
		return parse_num(opt, val, 1e-12, 0.5, &o->alpha);
	if (!strcmp(opt, "--exact-spread"))
		return parse_num(opt, val, 0, 1e9, &o->exact_spread);
	if (!strcmp(opt, "--threshold"))
		return parse_num(opt, val, 0, 1000, &o->threshold);
	if (!strcmp(opt, "--resamples")) {
		if (parse_num(opt, val, 100, 1e6, &d))
			return -1;
		o->resamples = (unsigned int)d;
		return 0;
	}
	if (!strcmp(opt, "--seed")) {
		if (parse_num(opt, val, 0, 4294967295.0, &d))
			return -1;
		o->seed = (uint64_t)d;
		return 0;
	}
	if (!strcmp(opt, "--check-host") || !strcmp(opt, "--env")) {
		if (!val)
			return bad_opt("option %s needs a value", opt);
		if (opt[2] == 'c')
			o->host_facts = val;
		else
			o->env = val;
		return 0;
	}
	if (!strcmp(opt, "--allow")) {
		if (!val)
			return bad_opt("option %s needs a value", opt);
		o->allow = val;
		return 0;
	}
	if (!strcmp(opt, "--slack")) {
		if (!val)
			return bad_opt("option %s needs a value", opt);
		if (check_slack(val))
			return -1;
		o->slack = val;
		return 0;
	}
	return bad_opt("unknown option \"%s\"", opt);
}

struct cmdline {
	const char **files[N_SIDES];
	size_t n[N_SIDES];
	int separated;
};

static int parse_args(int argc, char **argv, struct cmp_opts *o,
		      struct cmdline *c)
{
	int i, side = BASE;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--") && !c->separated) {
			c->separated = 1;
			side = NEW;
		} else if (!strcmp(argv[i], "-h") ||
			   !strcmp(argv[i], "--help")) {
			usage(stdout);
			exit(0);
		} else if (argv[i][0] == '-' && argv[i][1]) {
			if (parse_opt(argc, argv, &i, o))
				return -1;
		} else {
			c->files[side][c->n[side]++] = argv[i];
		}
	}
	if (o->host_facts) {
		if (c->separated || c->n[BASE] != 1) {
			fprintf(stderr,
				"%s: --check-host takes one BASE.json\n",
				hcb_prog);
			return -1;
		}
		o->env_only = 1;
		return 0;
	}
	if (!c->separated && c->n[BASE] == 2) {
		c->files[NEW][0] = c->files[BASE][1];
		c->n[BASE] = c->n[NEW] = 1;
	}
	if (!c->n[BASE] || !c->n[NEW]) {
		fprintf(stderr, "%s: need a base and a new run: A.json B.json, or A.json ... -- B.json ...\n",
			hcb_prog);
		usage(stderr);
		return -1;
	}
	return 0;
}

/*
 * Loads the runs of one side and names each once, by its base name, with
 * the short label the warnings use ("base", or "base 1", "base 2", ...).
 */
static int load_side(const char **files, size_t n, struct cmp_side *side,
		     const char *name)
{
	struct hcb_rreport *r;
	const char *base;
	size_t i;

	side->runs = calloc(n, sizeof(*side->runs));
	if (!side->runs)
		return -1;
	for (i = 0; i < n; i++) {
		r = &side->runs[i];
		if (hcb_report_load(files[i], r))
			return -1;
		side->n = i + 1;
		if (n == 1)
			snprintf(r->label, sizeof(r->label), "%s", name);
		else
			snprintf(r->label, sizeof(r->label), "%.8s %u", name,
				 (unsigned int)(i + 1) % 100000);
		base = strrchr(files[i], '/');
		fprintf(stderr, "compare: %-7s ", r->label);
		hcb_fput_safe(base ? base + 1 : files[i], stderr);
		fputc('\n', stderr);
	}
	return 0;
}

/*
 * A stand-in for the run about to be made: @base with the host facts of
 * @path (key=value lines) over its own and environment @env if given.
 * Facts the file lacks (e.g. the rig's l1_kernel) keep the base's value.
 */
static int probe_side(const struct hcb_rreport *base, const char *path,
		      const char *env, struct cmp_side *side)
{
	struct hcb_rreport *p = calloc(1, sizeof(*p));
	char line[4096], *eq;
	FILE *f = fopen(path, "r");

	if (!f) {
		fprintf(stderr, "%s: %s: cannot open: %s\n", hcb_prog, path,
			strerror(errno));
		free(p);
		return -1;
	}
	if (!p) {
		fclose(f);
		return -1;
	}
	*p = *base;
	p->path = path;
	snprintf(p->label, sizeof(p->label), "this host");
	p->rows = NULL;
	p->n_rows = 0;
	p->root = json_object();
	json_object_set(p->root, HCB_K_OPTIONS,
			json_object_get(base->root, HCB_K_OPTIONS));
	p->host = json_deep_copy(base->host);
	json_object_set_new(p->root, "host", p->host);
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = 0;
		eq = strchr(line, '=');
		if (!eq || eq == line)
			continue;
		*eq = 0;
		json_object_set_new(p->host, line, json_string(eq + 1));
	}
	fclose(f);
	if (env) {
		json_object_set_new(p->root, HCB_K_ENV, json_string(env));
		p->env = json_string_value(json_object_get(p->root,
							   HCB_K_ENV));
	}
	side->runs = p;
	side->n = 1;
	return 0;
}

static void free_probe(struct cmp_side *side)
{
	if (side->runs)
		json_decref(side->runs->root);
	free(side->runs);
	side->runs = NULL;
	side->n = 0;
}

static void free_side(struct cmp_side *side)
{
	size_t i;

	for (i = 0; i < side->n; i++)
		hcb_report_free(&side->runs[i]);
	free(side->runs);
}

static int run(struct cmp_side *sides, const struct cmp_opts *o)
{
	struct cmp_result res = { 0 };
	size_t refused = cmp_check_env(sides, o, &res);
	int ret = 2;

	if (o->env_only) {
		if (refused)
			printf("%zu difference(s)\n", refused);
		else
			printf("comparable\n");
		ret = refused ? 2 : 0;
		goto out;
	}
	if (refused && !o->force) {
		fprintf(stderr, "%s: refusing to compare runs from different environments (%zu difference(s) above); --force compares anyway\n",
			hcb_prog, refused);
		goto out;
	}
	if (cmp_rows(sides, o, &res)) {
		fprintf(stderr, "%s: out of memory\n", hcb_prog);
		goto out;
	}
	fprintf(stderr, "compare: %zu rows, %zu base run(s), %zu new run(s)%s\n",
		res.n_rows, sides[BASE].n, sides[NEW].n,
		res.emulated ? ", EMULATED timings" : "");
	if (o->json)
		cmp_print_json(sides, o, &res);
	else
		cmp_print_text(sides, o, &res);
	ret = cmp_gate_fails(&res) ? 1 : 0;
out:
	cmp_free(&res);
	return ret;
}

int main(int argc, char **argv)
{
	struct cmp_opts o = {
		.alpha = 0.01, .threshold = 5, .resamples = 2000, .seed = 1,
		.exact = EXACT_AUTO, .exact_spread = 1,
	};
	struct cmdline c = { 0 };
	struct cmp_side sides[N_SIDES] = { { 0 } };
	int ret = HCB_EXIT_BAD_INPUT;

	hcb_prog = "hcb-compare";
	c.files[BASE] = calloc(argc, sizeof(char *));
	c.files[NEW] = calloc(argc, sizeof(char *));
	if (!c.files[BASE] || !c.files[NEW] || parse_args(argc, argv, &o, &c))
		goto out;
	fprintf(stderr, "compare: loading %zu base and %zu new run(s)\n",
		c.n[BASE], c.n[NEW]);
	if (o.host_facts) {
		if (load_side(c.files[BASE], 1, &sides[BASE], "base") ||
		    probe_side(&sides[BASE].runs[0], o.host_facts, o.env,
			       &sides[NEW]))
			goto out;
		ret = run(sides, &o);
		free_probe(&sides[NEW]);
		goto out;
	}
	if (load_side(c.files[BASE], c.n[BASE], &sides[BASE], "base") ||
	    load_side(c.files[NEW], c.n[NEW], &sides[NEW], "new"))
		goto out;
	ret = run(sides, &o);
out:
	free_side(&sides[BASE]);
	free_side(&sides[NEW]);
	free(c.files[BASE]);
	free(c.files[NEW]);
	return ret;
}
