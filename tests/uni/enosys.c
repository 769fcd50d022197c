/* A system call the LibOS does not serve: -ENOSYS every time, one log line. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	for (int i = 0; i < 3; i++) {
		long ret = syscall(SYS_kexec_load, 0, 0, 0, 0);
		printf("kexec_load = %ld errno %s\n", ret, errno == ENOSYS ? "ENOSYS" : strerror(errno));
	}
	return 0;
}
