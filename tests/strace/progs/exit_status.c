/* A non-zero exit status: exit_group never returns. */
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
	getppid();
	exit(3);
}
