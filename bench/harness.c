// SPDX-License-Identifier: GPL-2.0
/*
 * Runs the rows: timer overhead first (median of empty measurements),
 * then each selected row with the loop shape from the options, removing
 * the overhead from every sample before the statistics.
 */
#include <stdarg.h>
#include "harness.h"
#include "rows.h"
#include "kernel/printf.h"
#include "kernel/probe.h"
#include "kernel/string.h"

static char notes[HCB_MAX_ROWS][HCB_NOTE_MAX];

static void vnote(struct hcb_ctx *c, const char *fmt, va_list ap)
{
	size_t n = strlen(c->note);

	if (n + 1 < HCB_NOTE_MAX)
		vsnprintf(c->note + n, HCB_NOTE_MAX - n, fmt, ap);
}

void hcb_row_note(struct hcb_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote(c, fmt, ap);
	va_end(ap);
}

void hcb_row_status(struct hcb_ctx *c, struct hcb_row_result *r,
		    const char *status, const char *fmt, ...)
{
	va_list ap;

	r->status = status;
	va_start(ap, fmt);
	vnote(c, fmt, ap);
	va_end(ap);
}

/* Notes are built as "part; part; ": drop the last separator. */
static void note_trim(char *note)
{
	size_t n = strlen(note);

	while (n && (note[n - 1] == ' ' || note[n - 1] == ';'))
		note[--n] = 0;
}

static void loop_shape(struct hcb_ctx *c, double *bsamples)
{
	const struct hcb_options *o = &c->h->opt;

	c->warmup = HCB_WARMUP;
	c->iters = o->iters;
	c->batches = o->batches;
	c->batch = o->batch;
	c->samples = c->h->samples;
	c->bsamples = bsamples;
	c->n_samples = 0;
	c->n_bsamples = 0;
}

static void measure_overhead(struct hcb_ctx *c, double *scratch)
{
	struct hcb_stats st;

	loop_shape(c, scratch);
	c->batches = 0;
	HCB_MEASURE(c, (void)0, (void)0, (void)0);
	hcb_stats_compute(c->samples, c->n_samples, &st, NULL);
	c->overhead = st.p50;
}

static void finish_stats(struct hcb_ctx *c, struct hcb_row_result *r)
{
	double sum = 0;
	unsigned int i;

	for (i = 0; i < c->n_samples; i++)
		c->samples[i] -= c->overhead;
	hcb_stats_compute(c->samples, c->n_samples, &r->cycles, r->quantiles);
	for (i = 0; i < c->n_bsamples; i++) {
		c->bsamples[i] = (c->bsamples[i] - c->overhead) / c->batch;
		sum += c->bsamples[i];
	}
	r->batch_samples = c->bsamples;
	r->n_batch_samples = c->n_bsamples;
	r->batched_mean = c->n_bsamples ? sum / c->n_bsamples :
					  __builtin_nan("");
	r->has_stats = 1;
}

static void run_row(struct hcb_ctx *c, const struct hcb_row *row,
		    struct hcb_row_result *r, double *bsamples)
{
	loop_shape(c, bsamples);
	probe_arm(HCB_PROBE_UD);
	row->exec(c, r);
	probe_disarm(HCB_PROBE_UD);
	if (strcmp(r->status, HCB_STATUS_OK))
		return;
	if (!c->n_samples) {
		hcb_row_status(c, r, HCB_STATUS_ERROR, "no samples taken");
		return;
	}
	finish_stats(c, r);
}

int hcb_run_all(struct hcb_ctx *c, struct hcb_row_result *results)
{
	const struct hcb_options *o = &c->h->opt;
	unsigned int i, n = hcb_row_count();
	struct hcb_row_result *r;

	measure_overhead(c, c->h->bsamples);
	printf("hcbench: timer overhead %lu cycles (median of %u empty "
	       "measurements)\n", (unsigned long)c->overhead, o->iters);
	for (i = 0; i < n; i++) {
		r = &results[i];
		memset(r, 0, sizeof(*r));
		r->name = hcb_rows[i].name;
		r->group = hcb_rows[i].group;
		r->desc = hcb_rows[i].desc;
		r->status = HCB_STATUS_OK;
		c->note = notes[i];
		c->note[0] = 0;
		if (hcb_row_selected(o, r->name))
			run_row(c, &hcb_rows[i], r,
				c->h->bsamples + i * HCB_MAX_BATCHES);
		else
			hcb_row_status(c, r, HCB_STATUS_SKIPPED,
				       "not selected by rows=%s", o->rows);
		note_trim(c->note);
		r->note = c->note[0] ? c->note : NULL;
		printf("hcbench: [%2u/%u] %-20s %s\n", i + 1, n, r->name,
		       r->status);
	}
	return 0;
}
