/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The report's frame (include/hcbench/protocol.h): begin line, body,
 * end line with the body's length and FNV-1a 64.  Streams through a
 * buffer, so the sink sees a few large writes, not one per field.
 * Freestanding; the host verifier (results/tools/unframe.c) uses the
 * same hash function.
 */
#ifndef HCBENCH_FRAME_H
#define HCBENCH_FRAME_H

#include <stddef.h>
#include <stdint.h>
#include "result.h"

#define HCB_FRAME_CHUNK 4096

struct hcb_frame {
	hcb_put_fn out;
	void *out_ctx;
	uint64_t len, hash;
	size_t n;
	char buf[HCB_FRAME_CHUNK];
};

/* FNV-1a 64 of len bytes of s, continuing from hash h. */
uint64_t hcb_fnv1a64(uint64_t h, const void *s, size_t len);

/* Writes the begin line; out receives the frame in pieces. */
void hcb_frame_begin(struct hcb_frame *f, hcb_put_fn out, void *out_ctx);
/* hcb_put_fn-shaped: ctx is the struct hcb_frame; body bytes. */
void hcb_frame_put(void *ctx, const char *s, size_t len);
/* Flushes the body and writes the end line. */
void hcb_frame_end(struct hcb_frame *f);

#endif /* HCBENCH_FRAME_H */
