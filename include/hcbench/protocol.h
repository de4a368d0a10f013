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

/* Serial log: the JSON report stands alone between these two lines. */
#define HCB_JSON_BEGIN "----- hcbench json begin -----"
#define HCB_JSON_END   "----- hcbench json end -----"
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
