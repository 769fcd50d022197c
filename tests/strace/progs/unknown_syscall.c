/* A system call number no kernel has: ENOSYS, printed with six raw arguments. */
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	getppid();
	syscall(1000, 1, 2, 3, 0, 0x50, 6);
	return 0;
}
