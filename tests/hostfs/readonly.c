/* A read-only mount: everything that would change it fails with EROFS, in Linux's order of
 * checks (an existing name still gives EEXIST, a missing one ENOENT where Linux looks first);
 * reading works. argv[1] is the read-only mount. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "hostfs.h"

int main(int argc, char **argv)
{
	char buf[64];
	struct statvfs sv;

	if (argc < 2)
		return 2;
	root = argv[1];
	int fd = open(at("file.txt"), O_RDONLY);
	CHECK(read(fd, buf, sizeof(buf)));
	close(fd);
	CHECK(open(at("file.txt"), O_WRONLY));
	CHECK(open(at("file.txt"), O_RDWR));
	CHECK(open(at("file.txt"), O_RDONLY | O_TRUNC));
	CHECK(fd = open(at("file.txt"), O_RDONLY | O_CREAT, 0644));
	close(fd);
	CHECK(open(at("file.txt"), O_RDONLY | O_CREAT | O_EXCL, 0644));
	CHECK(open(at("new.txt"), O_WRONLY | O_CREAT, 0644));
	CHECK(open(at("dir"), O_RDWR));
	CHECK(open(at("missing/new.txt"), O_WRONLY | O_CREAT, 0644));
	CHECK(mkdir(at("newdir"), 0755));
	CHECK(mkdir(at("dir"), 0755));
	CHECK(rmdir(at("dir")));
	CHECK(rmdir(at("missing")));
	CHECK(unlink(at("file.txt")));
	CHECK(unlink(at("missing")));
	CHECK(rename(at("file.txt"), at("moved.txt")));
	CHECK(link(at("file.txt"), at("linked.txt")));
	CHECK(link(at("file.txt"), at("dir")));
	CHECK(symlink("file.txt", at("sym")));
	CHECK(chmod(at("file.txt"), 0600));
	CHECK(utimensat(AT_FDCWD, at("file.txt"), NULL, 0));
	CHECK(truncate(at("file.txt"), 0));
	CHECK(truncate(at("dir"), 0));
	CHECK(access(at("file.txt"), W_OK));
	CHECK(access(at("file.txt"), R_OK));
	CHECK(statvfs(root, &sv));
	printf("  ST_RDONLY %s\n", sv.f_flag & ST_RDONLY ? "set" : "not set");
	fd = open(at("file.txt"), O_RDONLY);
	CHECK(fchmod(fd, 0600));
	CHECK(ftruncate(fd, 0));
	CHECK(write(fd, "x", 1));
	close(fd);
	return 0;
}
