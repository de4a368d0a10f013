// SPDX-License-Identifier: GPL-2.0
/*
 * writer-sample hw|nested: print the unit tests' fake report
 * (tests/unit/fake_report.c) through the guest's own JSON writer
 * (bench/report_json.c), so the results tests check that the tools read
 * exactly what the guest writes.
 */
#include <stdio.h>
#include <string.h>

#include "fake_report.h"

static void put(void *ctx, const char *s, size_t len)
{
	fwrite(s, 1, len, ctx);
}

int main(int argc, char **argv)
{
	static struct fake_report f;

	if (argc != 2 || (strcmp(argv[1], "hw") && strcmp(argv[1], "nested"))) {
		fprintf(stderr, "usage: writer-sample hw|nested\n");
		return 2;
	}
	fake_report_init(&f, !strcmp(argv[1], "hw"));
	hcb_report_json(&f.r, put, stdout);
	return fflush(stdout) ? 2 : 0;
}
