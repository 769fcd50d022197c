/* Leaving a mounted host directory: ".." above it, absolute symlinks and symlinks that climb
 * out, from paths, from the cwd and from directory fds, for reading and for changes. The
 * host resolves beneath the mounted directory, so each fails with its errno (EXDEV; ELOOP for
 * a loop); ".." and symlinks that stay inside work. argv[1] is the mounted directory. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "hostfs.h"

static void try_open(const char *label, int dir, const char *path, int flags)
{
	char buf[32];
	int fd = openat(dir, path, flags, 0644);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf));

	if (fd < 0)
		printf("%s: open %s: %s\n", label, path, errname(errno));
	else if (n < 0)
		printf("%s: open %s: fd, read %s\n", label, path, errname(errno));
	else
		printf("%s: open %s: [%.*s]\n", label, path, (int)n, buf);
	if (fd >= 0)
		close(fd);
}

int main(int argc, char **argv)
{
	char buf[256];
	struct stat st;

	if (argc < 2)
		return 2;
	root = argv[1];
	try_open("above", AT_FDCWD, at("../outside.txt"), O_RDONLY);
	try_open("above", AT_FDCWD, at("sub/../../outside.txt"), O_RDONLY);
	try_open("above", AT_FDCWD, at(".."), O_RDONLY | O_DIRECTORY);
	try_open("absolute symlink", AT_FDCWD, at("link-out"), O_RDONLY);
	try_open("climbing symlink", AT_FDCWD, at("link-up"), O_RDONLY);
	try_open("climbing symlink", AT_FDCWD, at("link-up"), O_WRONLY | O_CREAT);
	try_open("symlink loop", AT_FDCWD, at("loop"), O_RDONLY);
	try_open("inside", AT_FDCWD, at("link-in"), O_RDONLY);
	try_open("inside", AT_FDCWD, at("sub/../link-sub/nested.txt"), O_RDONLY);
	CHECK(stat(at("link-out"), &st));
	CHECK(lstat(at("link-out"), &st));
	ssize_t n = readlink(at("link-out"), buf, sizeof(buf));
	printf("readlink link-out = %.*s\n", n < 0 ? 0 : (int)n, buf);
	CHECK(stat(at("link-up"), &st));
	CHECK(access(at("../outside.txt"), F_OK));

	/* Changes through the same ways out. */
	CHECK(mkdir(at("../made"), 0755));
	CHECK(mkdir(at("link-out/made"), 0755));
	CHECK(rename(at("hello.txt"), at("../stolen")));
	CHECK(link(at("hello.txt"), at("../stolen")));
	CHECK(linkat(AT_FDCWD, at("link-out"), AT_FDCWD, at("stolen"), AT_SYMLINK_FOLLOW));
	CHECK(symlink("/etc/passwd", at("../planted")));
	CHECK(unlink(at("../outside.txt")));
	CHECK(chmod(at("link-up"), 0777));
	CHECK(truncate(at("link-up"), 0));

	/* From the cwd and from directory fds. */
	CHECK(chdir(at("sub")));
	try_open("cwd", AT_FDCWD, "../../outside.txt", O_RDONLY);
	try_open("cwd", AT_FDCWD, "../hello.txt", O_RDONLY);
	try_open("cwd", AT_FDCWD, "deeper/../../link-in", O_RDONLY);
	CHECK(chdir(".."));
	CHECK(chdir(".."));
	printf("getcwd = %s\n", getcwd(buf, sizeof(buf)) ? buf : "?");
	int dir = open(root, O_RDONLY | O_DIRECTORY);
	int sub = openat(dir, "sub", O_RDONLY | O_DIRECTORY);
	try_open("dirfd", dir, "../outside.txt", O_RDONLY);
	try_open("dirfd", sub, "../../outside.txt", O_RDONLY);
	try_open("dirfd", sub, "../hello.txt", O_RDONLY);
	CHECK(mkdirat(sub, "../../made", 0755));
	CHECK(fstatat(dir, "..", &st, 0));
	close(sub);
	close(dir);
	return 0;
}
