// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-validate FILE...: check hcbench reports against the schema.
 * Prints one line per file; exit 0 when all are valid, 2 otherwise.
 */
#include <stdio.h>
#include <string.h>

#include "report.h"

static size_t count_ok(const struct hcb_rreport *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->n_rows; i++)
		n += r->rows[i].ok;
	return n;
}

int main(int argc, char **argv)
{
	struct hcb_rreport r;
	int i, bad = 0;

	hcb_prog = "hcb-validate";
	if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fprintf(argc < 2 ? stderr : stdout,
			"usage: hcb-validate REPORT.json...\n"
			"Checks each report against schema %d (docs/schema.md):\n"
			"keys, types, row statuses, statistics in order; names\n"
			"each file that is not valid and why.  No options but\n"
			"-h, --help (this text).\n"
			"exit status: 0 all valid, 2 some file is not a valid "
			"schema %d report\n",
			HCB_SCHEMA_VERSION, HCB_SCHEMA_VERSION);
		return argc < 2 ? HCB_EXIT_BAD_INPUT : 0;
	}
	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "%s: unknown option \"%s\"\n",
				hcb_prog, argv[i]);
			return HCB_EXIT_BAD_INPUT;
		}
	}
	for (i = 1; i < argc; i++) {
		if (hcb_report_load(argv[i], &r)) {
			bad = 1;
			continue;
		}
		/* a file name reaches the terminal escaped, like any field */
		hcb_fput_safe(argv[i], stdout);
		printf(": valid, schema %lld, %s, %zu rows (%zu ok)%s\n",
		       r.version, r.env, r.n_rows, count_ok(&r),
		       r.emulated ? ", timings " HCB_EMULATED_NOTE : "");
		hcb_report_free(&r);
	}
	return bad ? HCB_EXIT_BAD_INPUT : 0;
}
