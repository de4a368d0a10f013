// SPDX-License-Identifier: GPL-2.0
/*
 * UEFI entry and the order of a run (docs/design.md, "Layout"): read
 * options and host facts from fw_cfg, validate them, ask bench for the
 * plan of the selected rows, allocate the run's memory, measure the TSC
 * rate, leave boot services, then on the kernel stack set up the runtime
 * (kernel/) and run the benchmark (bench/).  Output goes to COM1 directly
 * (never through ConOut), so it reads the same before and after
 * ExitBootServices.
 */
#include <efi.h>
#include "memory.h"
#include "options.h"
#include "tsc.h"
#include "bench/bench.h"
#include "hcbench/handoff.h"
#include "hcbench/protocol.h"
#include "kernel/acpi.h"
#include "kernel/desc.h"
#include "kernel/exit.h"
#include "kernel/fwcfg.h"
#include "kernel/printf.h"
#include "kernel/runtime.h"
#include "kernel/serial.h"
#include "kernel/string.h"
#include "kernel/trap.h"

#define OPTIONS_MAX	2048
#define HOST_MAX	8192

static struct hcb_handoff handoff;
static char options_buf[OPTIONS_MAX];
static char host_buf[HOST_MAX];

static void read_fwcfg_file(const char *name, char *buf, size_t cap)
{
	size_t len = 0;
	int rc = fwcfg_read_file(name, buf, cap, &len);

	if (rc == -1) {
		printf("hcbench: fw_cfg file %s absent: empty\n", name);
		buf[0] = 0;
	} else if (rc == -2) {
		printf("hcbench: fw_cfg file %s is %lu bytes, limit %lu\n",
		       name, (unsigned long)len, (unsigned long)cap - 1);
		hcb_done(HCB_EXIT_BADOPT);
	}
}

/* "key=value" lines into handoff.host; the strings stay in host_buf. */
static void parse_host_facts(char *s)
{
	unsigned int line = 0;
	char *eq, *nl;

	for (; *s; s = nl) {
		line++;
		nl = s;
		while (*nl && *nl != '\n')
			nl++;
		if (*nl)
			*nl++ = 0;
		if (!*s)
			continue;
		eq = s;
		while (*eq && *eq != '=')
			eq++;
		if (!*eq || eq == s || handoff.n_host == HCB_MAX_HOST) {
			printf("hcbench: bad host facts line %u: '%s' (want "
			       "key=value, at most %u lines)\n", line, s,
			       HCB_MAX_HOST);
			hcb_done(HCB_EXIT_BADOPT);
		}
		*eq = 0;
		handoff.host[handoff.n_host].key = s;
		handoff.host[handoff.n_host].val = eq + 1;
		handoff.n_host++;
	}
}

static void trim_end(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' '))
		s[--n] = 0;
}

static void read_options(void)
{
	char err[256];

	read_fwcfg_file(HCB_FWCFG_OPTIONS, options_buf, sizeof(options_buf));
	read_fwcfg_file(HCB_FWCFG_HOST, host_buf, sizeof(host_buf));
	trim_end(options_buf);
	handoff.options_raw = options_buf;
	if (options_parse(options_buf, &handoff.opt, err, sizeof(err)) ||
	    hcb_plan(&handoff.opt, &handoff.plan, err, sizeof(err))) {
		printf("hcbench: bad option: %s\n", err);
		hcb_done(HCB_EXIT_BADOPT);
	}
	hcb_exit_set_wait((int)handoff.opt.wait);
	parse_host_facts(host_buf);
}

/* The ACPI 2.0 RSDP from the configuration table, else the 1.0 one. */
static const void *find_rsdp(EFI_SYSTEM_TABLE *st)
{
	EFI_GUID acpi20 = ACPI_20_TABLE_GUID, acpi10 = ACPI_TABLE_GUID;
	const void *v1 = NULL;
	UINTN i;

	for (i = 0; i < st->NumberOfTableEntries; i++) {
		EFI_CONFIGURATION_TABLE *t = &st->ConfigurationTable[i];

		if (!memcmp(&t->VendorGuid, &acpi20, sizeof(acpi20)))
			return t->VendorTable;
		if (!memcmp(&t->VendorGuid, &acpi10, sizeof(acpi10)))
			v1 = t->VendorTable;
	}
	return v1;
}

static void find_cpus(EFI_SYSTEM_TABLE *st)
{
	struct hcb_cpus *c = &handoff.smp.cpus;
	unsigned int i;

	acpi_find_cpus(find_rsdp(st), c);
	if (c->error) {
		printf("hcbench: MADT: %s\n", c->error);
		return;
	}
	printf("hcbench: MADT: %u CPUs, APIC IDs", c->n);
	for (i = 0; i < c->n; i++)
		printf(" %u", c->apic_id[i]);
	printf("\n");
}

/* On the kernel stack, boot services gone: the runtime, then the run. */
static void __attribute__((noreturn)) after_boot_services(void *arg)
{
	const struct hcb_handoff *h = arg;

	runtime_init(h);
	if (h->opt.fault != HCB_FAULT_NONE) {
		trap_raise((enum hcb_fault)h->opt.fault);
		hcb_done(HCB_EXIT_CHECK);
	}
	hcb_done(hcb_bench_main(h));
}

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *st)
{
	EFI_BOOT_SERVICES *bs = st->BootServices;

	serial_init();
	printf("\nhcbench %s: UEFI stage\n", HCB_BUILD);
	read_options();
	printf("hcbench: options '%s'\n", options_buf);
	handoff.tsc_hz = tsc_measure(bs, &handoff.tsc_src);
	printf("hcbench: TSC %lu Hz (%s)\n", (unsigned long)handoff.tsc_hz,
	       handoff.tsc_src);
	find_cpus(st);
	if (memory_alloc_run(bs, &handoff))
		hcb_done(HCB_EXIT_BOOT);
	if (memory_exit_boot(image, bs, &handoff))
		hcb_done(HCB_EXIT_BOOT);
	/* boot services are gone: no UEFI call from here on */
	asm volatile("cli");
	hcb_switch_stack(after_boot_services, &handoff,
			 (void *)handoff.kstack_top);
}
