/* Path names outside the program's memory: EFAULT from the calls that look a path up. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static void *const outside[] = { (void *)0x400000000, (void *)0x480000000,
				 (void *)0xffff800000000000 };

int main(void)
{
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		void *p = outside[i];
		printf("-- %p\n", p);
		SHOW(syscall(SYS_open, p, O_RDONLY));
		SHOW(syscall(SYS_open, p, O_CREAT | O_WRONLY, 0600));
		SHOW(syscall(SYS_openat, AT_FDCWD, p, O_RDONLY));
		SHOW(syscall(SYS_access, p, F_OK));
		SHOW(syscall(SYS_faccessat, AT_FDCWD, p, F_OK));
		SHOW(syscall(SYS_faccessat2, AT_FDCWD, p, F_OK, 0));
		SHOW(syscall(SYS_chdir, p));
		SHOW(syscall(SYS_mkdir, p, 0755));
		SHOW(syscall(SYS_truncate, p, 0));
		SHOW(syscall(SYS_readlink, p, (char[8]){ 0 }, 8));
		SHOW(syscall(SYS_readlink, "/proc/self/exe", p, 8));
		SHOW(syscall(SYS_getcwd, p, 4096));
		SHOW(syscall(SYS_utimensat, AT_FDCWD, "/", p, 0));
	}
	return 0;
}
