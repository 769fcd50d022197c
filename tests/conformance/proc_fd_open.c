/* Opening /proc/self/fd/N opens the fd's file anew: a new open file description with its own
 * offset and mode, even for a file without a name any more, or a pipe; not an eventfd. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static char *fd_path(int fd)
{
	static char path[64];

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return path;
}

int main(void)
{
	int fd, again, p[2], efd;
	char buf[128];
	struct stat st;

	umask(022);
	SHOW(chdir(test_dir("proc_fd_open", 0)));
	SHOW(fd = open("f", O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "0123456789", 10));
	SHOW(again = open(fd_path(fd), O_RDONLY));
	printf("same file: %d\n", same_inode(fd_path(fd), "f"));
	SHOW(lseek(again, 0, SEEK_CUR));
	SHOW(read(again, buf, 4));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(write(again, "x", 1));
	SHOW(fcntl(again, F_GETFL) & O_ACCMODE);
	SHOW(close(again));
	SHOW(unlink("f"));
	SHOW(stat(fd_path(fd), &st));
	printf("nlink %ld size %ld\n", (long)st.st_nlink, (long)st.st_size);
	SHOW(again = open(fd_path(fd), O_RDWR | O_APPEND));
	SHOW(write(again, "ab", 2));
	SHOW(fstat(fd, &st));
	printf("size %ld\n", (long)st.st_size);
	SHOW(close(again));
	SHOW(again = open(fd_path(fd), O_RDONLY | O_TRUNC));
	SHOW(fstat(fd, &st));
	printf("size %ld\n", (long)st.st_size);
	SHOW(close(again));
	SHOW(open(fd_path(fd), O_RDONLY | O_DIRECTORY));
	SHOW(open(fd_path(fd), O_CREAT | O_EXCL | O_RDWR, 0644));
	SHOW(again = open(fd_path(fd), O_RDONLY | O_NOFOLLOW));
	SHOW(again = open(fd_path(fd), O_PATH | O_NOFOLLOW));
	SHOW(fstat(again, &st));
	printf("symlink %d\n", S_ISLNK(st.st_mode));
	SHOW(close(again));
	SHOW(close(fd));
	SHOW(open(fd_path(fd), O_RDONLY));

	SHOW(mkdir("d", 0755));
	SHOW(fd = open("d", O_RDONLY | O_DIRECTORY));
	snprintf(buf, sizeof(buf), "%s/", fd_path(fd));
	SHOW(again = open(buf, O_RDONLY));
	SHOW(close(again));
	snprintf(buf, sizeof(buf), "%s/x", fd_path(fd));
	SHOW(close(open(buf, O_CREAT | O_WRONLY, 0644)));
	SHOW(access("d/x", F_OK));
	SHOW(close(fd));

	SHOW(pipe(p));
	SHOW(stat(fd_path(p[0]), &st));
	printf("fifo %d\n", S_ISFIFO(st.st_mode));
	SHOW(again = open(fd_path(p[0]), O_WRONLY));
	SHOW(fcntl(again, F_GETFL) & O_ACCMODE);
	SHOW(write(again, "via proc", 8));
	SHOW(close(p[1]));
	SHOW(read(p[0], buf, sizeof(buf)));
	printf("\"%.8s\"\n", buf);
	SHOW(close(again));
	SHOW(read(p[0], buf, sizeof(buf)));
	SHOW(close(p[0]));

	SHOW(efd = eventfd(0, 0));
	SHOW(open(fd_path(efd), O_RDWR));
	SHOW(again = open(fd_path(efd), O_PATH));
	SHOW(fstat(again, &st));
	printf("mode %o\n", st.st_mode);
	SHOW(close(again));
	SHOW(close(efd));
	SHOW(chdir("/"));
	remove_tree(test_dir("proc_fd_open", 0));
	return 0;
}
