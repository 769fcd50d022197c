/* utimensat(2) and futimens(3): explicit times, UTIME_NOW, UTIME_OMIT, NULL, symlinks. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static void show_times(const char *path, int follow)
{
	struct stat st;

	if ((follow ? stat : lstat)(path, &st)) {
		printf("%s: %s\n", path, errno_name(errno));
		return;
	}
	printf("%s: atime %ld.%09ld mtime %ld.%09ld\n", path, (long)st.st_atim.tv_sec,
	       st.st_atim.tv_nsec, (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

static int recent(const struct timespec *t, time_t before)
{
	return t->tv_sec >= before && t->tv_sec <= time(NULL) + 1;
}

int main(void)
{
	struct timespec ts[2] = { { 1000000000, 123456789 }, { 1200000000, 987654321 } };
	struct stat st;
	int fd;

	umask(022);
	SHOW(chdir(test_dir("utimensat", 0)));
	make_file("f", "");
	SHOW(utimensat(AT_FDCWD, "f", ts, 0));
	show_times("f", 0);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_sec = 1300000000;
	ts[1].tv_nsec = 5;
	SHOW(utimensat(AT_FDCWD, "f", ts, 0));
	show_times("f", 0);
	ts[0].tv_nsec = 0;
	ts[1].tv_nsec = UTIME_NOW;
	time_t before = time(NULL);
	SHOW(utimensat(AT_FDCWD, "f", ts, 0));
	SHOW(stat("f", &st));
	printf("atime %ld mtime recent %d\n", (long)st.st_atim.tv_sec, recent(&st.st_mtim, before));
	SHOW(utimensat(AT_FDCWD, "f", NULL, 0));
	SHOW(stat("f", &st));
	printf("NULL: atime recent %d mtime recent %d\n", recent(&st.st_atim, before),
	       recent(&st.st_mtim, before));
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = UTIME_OMIT;
	SHOW(utimensat(AT_FDCWD, "missing", ts, 0));
	SHOW(utimensat(AT_FDCWD, "f", ts, 0));

	struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
	SHOW(utimensat(AT_FDCWD, "f", bad, 0));
	bad[0].tv_nsec = -1;
	SHOW(utimensat(AT_FDCWD, "f", bad, 0));
	bad[0].tv_nsec = 0;
	bad[1].tv_sec = -1;
	SHOW(utimensat(AT_FDCWD, "f", bad, 0));
	show_times("f", 0);
	SHOW(utimensat(AT_FDCWD, "f", NULL, 0x1));
	SHOW(utimensat(AT_FDCWD, "f", NULL, AT_REMOVEDIR));
	SHOW(utimensat(AT_FDCWD, "missing", ts, 0x1));
	/* musl's utimensat() reads the times itself first. */
	SHOW(syscall(SYS_utimensat, AT_FDCWD, "f", (struct timespec *)0x1000, 0));
	SHOW(utimensat(AT_FDCWD, (const char *)0x1000, NULL, 0));
	SHOW(utimensat(AT_FDCWD, "missing", NULL, 0));
	SHOW(utimensat(AT_FDCWD, "f/x", NULL, 0));
	SHOW(utimensat(AT_FDCWD, "", NULL, 0));
	SHOW(utimensat(99, "f", NULL, 0));

	SHOW(symlink("f", "link"));
	struct timespec lt[2] = { { 1100000000, 0 }, { 1100000000, 0 } };
	SHOW(utimensat(AT_FDCWD, "link", lt, AT_SYMLINK_NOFOLLOW));
	show_times("link", 0);
	show_times("f", 0);
	lt[0].tv_sec = 1400000000;
	SHOW(utimensat(AT_FDCWD, "link", lt, 0));
	show_times("f", 0);
	SHOW(lstat("link", &st));
	printf("link mtime %ld\n", (long)st.st_mtime);

	SHOW(mkdir("d", 0755));
	SHOW(utimensat(AT_FDCWD, "d", lt, 0));
	show_times("d", 1);
	SHOW(fd = open("d", O_RDONLY | O_DIRECTORY));
	SHOW(utimensat(fd, "../f", ts, 0));
	SHOW(close(fd));

	SHOW(fd = open("f", O_RDONLY));
	struct timespec ft[2] = { { 1500000000, 1 }, { 1500000000, 2 } };
	SHOW(futimens(fd, ft));
	show_times("f", 0);
	SHOW(syscall(SYS_utimensat, fd, NULL, ft, AT_SYMLINK_NOFOLLOW));
	SHOW(syscall(SYS_utimensat, AT_FDCWD, NULL, ft, 0));
	SHOW(syscall(SYS_utimensat, fd, "", ft, AT_EMPTY_PATH));
	SHOW(syscall(SYS_utimensat, fd, "", ft, 0));
	SHOW(close(fd));
	SHOW(futimens(fd, ft));
	SHOW(syscall(SYS_utimensat, 99, NULL, ft, 0));
	SHOW(chdir("/"));
	remove_tree(test_dir("utimensat", 0));
	return 0;
}
