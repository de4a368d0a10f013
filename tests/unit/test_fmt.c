// SPDX-License-Identifier: GPL-2.0
/* bench/fmt.c: integer and fixed-point formatting without libc. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "unit_test.h"

static void test_fmt_integers(void)
{
	static const long long iv[] = {
		0, 1, -1, 9, 10, -1000, 123456789, LLONG_MAX, LLONG_MIN,
	};
	static const unsigned long long uv[] = {
		0, 7, 10, 4294967296ULL, ULLONG_MAX,
	};
	char got[HCB_FMT_MAX], want[64];
	size_t i, n;

	for (i = 0; i < ARRAY_SIZE(iv); i++) {
		n = hcb_fmt_i64(got, iv[i]);
		snprintf(want, sizeof(want), "%lld", iv[i]);
		TEST_ASSERT(!strcmp(got, want) && n == strlen(want),
			    "i64 %lld: got \"%s\" (len %zu)", iv[i], got, n);
	}
	for (i = 0; i < ARRAY_SIZE(uv); i++) {
		n = hcb_fmt_u64(got, uv[i]);
		snprintf(want, sizeof(want), "%llu", uv[i]);
		TEST_ASSERT(!strcmp(got, want) && n == strlen(want),
			    "u64 %llu: got \"%s\"", uv[i], got);
		n = hcb_fmt_hex(got, uv[i]);
		snprintf(want, sizeof(want), "0x%llx", uv[i]);
		TEST_ASSERT(!strcmp(got, want) && n == strlen(want),
			    "hex %llx: got \"%s\"", uv[i], got);
	}
}

static void check_fixed(double v, unsigned int d, const char *want)
{
	char got[HCB_FMT_MAX];
	size_t n = hcb_fmt_fixed(got, v, d);

	TEST_ASSERT(!strcmp(got, want) && n == strlen(want),
		    "fixed(%.17g, %u): got \"%s\", want \"%s\"", v, d, got,
		    want);
}

static void test_fmt_fixed_cases(void)
{
	check_fixed(0, 3, "0.000");
	check_fixed(-0.0, 3, "0.000");
	check_fixed(-0.0001, 3, "0.000");	/* no "-0.000" */
	check_fixed(2.5, 0, "3");		/* half away from zero */
	check_fixed(-7.25, 1, "-7.3");
	check_fixed(0.9996, 3, "1.000");	/* carry into the integer */
	check_fixed(1234.5678, 3, "1234.568");
	check_fixed(-1000, 2, "-1000.00");
	check_fixed(0.05, 9, "0.050000000");
	check_fixed(NAN, 3, "");
	check_fixed(INFINITY, 3, "");
	check_fixed(-INFINITY, 3, "");
	check_fixed(HCB_FMT_FIXED_LIMIT, 3, "");
	check_fixed(-HCB_FMT_FIXED_LIMIT, 3, "");
}

/* Random values: the printed text must be within half an ulp of d digits. */
static void test_fmt_fixed_random(void)
{
	char got[HCB_FMT_MAX];
	unsigned int i, d, bad = 0;
	double v, back, tol;

	srand(12345);
	for (i = 0; i < 20000; i++) {
		v = ((double)rand() / RAND_MAX - 0.5) *
		    pow(10, rand() % 16);
		d = (unsigned int)(rand() % 7);
		if (!hcb_fmt_fixed(got, v, d)) {
			bad++;
			continue;
		}
		back = strtod(got, NULL);
		tol = 0.5 * pow(10, -(double)d) * (1 + 1e-9) +
		      fabs(v) * 4e-16;
		if (fabs(back - v) > tol) {
			if (!bad++)
				TEST_ASSERT(0, "%.17g with %u decimals -> %s",
					    v, d, got);
		}
	}
	TEST_ASSERT(!bad, "%u of 20000 random values misprinted", bad);
}

static void test_fmt_strings(void)
{
	TEST_ASSERT(hcb_strlen("") == 0 && hcb_strlen("abc") == 3,
		    "hcb_strlen");
	TEST_ASSERT(hcb_streq("kvm", "kvm") && !hcb_streq("kvm", "kv") &&
		    !hcb_streq("", "x") && hcb_streq("", ""), "hcb_streq");
	TEST_ASSERT(hcb_isfinite(1.5) && !hcb_isfinite(NAN) &&
		    !hcb_isfinite(INFINITY) && !hcb_isfinite(-INFINITY),
		    "hcb_isfinite");
}

void unit_fmt_suite(void)
{
	RUN_TEST(test_fmt_integers);
	RUN_TEST(test_fmt_fixed_cases);
	RUN_TEST(test_fmt_fixed_random);
	RUN_TEST(test_fmt_strings);
}
