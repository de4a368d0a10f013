// SPDX-License-Identifier: GPL-2.0
/*
 * nested-check: checks one JSON report of a nested rig run for correctness
 * (never timings).  Every problem is printed; exit 0 all good, 1 a check
 * failed, 2 bad usage or unreadable JSON.
 *
 *   nested-check --patched yes|no [--host-patch on|off|fastpath]
 *                --hc-delta N [--row NAME]... FILE
 *
 * --patched yes: every KVM_HC_TEST call returned the expected value
 *   (checks_failed 0 overall and per row, hc_test_* class ok);
 * --patched no: KVM_HC_TEST returned -KVM_ENOSYS (class enosys);
 * both: host_patched matches, environment is nested-emulated, emulated is
 *   true, hypercalls_issued equals --hc-delta (KVM's own count in L1),
 *   hc_cpl3 returned -KVM_EPERM (class eperm), hc_fuzz ran, every --row is
 *   present, and the host facts carry patch (--host-patch, default on
 *   for --patched yes, else off), l1_kernel and l0_retries; the mode rows
 *   ran and failed no check (hc_test_cpl3 -KVM_EPERM; hc_test_tf one #DB
 *   per call and, patched, the right value; hc_test_compat, patched, the
 *   32-bit value, else (u32)-KVM_ENOSYS).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <linux/kvm_para.h>
#include "hcbench/schema.h"

#define MAX_ROWS 128

struct opts {
	const char *file;
	const char *patched;		/* "yes" | "no" */
	const char *host_patch;		/* "on" | "off" | "fastpath" */
	long long hc_delta;
	const char *rows[MAX_ROWS];
	int n_rows;
};

static const char *file;
static int failures;

__attribute__((format(printf, 1, 2)))
static void fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "nested-check: %s: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	failures++;
}

static const char *str_of(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s ? s : "(missing)";
}

static json_t *find_row(json_t *rows, const char *name)
{
	size_t i;
	json_t *row;

	json_array_foreach(rows, i, row) {
		if (!strcmp(str_of(row, HCB_K_ROW_NAME), name))
			return row;
	}
	return NULL;
}

/* Hypercall row @name: its ret must be @want and its class @cls. */
static void check_hc_ret(json_t *rows, const char *name, long long want,
			 const char *cls)
{
	json_t *row = find_row(rows, name), *hc;
	json_t *ret;

	if (!row) {
		fail("row %s missing", name);
		return;
	}
	hc = json_object_get(row, HCB_K_ROW_HC);
	ret = json_object_get(hc, HCB_K_HC_RET);
	if (!json_is_integer(ret)) {
		fail("row %s: no integer hypercall.ret", name);
		return;
	}
	if (json_integer_value(ret) != want)
		fail("row %s: ret %lld, want %lld", name,
		     json_integer_value(ret), want);
	if (strcmp(str_of(hc, HCB_K_HC_CLASS), cls))
		fail("row %s: class %s, want %s", name,
		     str_of(hc, HCB_K_HC_CLASS), cls);
}

/* Hypercall row @name returned class @cls (its checks are the guest's). */
static void check_class(json_t *rows, const char *name, const char *cls)
{
	json_t *hc = json_object_get(find_row(rows, name), HCB_K_ROW_HC);

	if (strcmp(str_of(hc, HCB_K_HC_CLASS), cls))
		fail("row %s: class %s, want %s", name,
		     str_of(hc, HCB_K_HC_CLASS), cls);
}

/* The row ran: status ok and, for hypercall rows, calls > 0. */
static void check_ran(json_t *rows, const char *name)
{
	json_t *row = find_row(rows, name), *calls;

	if (!row) {
		fail("row %s missing", name);
		return;
	}
	if (strcmp(str_of(row, HCB_K_ROW_STATUS), HCB_STATUS_OK)) {
		fail("row %s did not run (status %s)", name,
		     str_of(row, HCB_K_ROW_STATUS));
		return;
	}
	calls = json_object_get(json_object_get(row, HCB_K_ROW_HC),
				HCB_K_HC_CALLS);
	if (!json_is_integer(calls) || json_integer_value(calls) <= 0)
		fail("row %s: hypercall.calls %lld, want > 0", name,
		     json_integer_value(calls));
}

/* Patched host: every KVM_HC_TEST check passed, in every row. */
static void check_patched(json_t *root, json_t *rows)
{
	size_t i;
	json_t *row, *n;

	n = json_object_get(root, HCB_K_CHECKS_FAILED);
	if (!json_is_integer(n) || json_integer_value(n) != 0)
		fail("%s is %lld, want 0", HCB_K_CHECKS_FAILED,
		     json_integer_value(n));
	json_array_foreach(rows, i, row) {
		n = json_object_get(json_object_get(row, HCB_K_ROW_HC),
				    HCB_K_HC_CHECKS);
		if (n && json_integer_value(n) != 0)
			fail("row %s: checks_failed %lld",
			     str_of(row, HCB_K_ROW_NAME),
			     json_integer_value(n));
	}
	check_ran(rows, "hc_test_0");
	check_ran(rows, "hc_test_4");
	check_class(rows, "hc_test_0", HCB_HC_CLASS_OK);
	check_class(rows, "hc_test_4", HCB_HC_CLASS_OK);
}

/* Stock host: KVM_HC_TEST is unknown to KVM. */
static void check_stock(json_t *rows)
{
	check_hc_ret(rows, "hc_test_0", -KVM_ENOSYS, HCB_HC_CLASS_ENOSYS);
	check_hc_ret(rows, "hc_test_4", -KVM_ENOSYS, HCB_HC_CLASS_ENOSYS);
}

/* Row @name ran and its guest-side checks all passed. */
static void check_clean(json_t *rows, const char *name)
{
	json_t *n;

	check_ran(rows, name);
	n = json_object_get(json_object_get(find_row(rows, name),
					    HCB_K_ROW_HC), HCB_K_HC_CHECKS);
	if (!json_is_integer(n) || json_integer_value(n) != 0)
		fail("row %s: checks_failed %lld, want 0", name,
		     json_integer_value(n));
}

/* KVM_HC_TEST at CPL 3, single-stepped, from compatibility mode. */
static void check_modes(json_t *rows, int yes)
{
	check_hc_ret(rows, "hc_test_cpl3", -KVM_EPERM, HCB_HC_CLASS_EPERM);
	check_clean(rows, "hc_test_cpl3");
	check_clean(rows, "hc_test_tf");
	check_clean(rows, "hc_test_compat");
	if (yes)
		check_class(rows, "hc_test_tf", HCB_HC_CLASS_OK);
	else
		check_hc_ret(rows, "hc_test_tf", -KVM_ENOSYS,
			     HCB_HC_CLASS_ENOSYS);
	/* a 32-bit -KVM_ENOSYS reads as a positive 64-bit value */
	if (yes)
		check_class(rows, "hc_test_compat", HCB_HC_CLASS_OK);
	else
		check_hc_ret(rows, "hc_test_compat",
			     (unsigned int)-KVM_ENOSYS, HCB_HC_CLASS_OK);
}

static void check_host(json_t *root, const char *patch)
{
	json_t *host = json_object_get(root, HCB_K_HOST);

	if (strcmp(str_of(host, "patch"), patch))
		fail("host.patch is %s, want %s", str_of(host, "patch"),
		     patch);
	if (!json_is_string(json_object_get(host, "l1_kernel")))
		fail("host.l1_kernel missing");
	if (!json_is_string(json_object_get(host, "l0_retries")))
		fail("host.l0_retries missing");
}

static void check_report(json_t *root, const struct opts *o)
{
	json_t *rows = json_object_get(root, HCB_K_ROWS);
	json_t *issued = json_object_get(root, HCB_K_HC_ISSUED);
	int i, yes = !strcmp(o->patched, "yes");

	if (json_integer_value(json_object_get(root, HCB_K_SCHEMA)) !=
	    HCB_SCHEMA_VERSION)
		fail("schema_version is not %d", HCB_SCHEMA_VERSION);
	if (strcmp(str_of(root, HCB_K_ENV), HCB_ENV_NESTED))
		fail("environment is %s, want %s", str_of(root, HCB_K_ENV),
		     HCB_ENV_NESTED);
	if (!json_is_true(json_object_get(root, HCB_K_EMULATED)))
		fail("emulated is not true");
	if (strcmp(str_of(root, HCB_K_PATCHED), o->patched))
		fail("host_patched is %s, want %s",
		     str_of(root, HCB_K_PATCHED), o->patched);
	if (!json_is_array(rows)) {
		fail("no rows array");
		return;
	}
	for (i = 0; i < o->n_rows; i++)
		if (!find_row(rows, o->rows[i]))
			fail("row %s (docs/design.md) missing", o->rows[i]);
	if (!json_is_integer(issued) ||
	    json_integer_value(issued) != o->hc_delta)
		fail("%s is %lld but KVM's hypercalls stat in L1 grew by %lld",
		     HCB_K_HC_ISSUED, json_integer_value(issued), o->hc_delta);
	check_hc_ret(rows, "hc_cpl3", -KVM_EPERM, HCB_HC_CLASS_EPERM);
	check_ran(rows, "hc_fuzz");
	check_modes(rows, yes);
	check_host(root, o->host_patch ? o->host_patch : yes ? "on" : "off");
	if (yes)
		check_patched(root, rows);
	else
		check_stock(rows);
}

static int usage(void)
{
	fprintf(stderr, "usage: nested-check --patched yes|no "
		"[--host-patch on|off|fastpath] --hc-delta N "
		"[--row NAME]... FILE\n");
	return 2;
}

static int parse(int argc, char **argv, struct opts *o)
{
	int i;
	char *end;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--patched") && i + 1 < argc) {
			o->patched = argv[++i];
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
	if (!o->file || !o->patched || o->hc_delta < 0)
		return -1;
	if (strcmp(o->patched, "yes") && strcmp(o->patched, "no"))
		return -1;
	if (o->host_patch && strcmp(o->host_patch, "on") &&
	    strcmp(o->host_patch, "off") && strcmp(o->host_patch, "fastpath"))
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o = { .hc_delta = -1 };
	json_error_t err;
	json_t *root;

	if (parse(argc, argv, &o))
		return usage();
	file = o.file;
	root = json_load_file(o.file, 0, &err);
	if (!root) {
		fprintf(stderr, "nested-check: %s: line %d: %s\n", o.file,
			err.line, err.text);
		return 2;
	}
	check_report(root, &o);
	json_decref(root);
	if (failures) {
		fprintf(stderr, "nested-check: %s: %d check(s) failed\n",
			o.file, failures);
		return 1;
	}
	printf("nested-check: %s: all checks passed (patched %s)\n", o.file,
	       o.patched);
	return 0;
}
