/* A small vsnprintf for the LibOS's logs and generated files. */
#include <stdint.h>
#include <libos/log.h>
#include <libos/string.h>

struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void put_number(struct out *out, uint64_t value, unsigned base, int negative, int width,
		       char pad)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[value % base];
		value /= base;
	} while (value);
	if (negative)
		width--;
	if (negative && pad == '0')
		put(out, '-');
	for (int i = n; i < width; i++)
		put(out, pad);
	if (negative && pad != '0')
		put(out, '-');
	while (n)
		put(out, digits[--n]);
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out out = { buf, size, 0 };

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&out, *fmt);
			continue;
		}
		fmt++;
		char pad = ' ';
		int width = 0, longs = 0, precision = -1;
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {
			fmt++;
			precision = 0;
			if (*fmt == '*') {
				precision = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				precision = precision * 10 + (*fmt++ - '0');
		}
		while (*fmt == 'l' || *fmt == 'z') {
			longs++;
			fmt++;
		}
		switch (*fmt) {
		case 'd':
		case 'i': {
			int64_t v = longs ? va_arg(ap, long) : va_arg(ap, int);
			put_number(&out, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, v < 0, width, pad);
			break;
		}
		case 'u':
		case 'x': {
			uint64_t v = longs ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
			put_number(&out, v, *fmt == 'x' ? 16 : 10, 0, width, pad);
			break;
		}
		case 'p':
			put(&out, '0');
			put(&out, 'x');
			put_number(&out, (uintptr_t)va_arg(ap, void *), 16, 0, width, pad);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			size_t n = precision < 0 ? strlen(s) : strnlen(s, (size_t)precision);
			for (size_t i = n; i < (size_t)width; i++)
				put(&out, ' ');
			for (size_t i = 0; i < n; i++)
				put(&out, s[i]);
			break;
		}
		case 'c':
			put(&out, (char)va_arg(ap, int));
			break;
		case '%':
			put(&out, '%');
			break;
		default:
			put(&out, '%');
			if (!*fmt)
				goto done;
			put(&out, *fmt);
		}
	}
done:
	if (size)
		buf[out.len < size ? out.len : size - 1] = 0;
	return (int)out.len;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
