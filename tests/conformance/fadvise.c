/* posix_fadvise(2) (fadvise64) and readahead(2): advice taken on files and directories, the
 * errors for pipes, bad advice, bad lengths and bad fds. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int fd, wo, dfd, path_fd, pipe_fds[2];

	umask(022);
	SHOW(chdir(test_dir("fadvise", 0)));
	make_file("f", "0123456789");
	SHOW(fd = open("f", O_RDONLY));
	for (int advice = 0; advice <= 6; advice++) {
		printf("advice %d: ", advice);
		SHOW(syscall(SYS_fadvise64, fd, 0, 0, advice));
	}
	SHOW(posix_fadvise(fd, 0, 10, POSIX_FADV_SEQUENTIAL));
	SHOW(posix_fadvise(fd, 0, 10, 99));
	SHOW(syscall(SYS_fadvise64, fd, 100L, 1L << 20, POSIX_FADV_WILLNEED));
	SHOW(syscall(SYS_fadvise64, fd, 0L, -1L, POSIX_FADV_NORMAL));
	SHOW(syscall(SYS_fadvise64, fd, 0L, -1L, 99));
	SHOW(dfd = open(".", O_RDONLY | O_DIRECTORY));
	SHOW(syscall(SYS_fadvise64, dfd, 0, 0, POSIX_FADV_DONTNEED));
	SHOW(wo = open("f", O_WRONLY));
	SHOW(syscall(SYS_fadvise64, wo, 0, 0, POSIX_FADV_DONTNEED));
	SHOW(pipe(pipe_fds));
	SHOW(syscall(SYS_fadvise64, pipe_fds[0], 0, 0, POSIX_FADV_NORMAL));
	SHOW(syscall(SYS_fadvise64, pipe_fds[1], 0, 0, 99));
	SHOW(posix_fadvise(pipe_fds[0], 0, 0, POSIX_FADV_NORMAL));
	SHOW(path_fd = open("f", O_PATH));
	SHOW(syscall(SYS_fadvise64, path_fd, 0, 0, POSIX_FADV_NORMAL));
	SHOW(syscall(SYS_fadvise64, 99, 0, 0, POSIX_FADV_NORMAL));
	SHOW(syscall(SYS_fadvise64, -1, 0, 0, 99));
	SHOW(posix_fadvise(99, 0, 0, POSIX_FADV_NORMAL));

	SHOW(readahead(fd, 0, 4096));
	SHOW(readahead(fd, 1 << 20, 0));
	SHOW(readahead(fd, 0, (size_t)-1));
	SHOW(readahead(wo, 0, 10));
	SHOW(readahead(dfd, 0, 10));
	SHOW(readahead(pipe_fds[0], 0, 10));
	SHOW(readahead(path_fd, 0, 10));
	SHOW(readahead(99, 0, 10));
	close(fd);
	close(wo);
	close(dfd);
	close(path_fd);
	return 0;
}
