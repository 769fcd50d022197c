/* abort() three calls deep: the backtrace goes from musl's abort and raise
 * (their CFI is in libc.so's .debug_frame) through the app's frames back to
 * musl's start code. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static void give_up(int depth)
{
	if (depth > 0)
		abort();
	__asm__ volatile("" ::: "memory"); /* no tail call into give_up's caller */
}

__attribute__((noinline)) static void middle(int depth)
{
	give_up(depth + 1);
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) static void outer(int depth)
{
	middle(depth + 1);
	__asm__ volatile("" ::: "memory");
}

int main(int argc, char **argv)
{
	(void)argv;
	printf("before abort\n");
	fflush(stdout);
	outer(argc - 1);
	return 0;
}
