/* SPDX-License-Identifier: GPL-2.0 */
/* A made-up struct hcb_report for the writer tests. */
#ifndef HCBENCH_FAKE_REPORT_H
#define HCBENCH_FAKE_REPORT_H

#include "result.h"

#define FAKE_N_ROWS 6
#define FAKE_N_HOST 6
#define FAKE_N_BATCH 64

struct fake_report {
	struct hcb_report r;
	struct hcb_row_result rows[FAKE_N_ROWS];
	struct hcb_kv host[FAKE_N_HOST];
	double batch[FAKE_N_BATCH];
};

/* Fills f: emulated (nested) unless hardware is set. */
void fake_report_init(struct fake_report *f, int hardware);

#endif /* HCBENCH_FAKE_REPORT_H */
