/* /proc/self/fd/N names each open fd: a file's path as it is now (renamed, deleted), a
 * directory's, "pipe:[ino]", "anon_inode:[eventfd]"; its mode says how the fd is open. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static char dir[256];

/* The fd's link, with the test directory shown as DIR. */
static void show_link(int fd)
{
	char path[64], target[512];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	if (n < 0) {
		printf("fd %d: %s\n", fd, errno_name(errno));
		return;
	}
	target[n] = 0;
	size_t len = strlen(dir);
	if (!strncmp(target, dir, len))
		printf("fd %d -> DIR%s", fd, target + len);
	else if (!strncmp(target, "pipe:[", 6))
		printf("fd %d -> pipe:[...] %d", fd, target[n - 1] == ']');
	else
		printf("fd %d -> %s", fd, target);
	if (!lstat(path, &st))
		printf(" (mode %04o, symlink %d)", st.st_mode & 07777, S_ISLNK(st.st_mode));
	printf("\n");
}

int main(void)
{
	int fd, ro, wo, dirfd, path, efd, p[2];
	char buf[8];

	umask(022);
	snprintf(dir, sizeof(dir), "%s", test_dir("proc_fd", 0));
	SHOW(chdir(dir));
	SHOW(mkdir("sub", 0755));
	SHOW(fd = open("f", O_CREAT | O_RDWR, 0644));
	SHOW(ro = open("f", O_RDONLY));
	SHOW(wo = open("sub/../f", O_WRONLY));
	SHOW(dirfd = open("sub", O_RDONLY | O_DIRECTORY));
	SHOW(path = open("f", O_PATH));
	show_link(fd);
	show_link(ro);
	show_link(wo);
	show_link(dirfd);
	show_link(path);
	SHOW(rename("f", "sub/g"));
	show_link(fd);
	SHOW(rename("sub", "moved"));
	show_link(ro);
	show_link(dirfd);
	SHOW(link("moved/g", "h"));
	SHOW(unlink("moved/g"));
	show_link(wo);
	SHOW(unlink("h"));
	show_link(fd);
	SHOW(rmdir("moved"));
	show_link(dirfd);
	SHOW(close(fd));
	show_link(fd);
	SHOW(close(ro));
	SHOW(close(wo));
	SHOW(close(dirfd));
	SHOW(close(path));

	SHOW(pipe(p));
	show_link(p[0]);
	show_link(p[1]);
	char a[64], b[64], la[64], lb[64];
	snprintf(a, sizeof(a), "/proc/self/fd/%d", p[0]);
	snprintf(b, sizeof(b), "/proc/self/fd/%d", p[1]);
	ssize_t na = readlink(a, la, sizeof(la)), nb = readlink(b, lb, sizeof(lb));
	printf("both ends name one pipe: %d\n", na > 0 && na == nb && !memcmp(la, lb, (size_t)na));
	SHOW(efd = eventfd(0, 0));
	show_link(efd);
	SHOW(readlink(a, buf, 3));
	printf("\"%.3s\"\n", buf);
	SHOW(syscall(SYS_readlink, a, buf, 0));
	SHOW(readlink(a, (char *)0x1000, 8));
	SHOW(readlink("/proc/self/fd/999", buf, sizeof(buf)));
	SHOW(readlink("/proc/self/fd/01", buf, sizeof(buf)));
	SHOW(readlink("/proc/self/fd/x", buf, sizeof(buf)));
	SHOW(readlink("/proc/self/fd/-1", buf, sizeof(buf)));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	SHOW(close(efd));
	SHOW(chdir("/"));
	remove_tree(dir);
	return 0;
}
