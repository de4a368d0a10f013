// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-compare: are the runs comparable at all?  Every run is checked
 * against the first base run: kind of environment, CPU, TSC frequency,
 * then the facts its figures depend on.  Hardware, plain TCG and
 * wall-clock nested runs: the host facts kernel, qemu, cpu_model and
 * l0_clock.  icount nested runs (their figures count instructions: the
 * AMD rig under -icount, the Intel rig under Bochs): the L1 kernel, the
 * patch state, qemu, l0_clock, the guest's CPU brand and the guest
 * options, not the host's kernel or CPU.  kvm_params is compared
 * when both runs have it.  Each difference is a loud warning; those not
 * named by --allow make the tool refuse unless --force.
 */
#define _GNU_SOURCE
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

/*
 * TSC frequencies closer than this (relative) count as equal: the guest
 * calibrates, so repeated boots on one machine differ slightly.
 */
#define TSC_TOLERANCE 0.005

void cmp_warn(struct cmp_result *res, const char *fmt, ...)
{
	char *msg, **w;
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (!msg)
		return;
	fprintf(stderr, "%s: WARNING: %s\n", hcb_prog, msg);
	w = realloc(res->warnings, (res->n_warnings + 1) * sizeof(*w));
	if (!w) {
		free(msg);
		return;
	}
	w[res->n_warnings++] = msg;
	res->warnings = w;
}

static int allowed(const struct cmp_opts *o, const char *what)
{
	size_t len = strlen(what);
	const char *p = o->allow;

	while (p && *p) {
		if (!strncmp(p, what, len) && (p[len] == ',' || !p[len]))
			return 1;
		p = strchr(p, ',');
		if (p)
			p++;
	}
	return 0;
}

/* Record one difference; returns 1 when it is not allowed. */
static size_t differ(struct cmp_result *res, const struct cmp_opts *o,
		     const char *what, const char *va, const char *pa,
		     const char *vb, const char *pb)
{
	int ok = allowed(o, what);

	cmp_warn(res, "environments differ: %s is \"%s\" in %s but \"%s\" in %s%s",
		 what, va, pa, vb, pb, ok ? " (allowed by --allow)" : "");
	return !ok;
}

/* Compare host fact @key of @a and @b; @both: only when both have it. */
static size_t check_fact(const struct hcb_rreport *a,
			 const struct hcb_rreport *b, const char *key,
			 int both, const struct cmp_opts *o,
			 struct cmp_result *res)
{
	const char *va = hcb_report_host(a, key);
	const char *vb = hcb_report_host(b, key);

	if ((!va && !vb) || (both && (!va || !vb)))
		return 0;
	if (va && vb && !strcmp(va, vb))
		return 0;
	return differ(res, o, key, va ? va : "(missing)", a->label,
		      vb ? vb : "(missing)", b->label);
}

/*
 * A CPU count fact @key, "1" where a run lacks it (runners before the
 * fact ran one guest vCPU and one L1 CPU unless told otherwise): a second
 * vCPU moves even the one-vCPU rows (nested: hc_test_0 +6).
 */
static size_t check_count(const struct hcb_rreport *a,
			  const struct hcb_rreport *b, const char *key,
			  const struct cmp_opts *o, struct cmp_result *res)
{
	const char *va = hcb_report_host(a, key);
	const char *vb = hcb_report_host(b, key);

	va = va ? va : "1";
	vb = vb ? vb : "1";
	if (!strcmp(va, vb))
		return 0;
	return differ(res, o, key, va, a->label, vb, b->label);
}

static size_t check_facts(const struct hcb_rreport *a,
			  const struct hcb_rreport *b,
			  const char *const *keys, const struct cmp_opts *o,
			  struct cmp_result *res)
{
	size_t i, n = 0;

	for (i = 0; keys[i]; i++)
		n += check_fact(a, b, keys[i], 0, o, res);
	n += check_count(a, b, HCB_HOST_GUEST_VCPUS, o, res);
	n += check_count(a, b, HCB_HOST_L1_CPUS, o, res);
	/* written by newer runners only: compared when both have it */
	return n + check_fact(a, b, HCB_HOST_KVM_PARAMS, 1, o, res);
}

int cmp_icount_run(const struct hcb_rreport *r)
{
	const char *clock = hcb_report_host(r, HCB_HOST_L0_CLOCK);

	if (!clock)
		return 0;
	if (!strcmp(r->env, HCB_ENV_NESTED))
		return !strncmp(clock, "icount", 6);
	return !strcmp(r->env, HCB_ENV_NESTED_VMX) &&
	       !strncmp(clock, "bochs ", 6);
}

/* Append the words of @s except rows=...; sorted, one space apart. */
static int cmp_word(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void norm_options(const char *s, char *out, size_t size)
{
	char buf[1024], *w[64], *save = NULL, *t;
	size_t n = 0, i, len = 0;

	snprintf(buf, sizeof(buf), "%s", s ? s : "");
	for (t = strtok_r(buf, " \t", &save); t && n < 64;
	     t = strtok_r(NULL, " \t", &save))
		if (strncmp(t, "rows=", 5))
			w[n++] = t;
	qsort(w, n, sizeof(*w), cmp_word);
	out[0] = 0;
	for (i = 0; i < n && len < size; i++)
		len += snprintf(out + len, size - len, "%s%s", i ? " " : "",
				w[i]);
}

/*
 * Guest options, in any order; rows= is left out: which rows ran is
 * compared row by row (a row that stops running fails the gate).
 */
static size_t check_options(const struct hcb_rreport *a,
			    const struct hcb_rreport *b,
			    const struct cmp_opts *o, struct cmp_result *res)
{
	const char *sa = json_string_value(json_object_get(a->root,
							   HCB_K_OPTIONS));
	const char *sb = json_string_value(json_object_get(b->root,
							   HCB_K_OPTIONS));
	char na[1024], nb[1024];

	norm_options(sa, na, sizeof(na));
	norm_options(sb, nb, sizeof(nb));
	if (!strcmp(na, nb))
		return 0;
	return differ(res, o, HCB_K_OPTIONS, na, a->label, nb, b->label);
}

/*
 * Host facts of an icount nested run that are not compared: its figures
 * count L0's emulated instructions, which the host's CPU and kernel do
 * not change.  Noted on stderr when they differ.
 */
static void note_ignored(const struct hcb_rreport *a,
			 const struct hcb_rreport *b)
{
	static const char *const keys[] = {
		HCB_HOST_KERNEL, HCB_HOST_CPU_MODEL, NULL
	};
	const char *va, *vb;
	size_t i;

	for (i = 0; keys[i]; i++) {
		va = hcb_report_host(a, keys[i]);
		vb = hcb_report_host(b, keys[i]);
		if (va && vb && strcmp(va, vb))
			fprintf(stderr, "%s: note: host %s differs (\"%s\" vs \"%s\"); not compared: icount nested runs count instructions\n",
				hcb_prog, keys[i], va, vb);
	}
}

/* 0 means unknown: equal only to another 0. */
static int tsc_differs(long long a, long long b)
{
	if (!a || !b)
		return a != b;
	return fabs((double)a / (double)b - 1) > TSC_TOLERANCE;
}

/* Hardware, plain TCG and wall-clock nested runs: the host matters. */
static size_t check_timed(const struct hcb_rreport *a,
			  const struct hcb_rreport *b,
			  const struct cmp_opts *o, struct cmp_result *res)
{
	static const char *const keys[] = {
		HCB_HOST_KERNEL, HCB_HOST_QEMU, HCB_HOST_CPU_MODEL,
		HCB_HOST_L0_CLOCK, NULL
	};

	return check_facts(a, b, keys, o, res);
}

/*
 * icount nested runs: the figures depend on the L1 kernel, the KVM patch
 * state, QEMU (its version and the L0 CPU model, seen as the guest's CPU),
 * L0's clock and the guest options; not on the host's CPU or kernel.
 */
static size_t check_icount(const struct hcb_rreport *a,
			   const struct hcb_rreport *b,
			   const struct cmp_opts *o, struct cmp_result *res)
{
	static const char *const keys[] = {
		HCB_HOST_L1_KERNEL, HCB_HOST_PATCH, HCB_HOST_QEMU,
		HCB_HOST_L0_CLOCK, NULL
	};
	size_t n = 0;

	if (strcmp(a->cpu.brand, b->cpu.brand))
		n += differ(res, o, HCB_K_CPU, a->cpu.brand, a->label,
			    b->cpu.brand, b->label);
	n += check_options(a, b, o, res);
	note_ignored(a, b);
	return n + check_facts(a, b, keys, o, res);
}

static size_t check_pair(const struct hcb_rreport *a,
			 const struct hcb_rreport *b,
			 const struct cmp_opts *o, struct cmp_result *res)
{
	char ca[160], cb[160], ta[32], tb[32];
	size_t n = 0;

	if (strcmp(a->env, b->env))
		n += differ(res, o, HCB_K_ENV, a->env, a->label, b->env,
			    b->label);
	snprintf(ca, sizeof(ca), "%s family %lld model %lld stepping %lld",
		 a->cpu.vendor, a->cpu.family, a->cpu.model, a->cpu.stepping);
	snprintf(cb, sizeof(cb), "%s family %lld model %lld stepping %lld",
		 b->cpu.vendor, b->cpu.family, b->cpu.model, b->cpu.stepping);
	if (strcmp(ca, cb))
		n += differ(res, o, HCB_K_CPU, ca, a->label, cb, b->label);
	if (tsc_differs(a->tsc_hz, b->tsc_hz)) {
		snprintf(ta, sizeof(ta), "%lld Hz", a->tsc_hz);
		snprintf(tb, sizeof(tb), "%lld Hz", b->tsc_hz);
		n += differ(res, o, HCB_K_TSC, ta, a->label, tb, b->label);
	}
	if (cmp_icount_run(a) && cmp_icount_run(b))
		return n + check_icount(a, b, o, res);
	return n + check_timed(a, b, o, res);
}

size_t cmp_check_env(struct cmp_side *sides, const struct cmp_opts *o,
		     struct cmp_result *res)
{
	const struct hcb_rreport *ref = &sides[BASE].runs[0];
	size_t s, i, n = 0;

	res->icount = 1;
	for (s = 0; s < N_SIDES; s++) {
		for (i = 0; i < sides[s].n; i++) {
			const struct hcb_rreport *r = &sides[s].runs[i];

			if (r != ref)
				n += check_pair(ref, r, o, res);
			res->emulated |= r->emulated;
			res->icount &= cmp_icount_run(r);
		}
	}
	return n;
}
