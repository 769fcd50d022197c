/* chown(2), fchown(2), lchown(2), fchownat(2) as root: the ids are stored, -1 keeps one, a
 * file loses S_ISUID (and S_ISGID with group execute), the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static void show_owner(const char *path)
{
	struct stat st;

	if (lstat(path, &st)) {
		printf("%s: %s\n", path, errno_name(errno));
		return;
	}
	printf("%s: uid %u gid %u mode %04o\n", path, (unsigned)st.st_uid, (unsigned)st.st_gid,
	       (unsigned)st.st_mode & 07777);
}

int main(void)
{
	int fd, dfd, path_fd;

	umask(022);
	SHOW(chdir(test_dir("chown", 0)));
	make_file("f", "data");
	show_owner("f");
	SHOW(chown("f", 1234, 5678));
	show_owner("f");
	SHOW(chown("f", -1, 42));
	show_owner("f");
	SHOW(chown("f", 7, -1));
	show_owner("f");
	SHOW(chown("f", -1, -1));
	show_owner("f");
	SHOW(chown("f", 0, 0));
	show_owner("f");

	/* The set-ID bits of a file. */
	SHOW(chmod("f", 06755));
	SHOW(chown("f", -1, -1));
	show_owner("f");
	SHOW(chmod("f", 06745));
	SHOW(chown("f", 1, 1));
	show_owner("f");
	SHOW(chmod("f", 02745));
	SHOW(chown("f", 0, 0));
	show_owner("f");
	SHOW(chmod("f", 01777));
	SHOW(chown("f", 2, 2));
	show_owner("f");

	/* A directory keeps them. */
	SHOW(mkdir("d", 0755));
	SHOW(chmod("d", 06775));
	SHOW(chown("d", 3, 4));
	show_owner("d");

	/* Symlinks: chown follows, lchown and AT_SYMLINK_NOFOLLOW do not. */
	SHOW(symlink("f", "link"));
	SHOW(chown("link", 10, 11));
	show_owner("f");
	SHOW(lchown("link", 20, 21));
	show_owner("link");
	show_owner("f");
	SHOW(fchownat(AT_FDCWD, "link", 30, 31, AT_SYMLINK_NOFOLLOW));
	show_owner("link");
	SHOW(fchownat(AT_FDCWD, "link", 40, 41, 0));
	show_owner("f");
	SHOW(symlink("loop", "loop"));
	SHOW(chown("loop", 1, 1));
	SHOW(lchown("loop", 50, 51));
	show_owner("loop");

	/* fchown, fchownat with a directory fd and AT_EMPTY_PATH. */
	SHOW(fd = open("f", O_RDONLY));
	SHOW(fchown(fd, 60, 61));
	show_owner("f");
	SHOW(dfd = open("d", O_RDONLY | O_DIRECTORY));
	make_file("d/g", "");
	SHOW(fchownat(dfd, "g", 70, 71, 0));
	show_owner("d/g");
	SHOW(fchownat(fd, "", 80, 81, AT_EMPTY_PATH));
	show_owner("f");
	SHOW(path_fd = open("f", O_PATH));
	SHOW(syscall(SYS_fchown, path_fd, 90, 91));
	SHOW(fchownat(path_fd, "", 92, 93, AT_EMPTY_PATH));
	show_owner("f");
	SHOW(fchownat(AT_FDCWD, "", 1, 1, AT_EMPTY_PATH));
	show_owner(".");

	/* The errors. */
	SHOW(chown("missing", 1, 1));
	SHOW(chown("f/x", 1, 1));
	SHOW(chown("", 1, 1));
	SHOW(fchownat(AT_FDCWD, "", 1, 1, 0));
	SHOW(fchownat(AT_FDCWD, "f", 1, 1, AT_NO_AUTOMOUNT));
	SHOW(fchownat(fd, "g", 1, 1, 0));
	SHOW(fchownat(dfd, "missing", 1, 1, 0));
	SHOW(fchownat(99, "g", 1, 1, 0));
	SHOW(fchownat(99, "", 1, 1, AT_EMPTY_PATH));
	SHOW(fchown(99, 1, 1));
	SHOW(fchown(-1, 1, 1));
	SHOW(syscall(SYS_chown, (char *)1, 1, 1));
	SHOW(syscall(SYS_lchown, (char *)1, 1, 1));
	SHOW(syscall(SYS_fchownat, AT_FDCWD, (char *)1, 1, 1, 0));
	show_owner("f");
	close(fd);
	close(dfd);
	close(path_fd);
	return 0;
}
