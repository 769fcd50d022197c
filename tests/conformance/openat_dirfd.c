/* openat(2) and the *at() calls: paths relative to a directory fd, AT_FDCWD, absolute paths
 * that ignore the fd, and the errors for fds that are not directories or not open. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("openat-dirfd", 0);
	char path[300];
	struct stat st;
	int dfd, fd, file_fd;

	SHOW(dfd = open(dir, O_RDONLY | O_DIRECTORY));
	SHOW(fd = openat(dfd, "created", O_CREAT | O_WRONLY, 0640));
	SHOW(write(fd, "abc", 3));
	SHOW(close(fd));
	snprintf(path, sizeof(path), "%s/created", dir);
	show_node(path);
	SHOW(fstatat(dfd, "created", &st, 0));
	printf("size %ld\n", (long)st.st_size);
	SHOW(mkdirat(dfd, "sub", 0755));
	SHOW(fd = openat(dfd, "sub/../created", O_RDONLY));
	SHOW(close(fd));
	SHOW(fd = openat(dfd, "/dev/null", O_RDONLY));
	SHOW(close(fd));
	SHOW(fd = openat(999, "/dev/null", O_RDONLY));
	SHOW(close(fd));
	SHOW(openat(999, "created", O_RDONLY));
	SHOW(openat(-5, "created", O_RDONLY));
	SHOW(file_fd = openat(dfd, "created", O_RDONLY));
	SHOW(openat(file_fd, "x", O_RDONLY));
	SHOW(openat(file_fd, "", O_RDONLY));
	SHOW(fstatat(file_fd, "", &st, AT_EMPTY_PATH));
	SHOW(fstatat(file_fd, "", &st, 0));
	SHOW(unlinkat(dfd, "sub", 0));
	SHOW(unlinkat(dfd, "sub", AT_REMOVEDIR));
	SHOW(unlinkat(dfd, "created", AT_REMOVEDIR));
	SHOW(unlinkat(dfd, "created", 0x1));
	SHOW(unlinkat(dfd, "created", 0));
	SHOW(faccessat(dfd, "created", F_OK, 0));
	SHOW(fchdir(dfd));
	SHOW(fd = openat(AT_FDCWD, "new", O_CREAT | O_RDWR, 0600));
	SHOW(close(fd));
	SHOW(faccessat(dfd, "new", R_OK | W_OK, 0));
	SHOW(fchdir(file_fd));
	SHOW(chdir("/"));
	SHOW(close(file_fd));
	SHOW(close(dfd));
	remove_tree(dir);
	return 0;
}
