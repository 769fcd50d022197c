/* Changing a mounted host directory: files made, written, appended, truncated, renamed,
 * linked and removed, directories made and removed, modes and times; what the host shows
 * afterwards is checked by the runner. Works in argv[1], which it makes its cwd. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "hostfs.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#endif

static void show(const char *path)
{
	char buf[256];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf));

	if (n < 0)
		printf("  %s: %s\n", path, errname(errno));
	else
		printf("  %s: [%.*s]\n", path, (int)n, buf);
	if (fd >= 0)
		close(fd);
}

static void show_stat(const char *path)
{
	struct stat st;

	/* A directory's size and links are its file system's own. */
	if (lstat(path, &st))
		printf("  %s: %s\n", path, errname(errno));
	else if (S_ISDIR(st.st_mode))
		printf("  %s: mode %o\n", path, st.st_mode);
	else
		printf("  %s: mode %o, %ld bytes, %ld link(s)\n", path, st.st_mode,
		       (long)st.st_size, (long)st.st_nlink);
}

int main(int argc, char **argv)
{
	struct stat st;
	char buf[64];
	int fd;

	if (argc < 2 || chdir(argv[1]))
		return 2;
	umask(022);
	CHECK(mkdir("d", 0777));
	CHECK(mkdir("d", 0777));
	CHECK(fd = open("d/f", O_CREAT | O_WRONLY | O_EXCL, 0666));
	CHECK(write(fd, "hello\n", 6));
	CHECK(close(fd));
	CHECK(open("d/f", O_CREAT | O_WRONLY | O_EXCL, 0666));
	show_stat("d");
	show_stat("d/f");
	CHECK(fd = open("d/f", O_WRONLY | O_APPEND));
	CHECK(lseek(fd, 0, SEEK_SET));
	CHECK(write(fd, "more\n", 5));
	CHECK(lseek(fd, 0, SEEK_CUR));
	CHECK(close(fd));
	show("d/f");
	CHECK(fd = open("d/f", O_RDWR));
	CHECK(lseek(fd, 0, SEEK_END));
	CHECK(pwrite(fd, "J", 1, 0));
	CHECK(ftruncate(fd, 8));
	CHECK(fstat(fd, &st));
	printf("  size %ld\n", (long)st.st_size);
	CHECK(lseek(fd, 12, SEEK_SET));
	CHECK(write(fd, "!", 1));
	CHECK(fsync(fd));
	CHECK(fdatasync(fd));
	CHECK(close(fd));
	CHECK(truncate("d/f", 10));
	show_stat("d/f");
	CHECK(chmod("d/f", 0600));
	show_stat("d/f");
	struct timespec times[2] = { { 1000000000, 0 }, { 1200000000, 5 } };
	CHECK(utimensat(AT_FDCWD, "d/f", times, 0));
	CHECK(stat("d/f", &st));
	printf("  atime %ld.%09ld mtime %ld.%09ld\n", (long)st.st_atim.tv_sec,
	       st.st_atim.tv_nsec, (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);

	CHECK(rename("d/f", "d/g"));
	show_stat("d/f");
	CHECK(link("d/g", "d/h"));
	show_stat("d/g");
	CHECK(rename("d/h", "d/g"));
	CHECK(symlink("g", "d/s"));
	ssize_t n = readlink("d/s", buf, sizeof(buf));
	printf("  readlink d/s = %.*s\n", n < 0 ? 0 : (int)n, buf);
	show("d/s");
	CHECK(symlink("g", "d/s"));
	CHECK(syscall(SYS_renameat2, AT_FDCWD, "d/s", AT_FDCWD, "d/g", RENAME_NOREPLACE));
	CHECK(syscall(SYS_renameat2, AT_FDCWD, "d/s", AT_FDCWD, "d/h", RENAME_EXCHANGE));
	CHECK(mkdir("d/sub/", 0750));
	show_stat("d/sub");
	CHECK(rename("d/sub", "e"));
	CHECK(rmdir("d"));
	CHECK(unlink("d"));
	CHECK(rmdir("d/g"));
	CHECK(unlink("d/g/"));
	CHECK(unlink("d/s"));
	CHECK(rmdir("e/"));
	CHECK(rmdir("e"));
	CHECK(mkdir("d/x", 0755));
	CHECK(mkdir("d/x/y", 0755));
	CHECK(fd = open("d/x/y/z", O_CREAT | O_WRONLY, 0644));
	CHECK(write(fd, "deep\n", 5));
	CHECK(close(fd));
	CHECK(chdir("d/x/y"));
	CHECK(rename("z", "../../z"));
	CHECK(fd = open("../../g", O_WRONLY | O_TRUNC));
	CHECK(write(fd, "final\n", 6));
	CHECK(close(fd));
	CHECK(chdir("../.."));
	CHECK(rmdir("x/y"));
	show("g");
	show("z");
	show_stat(".");

	/* A file without a name any more stays readable while open. */
	CHECK(fd = open("gone", O_CREAT | O_RDWR, 0644));
	CHECK(write(fd, "still here", 10));
	CHECK(unlink("gone"));
	CHECK(pread(fd, buf, 10, 0));
	printf("  %.10s\n", buf);
	CHECK(fstat(fd, &st));
	printf("  %ld link(s)\n", (long)st.st_nlink);
	CHECK(close(fd));
	return 0;
}
