/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small printf to the serial console: %d %i %u %x %X %p %s %c %%, the
 * length modifiers l and ll, a '0' or '-' flag, a field width and a
 * precision for %s (".N" or ".*").
 */
#ifndef HCBENCH_PRINTF_H
#define HCBENCH_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif /* HCBENCH_PRINTF_H */
