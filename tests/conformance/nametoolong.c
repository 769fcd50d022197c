/* ENAMETOOLONG: a component over NAME_MAX (255) or a path of PATH_MAX (4096) bytes, for the
 * calls that take names. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char name255[256], name256[257], buf[16];
	char *longpath = malloc(4200);
	struct stat st;

	umask(022);
	SHOW(chdir(test_dir("nametoolong", 0)));
	memset(name255, 'n', 255);
	name255[255] = 0;
	memset(name256, 'n', 256);
	name256[256] = 0;
	/* "./././..." up to 4096 bytes without the NUL, ending in "f". */
	for (int i = 0; i < 4094; i += 2)
		memcpy(longpath + i, "./", 2);
	strcpy(longpath + 4094, "ff");
	make_file("f", "");
	make_file("ff", "");

	SHOW(mkdir(name255, 0755));
	SHOW(rmdir(name255));
	SHOW(mkdir(name256, 0755));
	SHOW(rmdir(name256));
	SHOW(unlink(name256));
	SHOW(rename("f", name256));
	SHOW(rename(name256, "f"));
	SHOW(link("f", name256));
	SHOW(symlink("f", name256));
	SHOW(symlink(name256, "ok"));
	SHOW(readlink("ok", buf, sizeof(buf)));
	SHOW(readlink(name256, buf, sizeof(buf)));
	SHOW(truncate(name256, 0));
	SHOW(chmod(name256, 0644));
	SHOW(utimensat(AT_FDCWD, name256, NULL, 0));
	SHOW(stat(name256, &st));
	SHOW(lstat(name256, &st));
	SHOW(stat(longpath, &st));
	SHOW(mkdir(longpath, 0755));
	SHOW(unlink(longpath));
	SHOW(rename(longpath, "g"));
	SHOW(rename("f", longpath));
	SHOW(symlink(longpath, "g"));
	SHOW(link(longpath, "g"));
	SHOW(truncate(longpath, 0));
	SHOW(readlink(longpath, buf, sizeof(buf)));
	SHOW(syscall(SYS_statx, AT_FDCWD, longpath, 0, 0x7ff, buf));
	longpath[4095] = 0;
	SHOW(stat(longpath, &st));
	SHOW(unlink(longpath));
	show_node("ff");
	free(longpath);
	SHOW(chdir("/"));
	remove_tree(test_dir("nametoolong", 0));
	return 0;
}
