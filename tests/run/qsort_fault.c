/* A NULL read in a qsort callback: the backtrace goes from the callback
 * through musl's qsort internals (CFI in libc.so's .debug_frame) back to
 * main and musl's start code. */
#include <stdio.h>
#include <stdlib.h>

static int *volatile poison; /* NULL, but the compiler cannot know */

__attribute__((noinline)) static int compare(const void *a, const void *b)
{
	int x = *(const int *)a + *poison, y = *(const int *)b;

	return (x > y) - (x < y);
}

int main(void)
{
	int numbers[] = { 5, 3, 9, 1, 7, 2, 8 };

	printf("before qsort\n");
	fflush(stdout);
	qsort(numbers, sizeof(numbers) / sizeof(numbers[0]), sizeof(numbers[0]), compare);
	printf("%d\n", numbers[0]);
	return 0;
}
