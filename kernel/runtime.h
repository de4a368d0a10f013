/* SPDX-License-Identifier: GPL-2.0 */
/* The runtime after ExitBootServices (kernel/runtime.c). */
#ifndef HCBENCH_RUNTIME_H
#define HCBENCH_RUNTIME_H

#include "hcbench/handoff.h"

/*
 * On the kernel stack, interrupts off: x87/SSE, descriptor tables, the
 * BSP's per-CPU data, page tables, a quiet interrupt system (or
 * hcb_done(HCB_EXIT_BOOT)), then the APs.  Returns ready for the
 * benchmark; allocates nothing.
 */
void runtime_init(const struct hcb_handoff *h);

#endif /* HCBENCH_RUNTIME_H */
