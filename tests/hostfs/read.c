/* Reading a mounted host directory: files, symlinks inside it, "." and ".." that stay inside,
 * positions, stat, and a MAP_PRIVATE mapping of a file. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "hostfs.h"

static void show_file(const char *path)
{
	char buf[256];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf));

	if (n < 0)
		printf("read %s: %s\n", path + strlen(root), errname(errno));
	else
		printf("read %s: %.*s", path + strlen(root), (int)n, buf);
	if (fd >= 0)
		close(fd);
}

static const char *type(mode_t mode)
{
	return S_ISREG(mode) ? "file" : S_ISDIR(mode) ? "directory" : S_ISLNK(mode) ? "symlink"
										 : "other";
}

int main(int argc, char **argv)
{
	char buf[256], one[4], two[8];
	struct stat st;

	if (argc < 2)
		return 2;
	root = argv[1];
	show_file(at("hello.txt"));
	show_file(at("sub/nested.txt"));
	show_file(at("link-in"));
	show_file(at("link-sub/nested.txt"));
	show_file(at("sub/../hello.txt"));
	show_file(at("./sub/./deeper/../nested.txt"));
	show_file(at("missing"));

	int fd = open(at("hello.txt"), O_RDONLY);
	CHECK(pread(fd, buf, 4, 6));
	printf("  %.4s\n", buf);
	CHECK(lseek(fd, 0, SEEK_END));
	CHECK(lseek(fd, -5, SEEK_END));
	CHECK(read(fd, buf, sizeof(buf)));
	CHECK(read(fd, buf, sizeof(buf)));
	CHECK(lseek(fd, 2, SEEK_SET));
	CHECK(lseek(fd, 3, SEEK_CUR));
	CHECK(lseek(fd, -10, SEEK_CUR));
	struct iovec iov[2] = { { one, sizeof(one) }, { two, sizeof(two) } };
	CHECK(readv(fd, iov, 2));
	printf("  [%.4s] [%.8s]\n", one, two);
	CHECK(pread(fd, buf, 4, 1000));
	CHECK(fstat(fd, &st));
	printf("  %s, %ld bytes, %ld link(s), mode %o\n", type(st.st_mode), (long)st.st_size,
	       (long)st.st_nlink, st.st_mode & 07777);
	CHECK(write(fd, "x", 1));

	/* ld.so maps libraries so: the file's bytes, then zeros to the page's end. */
	char *map = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED) {
		printf("mmap: %s\n", errname(errno));
	} else {
		printf("mmap: %.*s", (int)st.st_size, map);
		printf("  zeros after: %d\n", map[st.st_size] == 0 && map[4095] == 0);
		munmap(map, 8192);
	}
	CHECK(close(fd));

	CHECK(stat(at("sub"), &st));
	printf("  %s\n", type(st.st_mode));
	CHECK(lstat(at("link-in"), &st));
	printf("  %s, %ld bytes\n", type(st.st_mode), (long)st.st_size);
	CHECK(stat(at("link-in"), &st));
	printf("  %s, %ld bytes\n", type(st.st_mode), (long)st.st_size);
	CHECK(stat(at("hello.txt/"), &st));
	CHECK(stat(at("link-sub/"), &st));
	printf("  %s\n", type(st.st_mode));
	ssize_t n = readlink(at("link-in"), buf, sizeof(buf));
	printf("readlink link-in = %.*s\n", n < 0 ? 0 : (int)n, buf);
	CHECK(readlink(at("hello.txt"), buf, sizeof(buf)));
	CHECK(access(at("hello.txt"), R_OK));
	CHECK(access(at("missing"), F_OK));
	CHECK(open(at("sub"), O_WRONLY));
	CHECK(open(at("hello.txt"), O_RDONLY | O_DIRECTORY));
	CHECK(open(at("link-in"), O_RDONLY | O_NOFOLLOW));

	/* Relative to directory fds, ".." that stays in the mount. */
	int dir = open(root, O_RDONLY | O_DIRECTORY);
	int sub = openat(dir, "sub", O_RDONLY | O_DIRECTORY);
	fd = openat(sub, "../hello.txt", O_RDONLY);
	CHECK(fd >= 0 ? read(fd, buf, 5) : -1);
	printf("  %.5s\n", buf);
	close(fd);
	fd = openat(sub, "deeper/../../link-sub/nested.txt", O_RDONLY);
	CHECK(fd >= 0 ? read(fd, buf, 6) : -1);
	printf("  %.6s\n", buf);
	close(fd);
	CHECK(fstatat(sub, "..", &st, 0));
	printf("  %s\n", type(st.st_mode));
	CHECK(faccessat(dir, "sub/nested.txt", R_OK, 0));
	close(sub);
	close(dir);
	return 0;
}
