// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the freestanding report code (bench/stats.c,
 * bench/fmt.c, bench/report_json.c, bench/report_table.c) and of the
 * vendor decisions (kernel/vendor.c).
 * Usage: hcb-unit SCHEMA_JSON   (results/schema-v1.json)
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit_test.h"

int unit_cur_failed;
static unsigned int n_passed, n_failed;

void unit_fail(const char *file, int line, const char *cond,
	       const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "  %s:%d: assertion failed: %s\n    ", file, line,
		cond);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	unit_cur_failed = 1;
}

int unit_near(double a, double b, double tol)
{
	return fabs(a - b) <= tol;
}

void unit_run(const char *name, void (*fn)(void))
{
	unit_cur_failed = 0;
	fn();
	if (unit_cur_failed) {
		n_failed++;
		printf("FAIL %s\n", name);
	} else {
		n_passed++;
		printf("ok   %s\n", name);
	}
	fflush(stdout);
}

void unit_buf_put(void *ctx, const char *s, size_t len)
{
	struct unit_buf *b = ctx;

	if (b->len + len + 1 > b->cap) {
		b->cap = (b->len + len + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (!b->p) {
			perror("realloc");
			exit(2);
		}
	}
	memcpy(b->p + b->len, s, len);
	b->len += len;
	b->p[b->len] = '\0';
}

void unit_buf_free(struct unit_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s SCHEMA_JSON\n", argv[0]);
		return 2;
	}
	unit_fmt_suite();
	unit_frame_suite();
	unit_stats_suite();
	unit_json_suite(argv[1]);
	unit_table_suite();
	unit_env_suite();
	unit_vendor_suite();
	unit_acpi_suite();
	unit_options_suite();
	printf("%u passed, %u failed\n", n_passed, n_failed);
	return n_failed ? 1 : 0;
}
