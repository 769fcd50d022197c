/* A NULL write three calls deep in app code: the report's backtrace
 * names each function of the chain, innermost first. */
#include <stdio.h>

__attribute__((noinline)) static void crash_here(volatile int *where)
{
	*where = 1;
	__asm__ volatile("" ::: "memory"); /* no tail call into crash_here's caller */
}

__attribute__((noinline)) static void middle(volatile int *where)
{
	crash_here(where);
	__asm__ volatile("" ::: "memory");
}

__attribute__((noinline)) static void outer(volatile int *where)
{
	middle(where);
	__asm__ volatile("" ::: "memory");
}

int main(int argc, char **argv)
{
	(void)argv;
	printf("before the fault\n");
	fflush(stdout);
	/* argc - 1 is 0, but the compiler cannot know the pointer is NULL. */
	outer((volatile int *)(long)(argc - 1));
	return 0;
}
