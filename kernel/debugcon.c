// SPDX-License-Identifier: GPL-2.0
/*
 * QEMU's isa-debugcon.  An absent port reads 0xff, a debugcon its
 * readback value (the host's choice: include/hcbench/protocol.h).  Output is one rep outsb per buffer: the hypervisor
 * sees one string I/O instruction, not one exit per byte, and nothing
 * waits for a UART.
 */
#include "debugcon.h"
#include "processor.h"

uint8_t debugcon_read(uint16_t port)
{
	return inb(port);
}

void debugcon_write(uint16_t port, const char *s, size_t len)
{
	asm volatile("cld; rep outsb"
		     : "+S"(s), "+c"(len)
		     : "d"(port)
		     : "memory");
}
