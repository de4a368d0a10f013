// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/acpi.c: the MADT CPU list from tables built here in memory
 * (RSDP -> XSDT or RSDT -> MADT), including the ways they can be wrong.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "unit_test.h"
#include "../../kernel/acpi.h"

/* One arena below 4 GiB, so addresses fit the RSDT's 32-bit entries. */
#define ARENA_SIZE 4096
static uint8_t *arena;
static uint8_t *madt, *xsdt, *rsdt, *rsdp;
static size_t madt_len;

static void fix_csum(uint8_t *p, size_t len, uint8_t *csum)
{
	uint8_t sum = 0;
	size_t i;

	*csum = 0;
	for (i = 0; i < len; i++)
		sum += p[i];
	*csum = (uint8_t)-sum;
}

static void madt_begin(void)
{
	struct acpi_sdt_hdr *h;

	if (!arena) {
		arena = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
		if (arena == MAP_FAILED)
			abort();
	}
	memset(arena, 0, ARENA_SIZE);
	madt = arena;
	h = (struct acpi_sdt_hdr *)madt;
	memcpy(h->sig, "APIC", 4);
	madt_len = sizeof(*h) + 8;	/* local APIC address, flags */
}

static void add_lapic(uint8_t id, uint32_t flags)
{
	uint8_t *e = madt + madt_len;

	e[0] = 0;
	e[1] = 8;
	e[2] = id;		/* ACPI processor UID */
	e[3] = id;
	memcpy(e + 4, &flags, 4);
	madt_len += 8;
}

static void add_x2apic(uint32_t id, uint32_t flags)
{
	uint8_t *e = madt + madt_len;

	e[0] = 9;
	e[1] = 16;
	memcpy(e + 4, &id, 4);
	memcpy(e + 8, &flags, 4);
	memcpy(e + 12, &id, 4);
	madt_len += 16;
}

/* Finishes the MADT and the root tables; rev 2 RSDP with XSDT. */
static void tables_end(int use_xsdt)
{
	struct acpi_sdt_hdr *h = (struct acpi_sdt_hdr *)madt;
	uint64_t a64 = (uintptr_t)madt;
	uint32_t a32 = (uint32_t)(uintptr_t)madt, v;

	h->len = (uint32_t)madt_len;
	fix_csum(madt, madt_len, &h->csum);
	xsdt = arena + 1024;
	h = (struct acpi_sdt_hdr *)xsdt;
	memcpy(h->sig, "XSDT", 4);
	h->len = sizeof(*h) + 8;
	memcpy(xsdt + sizeof(*h), &a64, 8);
	fix_csum(xsdt, h->len, &h->csum);
	rsdt = arena + 2048;
	h = (struct acpi_sdt_hdr *)rsdt;
	memcpy(h->sig, "RSDT", 4);
	h->len = sizeof(*h) + 4;
	memcpy(rsdt + sizeof(*h), &a32, 4);
	fix_csum(rsdt, h->len, &h->csum);
	rsdp = arena + 3072;
	memcpy(rsdp, "RSD PTR ", 8);
	rsdp[15] = use_xsdt ? 2 : 0;
	v = (uint32_t)(uintptr_t)rsdt;
	memcpy(rsdp + 16, &v, 4);
	fix_csum(rsdp, 20, &rsdp[8]);
	if (use_xsdt) {
		v = 36;
		memcpy(rsdp + 20, &v, 4);
		a64 = (uintptr_t)xsdt;
		memcpy(rsdp + 24, &a64, 8);
		fix_csum(rsdp, 36, &rsdp[32]);
	}
}

static void test_acpi_two_cpus_xsdt(void)
{
	struct hcb_cpus c;

	madt_begin();
	add_lapic(0, 1);
	add_lapic(1, 1);
	add_lapic(2, 0);		/* disabled, not online capable */
	tables_end(1);
	acpi_find_cpus(rsdp, &c);
	TEST_ASSERT(!c.error, "error '%s'", c.error);
	TEST_ASSERT(c.n == 2 && c.apic_id[0] == 0 && c.apic_id[1] == 1,
		    "n %u ids %u %u", c.n, c.apic_id[0], c.apic_id[1]);
}

static void test_acpi_rsdt_x2apic_dedup(void)
{
	struct hcb_cpus c;

	madt_begin();
	add_lapic(0, 1);
	add_x2apic(0, 1);		/* same CPU listed twice */
	add_x2apic(300, 2);		/* online capable, beyond 8 bits */
	tables_end(0);
	acpi_find_cpus(rsdp, &c);
	TEST_ASSERT(!c.error, "error '%s'", c.error);
	TEST_ASSERT(c.n == 2 && c.apic_id[1] == 300, "n %u id1 %u", c.n,
		    c.apic_id[1]);
}

static void test_acpi_limit(void)
{
	struct hcb_cpus c;
	uint8_t i;

	madt_begin();
	for (i = 0; i < HCB_MAX_CPUS + 3; i++)
		add_lapic(i, 1);
	tables_end(1);
	acpi_find_cpus(rsdp, &c);
	TEST_ASSERT(c.n == HCB_MAX_CPUS && c.n_ignored == 3,
		    "n %u ignored %u", c.n, c.n_ignored);
}

static void test_acpi_bad_tables(void)
{
	struct hcb_cpus c;

	acpi_find_cpus(NULL, &c);
	TEST_ASSERT(c.error && !c.n, "no RSDP accepted");
	madt_begin();
	add_lapic(0, 1);
	tables_end(1);
	madt[10] ^= 0x55;		/* MADT checksum now wrong */
	acpi_find_cpus(rsdp, &c);
	TEST_ASSERT(c.error && strstr(c.error, "MADT") && !c.n,
		    "bad MADT checksum accepted: '%s'", c.error);
	madt_begin();
	add_lapic(0, 0);
	tables_end(1);
	acpi_find_cpus(rsdp, &c);
	TEST_ASSERT(c.error && !c.n, "MADT without enabled CPUs accepted");
	rsdp[0] = 'X';
	acpi_find_cpus(rsdp, &c);
	TEST_ASSERT(c.error && strstr(c.error, "RSDP"), "bad RSDP accepted");
}

void unit_acpi_suite(void)
{
	RUN_TEST(test_acpi_two_cpus_xsdt);
	RUN_TEST(test_acpi_rsdt_x2apic_dedup);
	RUN_TEST(test_acpi_limit);
	RUN_TEST(test_acpi_bad_tables);
}
