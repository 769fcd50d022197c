/* Changing names updates the directories' mtime and ctime, and the inodes' ctime. Times
 * are first set far in the past, so "new" never depends on clock resolution. On a tmpfs:
 * truncate(2) to the same size changes nothing there, where ext4 updates the times. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE 2
#endif

static const struct timespec old[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
static struct {
	char path[32];
	struct timespec ctime;
} aged[16];

/* Set atime and mtime far in the past and remember the ctime this leaves. */
static void age(const char *path)
{
	struct stat st;
	int i = 0;

	if (utimensat(AT_FDCWD, path, old, AT_SYMLINK_NOFOLLOW) || lstat(path, &st)) {
		printf("age %s: %s\n", path, errno_name(errno));
		return;
	}
	while (aged[i].path[0] && strcmp(aged[i].path, path))
		i++;
	snprintf(aged[i].path, sizeof(aged[i].path), "%s", path);
	aged[i].ctime = st.st_ctim;
	/* Past the kernel's coarse clock tick, which a new ctime may be taken from. */
	usleep(20000);
}

static void show_times(const char *path)
{
	struct stat st;
	int i = 0;

	if (lstat(path, &st)) {
		printf("%s: %s\n", path, errno_name(errno));
		return;
	}
	while (aged[i].path[0] && strcmp(aged[i].path, path))
		i++;
	printf("%s: atime %s, mtime %s, ctime %s\n", path,
	       st.st_atime == old[0].tv_sec ? "old" : "new",
	       st.st_mtime == old[1].tv_sec ? "old" : "new",
	       st.st_ctim.tv_sec == aged[i].ctime.tv_sec &&
			       st.st_ctim.tv_nsec == aged[i].ctime.tv_nsec
		       ? "same"
		       : "changed");
}

int main(void)
{
	umask(022);
	SHOW(chdir(test_dir("dir_times", 1)));
	SHOW(mkdir("d", 0755));
	SHOW(mkdir("e", 0755));
	age("d");
	show_times("d");
	make_file("d/f", "");
	show_times("d");
	age("d");
	age("d/f");
	SHOW(link("d/f", "d/g"));
	show_times("d");
	show_times("d/f");
	age("d");
	age("e");
	age("d/f");
	SHOW(rename("d/f", "e/f"));
	show_times("d");
	show_times("e");
	show_times("e/f");
	age("d");
	age("d/g");
	SHOW(unlink("d/g"));
	show_times("d");
	show_times("e/f");
	age("d");
	age("e");
	SHOW(mkdir("d/sub", 0755));
	show_times("d");
	age("d");
	SHOW(rmdir("d/sub"));
	show_times("d");
	SHOW(symlink("f", "d/sym"));
	age("d");
	age("d/sym");
	show_times("d/sym");
	SHOW(rename("d/sym", "d/sym2"));
	show_times("d");
	show_times("d/sym2");
	make_file("e/g", "");
	age("d");
	age("e");
	SHOW(syscall(SYS_renameat2, AT_FDCWD, "d/sym2", AT_FDCWD, "e/g", RENAME_EXCHANGE));
	show_times("d");
	show_times("e");
	age("d");
	SHOW(rename("d/g", "d/g"));
	SHOW(unlink("d/nothing"));
	show_times("d");
	make_file("d/h", "x");
	age("d/h");
	int fd = open("d/h", O_RDONLY);
	char c;
	SHOW(read(fd, &c, 1));
	SHOW(close(fd));
	show_times("d/h");
	age("d/h");
	SHOW(truncate("d/h", 0));
	show_times("d/h");
	age("d/h");
	SHOW(truncate("d/h", 0));
	show_times("d/h");
	age("d/h");
	fd = open("d/h", O_WRONLY);
	SHOW(ftruncate(fd, 0));
	show_times("d/h");
	age("d/h");
	SHOW(write(fd, "", 0));
	show_times("d/h");
	SHOW(write(fd, "x", 1));
	show_times("d/h");
	SHOW(close(fd));
	age("d/h");
	SHOW(chmod("d/h", 0600));
	show_times("d/h");
	SHOW(chdir("/"));
	remove_tree(test_dir("dir_times", 1));
	return 0;
}
