/* A directory changing while it is read: nothing crashes, no entry comes twice, removed
 * entries not yet read do not come, and deleting as one reads (rm -r) sees every entry. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

struct dirent64_raw {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static int compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	char buf[4096], path[64];
	char *names[300];
	int n = 0, fd;
	long got;

	umask(022);
	SHOW(chdir(test_dir("getdents_modify", 1)));
	SHOW(mkdir("d", 0755));
	const char *initial[] = { "a", "bb", "ccc", "dddd", "e" };
	for (int i = 0; i < 5; i++) {
		snprintf(path, sizeof(path), "d/%s", initial[i]);
		make_file(path, "");
	}
	SHOW(fd = open("d", O_RDONLY | O_DIRECTORY));
	/* ".", ".." and the newest entry, then the changes. */
	SHOW(got = syscall(SYS_getdents64, fd, buf, 72));
	for (long pos = 0; pos < got;) {
		struct dirent64_raw *d = (void *)(buf + pos);
		names[n++] = strdup(d->d_name);
		pos += d->d_reclen;
	}
	SHOW(unlink("d/ccc"));
	make_file("d/new", "");
	SHOW(rename("d/a", "d/a_renamed"));
	while ((got = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0)
		for (long pos = 0; pos < got;) {
			struct dirent64_raw *d = (void *)(buf + pos);
			names[n++] = strdup(d->d_name);
			pos += d->d_reclen;
		}
	SHOW(got);
	qsort(names, n, sizeof(names[0]), compare);
	for (int i = 0; i < n; i++) {
		printf("seen %s\n", names[i]);
		free(names[i]);
	}
	SHOW(close(fd));

	/* Delete each entry as soon as it is read, with a buffer of a few entries. */
	SHOW(mkdir("many", 0755));
	for (int i = 0; i < 200; i++) {
		snprintf(path, sizeof(path), "many/f%03d", i);
		make_file(path, "");
	}
	int seen = 0, removed = 0;
	SHOW(fd = open("many", O_RDONLY | O_DIRECTORY));
	while ((got = syscall(SYS_getdents64, fd, buf, 100)) > 0)
		for (long pos = 0; pos < got;) {
			struct dirent64_raw *d = (void *)(buf + pos);
			seen++;
			snprintf(path, sizeof(path), "many/%s", d->d_name);
			if (d->d_name[0] != '.')
				removed += !unlink(path);
			pos += d->d_reclen;
		}
	SHOW(got);
	printf("seen %d, removed %d\n", seen, removed);
	SHOW(lseek(fd, 0, SEEK_SET));
	SHOW(syscall(SYS_getdents64, fd, buf, sizeof(buf)));
	SHOW(close(fd));
	SHOW(rmdir("many"));
	SHOW(chdir("/"));
	remove_tree(test_dir("getdents_modify", 1));
	return 0;
}
