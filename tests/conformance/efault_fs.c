/* Bad pointers given to the file system calls: EFAULT, nothing changes, nothing crashes. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	void *bad = (void *)0x1000;
	char *code = (char *)main;
	int fd, dfd;

	umask(022);
	SHOW(chdir(test_dir("efault_fs", 0)));
	make_file("f", "x");
	SHOW(mkdir("d", 0755));
	SHOW(symlink("f", "link"));
	SHOW(syscall(SYS_mkdir, bad, 0755));
	SHOW(syscall(SYS_mkdirat, AT_FDCWD, bad, 0755));
	SHOW(syscall(SYS_rmdir, bad));
	SHOW(syscall(SYS_unlink, bad));
	SHOW(syscall(SYS_unlinkat, AT_FDCWD, bad, AT_REMOVEDIR));
	SHOW(syscall(SYS_rename, bad, "g"));
	SHOW(syscall(SYS_rename, "f", bad));
	SHOW(syscall(SYS_renameat, AT_FDCWD, "f", AT_FDCWD, bad));
	SHOW(syscall(SYS_renameat2, AT_FDCWD, bad, AT_FDCWD, "g", 0));
	SHOW(syscall(SYS_link, bad, "g"));
	SHOW(syscall(SYS_link, "f", bad));
	SHOW(syscall(SYS_linkat, AT_FDCWD, "f", AT_FDCWD, bad, 0));
	SHOW(syscall(SYS_symlink, bad, "g"));
	SHOW(syscall(SYS_symlink, "f", bad));
	SHOW(syscall(SYS_symlinkat, "f", AT_FDCWD, bad));
	SHOW(syscall(SYS_readlink, "link", bad, 10));
	SHOW(syscall(SYS_readlink, "link", code, 10));
	SHOW(syscall(SYS_readlinkat, AT_FDCWD, bad, code, 10));
	SHOW(syscall(SYS_truncate, bad, 0));
	SHOW(syscall(SYS_chmod, bad, 0644));
	SHOW(syscall(SYS_fchmodat, AT_FDCWD, bad, 0644));
	SHOW(syscall(SYS_utimensat, AT_FDCWD, "f", bad, 0));
	SHOW(syscall(SYS_utimensat, AT_FDCWD, bad, NULL, 0));
	SHOW(syscall(SYS_statx, AT_FDCWD, "f", 0, 0x7ff, bad));
	SHOW(syscall(SYS_statx, AT_FDCWD, "f", 0, 0x7ff, code));
	SHOW(syscall(SYS_statfs, "f", bad));
	SHOW(syscall(SYS_statfs, bad, bad));
	SHOW(dfd = open("d", O_RDONLY | O_DIRECTORY));
	SHOW(syscall(SYS_getdents64, dfd, bad, 4096));
	SHOW(syscall(SYS_getdents64, dfd, code, 4096));
	SHOW(syscall(SYS_fstatfs, dfd, bad));
	SHOW(fd = open("f", O_RDWR));
	SHOW(syscall(SYS_fcntl, fd, F_SETLK, bad));
	SHOW(syscall(SYS_fcntl, fd, F_GETLK, bad));
	struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET };
	SHOW(syscall(SYS_fcntl, fd, F_GETLK, code));
	SHOW(syscall(SYS_fcntl, fd, F_SETLK, code));
	SHOW(fcntl(fd, F_GETLK, &fl));
	SHOW(close(fd));
	SHOW(close(dfd));
	show_node("f");
	show_node("d");
	show_node("link");
	show_node("g");
	SHOW(chdir("/"));
	remove_tree(test_dir("efault_fs", 0));
	return 0;
}
