// SPDX-License-Identifier: GPL-2.0
/*
 * The fake report: hypercall rows (ok, enosys, checks failed), an exit
 * row with batch samples and one without, an unavailable and a skipped
 * row, host facts that need escaping.  Statistics come from
 * hcb_stats_compute() over synthetic samples.
 */
#include <string.h>

#include "fake_report.h"
#include "hcbench/schema.h"

static void fill_stats(struct hcb_row_result *row, double base, double step)
{
	double x[257];
	unsigned int i;

	for (i = 0; i < 257; i++)
		x[i] = base + step * ((i * 37) % 257);
	hcb_stats_compute(x, 257, &row->cycles, row->quantiles);
	row->has_stats = 1;
	row->batched_mean = row->cycles.mean * 0.97;
}

static void set_row(struct hcb_row_result *row, const char *name,
		    const char *group, const char *desc, const char *status,
		    const char *note)
{
	memset(row, 0, sizeof(*row));
	row->name = name;
	row->group = group;
	row->desc = desc;
	row->status = status;
	row->note = note;
}

static void set_hc(struct hcb_row_result *row, unsigned long nr,
		   const char *insn, long long ret, const char *cls,
		   unsigned long long calls, unsigned long long checks_failed)
{
	row->hc.valid = 1;
	row->hc.nr = nr;
	row->hc.insn = insn;
	row->hc.ret = ret;
	row->hc.cls = cls;
	row->hc.calls = calls;
	row->hc.checks_failed = checks_failed;
}

static void init_rows(struct fake_report *f)
{
	struct hcb_row_result *row = f->rows;
	unsigned int i;

	for (i = 0; i < FAKE_N_BATCH; i++)
		f->batch[i] = 1000.125 + i;

	set_row(&row[0], "hc_test_0", HCB_GROUP_HC,
		"KVM_HC_TEST, no arguments", HCB_STATUS_OK, NULL);
	set_hc(&row[0], 100, "vmmcall", 0x6863, HCB_HC_CLASS_OK,
	       4096 + 64 * 64, 0);
	fill_stats(&row[0], 1000.5, 1.25);
	row[0].batch_samples = f->batch;
	row[0].n_batch_samples = FAKE_N_BATCH;

	set_row(&row[1], "hc_unassigned", HCB_GROUP_HC,
		"unassigned hypercall number", HCB_STATUS_OK,
		"3 \"unexpected\" returns");
	set_hc(&row[1], 9999, "vmmcall", -1000, HCB_HC_CLASS_ENOSYS, 8192, 3);
	fill_stats(&row[1], 950, 2);
	row[1].batch_samples = f->batch;
	row[1].n_batch_samples = 8;

	set_row(&row[2], "cpuid_0", HCB_GROUP_EXIT, "CPUID leaf 0",
		HCB_STATUS_OK, NULL);
	fill_stats(&row[2], 12345678.9, 1000);	/* wide numbers */

	set_row(&row[3], "pio_user", HCB_GROUP_EXIT,
		"port I/O from user mode", HCB_STATUS_UNAVAILABLE,
		"#UD under TCG: vmcall and vmmcall are not emulated here, so "
		"this row cannot run; a very long note that the table has to "
		"wrap over more than one line without passing the width");

	set_row(&row[4], "hc_fuzz", HCB_GROUP_HC, "random hypercall numbers",
		HCB_STATUS_SKIPPED,
		"filtered by rows=\\hc_test\\ \"option\"\ttab");
	set_hc(&row[4], 0, "vmcall", 0, HCB_HC_CLASS_OTHER, 0, 0);

	set_row(&row[5], "empty", HCB_GROUP_FLOOR,
		"rdtsc pair, nothing between", HCB_STATUS_OK, NULL);
	fill_stats(&row[5], 0, 0.5);
}

void fake_report_init(struct fake_report *f, int hardware)
{
	static const struct hcb_kv host[FAKE_N_HOST] = {
		{ "kernel", "6.1.0-13-amd64 \"quoted\"" },
		{ "qemu", "7.2 back\\slash" },
		{ "cpu_model", "tab\there\nnew\x01\x1f" },
		{ "l1_kernel", "caf\xc3\xa9 \xe2\x82\xac" },
		{ "mitigations", "bad\xff utf8 \xc3" },
		/* surrogate, two overlong '/', cut sequence, > U+10FFFF */
		{ "patch", "\xed\xa0\x80|\xc0\xaf|\xe0\x80\xaf|\xe2\x82|"
			   "\xf4\x90\x80\x80" },
	};

	memset(f, 0, sizeof(*f));
	memcpy(f->host, host, sizeof(host));
	init_rows(f);
	f->r = (struct hcb_report){
		.build = "v0.1-3-gdeadbee", .options = "iters=257 batch=64",
		.patched = "yes", .host = f->host, .n_host = FAKE_N_HOST,
		.iters = 257, .batches = 64, .batch_size = 64,
		.overhead = 21.25, .hc_issued = 16384, .checks_failed = 3,
		.rows = f->rows, .n_rows = FAKE_N_ROWS,
	};
	f->r.env = hardware ? HCB_ENV_HW : HCB_ENV_NESTED;
	f->r.emulated = !hardware;
	f->r.cpu.vendor = "AuthenticAMD";
	f->r.cpu.brand = "AMD EPYC 7B13 64-Core Processor";
	f->r.cpu.family = 25;
	f->r.cpu.model = 1;
	f->r.cpu.stepping = 1;
	f->r.hv.signature = "KVMKVMKVM";
	f->r.hv.max_leaf = 0x40000001;
	f->r.hv.features = 0x01007afb;
	f->r.hv.hints = 0;
	f->r.tsc.hz = 2449999000ULL;
	f->r.tsc.source = HCB_TSC_SRC_KVM;
}
