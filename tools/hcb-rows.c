// SPDX-License-Identifier: GPL-2.0
/*
 * hcb-rows: prints the guest's rows from their one list, bench/row_list.h
 * (compiled in), so scripts and tests never parse docs or re-type names:
 * the runner's -smp choice (scripts/lib/qemu.sh), the boot and nested
 * tests' lists of rows a report must hold, the docs check.
 * Exit status: 0, 2 usage.
 */
#include <stdio.h>
#include <string.h>
#include "hcbench/schema.h"

#define HC	HCB_GROUP_HC
#define EXIT	HCB_GROUP_EXIT
#define FLOOR	HCB_GROUP_FLOOR

struct row {
	const char *name, *group;
	unsigned int cpus;
};

static const struct row rows[] = {
#define HCB_ROW(name, group, cpus, plan, desc) { #name, group, cpus },
#define HCB_HC_ROW(name, cpl, nr, a0, a1, a2, a3, expect, plan, desc) \
	HCB_ROW(name, HC, 1, plan, desc)
#include "bench/row_list.h"
#undef HCB_HC_ROW
#undef HCB_ROW
};

enum what { ALL, NAMES, SMP };

static int usage(const char *argv0, int status)
{
	fprintf(status ? stderr : stdout,
		"usage: %s [--names | --smp]\n"
		"Prints the guest's rows (bench/row_list.h), in report order,\n"
		"one a line: NAME GROUP VCPUS (group: hypercall, exit or floor;\n"
		"vcpus: 2 for a row that acts on a second vCPU, else 1).\n"
		"  --names    the names only\n"
		"  --smp      the names of the rows that need a second vCPU\n"
		"  -h, --help this text\n"
		"Exit status: 0, 2 usage.\n", argv0);
	return status;
}

int main(int argc, char **argv)
{
	enum what what = ALL;
	size_t i;

	if (argc > 2)
		return usage(argv[0], 2);
	if (argc == 2) {
		if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
			return usage(argv[0], 0);
		if (!strcmp(argv[1], "--names"))
			what = NAMES;
		else if (!strcmp(argv[1], "--smp"))
			what = SMP;
		else
			return usage(argv[0], 2);
	}
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		if (what == ALL)
			printf("%s %s %u\n", rows[i].name, rows[i].group,
			       rows[i].cpus);
		else if (what == NAMES || rows[i].cpus > 1)
			printf("%s\n", rows[i].name);
	}
	return 0;
}
