/* statx(2): the basic fields agree with stat(2); flags, mask and the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

struct statx_buf {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad1;
	uint64_t ino, size, blocks, attributes_mask;
	struct {
		int64_t tv_sec;
		uint32_t tv_nsec;
		int32_t pad;
	} atime, btime, ctime, mtime;
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t rest[14];
};

#ifndef STATX_TYPE
#define STATX_TYPE 0x1u
#endif
#ifndef AT_STATX_FORCE_SYNC
#define AT_STATX_FORCE_SYNC 0x2000
#define AT_STATX_DONT_SYNC 0x4000
#endif
#define BASIC_STATS 0x7ffu
#define ALL 0xfffu

static long do_statx(int dirfd, const char *path, int flags, unsigned mask, struct statx_buf *b)
{
	memset(b, 0xee, sizeof(*b));
	return syscall(SYS_statx, dirfd, path, flags, mask, b);
}

static void compare(const char *path, int flags)
{
	struct statx_buf b;
	struct stat st;

	long r = do_statx(AT_FDCWD, path, flags, BASIC_STATS, &b);
	int s = flags & AT_SYMLINK_NOFOLLOW ? lstat(path, &st) : stat(path, &st);
	if (r || s) {
		printf("%s: statx %ld stat %d %s\n", path, r, s, errno_name(errno));
		return;
	}
	printf("%s: basic %s mode %o nlink %u size %llu blksize %u ino %s blocks %s uid %u "
	       "gid %u\n",
	       path, (b.mask & BASIC_STATS) == BASIC_STATS ? "all" : "missing", b.mode, b.nlink,
	       (unsigned long long)b.size, b.blksize, b.ino == st.st_ino ? "same" : "differs",
	       b.blocks == (uint64_t)st.st_blocks ? "same" : "differs", b.uid, b.gid);
	printf("  times same: %d %d %d, rdev %u:%u, pads %u %u\n",
	       b.atime.tv_sec == st.st_atim.tv_sec && b.atime.tv_nsec == st.st_atim.tv_nsec,
	       b.mtime.tv_sec == st.st_mtim.tv_sec && b.mtime.tv_nsec == st.st_mtim.tv_nsec,
	       b.ctime.tv_sec == st.st_ctim.tv_sec && b.ctime.tv_nsec == st.st_ctim.tv_nsec,
	       b.rdev_major, b.rdev_minor, b.pad1, (unsigned)b.atime.pad);
}

int main(void)
{
	struct statx_buf b;
	int fd;

	umask(022);
	SHOW(chdir(test_dir("statx", 1)));
	make_file("f", "twelve bytes");
	SHOW(mkdir("d", 0750));
	SHOW(symlink("f", "link"));
	compare("f", 0);
	compare("d", 0);
	compare("link", 0);
	compare("link", AT_SYMLINK_NOFOLLOW);
	compare("/dev/null", 0);
	SHOW(do_statx(AT_FDCWD, "f", 0, ALL, &b));
	printf("mask %x (basic and btime), btime set %d, attributes %llx mask %llx\n",
	       b.mask & (BASIC_STATS | 0x800), b.btime.tv_sec > 0,
	       (unsigned long long)b.attributes, (unsigned long long)b.attributes_mask & 0x2074);
	SHOW(do_statx(AT_FDCWD, "f", 0, 0, &b));
	/* Since Linux 6.13 (multigrain timestamps) mtime and ctime come only when asked for. */
	printf("mask 0: basic %x\n", b.mask & BASIC_STATS & ~0xc0u);
	SHOW(do_statx(AT_FDCWD, "f", 0, STATX_TYPE, &b));
	printf("type only: mode %o size %llu\n", b.mode, (unsigned long long)b.size);
	SHOW(fd = open("f", O_RDONLY));
	SHOW(do_statx(fd, "", AT_EMPTY_PATH, BASIC_STATS, &b));
	printf("empty path: size %llu\n", (unsigned long long)b.size);
	SHOW(do_statx(fd, "", 0, BASIC_STATS, &b));
	SHOW(do_statx(fd, "x", 0, BASIC_STATS, &b));
	SHOW(close(fd));
	SHOW(do_statx(AT_FDCWD, "f", AT_STATX_FORCE_SYNC, BASIC_STATS, &b));
	SHOW(do_statx(AT_FDCWD, "f", AT_STATX_DONT_SYNC, BASIC_STATS, &b));
	SHOW(do_statx(AT_FDCWD, "f", AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, BASIC_STATS, &b));
	SHOW(do_statx(AT_FDCWD, "f", 0x1, BASIC_STATS, &b));
	SHOW(do_statx(AT_FDCWD, "f", 0, 0x80000000u, &b));
	SHOW(do_statx(AT_FDCWD, "missing", 0, BASIC_STATS, &b));
	SHOW(do_statx(AT_FDCWD, "f/", 0, BASIC_STATS, &b));
	SHOW(do_statx(AT_FDCWD, "", 0, BASIC_STATS, &b));
	SHOW(do_statx(99, "f", 0, BASIC_STATS, &b));
	SHOW(do_statx(99, "", AT_EMPTY_PATH, BASIC_STATS, &b));
	SHOW(syscall(SYS_statx, AT_FDCWD, "f", 0, BASIC_STATS, (void *)0x1000));
	SHOW(syscall(SYS_statx, AT_FDCWD, (void *)0x1000, 0, BASIC_STATS, &b));
	SHOW(chdir("/"));
	remove_tree(test_dir("statx", 1));
	return 0;
}
