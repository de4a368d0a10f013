// SPDX-License-Identifier: GPL-2.0
/*
 * Row selection (the rows= option) and the plan of a run: what memory the
 * selected rows need, which the UEFI stage allocates before
 * ExitBootServices.  A row with needs beyond the per-call samples names a
 * plan function in the row table.
 */
#include "bench.h"
#include "harness.h"
#include "rows.h"
#include "kernel/printf.h"
#include "kernel/string.h"

/* 1 if some row name starts with the n bytes at prefix. */
static int rows_match_prefix(const char *prefix, size_t n)
{
	unsigned int i;

	for (i = 0; i < hcb_row_count(); i++)
		if (!strncmp(hcb_rows[i].name, prefix, n) &&
		    strlen(hcb_rows[i].name) >= n)
			return 1;
	return 0;
}

/* Every comma-separated prefix must select at least one row. */
static int rows_check(const char *rows, char *err, size_t errlen)
{
	size_t i = 0, start, n = strlen(rows);

	if (!n)
		return 0;
	while (i <= n) {
		start = i;
		while (i < n && rows[i] != ',')
			i++;
		if (i == start || !rows_match_prefix(rows + start, i - start)) {
			snprintf(err, errlen, "rows: '%.*s' matches no row",
				 (int)(i - start), rows + start);
			return -1;
		}
		i++;
	}
	return 0;
}

int hcb_row_selected(const struct hcb_options *o, const char *name)
{
	const char *p = o->rows;
	size_t n;

	if (!*p)
		return 1;
	while (*p) {
		for (n = 0; p[n] && p[n] != ','; n++)
			;
		if (!strncmp(name, p, n))
			return 1;
		p += n + (p[n] == ',');
	}
	return 0;
}

int hcb_plan(const struct hcb_options *o, struct hcb_plan *p, char *err,
	     size_t errlen)
{
	unsigned int i;

	if (rows_check(o->rows, err, errlen))
		return -1;
	/* the timer overhead is measured like a row, with iters samples */
	*p = (struct hcb_plan){
		.n_samples = o->iters,
		.n_bsamples = hcb_row_count() * HCB_MAX_BATCHES,
	};
	for (i = 0; i < hcb_row_count(); i++)
		if (hcb_rows[i].plan && hcb_row_selected(o, hcb_rows[i].name))
			hcb_rows[i].plan(o, p);
	return 0;
}

void hcb_plan_samples(struct hcb_plan *p, unsigned int n)
{
	if (n > p->n_samples)
		p->n_samples = n;
}

void hcb_plan_code(struct hcb_plan *p, uint64_t bytes)
{
	if (bytes > p->code_bytes)
		p->code_bytes = bytes;
}

void hcb_plan_scratch(const struct hcb_options *o, struct hcb_plan *p)
{
	(void)o;
	if (p->scratch_bytes < HCB_SCRATCH_BYTES)
		p->scratch_bytes = HCB_SCRATCH_BYTES;
}
