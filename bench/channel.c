// SPDX-License-Identifier: GPL-2.0
/*
 * The report channel (include/hcbench/protocol.h, docs/design.md).  The
 * debugcon's readback value says which way the host wants the frame:
 * HCB_REPORT_READBACK_MEM, built in guest memory and its address sent
 * (no exit per byte); HCB_REPORT_READBACK, written to the port (one exit
 * per byte under KVM, whose OUTS emulation hands QEMU a byte at a time);
 * anything else (no debugcon: 0xff), on the serial console.
 */
#include <stdint.h>
#include "channel.h"
#include "frame.h"
#include "hcbench/protocol.h"
#include "kernel/debugcon.h"
#include "kernel/printf.h"
#include "kernel/serial.h"
#include "kernel/string.h"

static struct hcb_frame frame;

/* The frame in memory mode: identity mapped, so its address is the GPA. */
static struct {
	size_t len;
	int full;
	char buf[HCB_REPORT_MEM_MAX];
} mem;

static void debugcon_put(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	debugcon_write(HCB_REPORT_PORT, s, len);
}

static void mem_put(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	if (mem.full || len > sizeof(mem.buf) - mem.len) {
		mem.full = 1;
		return;
	}
	memcpy(mem.buf + mem.len, s, len);
	mem.len += len;
}

static void send_frame(const struct hcb_report *r, hcb_put_fn out)
{
	hcb_frame_begin(&frame, out, NULL);
	hcb_report_json(r, hcb_frame_put, &frame);
	hcb_frame_end(&frame);
}

/* Memory mode: the frame in mem.buf, its place on the channel; 0 if the
 * frame does not fit. */
static int send_in_memory(const struct hcb_report *r)
{
	char line[128];
	int n;

	mem.len = 0;
	mem.full = 0;
	send_frame(r, mem_put);
	if (mem.full) {
		printf("hcbench: the report is over %u bytes: sent byte-wise on the report channel\n",
		       (unsigned int)HCB_REPORT_MEM_MAX);
		return 0;
	}
	n = snprintf(line, sizeof(line), "%s gpa=0x%llx bytes=%llu\n",
		     HCB_FRAME_MEM, (unsigned long long)(uintptr_t)mem.buf,
		     (unsigned long long)mem.len);
	debugcon_write(HCB_REPORT_PORT, line, (size_t)n);
	return 1;
}

void hcb_channel_send(const struct hcb_report *r)
{
	uint8_t v = debugcon_read(HCB_REPORT_PORT);

	if (v == HCB_REPORT_READBACK_MEM && send_in_memory(r))
		return;
	if (v == HCB_REPORT_READBACK || v == HCB_REPORT_READBACK_MEM) {
		send_frame(r, debugcon_put);
		return;
	}
	printf("%s (no debugcon at port 0x%x)\n", HCB_REPORT_FALLBACK,
	       HCB_REPORT_PORT);
	send_frame(r, serial_put);
}
