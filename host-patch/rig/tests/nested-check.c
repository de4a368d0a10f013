// SPDX-License-Identifier: GPL-2.0
/*
 * nested-check: checks one JSON report of a nested rig run for correctness
 * (never timings).  The report is loaded and validated by the results
 * tools' loader (results/tools/report.c); every problem is then printed
 * as "nested-check: FILE: FIELD: problem".  Exit 0 all good, 1 a check
 * failed, 2 bad usage or a report the loader refuses.
 *
 *   nested-check --patched yes|no [--host-patch on|off|fastpath]
 *                --hc-delta N [--row NAME]... [--env LABEL]
 *                [--smp-row NAME... --halt-exits N --irq-injections N] FILE
 *
 * --patched yes: every KVM_HC_TEST call returned the expected value
 *   (checks_failed 0 overall and per row, hc_test_* class ok);
 * --patched no: KVM_HC_TEST returned -KVM_ENOSYS (class enosys);
 * both: host_patched matches, environment is nested-emulated (the AMD
 *   rig; --env nested-emulated-vmx for the Intel rig), emulated is true,
 *   hypercalls_issued equals --hc-delta (KVM's own count in L1), hc_cpl3
 *   returned -KVM_EPERM (class eperm), hc_fuzz ran, every --row is
 *   present, every hypercall row issued the CPU vendor's native
 *   instruction but hc_nonnative_first and hc_nonnative, whose other one
 *   KVM rewrote to the native one (every copy), and the host facts carry
 *   patch (--host-patch, default on
 *   for --patched yes, else off), l1_kernel and l0_retries; the mode rows
 *   ran and failed no check (hc_test_cpl3 -KVM_EPERM; hc_test_tf one #DB
 *   per call and, patched, the right value; hc_test_compat, patched, the
 *   32-bit value, else (u32)-KVM_ENOSYS).
 * --smp-row NAME (a run with a second vCPU, one per row that needs it):
 *   that row ran ok; the PV ones returned what KVM answers when the target
 *   exists (smp_expects[]); checks_failed 0 (the guest counts one IPI or
 *   wake-up on the AP per call sent); KVM's stat deltas over the L2 run
 *   (the rig's kvm_stat_deltas, OVMF included, so only lower bounds):
 *   --halt-exits at least one per timed call of the rows whose AP halts
 *   first, --irq-injections at least one per timed call of the IPI rows.
 */
#include <errno.h>		/* KVM_EPERM, KVM_ENOSYS */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kvm_para.h>
#include "hcbench/schema.h"
#include "report.h"

#define MAX_ROWS 128

struct opts {
	const char *file;
	const char *patched;		/* "yes" | "no" */
	const char *host_patch;		/* "on" | "off" | "fastpath" */
	const char *env;		/* the rig's environment label */
	long long hc_delta;
	const char *rows[MAX_ROWS];
	int n_rows;
	const char *smp_rows[MAX_ROWS];	/* rows that need a second vCPU */
	int n_smp_rows;
	long long halt_exits, irq_injections;	/* -1: not given */
};

static const struct hcb_rreport *rep;
static int failures;

#define fail(field, ...) \
	(failures++, hcb_report_problem(stderr, rep, field, __VA_ARGS__))

/* What a row must show (or-ed). */
enum {
	E_RAN = 1,	/* status ok and hypercall.calls > 0 */
	E_CLEAN = 2,	/* E_RAN and hypercall.checks_failed 0 */
	E_RET = 4,	/* hypercall.ret is .ret (and the class .cls) */
	E_CLASS = 8,	/* hypercall.class is .cls */
};

/* On which host a row's expectation holds. */
enum host { ANY, PATCHED, STOCK };

struct expect {
	const char *row;
	enum host host;
	unsigned int what;
	long long ret;
	const char *cls;
};

/* KVM_HC_TEST and the rows whose KVM answer is known, one line each. */
static const struct expect expects[] = {
	{ "hc_cpl3", ANY, E_RET, -KVM_EPERM, HCB_HC_CLASS_EPERM },
	{ "hc_fuzz", ANY, E_RAN, 0, NULL },
	/* KVM_HC_TEST at CPL 3, single-stepped, from compatibility mode */
	{ "hc_test_cpl3", ANY, E_RET | E_CLEAN, -KVM_EPERM,
	  HCB_HC_CLASS_EPERM },
	{ "hc_test_tf", ANY, E_CLEAN, 0, NULL },
	{ "hc_test_compat", ANY, E_CLEAN, 0, NULL },
	{ "hc_test_tf", PATCHED, E_CLASS, 0, HCB_HC_CLASS_OK },
	{ "hc_test_tf", STOCK, E_RET, -KVM_ENOSYS, HCB_HC_CLASS_ENOSYS },
	{ "hc_test_compat", PATCHED, E_CLASS, 0, HCB_HC_CLASS_OK },
	/* a 32-bit -KVM_ENOSYS reads as a positive 64-bit value */
	{ "hc_test_compat", STOCK, E_RET, (unsigned int)-KVM_ENOSYS,
	  HCB_HC_CLASS_OK },
	/* patched: every KVM_HC_TEST returned the expected value */
	{ "hc_test_0", PATCHED, E_RAN | E_CLASS, 0, HCB_HC_CLASS_OK },
	{ "hc_test_4", PATCHED, E_RAN | E_CLASS, 0, HCB_HC_CLASS_OK },
	/* stock: KVM_HC_TEST is unknown to KVM */
	{ "hc_test_0", STOCK, E_RET, -KVM_ENOSYS, HCB_HC_CLASS_ENOSYS },
	{ "hc_test_4", STOCK, E_RET, -KVM_ENOSYS, HCB_HC_CLASS_ENOSYS },
};

static char field_buf[128];

/* A problem at rows[@name], or at rows[@name].hypercall.@key. */
static const char *hc_field(const char *name, const char *key)
{
	char k[64];

	snprintf(k, sizeof(k), "%s.%s", HCB_K_ROW_HC, key ? key : "");
	return hcb_row_field(field_buf, sizeof(field_buf), name,
			     key ? k : NULL);
}

#define row_fail(name, key, ...) fail(hc_field(name, key), __VA_ARGS__)

/* Row @r ran: status ok and, being a hypercall row, calls > 0. */
static int check_ran(const struct hcb_rrow *r)
{
	if (!r->ok)
		return row_fail(r->name, NULL, "did not run (status %s)",
				r->status);
	if (!r->has_hc)
		return row_fail(r->name, NULL, "no %s object, want %s > 0",
				HCB_K_ROW_HC, HCB_K_HC_CALLS);
	if (r->hc_calls <= 0)
		return row_fail(r->name, HCB_K_HC_CALLS, "%lld, want > 0",
				r->hc_calls);
	return 0;
}

static void check_expect(const struct expect *e)
{
	const struct hcb_rrow *r = hcb_report_row(rep, e->row);

	if (!r) {
		row_fail(e->row, NULL, "missing");
		return;
	}
	if ((e->what & (E_RAN | E_CLEAN)) && check_ran(r))
		return;
	if ((e->what & E_CLEAN) && r->hc_checks)
		row_fail(r->name, HCB_K_HC_CHECKS, "%lld, want 0",
			 r->hc_checks);
	if ((e->what & (E_RET | E_CLASS)) && !r->has_hc) {
		row_fail(r->name, NULL, "no %s object", HCB_K_ROW_HC);
		return;
	}
	if ((e->what & E_RET) && r->hc_ret != e->ret)
		row_fail(r->name, HCB_K_HC_RET, "%lld, want %lld", r->hc_ret,
			 e->ret);
	if ((e->what & (E_RET | E_CLASS)) && strcmp(r->hc_class, e->cls))
		row_fail(r->name, HCB_K_HC_CLASS, "%s, want %s", r->hc_class,
			 e->cls);
}

/*
 * Rows whose one failed check is the AP counting exactly one IPI more
 * than was sent ("N calls sent, N+1 IPIs counted by the AP", the note of
 * bench/rows_smp.c): a duplicate delivery seen only with two L1 CPUs
 * under QEMU TCG's SVM, about 2 in 25000 IPIs (host-patch/rig/README.md,
 * "An extra IPI").  Each is said on stderr; returns how many.
 */
static long long known_extra_ipis(void)
{
	unsigned long sent, got;
	long long n = 0;
	const char *p;
	size_t i;

	for (i = 0; i < rep->n_rows; i++) {
		p = rep->rows[i].note;
		while (p && (p = strstr(p, " calls sent, "))) {
			while (p > rep->rows[i].note && p[-1] >= '0' &&
			       p[-1] <= '9')
				p--;
			if (sscanf(p, "%lu calls sent, %lu IPIs counted by "
				   "the AP", &sent, &got) == 2 &&
			    got == sent + 1) {
				fprintf(stderr, "nested-check: %s: KNOWN, not a "
					"failure: %s: the AP counted one IPI "
					"more than was sent (%lu for %lu), a "
					"duplicate delivery of the rig "
					"(host-patch/rig/README.md)\n",
					rep->path, rep->rows[i].name, got, sent);
				n++;
			}
			p = strstr(p, " calls sent, ") + 1;
		}
	}
	return n;
}

/* The report's checks_failed, less the rig's known extra IPIs. */
static long long checks_failed(void)
{
	static long long known = -1;

	if (known < 0)
		known = rep->checks_failed ? known_extra_ipis() : 0;
	return rep->checks_failed - known;
}

/* Patched host: no KVM_HC_TEST check failed, in any row. */
static void check_patched(void)
{
	size_t i;

	if (checks_failed())
		fail(HCB_K_CHECKS_FAILED, "is %lld, want 0",
		     rep->checks_failed);
	for (i = 0; i < rep->n_rows; i++)
		if (rep->rows[i].hc_checks)
			row_fail(rep->rows[i].name, HCB_K_HC_CHECKS,
				 "%lld, want 0", rep->rows[i].hc_checks);
}

/* The hypercall instruction native to the report's CPU vendor. */
static const char *native_insn(void)
{
	return strcmp(rep->cpu.vendor, "GenuineIntel") ? "vmmcall" : "vmcall";
}

/*
 * In @note, "N of M copies now hold INSN: KVM rewrote the instruction in
 * place" (bench/rows_nonnative.c); 0 and N, M, INSN set when found.
 */
static int rewrite_note(const char *note, unsigned int *n, unsigned int *m,
			char insn[16])
{
	const char *p;

	for (p = note; p && *p; p++) {
		if (*p < '0' || *p > '9' || (p > note && p[-1] >= '0' &&
					     p[-1] <= '9'))
			continue;
		if (sscanf(p, "%u of %u copies now hold %15[a-z]", n, m,
			   insn) == 3)
			return strstr(p, ": KVM rewrote the instruction in "
				      "place") ? 0 : -1;
	}
	return -1;
}

/* A problem with the note of row @r, which is quoted. */
#define note_fail(r, fmt, ...) \
	fail(hcb_row_field(field_buf, sizeof(field_buf), (r)->name, \
			   HCB_K_ROW_NOTE), fmt ": %s", __VA_ARGS__, \
	     (r)->note ? (r)->note : "(none)")

/*
 * Every hypercall row but the non-native ones issued the instruction
 * native to the CPU's vendor (vmcall on Intel, vmmcall on AMD).  The
 * non-native rows issued the other one, and KVM rewrote it to the native
 * one in every copy that ran once (hc_nonnative_first) and at the
 * location called again (hc_nonnative).
 */
static void check_rewrite(void)
{
	const char *native = native_insn();
	const struct hcb_rrow *r;
	unsigned int n, m;
	char insn[16], want[96];
	size_t i;

	for (i = 0; i < rep->n_rows; i++) {
		r = &rep->rows[i];
		if (r->has_hc && r->hc_insn && strcmp(r->hc_insn, native) &&
		    strncmp(r->name, "hc_nonnative", 12))
			row_fail(r->name, HCB_K_HC_INSN, "%s, want %s (native "
				 "on %s)", r->hc_insn, native,
				 rep->cpu.vendor);
	}

	r = hcb_report_row(rep, "hc_nonnative_first");
	if (r && !check_ran(r)) {
		if (!strcmp(r->hc_insn, native))
			row_fail(r->name, HCB_K_HC_INSN, "%s is native on %s: "
				 "the row must issue the other one",
				 r->hc_insn, rep->cpu.vendor);
		if (rewrite_note(r->note, &n, &m, insn) || n != m || !n ||
		    strcmp(insn, native))
			note_fail(r, "does not say that KVM rewrote every "
				  "copy to %s", native);
	}
	r = hcb_report_row(rep, "hc_nonnative");
	if (r && !check_ran(r)) {
		snprintf(want, sizeof(want), "KVM rewrote the location to %s "
			 "on the first call", native);
		if (!r->note || !strstr(r->note, want))
			note_fail(r, "does not say \"%s\"", want);
	}
}

/* Host fact @key, "(missing)" when absent. */
static const char *host(const char *key)
{
	const char *v = hcb_report_host(rep, key);

	return v ? v : "(missing)";
}

static void check_host(const char *patch)
{
	static const char *const need[] = {
		HCB_HOST_L1_KERNEL, HCB_HOST_L0_RETRIES,
	};
	size_t i;

	if (strcmp(host(HCB_HOST_PATCH), patch))
		fail(HCB_K_HOST "." HCB_HOST_PATCH, "is %s, want %s",
		     host(HCB_HOST_PATCH), patch);
	for (i = 0; i < sizeof(need) / sizeof(need[0]); i++)
		if (!hcb_report_host(rep, need[i]))
			fail(HCB_K_HOST, "%s missing", need[i]);
}

/* --- rows with a second vCPU (--smp-row) --- */

/* What a PV hypercall aimed at an existing vCPU returns; per row, how
 * many KVM events each timed call causes at least. */
static const struct smp_expect {
	const char *row;
	unsigned int what;
	long long ret;
	int halts, irqs;	/* per timed call: halt exits, injections */
} smp_expects[] = {
	{ "ipi", 0, 0, 0, 1 },
	{ "ipi_halt", 0, 0, 1, 1 },
	{ "hc_kick_cpu_halted", E_RET | E_CLEAN, 0, 1, 0 },
	/* the number of CPUs the IPI reached */
	{ "hc_send_ipi_target", E_RET | E_CLEAN, 1, 0, 1 },
	{ "hc_sched_yield_target", E_RET | E_CLEAN, 0, 0, 0 },
};

static const struct smp_expect *smp_expect_of(const char *row)
{
	size_t i;

	for (i = 0; i < sizeof(smp_expects) / sizeof(smp_expects[0]); i++)
		if (!strcmp(smp_expects[i].row, row))
			return &smp_expects[i];
	return NULL;
}

/* A KVM stat delta @got must be at least @want (KVM stat @name). */
static void check_at_least(const char *name, long long got, long long want)
{
	if (got < want)
		fail(HCB_K_ROWS, "KVM's %s grew by %lld over the L2 run, but "
		     "the rows with a second vCPU timed %lld calls that "
		     "each cause one", name, got, want);
}

static void check_smp(const struct opts *o)
{
	json_t *it = json_object_get(rep->root, HCB_K_ITERS);
	long long iters = json_integer_value(it), halts = 0, irqs = 0;
	const struct smp_expect *e;
	const struct hcb_rrow *r;
	int j;

	if (checks_failed())
		fail(HCB_K_CHECKS_FAILED, "is %lld, want 0 (an IPI or wake-up "
		     "the AP did not count, or a PV return value)",
		     rep->checks_failed);
	for (j = 0; j < o->n_smp_rows; j++) {
		r = hcb_report_row(rep, o->smp_rows[j]);
		e = smp_expect_of(o->smp_rows[j]);
		if (!r) {
			row_fail(o->smp_rows[j], NULL, "missing");
			continue;
		}
		if (!r->ok) {
			row_fail(r->name, NULL, "did not run (status %s: %s)",
				 r->status, r->note ? r->note : "no note");
			continue;
		}
		if (!e) {
			row_fail(r->name, NULL, "needs a second vCPU but "
				 "nested-check has no expectation for it "
				 "(smp_expects[])");
			continue;
		}
		if (e->what) {
			const struct expect x = { e->row, ANY, e->what, e->ret,
						  HCB_HC_CLASS_OK };

			check_expect(&x);
		}
		halts += e->halts * iters;
		irqs += e->irqs * iters;
	}
	check_at_least("halt_exits", o->halt_exits, halts);
	check_at_least("irq_injections", o->irq_injections, irqs);
}

/* --smp-row NAME --halt-exits N --irq-injections N */
static int parse_smp(int argc, char **argv, int *i, struct opts *o)
{
	long long *v = NULL;
	char *end;

	if (strcmp(argv[*i], "--smp-row") &&
	    strcmp(argv[*i], "--halt-exits") &&
	    strcmp(argv[*i], "--irq-injections"))
		return 1;
	if (*i + 1 >= argc)
		return -1;
	if (!strcmp(argv[*i], "--smp-row")) {
		if (o->n_smp_rows == MAX_ROWS)
			return -1;
		o->smp_rows[o->n_smp_rows++] = argv[++*i];
		return 0;
	}
	v = strcmp(argv[*i], "--halt-exits") ? &o->irq_injections :
					       &o->halt_exits;
	*v = strtoll(argv[++*i], &end, 10);
	return *end || end == argv[*i] || *v < 0 ? -1 : 0;
}

static int smp_args_ok(const struct opts *o)
{
	return !o->n_smp_rows ||
	       (o->halt_exits >= 0 && o->irq_injections >= 0);
}
/* --- end of rows with a second vCPU --- */

static void check_report(const struct opts *o)
{
	enum host h = strcmp(o->patched, "yes") ? STOCK : PATCHED;
	size_t i;
	int j;

	if (strcmp(rep->env, o->env))
		fail(HCB_K_ENV, "is %s, want %s", rep->env, o->env);
	if (!rep->emulated)
		fail(HCB_K_EMULATED, "is not true");
	if (strcmp(rep->patched, o->patched))
		fail(HCB_K_PATCHED, "is %s, want %s", rep->patched,
		     o->patched);
	for (j = 0; j < o->n_rows; j++)
		if (!hcb_report_row(rep, o->rows[j]))
			fail(HCB_K_ROWS, "row %s (docs/design.md) missing",
			     o->rows[j]);
	if (rep->hc_issued != o->hc_delta)
		fail(HCB_K_HC_ISSUED,
		     "is %lld but KVM's hypercalls stat in L1 grew by %lld",
		     rep->hc_issued, o->hc_delta);
	for (i = 0; i < sizeof(expects) / sizeof(expects[0]); i++)
		if (expects[i].host == ANY || expects[i].host == h)
			check_expect(&expects[i]);
	check_host(o->host_patch ? o->host_patch :
		   h == PATCHED ? "on" : "off");
	check_rewrite();
	if (h == PATCHED)
		check_patched();
	if (o->n_smp_rows)
		check_smp(o);
}

static int usage(void)
{
	fprintf(stderr, "usage: nested-check --patched yes|no "
		"[--host-patch on|off|fastpath] --hc-delta N "
		"[--row NAME]... [--env " HCB_ENV_NESTED "|"
		HCB_ENV_NESTED_VMX "] [--smp-row NAME... --halt-exits N "
		"--irq-injections N] FILE\n");
	return 2;
}

static int parse(int argc, char **argv, struct opts *o)
{
	int i;
	char *end;

	for (i = 1; i < argc; i++) {
		int smp = parse_smp(argc, argv, &i, o);

		if (smp < 0)
			return -1;
		if (!smp)
			continue;
		if (!strcmp(argv[i], "--patched") && i + 1 < argc) {
			o->patched = argv[++i];
		} else if (!strcmp(argv[i], "--env") && i + 1 < argc) {
			o->env = argv[++i];
		} else if (!strcmp(argv[i], "--host-patch") && i + 1 < argc) {
			o->host_patch = argv[++i];
		} else if (!strcmp(argv[i], "--hc-delta") && i + 1 < argc) {
			o->hc_delta = strtoll(argv[++i], &end, 10);
			if (*end || end == argv[i])
				return -1;
		} else if (!strcmp(argv[i], "--row") && i + 1 < argc) {
			if (o->n_rows == MAX_ROWS)
				return -1;
			o->rows[o->n_rows++] = argv[++i];
		} else if (argv[i][0] != '-' && !o->file) {
			o->file = argv[i];
		} else {
			return -1;
		}
	}
	if (!o->file || !o->patched || o->hc_delta < 0 || !smp_args_ok(o))
		return -1;
	if (strcmp(o->patched, "yes") && strcmp(o->patched, "no"))
		return -1;
	if (strcmp(o->env, HCB_ENV_NESTED) &&
	    strcmp(o->env, HCB_ENV_NESTED_VMX))
		return -1;
	if (o->host_patch && strcmp(o->host_patch, "on") &&
	    strcmp(o->host_patch, "off") && strcmp(o->host_patch, "fastpath"))
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o = { .hc_delta = -1, .halt_exits = -1,
			  .irq_injections = -1, .env = HCB_ENV_NESTED };
	struct hcb_rreport r;

	hcb_prog = "nested-check";
	if (parse(argc, argv, &o))
		return usage();
	if (hcb_report_load(o.file, &r))
		return 2;
	rep = &r;
	check_report(&o);
	hcb_report_free(&r);
	if (failures) {
		fprintf(stderr, "nested-check: %s: %d check(s) failed\n",
			o.file, failures);
		return 1;
	}
	printf("nested-check: %s: all checks passed (patched %s)\n", o.file,
	       o.patched);
	return 0;
}
