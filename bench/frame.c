// SPDX-License-Identifier: GPL-2.0
/* The report's frame: see frame.h and include/hcbench/protocol.h. */
#include "frame.h"
#include "fmt.h"
#include "hcbench/protocol.h"

uint64_t hcb_fnv1a64(uint64_t h, const void *s, size_t len)
{
	const unsigned char *p = s;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= HCB_FNV1A64_PRIME;
	}
	return h;
}

static void flush(struct hcb_frame *f)
{
	if (f->n)
		f->out(f->out_ctx, f->buf, f->n);
	f->n = 0;
}

/* Frame text outside the body: into the buffer, not hashed. */
static void raw(struct hcb_frame *f, const char *s)
{
	size_t len = hcb_strlen(s);

	if (f->n + len > sizeof(f->buf))
		flush(f);
	while (len--)
		f->buf[f->n++] = *s++;
}

void hcb_frame_begin(struct hcb_frame *f, hcb_put_fn out, void *out_ctx)
{
	f->out = out;
	f->out_ctx = out_ctx;
	f->len = 0;
	f->hash = HCB_FNV1A64_OFFSET;
	f->n = 0;
	raw(f, HCB_FRAME_BEGIN "\n");
}

void hcb_frame_put(void *ctx, const char *s, size_t len)
{
	struct hcb_frame *f = ctx;
	size_t k;

	f->hash = hcb_fnv1a64(f->hash, s, len);
	f->len += len;
	while (len) {
		if (f->n == sizeof(f->buf))
			flush(f);
		k = sizeof(f->buf) - f->n;
		if (k > len)
			k = len;
		for (size_t i = 0; i < k; i++)
			f->buf[f->n + i] = s[i];
		f->n += k;
		s += k;
		len -= k;
	}
}

void hcb_frame_end(struct hcb_frame *f)
{
	char num[24], hex[24];
	size_t n, i;

	hcb_fmt_u64(num, f->len);
	n = hcb_fmt_hex(hex, f->hash) - 2;	/* without "0x" */
	raw(f, HCB_FRAME_END " bytes=");
	raw(f, num);
	raw(f, " fnv1a64=");
	for (i = n; i < 16; i++)
		raw(f, "0");
	raw(f, hex + 2);
	raw(f, "\n");
	flush(f);
}
