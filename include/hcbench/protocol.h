/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the guest and the host-side runner agree on: fw_cfg file names,
 * serial log markers and exit codes.  Shell scripts read the values from
 * this file (scripts/lib/protocol.sh), so this is their only definition.
 */
#ifndef HCBENCH_PROTOCOL_H
#define HCBENCH_PROTOCOL_H

/* fw_cfg files the runner passes with -fw_cfg name=...,file=|string= */
#define HCB_FWCFG_OPTIONS "opt/hcbench/options"	/* "key=value key=value" */
#define HCB_FWCFG_HOST    "opt/hcbench/host"	/* "key=value" lines */

/*
 * The JSON report travels as one frame: the line HCB_FRAME_BEGIN, the
 * JSON bytes, then the line
 *   HCB_FRAME_END " bytes=<decimal> fnv1a64=<16 lowercase hex digits>"
 * with the JSON's length and FNV-1a 64 hash (offset basis and prime
 * below).  The host (results/tools/unframe.c) stores the JSON only when
 * both match: a cut tail or a changed byte is rejected.
 *
 * The frame goes to an isa-debugcon device at HCB_REPORT_PORT (reads
 * return HCB_REPORT_READBACK; OVMF's debug port is 0x402) backed by a
 * file chardev, written with rep outsb: no VM exit per byte and no wait
 * on the UART.  Without that device the guest sends the same frame on
 * the serial console and says so (HCB_REPORT_FALLBACK).
 */
#define HCB_FRAME_BEGIN "----- hcbench report frame v1 begin -----"
#define HCB_FRAME_END   "----- hcbench report frame v1 end"
#define HCB_FNV1A64_OFFSET 0xcbf29ce484222325
#define HCB_FNV1A64_PRIME  0x100000001b3
#define HCB_REPORT_PORT     0x0e9
#define HCB_REPORT_READBACK 0x0e9
#define HCB_REPORT_FALLBACK "hcbench: no report channel, report on the serial console"

/*
 * The channel's memory mode, for the nested rigs, where every exit to
 * QEMU costs about 100 us of emulation and a byte-wise report of 80 KB
 * took 15 s: the host backs guest RAM with a file it can read
 * (scripts/lib/qemu.sh, HCB_GUEST_RAM_FILE) and sets the debugcon's
 * readback value to HCB_REPORT_READBACK_MEM.  The guest then builds the
 * whole frame in its own memory and writes only one line to the channel:
 *   HCB_FRAME_MEM " gpa=0x<lowercase hex> bytes=<decimal>"
 * the guest physical address and length of the frame.  The host copies
 * those bytes out of the RAM file (guest RAM below 2 GiB is one block:
 * file offset = guest physical address) and checks the frame as above.
 * A frame longer than HCB_REPORT_MEM_MAX goes on the channel byte-wise.
 */
#define HCB_REPORT_READBACK_MEM 0x0ea
#define HCB_FRAME_MEM "----- hcbench report frame v1 in guest memory"
#define HCB_REPORT_MEM_MAX 1048576
/* Last line the guest prints before it asks QEMU to exit. */
#define HCB_DONE_PREFIX "hcbench: done, exit code "

/* isa-debug-exit: iobase 0xf4, iosize 4; QEMU exits with (code << 1) | 1 */
#define HCB_DEBUG_EXIT_PORT 0xf4
#define HCB_EXIT_OK      0	/* QEMU status 1 */
#define HCB_EXIT_CHECK   1	/* QEMU status 3: a correctness check failed */
#define HCB_EXIT_FAULT   2	/* QEMU status 5: unexpected CPU exception */
#define HCB_EXIT_BADOPT  3	/* QEMU status 7: bad option name or value */
#define HCB_EXIT_BOOT    4	/* QEMU status 9: firmware/boot step failed */

#endif /* HCBENCH_PROTOCOL_H */
