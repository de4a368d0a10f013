/* SPDX-License-Identifier: GPL-2.0 */
/* 16550 UART on COM1: the guest's only console. */
#ifndef HCBENCH_SERIAL_H
#define HCBENCH_SERIAL_H

#include <stddef.h>

void serial_init(void);
void serial_putc(char c);
void serial_write(const char *s, size_t len);
/* hcb_put_fn-shaped sink for the report writers; ctx is unused. */
void serial_put(void *ctx, const char *s, size_t len);

#endif /* HCBENCH_SERIAL_H */
