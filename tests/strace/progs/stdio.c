/* stdio on stdout: musl asks whether it is a terminal, then writes with writev. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	getppid();
	printf("hello from stdio\n");
	printf("number %d, string %s\n", 42, "xyz");
	fflush(stdout);
	fputs("unbuffered stderr\n", stderr);
	printf("at exit\n");
	return 0;
}
