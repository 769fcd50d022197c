/* getcwd, with a buffer that is too small. */
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char buf[256];

	getppid();
	getcwd(buf, sizeof(buf));
	syscall(SYS_getcwd, buf, 1);
	return 0;
}
