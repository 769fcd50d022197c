/* faccessat2(2)'s flags: AT_SYMLINK_NOFOLLOW looks at the link itself (a dangling one is
 * there), AT_EACCESS changes nothing for root, AT_EMPTY_PATH checks the fd's file; unknown
 * flags are EINVAL. faccessat(2) has no flags argument at all. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static long faccessat2(int dirfd, const char *path, int mode, int flags)
{
	return syscall(SYS_faccessat2, dirfd, path, mode, flags);
}

int main(void)
{
	const char *dir = test_dir("faccessat2-flags", 0);
	char path[300];
	int dfd, fd;

	SHOW(dfd = open(dir, O_RDONLY | O_DIRECTORY));
	SHOW(symlinkat("nowhere", dfd, "dangling"));
	SHOW(symlinkat("plain", dfd, "to-plain"));
	snprintf(path, sizeof(path), "%s/plain", dir);
	make_file(path, "x");
	SHOW(chmod(path, 0600));
	SHOW(faccessat2(dfd, "dangling", F_OK, 0));
	SHOW(faccessat2(dfd, "dangling", F_OK, AT_SYMLINK_NOFOLLOW));
	SHOW(faccessat2(dfd, "dangling", X_OK, AT_SYMLINK_NOFOLLOW));
	SHOW(faccessat2(dfd, "to-plain", X_OK, 0));
	SHOW(faccessat2(dfd, "to-plain", X_OK, AT_SYMLINK_NOFOLLOW));
	SHOW(faccessat2(dfd, "plain", R_OK | W_OK, AT_EACCESS));
	SHOW(faccessat2(dfd, "plain", X_OK, AT_EACCESS));
	SHOW(faccessat2(dfd, "plain", F_OK, 0x1));
	SHOW(faccessat2(dfd, "plain", F_OK, AT_REMOVEDIR));
	SHOW(faccessat2(dfd, "plain", 8, 0));
	SHOW(fd = openat(dfd, "plain", O_RDONLY));
	SHOW(faccessat2(fd, "", R_OK, AT_EMPTY_PATH));
	SHOW(faccessat2(fd, "", X_OK, AT_EMPTY_PATH));
	SHOW(faccessat2(fd, "", R_OK, 0));
	SHOW(faccessat2(dfd, "", X_OK, AT_EMPTY_PATH));
	SHOW(faccessat2(AT_FDCWD, "", F_OK, AT_EMPTY_PATH));
	SHOW(faccessat2(fd, "x", F_OK, 0));
	SHOW(faccessat2(999, "plain", F_OK, 0));
	SHOW(faccessat2(999, "/", F_OK, 0));
	SHOW(syscall(SYS_faccessat, dfd, "plain", R_OK, AT_SYMLINK_NOFOLLOW));
	SHOW(syscall(SYS_faccessat, dfd, "dangling", F_OK, AT_SYMLINK_NOFOLLOW));
	SHOW(close(fd));
	SHOW(close(dfd));
	remove_tree(dir);
	return 0;
}
