/* SPDX-License-Identifier: GPL-2.0 */
/* QEMU's isa-debugcon: a write-only byte port, written a string at a time. */
#ifndef HCBENCH_DEBUGCON_H
#define HCBENCH_DEBUGCON_H

#include <stddef.h>
#include <stdint.h>

/* 1 if a debugcon answers at port with its readback value, else 0. */
int debugcon_present(uint16_t port, uint8_t readback);
/* len bytes of s to port with one rep outsb. */
void debugcon_write(uint16_t port, const char *s, size_t len);

#endif /* HCBENCH_DEBUGCON_H */
