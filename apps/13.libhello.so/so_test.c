#include <stdio.h>

void so_test(void)
{
	printf("hello world from lib\n");
}
