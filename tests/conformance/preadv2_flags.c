/* preadv2(2) and pwritev2(2): offset -1 means the file position (and moves it), RWF_APPEND
 * and RWF_NOAPPEND override O_APPEND for one call, and the flags tmpfs cannot do are
 * EOPNOTSUPP, but only when there is something to transfer. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

/* <linux/fs.h>'s values, which not every libc's headers have. */
#undef RWF_HIPRI
#undef RWF_DSYNC
#undef RWF_SYNC
#undef RWF_NOWAIT
#undef RWF_APPEND
#undef RWF_NOAPPEND
#undef RWF_ATOMIC
#define RWF_HIPRI 0x01
#define RWF_DSYNC 0x02
#define RWF_SYNC 0x04
#define RWF_NOWAIT 0x08
#define RWF_APPEND 0x10
#define RWF_NOAPPEND 0x20
#define RWF_ATOMIC 0x40

/* The system call itself: libc wrappers differ in what they check. */
static long p2(int nr, int fd, const struct iovec *iov, int count, long offset, int flags)
{
	return syscall(nr, fd, iov, count, offset, 0L, flags);
}

int main(void)
{
	const char *dir = test_dir("preadv2-flags", 1);
	char path[300], buf[16] = { 0 };
	int fd, ap;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "0123456789", 10));
	SHOW(lseek(fd, 2, SEEK_SET));
	struct iovec in = { buf, 3 }, out = { "xy", 2 };
	SHOW(p2(SYS_preadv2, fd, &in, 1, -1, 0));
	printf("read %.3s, now at %ld\n", buf, (long)lseek(fd, 0, SEEK_CUR));
	SHOW(p2(SYS_pwritev2, fd, &out, 1, -1, 0));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(p2(SYS_preadv2, fd, &in, 1, -2, 0));
	SHOW(p2(SYS_preadv2, fd, &in, 1, 0, RWF_HIPRI));
	SHOW(p2(SYS_preadv2, fd, &in, 1, 0, RWF_DSYNC | RWF_SYNC));
	SHOW(p2(SYS_preadv2, fd, &in, 1, 0, RWF_NOWAIT));
	SHOW(p2(SYS_pwritev2, fd, &out, 1, 0, RWF_NOWAIT));
	SHOW(p2(SYS_preadv2, fd, &in, 1, 0, RWF_ATOMIC));
	SHOW(p2(SYS_preadv2, fd, &in, 1, 0, 0x10000000));
	SHOW(p2(SYS_preadv2, fd, &in, 0, 0, 0x10000000));
	struct iovec empty = { buf, 0 };
	SHOW(p2(SYS_preadv2, fd, &empty, 1, 0, 0x10000000));

	SHOW(p2(SYS_pwritev2, fd, &out, 1, 0, RWF_APPEND));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(p2(SYS_pwritev2, fd, &out, 1, -1, RWF_APPEND));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(ap = open(path, O_WRONLY | O_APPEND));
	SHOW(p2(SYS_pwritev2, ap, &out, 1, 0, RWF_NOAPPEND));
	SHOW(p2(SYS_pwritev2, ap, &out, 1, 0, 0));
	SHOW(pread(fd, buf, sizeof(buf) - 1, 0));
	printf("file: %s\n", buf);
	SHOW(p2(SYS_preadv2, 999, &in, 1, -1, 0));
	SHOW(close(ap));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
