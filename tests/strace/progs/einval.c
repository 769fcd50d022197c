/* Arguments out of range: EINVAL. */
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	char buf[8] = { 0 };
	int fd;

	getppid();
	fd = open("/dev/zero", O_RDONLY);
	lseek(fd, 0, 7);
	fcntl(fd, 1234);
	syscall(SYS_getrandom, buf, sizeof(buf), 0x40);
	syscall(SYS_clock_gettime, 1234, buf);
	syscall(SYS_rt_sigprocmask, 7, buf, 0, 8);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, 0, 0, 4);
	syscall(SYS_access, "/dev/zero", 0x10);
	close(fd);
	return 0;
}
