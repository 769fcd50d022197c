/* The names musl-uni gives files of a mounted host directory: getcwd, /proc/self/fd, the
 * cwd link, a removed file's "(deleted)", realpath through symlinks. argv[1] is the mount. */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>
#include "hostfs.h"

static void show_fd(int fd)
{
	char link[64], target[256];

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, target, sizeof(target));
	printf("fd -> %.*s\n", n < 0 ? 0 : (int)n, n < 0 ? "" : target);
}

int main(int argc, char **argv)
{
	char buf[PATH_MAX];
	struct statfs fs;

	if (argc < 2)
		return 2;
	root = argv[1];
	CHECK(chdir(at("link-sub")));
	printf("getcwd = %s\n", getcwd(buf, sizeof(buf)));
	ssize_t n = readlink("/proc/self/cwd", buf, sizeof(buf));
	printf("cwd -> %.*s\n", n < 0 ? 0 : (int)n, buf);
	CHECK(chdir("deeper"));
	printf("getcwd = %s\n", getcwd(buf, sizeof(buf)));
	CHECK(chdir("/"));
	int fd = open(at("link-in"), O_RDONLY);
	show_fd(fd);
	snprintf(buf, sizeof(buf), "/proc/self/fd/%d", fd);
	int again = open(buf, O_RDONLY);
	CHECK(read(again, buf, 5));
	close(again);
	close(fd);
	fd = open(root, O_RDONLY | O_DIRECTORY);
	show_fd(fd);
	CHECK(fstatfs(fd, &fs));
	close(fd);
	printf("realpath = %s\n", realpath(at("link-sub/deeper/../nested.txt"), buf) ? buf : "?");
	fd = open(at("scratch"), O_CREAT | O_RDWR, 0644);
	CHECK(unlink(at("scratch")));
	show_fd(fd);
	close(fd);
	CHECK(mkdir(at("gone"), 0755));
	CHECK(chdir(at("gone")));
	CHECK(rmdir(at("gone")));
	CHECK(getcwd(buf, sizeof(buf)) ? 0 : -1);
	return 0;
}
