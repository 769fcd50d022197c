/* Large blocks from malloc live in their own mappings, which realloc grows and shrinks with
 * mremap: the data must come along every time. */
#include <stdint.h>
#include <stdlib.h>
#include "check.h"

static int intact(const unsigned char *p, size_t len)
{
	for (size_t i = 0; i < len; i += 511)
		if (p[i] != (unsigned char)(i * 7))
			return 0;
	return 1;
}

int main(void)
{
	size_t len = 1 << 20;
	unsigned char *p = malloc(len);
	SHOW(p != NULL);
	for (size_t i = 0; i < len; i++)
		p[i] = (unsigned char)(i * 7);
	for (int round = 0; round < 4; round++) {
		size_t bigger = len * 3;
		p = realloc(p, bigger);
		printf("grown to %zu KiB: %s, intact %d\n", bigger >> 10, p ? "ok" : "NULL",
		       p && intact(p, len));
		for (size_t i = len; i < bigger; i++)
			p[i] = (unsigned char)(i * 7);
		len = bigger;
	}
	p = realloc(p, 200 << 10);
	printf("shrunk to 200 KiB: intact %d\n", p && intact(p, 200 << 10));
	free(p);
	return 0;
}
