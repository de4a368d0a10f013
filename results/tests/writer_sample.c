// SPDX-License-Identifier: GPL-2.0
/*
 * writer-sample hw|nested: print the unit tests' fake report
 * (tests/unit/fake_report.c) through the guest's own JSON writer
 * (bench/report_json.c), so the results tests check that the tools read
 * exactly what the guest writes.
 *
 * The fake report holds control characters (tab, newline, 0x01, 0x1f)
 * to test the writer's escaping; the tools refuse those (docs/schema.md).
 * "raw" prints them as they are, else every control byte in a host value,
 * row description or note becomes '?' first.
 */
#include <stdio.h>
#include <string.h>

#include "fake_report.h"

static void put(void *ctx, const char *s, size_t len)
{
	fwrite(s, 1, len, ctx);
}

/* A copy of @s (static storage, @slot of FAKE_N_HOST + FAKE_N_ROWS * 2). */
static const char *scrub(const char *s, unsigned int slot)
{
	static char buf[FAKE_N_HOST + FAKE_N_ROWS * 2][512];
	char *d = buf[slot];
	size_t i;

	if (!s)
		return s;
	snprintf(d, sizeof(buf[0]), "%s", s);
	for (i = 0; d[i]; i++)
		if ((unsigned char)d[i] < 0x20 || d[i] == 0x7f)
			d[i] = '?';
	return d;
}

static void scrub_all(struct fake_report *f)
{
	unsigned int i;

	for (i = 0; i < FAKE_N_HOST; i++)
		f->host[i].val = scrub(f->host[i].val, i);
	for (i = 0; i < FAKE_N_ROWS; i++) {
		f->rows[i].desc = scrub(f->rows[i].desc, FAKE_N_HOST + 2 * i);
		f->rows[i].note = scrub(f->rows[i].note,
					FAKE_N_HOST + 2 * i + 1);
	}
}

int main(int argc, char **argv)
{
	static struct fake_report f;

	if (argc < 2 || argc > 3 ||
	    (strcmp(argv[1], "hw") && strcmp(argv[1], "nested")) ||
	    (argc == 3 && strcmp(argv[2], "raw"))) {
		fprintf(stderr, "usage: writer-sample hw|nested [raw]\n");
		return 2;
	}
	fake_report_init(&f, !strcmp(argv[1], "hw"));
	if (argc == 2)
		scrub_all(&f);
	hcb_report_json(&f.r, put, stdout);
	return fflush(stdout) ? 2 : 0;
}
