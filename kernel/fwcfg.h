/* SPDX-License-Identifier: GPL-2.0 */
/* QEMU fw_cfg, legacy I/O interface (selector 0x510, data 0x511). */
#ifndef HCBENCH_FWCFG_H
#define HCBENCH_FWCFG_H

#include <stddef.h>

/* 1 if the "QEMU" signature is there. */
int fwcfg_present(void);

/*
 * Reads file name into buf (cap bytes, NUL added) and stores its size in
 * *len.  Returns 0, -1 if there is no such file, -2 if it does not fit.
 */
int fwcfg_read_file(const char *name, char *buf, size_t cap, size_t *len);

#endif /* HCBENCH_FWCFG_H */
