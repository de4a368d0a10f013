// SPDX-License-Identifier: GPL-2.0
/* printf and snprintf over one formatter that emits through a sink. */
#include <stdint.h>
#include "printf.h"
#include "serial.h"

struct sink {
	char *buf;		/* NULL: serial console */
	size_t size, len;
};

struct spec {
	int zero, left;
	int prec;			/* -1: none */
	unsigned int width, lng;
};

static void emit(struct sink *s, char c)
{
	if (!s->buf)
		serial_putc(c);
	else if (s->len + 1 < s->size)
		s->buf[s->len] = c;
	s->len++;
}

static void emit_padded(struct sink *s, const char *str, size_t n,
			const struct spec *sp)
{
	size_t pad = sp->width > n ? sp->width - n : 0;
	char fill = sp->zero && !sp->left ? '0' : ' ';
	size_t i;

	if (fill == '0' && n && (*str == '-')) {
		emit(s, *str++);
		n--;
	}
	if (!sp->left)
		for (i = 0; i < pad; i++)
			emit(s, fill);
	for (i = 0; i < n; i++)
		emit(s, str[i]);
	if (sp->left)
		for (i = 0; i < pad; i++)
			emit(s, ' ');
}

static void emit_num(struct sink *s, uint64_t v, int neg, unsigned int base,
		     int upper, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = digits[v % base];
		v /= base;
	} while (v);
	if (neg)
		tmp[--i] = '-';
	emit_padded(s, tmp + i, sizeof(tmp) - i, sp);
}

static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	sp->zero = sp->left = 0;
	sp->width = sp->lng = 0;
	sp->prec = -1;
	for (;; f++) {
		if (*f == '0')
			sp->zero = 1;
		else if (*f == '-')
			sp->left = 1;
		else
			break;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (unsigned int)(*f++ - '0');
	if (*f == '.' && f[1] == '*') {
		sp->prec = va_arg(*ap, int);
		f += 2;
	} else if (*f == '.') {
		sp->prec = 0;
		while (*++f >= '0' && *f <= '9')
			sp->prec = sp->prec * 10 + (*f - '0');
	}
	while (*f == 'l') {
		sp->lng++;
		f++;
	}
	return f;
}

static uint64_t get_unsigned(va_list *ap, unsigned int lng)
{
	if (lng)
		return va_arg(*ap, unsigned long);
	return va_arg(*ap, unsigned int);
}

static int64_t get_signed(va_list *ap, unsigned int lng)
{
	if (lng)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

static void format_one(struct sink *s, char conv, struct spec *sp,
		       va_list *ap)
{
	const char *str;
	int64_t sv;
	char c;

	switch (conv) {
	case 'd':
	case 'i':
		sv = get_signed(ap, sp->lng);
		emit_num(s, sv < 0 ? -(uint64_t)sv : (uint64_t)sv, sv < 0, 10,
			 0, sp);
		break;
	case 'u':
		emit_num(s, get_unsigned(ap, sp->lng), 0, 10, 0, sp);
		break;
	case 'x':
	case 'X':
		emit_num(s, get_unsigned(ap, sp->lng), 0, 16, conv == 'X', sp);
		break;
	case 'p':
		emit(s, '0');
		emit(s, 'x');
		emit_num(s, (uintptr_t)va_arg(*ap, void *), 0, 16, 0, sp);
		break;
	case 's':
		str = va_arg(*ap, const char *);
		if (!str)
			str = "(null)";
		sv = 0;
		while ((sp->prec < 0 || sv < sp->prec) && str[sv])
			sv++;
		emit_padded(s, str, (size_t)sv, sp);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		emit_padded(s, &c, 1, sp);
		break;
	default:
		emit(s, '%');
		emit(s, conv);
		break;
	}
}

static int format(struct sink *s, const char *f, va_list ap)
{
	struct spec sp;
	va_list aq;

	va_copy(aq, ap);
	while (*f) {
		if (*f != '%') {
			emit(s, *f++);
			continue;
		}
		f = parse_spec(f + 1, &sp, &aq);
		if (!*f)
			break;
		if (*f == '%')
			emit(s, '%');
		else
			format_one(s, *f, &sp, &aq);
		f++;
	}
	va_end(aq);
	if (s->buf && s->size)
		s->buf[s->len < s->size ? s->len : s->size - 1] = 0;
	return (int)s->len;
}

int vprintf(const char *fmt, va_list ap)
{
	struct sink s = { 0 };

	return format(&s, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { .buf = buf, .size = size };

	return format(&s, fmt, ap);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
