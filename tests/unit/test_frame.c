// SPDX-License-Identifier: GPL-2.0
/* bench/frame.c: the report's frame, its length and FNV-1a 64. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "hcbench/protocol.h"
#include "unit_test.h"

/* Published FNV-1a 64 test vectors. */
static void test_fnv1a64_vectors(void)
{
	TEST_ASSERT(hcb_fnv1a64(HCB_FNV1A64_OFFSET, "", 0) ==
		    0xcbf29ce484222325ULL, "empty");
	TEST_ASSERT(hcb_fnv1a64(HCB_FNV1A64_OFFSET, "a", 1) ==
		    0xaf63dc4c8601ec8cULL, "\"a\"");
	TEST_ASSERT(hcb_fnv1a64(HCB_FNV1A64_OFFSET, "foobar", 6) ==
		    0x85944171f73967e8ULL, "\"foobar\"");
}

struct sink {
	struct unit_buf b;
	size_t calls, biggest;
};

static void sink_put(void *ctx, const char *s, size_t len)
{
	struct sink *k = ctx;

	k->calls++;
	if (len > k->biggest)
		k->biggest = len;
	unit_buf_put(&k->b, s, len);
}

/* A body of many small writes: few large sink writes, exact frame. */
static void test_frame_layout(void)
{
	static struct hcb_frame f;
	struct sink k = { 0 };
	size_t i, n = 0, body_len = 3 * HCB_FRAME_CHUNK + 123;
	char *body = malloc(body_len), want_end[128];
	const char *begin = HCB_FRAME_BEGIN "\n";

	for (i = 0; i < body_len; i++)
		body[i] = (char)('a' + i % 26);
	hcb_frame_begin(&f, sink_put, &k);
	while (n < body_len) {
		size_t step = body_len - n < 7 ? body_len - n : 7;

		hcb_frame_put(&f, body + n, step);
		n += step;
	}
	hcb_frame_end(&f);
	snprintf(want_end, sizeof(want_end), "%s bytes=%zu fnv1a64=%016" PRIx64
		 "\n", HCB_FRAME_END, body_len,
		 hcb_fnv1a64(HCB_FNV1A64_OFFSET, body, body_len));
	TEST_ASSERT(k.b.len == strlen(begin) + body_len + strlen(want_end),
		    "frame length %zu", k.b.len);
	TEST_ASSERT(!memcmp(k.b.p, begin, strlen(begin)), "begin line");
	TEST_ASSERT(!memcmp(k.b.p + strlen(begin), body, body_len), "body");
	TEST_ASSERT(!memcmp(k.b.p + strlen(begin) + body_len, want_end,
			    strlen(want_end)), "end line: want %s", want_end);
	TEST_ASSERT(k.biggest <= HCB_FRAME_CHUNK && k.calls <= 6,
		    "%zu sink writes, biggest %zu", k.calls, k.biggest);
	unit_buf_free(&k.b);
	free(body);
}

/* The hash prints with its leading zeros: 16 hex digits always. */
static void test_frame_empty(void)
{
	static struct hcb_frame f;
	struct sink k = { 0 };
	char want[160];

	hcb_frame_begin(&f, sink_put, &k);
	hcb_frame_end(&f);
	snprintf(want, sizeof(want), "%s\n%s bytes=0 fnv1a64=cbf29ce484222325\n",
		 HCB_FRAME_BEGIN, HCB_FRAME_END);
	TEST_ASSERT(k.b.len == strlen(want) && !memcmp(k.b.p, want, k.b.len),
		    "empty frame");
	unit_buf_free(&k.b);
}

void unit_frame_suite(void)
{
	RUN_TEST(test_fnv1a64_vectors);
	RUN_TEST(test_frame_layout);
	RUN_TEST(test_frame_empty);
}
