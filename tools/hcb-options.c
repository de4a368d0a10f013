// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-options: prints the guest options' table (boot/options.c, compiled
 * in) as the Markdown table of docs/design.md "Guest options", so the
 * docs come from the table the guest parses with (tests/lint/docs-tables
 * compares them).  Exit status: 0, 2 usage.
 */
#include <stdio.h>
#include <string.h>
#include "boot/options.h"

static int usage(const char *argv0, int status)
{
	fprintf(status ? stderr : stdout,
		"usage: %s\n"
		"Prints the guest options (key, values, default) from their\n"
		"one table, boot/options.c, as docs/design.md's Markdown table.\n"
		"  -h, --help  this text\n"
		"Exit status: 0, 2 usage.\n", argv0);
	return status;
}

int main(int argc, char **argv)
{
	char values[256], def[64];
	unsigned int i;

	if (argc > 1)
		return usage(argv[0], strcmp(argv[1], "--help") &&
				      strcmp(argv[1], "-h") ? 2 : 0);
	printf("| key | values | default |\n|---|---|---|\n");
	for (i = 0; i < hcb_n_opts; i++) {
		options_values(&hcb_opts[i], values, sizeof(values));
		options_default_text(&hcb_opts[i], def, sizeof(def));
		printf("| %s | %s: %s | %s |\n", hcb_opts[i].key, values,
		       hcb_opts[i].help, def);
	}
	return 0;
}
