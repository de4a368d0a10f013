// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-store REPORT.json [DIR]: copy a validated report to
 * DIR/<cpu>_<kernel>_<env>_<YYYYmmdd-HHMMSS>.json (DIR defaults to
 * $HCB_ROOT/results/runs, else results/runs; created if missing, one
 * level), never overwriting: a taken name gets -2, -3, ... appended.
 * Prints the stored path.  The date is the time of storing (UTC), or
 * SOURCE_DATE_EPOCH when that is set (seconds, 0..MAX_EPOCH; anything
 * else is bad input).  The bytes stored are the bytes validated.
 * <kernel> is the kernel whose KVM ran
 * the guest: for a nested-rig run its L1 kernel and patch state
 * (6.1.0-56-amd64-patched, -stock, or -<state> for other states), else
 * the host fact kernel.
 *
 * hcb-store --set-name REPORT.json prints the name of the nested baseline
 * set the report belongs to, <l1_kernel>_<patch state>_qemu-<version>,
 * with _bochs-<version> for the Intel rig
 * (results/baselines/nested/, make baseline), or fails for a report that
 * is not from the nested rig.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "report.h"

#define MAX_SUFFIX 1000
/* 9999-12-31 23:59:59 UTC: the name's %Y stays four digits. */
#define MAX_EPOCH 253402300799LL

/*
 * @in reduced to [A-Za-z0-9.+-] runs joined by '-', at most @len - 1,
 * never starting with '.' (no hidden file, no "..").
 */
static void sanitize(char *out, size_t len, const char *in)
{
	size_t n = 0;
	int dash = 0;

	for (; *in && n + 1 < len; in++) {
		if (*in == '.' && !n)
			continue;
		if (isalnum((unsigned char)*in) || strchr(".+", *in)) {
			if (dash && n)
				out[n++] = '-';
			if (n + 1 < len)
				out[n++] = *in;
			dash = 0;
		} else {
			dash = 1;
		}
	}
	out[n] = '\0';
	if (!n)
		snprintf(out, len, "unknown");
}

/* Patch state "on" / "off" as patched / stock; others as they are. */
static const char *patch_name(const char *patch)
{
	if (!patch)
		return "unknown";
	if (!strcmp(patch, "on"))
		return "patched";
	if (!strcmp(patch, "off"))
		return "stock";
	return patch;
}

/*
 * The kernel whose KVM ran the guest: under the nested rig the L1 kernel
 * with its patch state, else the host's.
 */
static void kernel_name(const struct hcb_rreport *r, char *out, size_t len)
{
	const char *l1 = hcb_report_host(r, HCB_HOST_L1_KERNEL);
	const char *patch = hcb_report_host(r, HCB_HOST_PATCH);
	const char *kernel = hcb_report_host(r, HCB_HOST_KERNEL);
	char buf[128];

	if (l1) {
		snprintf(buf, sizeof(buf), "%s-%s", l1, patch_name(patch));
		sanitize(out, len, buf);
	} else {
		sanitize(out, len, kernel ? kernel : "unknown-kernel");
	}
}

/* The time in the name: SOURCE_DATE_EPOCH when set, else now. */
static int stamp_time(time_t *t)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (!sde || !*sde) {
		*t = time(NULL);
		return 0;
	}
	errno = 0;
	v = strtoll(sde, &end, 10);
	if (!isdigit((unsigned char)*sde) || *end || errno || v > MAX_EPOCH) {
		fprintf(stderr, "%s: SOURCE_DATE_EPOCH: \"", hcb_prog);
		hcb_fput_safe(sde, stderr);
		fprintf(stderr, "\" is not seconds 0..%lld\n", MAX_EPOCH);
		return -1;
	}
	*t = (time_t)v;
	return 0;
}

static int base_name(const struct hcb_rreport *r, char *out, size_t len)
{
	const char *cpu = hcb_report_host(r, HCB_HOST_CPU_MODEL);
	char c[64], k[64], e[32], stamp[32];
	struct tm tm;
	time_t now;

	if (stamp_time(&now))
		return -1;
	if (!gmtime_r(&now, &tm) ||
	    !strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm)) {
		fprintf(stderr, "%s: cannot format the date %lld\n", hcb_prog,
			(long long)now);
		return -1;
	}
	sanitize(c, sizeof(c), cpu ? cpu : r->cpu.brand);
	kernel_name(r, k, sizeof(k));
	sanitize(e, sizeof(e), r->env);
	snprintf(out, len, "%s_%s_%s_%s", c, k, e, stamp);
	return 0;
}

static int write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Create DIR/BASE[-i].json exclusively; returns its fd, path in @path. */
static int create_unique(const char *dir, const char *base, char *path,
			 size_t len)
{
	int i, fd, n;

	for (i = 1; i <= MAX_SUFFIX; i++) {
		if (i == 1)
			n = snprintf(path, len, "%s/%s.json", dir, base);
		else
			n = snprintf(path, len, "%s/%s-%d.json", dir, base, i);
		if (n < 0 || (size_t)n >= len) {
			errno = ENAMETOOLONG;
			return -1;
		}
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

static int store(const char *src, const char *dir)
{
	struct hcb_rreport r;
	char base[256], path[4096];
	int fd, ret = HCB_EXIT_BAD_INPUT;

	if (hcb_report_load(src, &r))
		return HCB_EXIT_BAD_INPUT;
	if (base_name(&r, base, sizeof(base)))
		goto out;
	if (mkdir(dir, 0755) && errno != EEXIST) {
		fprintf(stderr, "%s: %s: cannot create directory: %s\n",
			hcb_prog, dir, strerror(errno));
		goto out;
	}
	fd = create_unique(dir, base, path, sizeof(path));
	if (fd < 0) {
		fprintf(stderr, "%s: %s: cannot create: %s\n", hcb_prog, path,
			strerror(errno));
		goto out;
	}
	if (write_all(fd, r.data, r.size) | close(fd)) {
		fprintf(stderr, "%s: %s: write failed: %s\n", hcb_prog, path,
			strerror(errno));
		unlink(path);
		goto out;
	}
	printf("%s\n", path);
	ret = 0;
out:
	hcb_report_free(&r);
	return ret;
}

/* "QEMU emulator version 7.2.22 (Debian ...)" -> "7.2.22" */
static void qemu_version(const char *fact, char *out, size_t len)
{
	const char *v = fact ? strstr(fact, "version ") : NULL;
	char buf[64];
	size_t n = 0;

	if (v)
		for (v += 8; *v && *v != ' ' && n + 1 < sizeof(buf); v++)
			buf[n++] = *v;
	buf[n] = '\0';
	sanitize(out, len, n ? buf : "unknown");
}

/*
 * The Intel rig's L0, from its l0_clock fact "bochs VERSION cpu=...":
 * "_bochs-VERSION" (its figures are another rig's: a set of their own);
 * "" for other runs.
 */
static void l0_suffix(const struct hcb_rreport *r, char *out, size_t len)
{
	const char *c = hcb_report_host(r, HCB_HOST_L0_CLOCK);
	char buf[64];
	size_t n = 0;

	out[0] = '\0';
	if (strcmp(r->env, HCB_ENV_NESTED_VMX) || !c || strncmp(c, "bochs ", 6))
		return;
	for (c += 6; *c && *c != ' ' && n + 1 < sizeof(buf); c++)
		buf[n++] = *c;
	buf[n] = '\0';
	strcpy(out, "_bochs-");
	sanitize(out + 7, len - 7, n ? buf : "unknown");
}

static int set_name(const char *src)
{
	struct hcb_rreport r;
	const char *l1, *patch;
	char k[96], p[32], q[64], l0[80];

	if (hcb_report_load(src, &r))
		return HCB_EXIT_BAD_INPUT;
	l1 = hcb_report_host(&r, HCB_HOST_L1_KERNEL);
	patch = hcb_report_host(&r, HCB_HOST_PATCH);
	if (!l1) {
		fprintf(stderr, "%s: %s: host.%s: missing (not a nested-rig run)\n",
			hcb_prog, src, HCB_HOST_L1_KERNEL);
		hcb_report_free(&r);
		return HCB_EXIT_BAD_INPUT;
	}
	sanitize(k, sizeof(k), l1);
	sanitize(p, sizeof(p), patch_name(patch));
	qemu_version(hcb_report_host(&r, HCB_HOST_QEMU), q, sizeof(q));
	l0_suffix(&r, l0, sizeof(l0));
	printf("%s_%s_qemu-%s%s\n", k, p, q, l0);
	hcb_report_free(&r);
	return 0;
}

static void usage(FILE *f)
{
	fputs("usage: hcb-store REPORT.json [DIR]\n"
	      "       hcb-store --set-name REPORT.json\n"
	      "Checks that REPORT.json is a valid schema report, copies it to\n"
	      "DIR/<cpu>_<kernel>_<env>_<date>.json and prints that path\n"
	      "(DIR: $HCB_ROOT/results/runs, else results/runs; <kernel>: a\n"
	      "nested run's L1 kernel and patch state, else the host's).\n"
	      "  --set-name  print the nested baseline set name of the report,\n"
	      "              <l1_kernel>_<patch>_qemu-<version>, with\n"
	      "              _bochs-<version> for the Intel rig; store nothing\n"
	      "  -h, --help  this text\n"
	      "Exit status: 0 stored (or named), 2 bad input.\n", f);
}

int main(int argc, char **argv)
{
	const char *root = getenv("HCB_ROOT");
	char dir[4096];
	int n;

	hcb_prog = "hcb-store";
	if (argc == 2 && (!strcmp(argv[1], "-h") ||
			  !strcmp(argv[1], "--help"))) {
		usage(stdout);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "--set-name"))
		return set_name(argv[2]);
	for (n = 1; n < argc; n++) {
		if (argv[n][0] == '-') {
			fprintf(stderr, "%s: unknown option \"%s\"\n",
				hcb_prog, argv[n]);
			argc = 0;
		}
	}
	if (argc < 2 || argc > 3) {
		usage(stderr);
		return HCB_EXIT_BAD_INPUT;
	}
	if (argc == 3)
		return store(argv[1], argv[2]);
	n = snprintf(dir, sizeof(dir), "%s%sresults/runs", root ? root : "",
		     root ? "/" : "");
	if (n < 0 || (size_t)n >= sizeof(dir)) {
		fprintf(stderr, "%s: HCB_ROOT is too long\n", hcb_prog);
		return HCB_EXIT_BAD_INPUT;
	}
	return store(argv[1], dir);
}
