// SPDX-License-Identifier: GPL-2.0
/* The benchmark run: rows, then the report on the serial console. */
#include "bench.h"
#include "cpuinfo.h"
#include "env.h"
#include "channel.h"
#include "harness.h"
#include "rows.h"
#include "hcbench/protocol.h"
#include "hcbench/schema.h"
#include "kernel/apic.h"
#include "kernel/printf.h"
#include "kernel/serial.h"
#include "kernel/string.h"

static struct hcb_ctx ctx;
static struct hcb_row_result results[HCB_MAX_ROWS];
static struct hcb_report report;

static const char *patched_name(enum hcb_patched p)
{
	switch (p) {
	case HCB_PATCHED_YES:
		return "yes";
	case HCB_PATCHED_NO:
		return "no";
	default:
		return "unknown";
	}
}

static void fill_report(const struct hcb_handoff *h)
{
	report.build = HCB_BUILD;
	report.emulated = !hcb_env_real(report.env);
	report.options = h->options_raw;
	report.patched = patched_name(ctx.patched);
	report.tsc.hz = h->tsc_hz;
	report.tsc.source = h->tsc_src;
	report.host = h->host;
	report.n_host = h->n_host;
	report.iters = h->opt.iters;
	report.batches = h->opt.batches;
	report.batch_size = h->opt.batch;
	report.overhead = ctx.overhead;
	report.hc_issued = ctx.hc_issued;
	report.checks_failed = ctx.checks_failed;
	report.rows = results;
	report.n_rows = hcb_row_count();
}

/* The JSON report, framed, on the report channel (bench/channel.c). */
static void send_json(void)
{
	hcb_channel_send(&report);
}

static void print_report(const struct hcb_handoff *h)
{
	if (h->opt.output != HCB_OUT_JSON)
		hcb_report_table(&report, serial_put, NULL);
	if (h->opt.output != HCB_OUT_TEXT)
		send_json();
}

int hcb_bench_main(const struct hcb_handoff *h)
{
	const char *why;

	ctx.h = h;
	ctx.amd = cpuinfo_fill(&report);
	report.env = hcb_env_resolve(h->opt.env, report.hv.signature,
				     report.cpu.brand, &why);
	if (why)
		printf("hcbench: the runner said env=%s, but %s: labelled %s\n",
		       h->opt.env, why, report.env);
	ctx.x2apic = apic_is_x2apic();
	ctx.apic_id = apic_id();
	ctx.virq_safe = hcb_env_virq_safe(report.env);
	ctx.patched = HCB_PATCHED_UNTESTED;
	printf("hcbench: %s CPU, %s hypercalls, APIC ID %u (%s)\n",
	       report.cpu.vendor, ctx.amd ? "vmmcall" : "vmcall",
	       ctx.apic_id, ctx.x2apic ? "x2APIC" : "xAPIC");
	hcb_run_all(&ctx, results);
	fill_report(h);
	print_report(h);
	if (ctx.checks_failed) {
		printf("hcbench: %llu correctness checks failed\n",
		       ctx.checks_failed);
		return HCB_EXIT_CHECK;
	}
	return HCB_EXIT_OK;
}
