// SPDX-License-Identifier: GPL-2.0
/* Floors: what the timer and cheap instructions cost on their own. */
#include "harness.h"
#include "rows.h"

void row_empty(struct hcb_ctx *c, struct hcb_row_result *r)
{
	(void)r;
	HCB_MEASURE(c, (void)0, (void)0, (void)0);
}

void row_rdtsc(struct hcb_ctx *c, struct hcb_row_result *r)
{
	(void)r;
	HCB_MEASURE(c, (void)0, (void)rdtsc(), (void)0);
}

void row_lfence(struct hcb_ctx *c, struct hcb_row_result *r)
{
	(void)r;
	HCB_MEASURE(c, (void)0, lfence(), (void)0);
}

void row_pause(struct hcb_ctx *c, struct hcb_row_result *r)
{
	(void)r;
	HCB_MEASURE(c, (void)0, cpu_pause(), (void)0);
}
