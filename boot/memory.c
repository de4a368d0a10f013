// SPDX-License-Identifier: GPL-2.0
/* All memory of the run comes from AllocatePages before EBS. */
#include "memory.h"
#include "kernel/paging.h"
#include "kernel/printf.h"
#include "kernel/smp.h"
#include "kernel/string.h"

#define KSTACK_SIZE	(64 * 1024)
#define STACK_SIZE	(16 * 1024)
#define MAP_SLACK	(16 * 1024)	/* map growth between the calls */
#define EBS_TRIES	8
#define TRAMP_MAX	0x9ffffull	/* last byte below the EBDA */

static uint64_t map_buf_size;
static EFI_MEMORY_DESCRIPTOR *map_buf;

static void *alloc_pages(EFI_BOOT_SERVICES *bs, EFI_MEMORY_TYPE type,
			 uint64_t bytes, const char *what)
{
	EFI_PHYSICAL_ADDRESS addr = 0;
	UINTN pages = (bytes + PAGE_SIZE - 1) / PAGE_SIZE;
	EFI_STATUS st;

	st = bs->AllocatePages(AllocateAnyPages, type, pages, &addr);
	if (st != EFI_SUCCESS) {
		printf("hcbench: AllocatePages(%lu pages) for %s failed: "
		       "0x%lx\n", (unsigned long)pages, what,
		       (unsigned long)st);
		return NULL;
	}
	memset((void *)(uintptr_t)addr, 0, pages * PAGE_SIZE);
	return (void *)(uintptr_t)addr;
}

static uint64_t stack_top(EFI_BOOT_SERVICES *bs, uint64_t size,
			  const char *what)
{
	uint8_t *p = alloc_pages(bs, EfiLoaderData, size, what);

	return p ? (uintptr_t)(p + size) : 0;
}

static int is_ram(UINT32 type)
{
	switch (type) {
	case EfiLoaderCode: case EfiLoaderData:
	case EfiBootServicesCode: case EfiBootServicesData:
	case EfiRuntimeServicesCode: case EfiRuntimeServicesData:
	case EfiConventionalMemory: case EfiACPIReclaimMemory:
	case EfiACPIMemoryNVS:
		return 1;
	default:
		return 0;
	}
}

/* GetMemoryMap into map_buf (grown while boot services allow it). */
static EFI_STATUS get_map(EFI_BOOT_SERVICES *bs, UINTN *size, UINTN *key,
			  UINTN *dsize, int may_grow)
{
	UINT32 dver;
	EFI_STATUS st;

	for (;;) {
		*size = map_buf_size;
		st = bs->GetMemoryMap(size, map_buf, key, dsize, &dver);
		if (st != EFI_BUFFER_TOO_SMALL || !may_grow)
			return st;
		if (map_buf)
			bs->FreePages((uintptr_t)map_buf,
				      map_buf_size / PAGE_SIZE);
		map_buf_size = (*size + MAP_SLACK + PAGE_SIZE - 1) &
			       ~(PAGE_SIZE - 1);
		map_buf = alloc_pages(bs, EfiLoaderData, map_buf_size,
				      "memory map");
		if (!map_buf)
			return EFI_OUT_OF_RESOURCES;
	}
}

static EFI_MEMORY_DESCRIPTOR *desc_at(UINTN i, UINTN dsize)
{
	return (EFI_MEMORY_DESCRIPTOR *)((uint8_t *)map_buf + i * dsize);
}

/* Highest end address of any descriptor. */
static uint64_t map_top(UINTN size, UINTN dsize)
{
	uint64_t top = 0, end;
	UINTN i;

	for (i = 0; i < size / dsize; i++) {
		end = desc_at(i, dsize)->PhysicalStart +
		      desc_at(i, dsize)->NumberOfPages * PAGE_SIZE;
		if (end > top)
			top = end;
	}
	return top;
}

static void map_to_ram(struct hcb_handoff *h, UINTN size, UINTN dsize)
{
	EFI_MEMORY_DESCRIPTOR *d;
	UINTN i;

	struct hcb_range *last = NULL;
	uint64_t end;

	h->n_ram = 0;
	for (i = 0; i < size / dsize; i++) {
		d = desc_at(i, dsize);
		if (!is_ram(d->Type))
			continue;
		end = d->PhysicalStart + d->NumberOfPages * PAGE_SIZE;
		if (last && last->end == d->PhysicalStart) {
			last->end = end;	/* contiguous: merge */
			continue;
		}
		if (h->n_ram == HCB_MAX_RAM) {
			/* the rest is mapped uncached: slower, still right */
			printf("hcbench: more than %u RAM ranges\n",
			       HCB_MAX_RAM);
			return;
		}
		last = &h->ram[h->n_ram++];
		last->base = d->PhysicalStart;
		last->end = end;
	}
}

static int alloc_tables(EFI_BOOT_SERVICES *bs, struct hcb_handoff *h)
{
	UINTN size, key, dsize;

	if (get_map(bs, &size, &key, &dsize, 1) != EFI_SUCCESS) {
		printf("hcbench: GetMemoryMap failed\n");
		return -1;
	}
	h->pt_top = paging_top(map_top(size, dsize));
	h->pt_pages = alloc_pages(bs, EfiLoaderData,
				  paging_pages_needed(h->pt_top) * PAGE_SIZE,
				  "page tables");
	return h->pt_pages ? 0 : -1;
}

static int alloc_stacks(EFI_BOOT_SERVICES *bs, struct hcb_handoff *h)
{
	unsigned int i;

	h->kstack_top = stack_top(bs, KSTACK_SIZE, "kernel stack");
	h->ustack_top = stack_top(bs, KSTACK_SIZE, "user stack");
	h->stacks.rsp0 = stack_top(bs, STACK_SIZE, "rsp0 stack");
	for (i = 0; i < 3; i++)
		h->stacks.ist[i] = stack_top(bs, STACK_SIZE, "IST stack");
	return h->kstack_top && h->ustack_top && h->stacks.rsp0 &&
	       h->stacks.ist[0] && h->stacks.ist[1] && h->stacks.ist[2] ?
	       0 : -1;
}

/*
 * The APs' start-up page (below 1 MiB: a SIPI names a real-mode page)
 * and their stacks.  Without a page the run stays on the BSP.
 */
static int alloc_smp(EFI_BOOT_SERVICES *bs, struct hcb_handoff *h)
{
	struct hcb_smp_boot *s = &h->smp;
	EFI_PHYSICAL_ADDRESS addr = TRAMP_MAX;
	unsigned int i;

	if (s->cpus.n < 2)
		return 0;
	if (bs->AllocatePages(AllocateMaxAddress, EfiLoaderCode, 1, &addr) ==
	    EFI_SUCCESS)
		s->tramp = addr;
	else
		printf("hcbench: no free page below 1 MiB for the AP "
		       "start-up code: APs stay off\n");
	for (i = 0; i < s->cpus.n && i < HCB_MAX_CPUS; i++) {
		s->stack_top[i] = stack_top(bs, HCB_AP_STACK_SIZE, "AP stack");
		if (!s->stack_top[i])
			return -1;
	}
	return 0;
}

/* One buffer of the plan; a size of 0 is not allocated: NULL, no error. */
static int alloc_planned(EFI_BOOT_SERVICES *bs, EFI_MEMORY_TYPE type,
			 uint64_t bytes, const char *what, void **p)
{
	*p = bytes ? alloc_pages(bs, type, bytes, what) : NULL;
	return bytes && !*p ? -1 : 0;
}

/* The buffers bench's hcb_plan() asked for. */
static int alloc_plan(EFI_BOOT_SERVICES *bs, struct hcb_handoff *h)
{
	const struct hcb_plan *p = &h->plan;
	void *samples, *bsamples, *code;
	int err;

	err = alloc_planned(bs, EfiLoaderData, (uint64_t)p->n_samples *
			    sizeof(double), "samples", &samples);
	err |= alloc_planned(bs, EfiLoaderData, (uint64_t)p->n_bsamples *
			     sizeof(double), "batch samples", &bsamples);
	err |= alloc_planned(bs, EfiLoaderCode, p->code_bytes, "code copies",
			     &code);
	err |= alloc_planned(bs, EfiLoaderData, p->scratch_bytes,
			     "scratch page", &h->scratch);
	h->samples = samples;
	h->bsamples = bsamples;
	h->code = code;
	return err;
}

int memory_alloc_run(EFI_BOOT_SERVICES *bs, struct hcb_handoff *h)
{
	if (alloc_plan(bs, h))
		return -1;
	if (alloc_stacks(bs, h) || alloc_smp(bs, h))
		return -1;
	return alloc_tables(bs, h);
}

int memory_exit_boot(EFI_HANDLE image, EFI_BOOT_SERVICES *bs,
		     struct hcb_handoff *h)
{
	UINTN size, key, dsize;
	EFI_STATUS st;
	int i;

	/* grow the buffer now: after a failed EBS we may not allocate */
	if (get_map(bs, &size, &key, &dsize, 1) != EFI_SUCCESS)
		goto fail;
	for (i = 0; i < EBS_TRIES; i++) {
		st = get_map(bs, &size, &key, &dsize, i == 0);
		if (st != EFI_SUCCESS)
			goto fail;
		st = bs->ExitBootServices(image, key);
		if (st == EFI_SUCCESS) {
			map_to_ram(h, size, dsize);
			return 0;
		}
		if (st != EFI_INVALID_PARAMETER)
			goto fail;
	}
fail:
	printf("hcbench: leaving boot services failed\n");
	return -1;
}
