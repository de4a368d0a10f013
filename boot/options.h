/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest options: one table (boot/options.c, hcb_opts[]) from which the
 * parser, its error texts, the defaults and the docs table
 * (docs/design.md "Guest options", printed by build/hcb-options) are
 * derived.  Parsed before EBS; also built into host tools and tests.
 */
#ifndef HCBENCH_OPTIONS_H
#define HCBENCH_OPTIONS_H

#include <stddef.h>
#include <stdint.h>
#include "hcbench/handoff.h"	/* struct hcb_options */

enum hcb_opt_kind {
	HCB_OPT_UINT,	/* unsigned int field, min..max */
	HCB_OPT_U64,	/* uint64_t field, any value */
	HCB_OPT_NAME,	/* unsigned int field: the index of one of names[] */
	HCB_OPT_LABEL,	/* const char * field: one of names[] itself */
	HCB_OPT_ROWS,	/* the rows field: row-name prefixes (bench checks) */
};

struct hcb_opt {
	const char *key;
	enum hcb_opt_kind kind;
	size_t field;			/* offsetof(struct hcb_options, ...) */
	uint64_t min, max;		/* HCB_OPT_UINT */
	uint64_t def;			/* default: the number, or names[def] */
	const char *const *names;	/* HCB_OPT_NAME, HCB_OPT_LABEL */
	unsigned int n_names;
	const char *def_text;		/* LABEL and ROWS: the default's text */
	const char *help;		/* what it does, for the docs table */
};

extern const struct hcb_opt hcb_opts[];
extern const unsigned int hcb_n_opts;

/*
 * Parses the space-separated key=value string s into *o (defaults
 * first).  On error writes a sentence naming the key or value into err
 * and returns -1.  Whether rows= selects rows is bench's to say
 * (hcb_plan()).
 */
int options_parse(const char *s, struct hcb_options *o, char *err,
		  size_t errlen);

/* What a value of d must be ("an integer 16..65536", "text, json or both"). */
void options_values(const struct hcb_opt *d, char *buf, size_t len);
/* d's default as text ("4096", "both", "all"). */
void options_default_text(const struct hcb_opt *d, char *buf, size_t len);

#endif /* HCBENCH_OPTIONS_H */
