/* statfs(2) and fstatfs(2) on a tmpfs: its magic number and sane block counts. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#define TMPFS_MAGIC 0x01021994

int main(void)
{
	struct statfs a, b;
	int fd;

	umask(022);
	SHOW(chdir(test_dir("statfs", 1)));
	SHOW(statfs(".", &a));
	printf("type %lx bsize %ld frsize %ld namelen %ld\n", (long)a.f_type, (long)a.f_bsize,
	       (long)a.f_frsize, (long)a.f_namelen);
	printf("blocks: total > 0 %d, free <= total %d, avail == free %d\n", a.f_blocks > 0,
	       a.f_bfree <= a.f_blocks, a.f_bavail == a.f_bfree);
	printf("files: total > 0 %d, free <= total %d\n", a.f_files > 0, a.f_ffree <= a.f_files);
	make_file("f", "x");
	SHOW(fd = open("f", O_RDONLY));
	SHOW(fstatfs(fd, &b));
	printf("same type %d, same total %d\n", a.f_type == b.f_type, a.f_blocks == b.f_blocks);
	SHOW(close(fd));
	SHOW(fd = open("f", O_PATH));
	SHOW(fstatfs(fd, &b));
	SHOW(close(fd));
	SHOW(statfs("f", &b));
	printf("file type %lx\n", (long)b.f_type);
	SHOW(statfs("missing", &b));
	SHOW(statfs("f/x", &b));
	SHOW(statfs("", &b));
	/* musl's wrappers clear the buffer first: the bad pointers go to the calls themselves. */
	SHOW(syscall(SYS_statfs, (const char *)0x1000, &b));
	SHOW(syscall(SYS_statfs, ".", (struct statfs *)0x1000));
	SHOW(fstatfs(99, &b));
	SHOW(syscall(SYS_fstatfs, 0, (struct statfs *)0x1000));
	SHOW(chdir("/"));
	remove_tree(test_dir("statfs", 1));
	return 0;
}
