/* O_PATH descriptors only name a file: no reading, writing, ioctl, mmap or fchmod, but
 * fstat, fchdir, dup, fcntl's descriptor commands and *at() calls relative to them work. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("open-path", 0);
	char file[300], buf[8];
	struct stat st;
	int fd, dfd, copy, n;

	snprintf(file, sizeof(file), "%s/file", dir);
	make_file(file, "content");
	SHOW(fd = open(file, O_PATH));
	SHOW(fcntl(fd, F_GETFL) == (O_PATH | O_RDONLY));
	SHOW(fd = open(file, O_PATH | O_RDWR | O_APPEND | O_NONBLOCK));
	printf("F_GETFL: %#x\n", fcntl(fd, F_GETFL));
	SHOW(read(fd, buf, 1));
	SHOW(write(fd, "x", 1));
	SHOW(pread(fd, buf, 1, 0));
	SHOW(lseek(fd, 0, SEEK_SET));
	SHOW(ioctl(fd, FIONREAD, &n));
	SHOW(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED);
	SHOW(errno == EBADF);
	SHOW(syscall(SYS_fchmod, fd, 0600)); /* musl's fchmod goes on by /proc/self/fd */
	SHOW(ftruncate(fd, 0));
	SHOW(fsync(fd));
	SHOW(fcntl(fd, F_SETFL, O_APPEND));
	SHOW(fstat(fd, &st));
	printf("size %ld\n", (long)st.st_size);
	SHOW(fstatat(fd, "", &st, AT_EMPTY_PATH));
	SHOW(copy = dup(fd));
	SHOW(fcntl(copy, F_SETFD, FD_CLOEXEC));
	SHOW(fcntl(copy, F_GETFD));
	SHOW(close(copy));

	SHOW(dfd = open(dir, O_PATH | O_DIRECTORY));
	SHOW(faccessat(dfd, "file", R_OK, 0));
	SHOW(copy = openat(dfd, "file", O_RDONLY));
	SHOW(read(copy, buf, 7));
	SHOW(close(copy));
	SHOW(getdents64(dfd, (void *)buf, sizeof(buf)));
	SHOW(fchdir(dfd));
	SHOW(access("file", F_OK));
	SHOW(chdir("/"));
	SHOW(close(dfd));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
