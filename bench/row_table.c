// SPDX-License-Identifier: GPL-2.0
/* The row table, from the one list in bench/row_list.h. */
#include "rows.h"
#include "hcbench/schema.h"

#define HC HCB_GROUP_HC
#define EXIT HCB_GROUP_EXIT
#define FLOOR HCB_GROUP_FLOOR

const struct hcb_row hcb_rows[] = {
#define HCB_ROW(name, group, cpus, plan, desc) \
	{ #name, group, desc, row_##name, plan },
#define HCB_HC_ROW(name, cpl, nr, a0, a1, a2, a3, expect, plan, desc) \
	HCB_ROW(name, HC, 1, plan, desc)
#include "row_list.h"
#undef HCB_HC_ROW
#undef HCB_ROW
};

_Static_assert(sizeof(hcb_rows) / sizeof(hcb_rows[0]) <= HCB_MAX_ROWS,
	       "raise HCB_MAX_ROWS");

unsigned int hcb_row_count(void)
{
	return sizeof(hcb_rows) / sizeof(hcb_rows[0]);
}
