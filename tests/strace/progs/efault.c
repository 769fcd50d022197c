/* Pointers the program does not own: EFAULT, printed as raw addresses. */
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	void *bad = (void *)0x1000;
	int fd;

	getppid();
	write(1, bad, 4);
	syscall(SYS_write, 1, (void *)-4096L, 4);
	fd = open("/dev/zero", O_RDONLY);
	read(fd, bad, 4);
	open(bad, O_RDONLY);
	open(NULL, O_RDONLY);
	syscall(SYS_stat, "/dev/zero", bad);
	syscall(SYS_fstat, fd, bad);
	syscall(SYS_uname, bad);
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, bad);
	syscall(SYS_getrandom, bad, 8, 0);
	syscall(SYS_getcwd, bad, 4096);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, bad, 0, 8);
	close(fd);
	return 0;
}
