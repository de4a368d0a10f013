/* SPDX-License-Identifier: GPL-2.0 */
/* QEMU's isa-debugcon: a write-only byte port, written a string at a time. */
#ifndef HCBENCH_DEBUGCON_H
#define HCBENCH_DEBUGCON_H

#include <stddef.h>
#include <stdint.h>

/* What port reads: a debugcon's readback value, 0xff if none is there. */
uint8_t debugcon_read(uint16_t port);
/* len bytes of s to port with one rep outsb. */
void debugcon_write(uint16_t port, const char *s, size_t len);

#endif /* HCBENCH_DEBUGCON_H */
