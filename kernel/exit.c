// SPDX-License-Identifier: GPL-2.0
/* isa-debug-exit shutdown (QEMU status = code << 1 | 1). */
#include "exit.h"
#include "printf.h"
#include "processor.h"
#include "hcbench/protocol.h"

static int wait_after_done;

void hcb_exit_set_wait(int wait)
{
	wait_after_done = wait;
}

void hcb_done(int code)
{
	printf("%s%d\n", HCB_DONE_PREFIX, code);
	if (!wait_after_done)
		outl(HCB_DEBUG_EXIT_PORT, (uint32_t)code);
	/* no isa-debug-exit device, or wait=1: stay here */
	halt_forever();
}
