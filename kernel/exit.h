/* SPDX-License-Identifier: GPL-2.0 */
/* Leaving the guest: the done line, then isa-debug-exit (or halt). */
#ifndef HCBENCH_EXIT_H
#define HCBENCH_EXIT_H

/* wait=1: halt after the done line instead of exiting QEMU. */
void hcb_exit_set_wait(int wait);

/* Prints HCB_DONE_PREFIX code, then exits QEMU with status 2*code+1. */
void hcb_done(int code) __attribute__((noreturn));

#endif /* HCBENCH_EXIT_H */
