/* getdents64(2): ".", ".." and every entry once, with d_ino, d_type and aligned d_reclen. */
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

struct seen {
	char name[256];
	int type, reclen, ino_ok;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct seen *)a)->name, ((const struct seen *)b)->name);
}

int main(void)
{
	static char buf[8192];
	static struct seen seen[32];
	char longname[256];
	int n = 0, fd;
	long got;
	struct stat st;

	umask(022);
	SHOW(chdir(test_dir("getdents", 1)));
	SHOW(mkdir("d", 0755));
	make_file("d/a", "");
	make_file("d/bb", "");
	SHOW(mkdir("d/sub", 0755));
	SHOW(symlink("a", "d/lnk"));
	memset(longname, 'n', 255);
	longname[255] = 0;
	char path[300];
	snprintf(path, sizeof(path), "d/%s", longname);
	make_file(path, "");
	make_file("d/1234567", "");
	make_file("d/12345678", "");
	SHOW(fd = open("d", O_RDONLY | O_DIRECTORY));
	while ((got = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (long pos = 0; pos < got;) {
			struct dirent64_raw *d = (void *)(buf + pos);
			struct seen *s = &seen[n++];
			snprintf(s->name, sizeof(s->name), "%s", d->d_name);
			s->type = d->d_type;
			s->reclen = d->d_reclen;
			snprintf(path, sizeof(path), "d/%s", d->d_name);
			s->ino_ok = !lstat(path, &st) && st.st_ino == d->d_ino;
			pos += d->d_reclen;
		}
	}
	SHOW(got);
	printf("first two: %s %s\n", seen[0].name, seen[1].name);
	qsort(seen, n, sizeof(seen[0]), by_name);
	for (int i = 0; i < n; i++)
		printf("%.12s%s type %d reclen %d ino %s\n", seen[i].name,
		       strlen(seen[i].name) > 12 ? "..." : "", seen[i].type, seen[i].reclen,
		       seen[i].ino_ok ? "ok" : "differs");
	SHOW(syscall(SYS_getdents64, fd, buf, sizeof(buf)));
	SHOW(lseek(fd, 0, SEEK_SET));
	got = syscall(SYS_getdents64, fd, buf, sizeof(buf));
	printf("again from 0: %s\n", got > 0 ? "entries" : "nothing");
	SHOW(close(fd));
	SHOW(chdir("/"));
	remove_tree(test_dir("getdents", 1));
	return 0;
}
