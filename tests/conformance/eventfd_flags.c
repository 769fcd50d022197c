/* eventfd2(2)'s flags, and what the fd is: an anonymous inode, read-write, that lseek leaves
 * at 0 and pread refuses. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	uint64_t value = 1;
	struct stat st;
	int fd, n;

	SHOW(fd = eventfd(0, 0));
	SHOW(fcntl(fd, F_GETFL));
	SHOW(fcntl(fd, F_GETFD));
	SHOW(fstat(fd, &st));
	printf("mode %o nlink %ld size %ld\n", st.st_mode, (long)st.st_nlink, (long)st.st_size);
	SHOW(lseek(fd, 100, SEEK_SET));
	SHOW(lseek(fd, 1, SEEK_CUR));
	SHOW(lseek(fd, 0, SEEK_END));
	SHOW(lseek(fd, 0, 99));
	SHOW(pread(fd, &value, 8, 0));
	SHOW(pwrite(fd, &value, 8, 0));
	SHOW(ioctl(fd, FIONREAD, &n));
	SHOW(ftruncate(fd, 0));
	SHOW(fsync(fd));
	SHOW(close(fd));
	SHOW(fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE));
	SHOW(fcntl(fd, F_GETFL) == (O_RDWR | O_NONBLOCK));
	SHOW(fcntl(fd, F_GETFD));
	SHOW(close(fd));
	SHOW(eventfd(0, O_APPEND));
	SHOW(eventfd(0, O_RDWR));
	SHOW(eventfd(0, -1));
	SHOW(fd = (int)syscall(SYS_eventfd2, 4, 0));
	SHOW(read(fd, &value, 8));
	SHOW(value);
	SHOW(close(fd));
	return 0;
}
