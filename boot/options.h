/* SPDX-License-Identifier: GPL-2.0 */
/* Guest options (docs/design.md, "Guest options"): parsed before EBS. */
#ifndef HCBENCH_OPTIONS_H
#define HCBENCH_OPTIONS_H

#include <stddef.h>
#include <stdint.h>

#define HCB_OPT_ROWS_MAX 512

enum hcb_output { HCB_OUT_BOTH, HCB_OUT_TEXT, HCB_OUT_JSON };

struct hcb_options {
	unsigned int iters, batches, batch;
	char rows[HCB_OPT_ROWS_MAX];	/* "" = all */
	enum hcb_output output;
	int fault;			/* enum hcb_fault */
	const char *env;		/* HCB_ENV_* or "unknown" */
	unsigned int fuzz;
	uint64_t seed;
	unsigned int wait;
	int ap_test;			/* enum hcb_ap_test */
};

/*
 * Parses the space-separated key=value string s.  On error writes a
 * sentence naming the key or value into err and returns -1.
 */
int options_parse(const char *s, struct hcb_options *o, char *err,
		  size_t errlen);

/* 1 if row name is selected by o->rows. */
int options_row_selected(const struct hcb_options *o, const char *name);

#endif /* HCBENCH_OPTIONS_H */
