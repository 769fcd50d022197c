#include <stdio.h>

void so_test(void);

int main(void)
{
	printf("app main\n");
	so_test();
	return 0;
}
