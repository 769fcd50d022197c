/* The exit status reaches the shell, and stdio is flushed at exit. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	printf("%d arguments:", argc - 1);
	for (int i = 1; i < argc; i++)
		printf(" [%s]", argv[i]);
	printf("\n");
	exit(42);
}
