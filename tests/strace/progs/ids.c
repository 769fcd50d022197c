/* Process and user ids: the pids differ between the two sides. */
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	getppid();
	getpid();
	syscall(SYS_gettid);
	getuid();
	geteuid();
	getgid();
	getegid();
	return 0;
}
