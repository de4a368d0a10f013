// SPDX-License-Identifier: GPL-2.0
/* ACPI: just enough to list the CPUs of the MADT (ACPI 6.5, 5.2.12). */
#include "acpi.h"
#include "string.h"

#define MADT_LAPIC		0
#define MADT_X2APIC		9
#define LAPIC_ENABLED		(1u << 0)
#define LAPIC_ONLINE_CAPABLE	(1u << 1)

struct rsdp {
	char sig[8];
	uint8_t csum;
	char oem[6];
	uint8_t rev;
	uint32_t rsdt;
	uint32_t len;			/* rev >= 2 from here on */
	uint64_t xsdt;
	uint8_t xcsum;
	uint8_t reserved[3];
} __attribute__((packed));

static int csum_ok(const void *p, uint32_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;
	uint32_t i;

	for (i = 0; i < len; i++)
		sum += b[i];
	return sum == 0;
}

static const struct acpi_sdt_hdr *table_at(uint64_t addr, const char *sig)
{
	const struct acpi_sdt_hdr *t = (const void *)(uintptr_t)addr;

	if (!addr || memcmp(t->sig, sig, 4) || t->len < sizeof(*t) ||
	    !csum_ok(t, t->len))
		return NULL;
	return t;
}

/* The MADT from the XSDT (8-byte entries) or RSDT (4-byte entries). */
static const struct acpi_sdt_hdr *find_madt(const struct rsdp *r)
{
	const struct acpi_sdt_hdr *root;
	const uint8_t *e;
	unsigned int esize, i, n;
	uint64_t addr;

	if (r->rev >= 2 && r->xsdt && csum_ok(r, r->len)) {
		root = table_at(r->xsdt, "XSDT");
		esize = 8;
	} else {
		root = table_at(r->rsdt, "RSDT");
		esize = 4;
	}
	if (!root)
		return NULL;
	e = (const uint8_t *)(root + 1);
	n = (root->len - sizeof(*root)) / esize;
	for (i = 0; i < n; i++) {
		addr = 0;
		memcpy(&addr, e + i * esize, esize);
		if (table_at(addr, "APIC"))
			return table_at(addr, "APIC");
	}
	return NULL;
}

static void add_cpu(struct hcb_cpus *cpus, uint32_t id, uint32_t flags)
{
	unsigned int i;

	if (!(flags & (LAPIC_ENABLED | LAPIC_ONLINE_CAPABLE)))
		return;
	for (i = 0; i < cpus->n; i++)
		if (cpus->apic_id[i] == id)
			return;		/* listed as both kinds */
	if (cpus->n == HCB_MAX_CPUS) {
		cpus->n_ignored++;
		return;
	}
	cpus->apic_id[cpus->n++] = id;
}

void acpi_find_cpus(const void *rsdp, struct hcb_cpus *cpus)
{
	const struct rsdp *r = rsdp;
	const struct acpi_sdt_hdr *madt;
	const uint8_t *p, *end;
	uint32_t v;

	memset(cpus, 0, sizeof(*cpus));
	if (!r || memcmp(r->sig, "RSD PTR ", 8) || !csum_ok(r, 20)) {
		cpus->error = "no valid ACPI RSDP in the UEFI configuration "
			      "table";
		return;
	}
	madt = find_madt(r);
	if (!madt) {
		cpus->error = "no valid MADT (APIC table) in the XSDT/RSDT";
		return;
	}
	/* header, local APIC address (4), flags (4), then entries */
	p = (const uint8_t *)(madt + 1) + 8;
	end = (const uint8_t *)madt + madt->len;
	while (p + 2 <= end && p[1] >= 2 && p + p[1] <= end) {
		if (p[0] == MADT_LAPIC && p[1] >= 8) {
			memcpy(&v, p + 4, 4);
			add_cpu(cpus, p[3], v);
		} else if (p[0] == MADT_X2APIC && p[1] >= 16) {
			uint32_t id;

			memcpy(&id, p + 4, 4);
			memcpy(&v, p + 8, 4);
			add_cpu(cpus, id, v);
		}
		p += p[1];
	}
	if (!cpus->n)
		cpus->error = "the MADT lists no enabled CPU";
}
