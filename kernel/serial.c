// SPDX-License-Identifier: GPL-2.0
/* 16550 UART on COM1, polled, 115200 8N1 (what OVMF also uses). */
#include "serial.h"
#include "processor.h"

#define COM1		0x3f8
#define UART_THR	0	/* transmit holding (DLAB = 0) */
#define UART_DLL	0	/* divisor low (DLAB = 1) */
#define UART_IER	1
#define UART_DLM	1
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_LSR_THRE	0x20
#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03

/* Bound on the wait for THRE, so a missing UART cannot hang the guest. */
#define UART_SPIN_MAX	1000000

void serial_init(void)
{
	outb(COM1 + UART_IER, 0);		/* no UART interrupts */
	outb(COM1 + UART_LCR, UART_LCR_DLAB);
	outb(COM1 + UART_DLL, 1);		/* 115200 baud */
	outb(COM1 + UART_DLM, 0);
	outb(COM1 + UART_LCR, UART_LCR_8N1);
	outb(COM1 + UART_FCR, 0x07);		/* enable and clear FIFOs */
	outb(COM1 + UART_MCR, 0x03);		/* DTR, RTS; OUT2 off */
}

void serial_putc(char c)
{
	unsigned int spin = 0;

	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE) &&
	       spin++ < UART_SPIN_MAX)
		cpu_pause();
	outb(COM1 + UART_THR, (unsigned char)c);
}

void serial_write(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		serial_putc(s[i]);
}

void serial_put(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	serial_write(s, len);
}
