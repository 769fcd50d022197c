/* A NULL write in app code: the monitor reports where and exits 139. */
#include <stdio.h>

int main(void)
{
	printf("before the fault\n");
	fflush(stdout);
	*(volatile int *)0 = 1;
	printf("not reached\n");
	return 0;
}
