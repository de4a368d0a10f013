// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-store REPORT.json [DIR]: copy a validated report to
 * DIR/<cpu>_<kernel>_<env>_<YYYYmmdd-HHMMSS>.json (DIR defaults to
 * $HCB_ROOT/results/runs, else results/runs; created if missing, one
 * level), never overwriting: a taken name gets -2, -3, ... appended.
 * Prints the stored path.  The date is the time of storing (UTC), or
 * SOURCE_DATE_EPOCH when that is set.
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

/* @in reduced to [A-Za-z0-9.+-] runs joined by '-', at most @len - 1. */
static void sanitize(char *out, size_t len, const char *in)
{
	size_t n = 0;
	int dash = 0;

	for (; *in && n + 1 < len; in++) {
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

/*
 * The kernel whose KVM ran the guest: under the nested rig the L1 kernel
 * with its patch state, else the host's.
 */
static void kernel_name(const struct hcb_rreport *r, char *out, size_t len)
{
	const char *l1 = hcb_report_host(r, HCB_HOST_L1_KERNEL);
	const char *patch = hcb_report_host(r, HCB_HOST_PATCH);
	const char *kernel = hcb_report_host(r, HCB_HOST_KERNEL);
	const char *state = "stock";
	char buf[128];

	if (patch && !strcmp(patch, "on"))
		state = "patched";
	else if (patch && !strcmp(patch, "fastpath"))
		state = "fastpath";
	if (l1) {
		snprintf(buf, sizeof(buf), "%s-%s", l1, state);
		sanitize(out, len, buf);
	} else {
		sanitize(out, len, kernel ? kernel : "unknown-kernel");
	}
}

static void base_name(const struct hcb_rreport *r, char *out, size_t len)
{
	const char *cpu = hcb_report_host(r, HCB_HOST_CPU_MODEL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char c[64], k[64], e[32], stamp[32];
	time_t now = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);

	sanitize(c, sizeof(c), cpu ? cpu : r->cpu.brand);
	kernel_name(r, k, sizeof(k));
	sanitize(e, sizeof(e), r->env);
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", gmtime(&now));
	snprintf(out, len, "%s_%s_%s_%s", c, k, e, stamp);
}

static int copy_fd(const char *src, int out)
{
	char buf[65536];
	FILE *in = fopen(src, "rb");
	size_t n;
	int ret = 0;

	if (!in)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (write(out, buf, n) != (ssize_t)n)
			ret = -1;
	if (ferror(in))
		ret = -1;
	fclose(in);
	return ret;
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
	int fd;

	if (hcb_report_load(src, &r))
		return HCB_EXIT_BAD_INPUT;
	base_name(&r, base, sizeof(base));
	hcb_report_free(&r);
	if (mkdir(dir, 0755) && errno != EEXIST) {
		fprintf(stderr, "%s: %s: cannot create directory: %s\n",
			hcb_prog, dir, strerror(errno));
		return HCB_EXIT_BAD_INPUT;
	}
	fd = create_unique(dir, base, path, sizeof(path));
	if (fd < 0) {
		fprintf(stderr, "%s: %s: cannot create: %s\n", hcb_prog, path,
			strerror(errno));
		return HCB_EXIT_BAD_INPUT;
	}
	if (copy_fd(src, fd) || close(fd)) {
		fprintf(stderr, "%s: %s: write failed: %s\n", hcb_prog, path,
			strerror(errno));
		unlink(path);
		return HCB_EXIT_BAD_INPUT;
	}
	printf("%s\n", path);
	return 0;
}

int main(int argc, char **argv)
{
	const char *root = getenv("HCB_ROOT");
	char dir[4096];
	int n;

	hcb_prog = "hcb-store";
	for (n = 1; n < argc; n++) {
		if (argv[n][0] == '-') {
			fprintf(stderr, "%s: unknown option \"%s\"\n",
				hcb_prog, argv[n]);
			argc = 0;
		}
	}
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: hcb-store REPORT.json [DIR]\n"
			"  copies the report to DIR/<cpu>_<kernel>_<env>_<date>.json\n"
			"  (DIR: $HCB_ROOT/results/runs or results/runs), prints the path\n");
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
