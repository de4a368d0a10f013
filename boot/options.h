/* SPDX-License-Identifier: GPL-2.0 */
/* Guest options (docs/design.md, "Guest options"): parsed before EBS. */
#ifndef HCBENCH_OPTIONS_H
#define HCBENCH_OPTIONS_H

#include <stddef.h>
#include "include/hcbench/handoff.h"	/* struct hcb_options */

/*
 * Parses the space-separated key=value string s.  On error writes a
 * sentence naming the key or value into err and returns -1.  Whether
 * rows= selects rows is bench's to say (hcb_plan()).
 */
int options_parse(const char *s, struct hcb_options *o, char *err,
		  size_t errlen);

#endif /* HCBENCH_OPTIONS_H */
