/* Pointers the program does not own: every call fails with EFAULT and
 * nothing crashes. 0x1000 is never mapped; 0x400000000 is the LibOS's
 * region under musl-uni and unmapped natively; main's code is read-only. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	void *low = (void *)0x1000, *libos = (void *)0x400000000;
	int fd;

	SHOW(write(1, low, 4));
	SHOW(write(1, libos, 4));
	SHOW(syscall(SYS_write, 1, (void *)-4096L, 4));
	SHOW(fd = open("/dev/zero", O_RDONLY));
	SHOW(read(fd, low, 4));
	SHOW(read(fd, libos, 4));
	SHOW(read(fd, (void *)main, 4));
	SHOW(open(low, O_RDONLY));
	SHOW(open(libos, O_RDONLY));
	SHOW(syscall(SYS_fstat, 0, low));
	SHOW(syscall(SYS_uname, libos));
	SHOW(syscall(SYS_clock_gettime, 0, low));
	SHOW(syscall(SYS_getrandom, low, 8, 0));
	SHOW(syscall(SYS_rt_sigprocmask, 0, low, 0, 8));
	printf("still running\n");
	return 0;
}
