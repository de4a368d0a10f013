// SPDX-License-Identifier: GPL-2.0
/* Freestanding number formatting for the report writers; see fmt.h. */
#include "fmt.h"

size_t hcb_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

int hcb_streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

int hcb_isfinite(double v)
{
	/* NaN fails v == v; infinities fail the subtraction test. */
	return v == v && v - v == 0.0;
}

/* Digits of v, most significant first, no NUL; returns their count. */
static size_t put_digits(char *buf, unsigned long long v)
{
	char tmp[24];
	size_t n = 0, i;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	return n;
}

size_t hcb_fmt_u64(char *buf, unsigned long long v)
{
	size_t n = put_digits(buf, v);

	buf[n] = '\0';
	return n;
}

size_t hcb_fmt_i64(char *buf, long long v)
{
	unsigned long long mag;
	size_t n = 0;

	if (v < 0) {
		buf[n++] = '-';
		/* Negate in unsigned arithmetic: LLONG_MIN has no positive. */
		mag = 0ULL - (unsigned long long)v;
	} else {
		mag = (unsigned long long)v;
	}
	n += put_digits(buf + n, mag);
	buf[n] = '\0';
	return n;
}

size_t hcb_fmt_hex(char *buf, unsigned long long v)
{
	static const char xd[] = "0123456789abcdef";
	char tmp[16];
	size_t n = 0, i, len;

	do {
		tmp[n++] = xd[v & 0xf];
		v >>= 4;
	} while (v);
	buf[0] = '0';
	buf[1] = 'x';
	for (i = 0; i < n; i++)
		buf[2 + i] = tmp[n - 1 - i];
	len = 2 + n;
	buf[len] = '\0';
	return len;
}

size_t hcb_fmt_fixed(char *buf, double v, unsigned int decimals)
{
	unsigned long long scale = 1, ip, fp;
	unsigned int i;
	double frac;
	size_t n = 0;
	int neg;

	buf[0] = '\0';
	if (!hcb_isfinite(v) || v >= HCB_FMT_FIXED_LIMIT ||
	    v <= -HCB_FMT_FIXED_LIMIT)
		return 0;
	if (decimals > 9)
		decimals = 9;
	for (i = 0; i < decimals; i++)
		scale *= 10;
	neg = v < 0;
	if (neg)
		v = -v;
	ip = (unsigned long long)(long long)v;
	frac = v - (double)ip;
	fp = (unsigned long long)(long long)(frac * (double)scale + 0.5);
	if (fp >= scale) {
		ip++;
		fp -= scale;
	}
	if (neg && (ip || fp))
		buf[n++] = '-';
	n += put_digits(buf + n, ip);
	if (decimals) {
		buf[n++] = '.';
		for (i = decimals; i-- > 0;) {
			buf[n + i] = (char)('0' + fp % 10);
			fp /= 10;
		}
		n += decimals;
	}
	buf[n] = '\0';
	return n;
}
