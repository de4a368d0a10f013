/* SPDX-License-Identifier: GPL-2.0 */
/* A report as a KTAP version 1 document (results/plot/ktap.c). */
#ifndef HCB_RESULTS_KTAP_H
#define HCB_RESULTS_KTAP_H

#include <stdio.h>

#include "report.h"

/*
 * KTAP of @r to @f; @kvm_hc, when not negative, is KVM's count of the
 * VM's hypercalls, checked against the report's as its own test.
 */
void hcb_ktap(const struct hcb_rreport *r, long long kvm_hc, FILE *f);

/* A row's KTAP result: 1 ok, 0 skipped, -1 not ok. */
int hcb_ktap_row_result(const struct hcb_rrow *row);

#endif /* HCB_RESULTS_KTAP_H */
