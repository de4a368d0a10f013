// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-compare: are the runs comparable at all?  Every run is checked
 * against the first base run: kind of environment, CPU, TSC frequency and
 * the host facts kernel, qemu and cpu_model.  Each difference is a loud
 * warning; those not named by --allow make the tool refuse unless --force.
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

static size_t check_host(const struct hcb_rreport *a,
			 const struct hcb_rreport *b,
			 const struct cmp_opts *o, struct cmp_result *res)
{
	static const char *const keys[] = {
		HCB_HOST_KERNEL, HCB_HOST_QEMU, HCB_HOST_CPU_MODEL, NULL
	};
	size_t i, n = 0;

	for (i = 0; keys[i]; i++) {
		const char *va = hcb_report_host(a, keys[i]);
		const char *vb = hcb_report_host(b, keys[i]);

		if (!va && !vb)
			continue;
		if (!va || !vb || strcmp(va, vb))
			n += differ(res, o, keys[i], va ? va : "(missing)",
				    a->path, vb ? vb : "(missing)", b->path);
	}
	return n;
}

/* 0 means unknown: equal only to another 0. */
static int tsc_differs(long long a, long long b)
{
	if (!a || !b)
		return a != b;
	return fabs((double)a / (double)b - 1) > TSC_TOLERANCE;
}

static size_t check_pair(const struct hcb_rreport *a,
			 const struct hcb_rreport *b,
			 const struct cmp_opts *o, struct cmp_result *res)
{
	char ca[160], cb[160], ta[32], tb[32];
	size_t n = 0;

	if (strcmp(a->env, b->env))
		n += differ(res, o, HCB_K_ENV, a->env, a->path, b->env,
			    b->path);
	snprintf(ca, sizeof(ca), "%s family %lld model %lld stepping %lld",
		 a->cpu.vendor, a->cpu.family, a->cpu.model, a->cpu.stepping);
	snprintf(cb, sizeof(cb), "%s family %lld model %lld stepping %lld",
		 b->cpu.vendor, b->cpu.family, b->cpu.model, b->cpu.stepping);
	if (strcmp(ca, cb))
		n += differ(res, o, HCB_K_CPU, ca, a->path, cb, b->path);
	if (tsc_differs(a->tsc_hz, b->tsc_hz)) {
		snprintf(ta, sizeof(ta), "%lld Hz", a->tsc_hz);
		snprintf(tb, sizeof(tb), "%lld Hz", b->tsc_hz);
		n += differ(res, o, HCB_K_TSC, ta, a->path, tb, b->path);
	}
	return n + check_host(a, b, o, res);
}

size_t cmp_check_env(struct cmp_side *sides, const struct cmp_opts *o,
		     struct cmp_result *res)
{
	const struct hcb_rreport *ref = &sides[BASE].runs[0];
	size_t s, i, n = 0;

	for (s = 0; s < N_SIDES; s++) {
		for (i = 0; i < sides[s].n; i++) {
			const struct hcb_rreport *r = &sides[s].runs[i];

			if (r != ref)
				n += check_pair(ref, r, o, res);
			res->emulated |= r->emulated;
		}
	}
	return n;
}
