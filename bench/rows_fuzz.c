// SPDX-License-Identifier: GPL-2.0
/*
 * hc_fuzz: `fuzz` hypercalls with random numbers 0..127 and random
 * arguments from a seeded PRNG.  Arguments are constrained only where a
 * random value could hurt the guest or trip the rig; the guest must
 * survive whatever KVM answers.  Each call is timed (mixed numbers).
 */
#include "hypercall.h"
#include "rows.h"
#include "kernel/printf.h"

#define FUZZ_NR_MASK 127

struct fuzz_call {
	unsigned long nr, a[4];
};

/* splitmix64: any seed, 0 included, gives a full-period stream. */
static uint64_t prng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static void fuzz_constrain(const struct hcb_ctx *c, struct fuzz_call *f)
{
	unsigned long page = (uintptr_t)c->h->scratch;

	switch (f->nr) {
	case KVM_HC_SEND_IPI:	/* lowest target above our own APIC ID */
		f->a[2] = c->apic_id + 1 + (f->a[2] & 0xffff);
		break;
	case KVM_HC_KICK_CPU:	/* never kick ourselves */
		f->a[1] &= 0xffffffff;
		if (f->a[1] == c->apic_id)
			f->a[1]++;
		break;
	case KVM_HC_CLOCK_PAIRING:	/* KVM writes to a0: our buffer */
		f->a[0] = page;
		break;
	case KVM_HC_MAP_GPA_RANGE:	/* could convert guest memory */
		f->a[0] = page;
		f->a[1] = 1;
		f->a[2] = KVM_MAP_GPA_RANGE_PAGE_SZ_4K |
			  KVM_MAP_GPA_RANGE_DECRYPTED;
		break;
	}
}

static void fuzz_next(const struct hcb_ctx *c, uint64_t *s,
		      struct fuzz_call *f)
{
	unsigned int i;

	f->nr = prng_next(s) & FUZZ_NR_MASK;
	for (i = 0; i < 4; i++)
		f->a[i] = prng_next(s);
	fuzz_constrain(c, f);
}

void plan_hc_fuzz(const struct hcb_options *o, struct hcb_plan *p)
{
	hcb_plan_samples(p, o->fuzz);	/* one sample per call */
	hcb_plan_scratch(o, p);		/* fuzz_constrain() */
}

struct fuzz_tally {
	unsigned long n[4];		/* by enum hc_class */
};

static void fuzz_account(struct hcb_ctx *c, struct fuzz_tally *t,
			 const struct fuzz_call *f, long ret)
{
	if (f->nr == KVM_HC_TEST && c->patched == HCB_PATCHED_YES)
		hc_check(c, ret, (long)hc_test_expected(f->a[0], f->a[1],
							f->a[2], f->a[3]));
	else
		hc_count(c, ret);
	t->n[hc_class_of(ret)]++;
}

void row_hc_fuzz(struct hcb_ctx *c, struct hcb_row_result *r)
{
	const struct hcb_options *o = &c->h->opt;
	struct fuzz_tally t = { 0 };
	struct fuzz_call f;
	uint64_t s = o->seed;
	long ret;

	if (!o->fuzz) {
		hcb_row_status(c, r, HCB_STATUS_SKIPPED, "fuzz=0");
		return;
	}
	if (hc_begin(c, r, KVM_HC_VAPIC_POLL_IRQ, 0, 0, 0, 0))
		return;
	hc_patch_state(c);
	c->warmup = 0;
	c->iters = o->fuzz;
	c->batches = 0;
	HCB_MEASURE(c, fuzz_next(c, &s, &f),
		    ret = hc_native(c, f.nr, f.a[0], f.a[1], f.a[2], f.a[3]),
		    fuzz_account(c, &t, &f, ret));
	hc_end(c, r);
	r->hc.nr = f.nr;
	hcb_row_note(c, "seed %llu, %u calls: ok %lu, enosys %lu, eperm %lu, "
		     "other %lu; per-call times mix numbers, no batched "
		     "loop; ", (unsigned long long)o->seed, o->fuzz, t.n[HC_OK],
		     t.n[HC_ENOSYS], t.n[HC_EPERM], t.n[HC_OTHER]);
}
