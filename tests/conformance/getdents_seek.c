/* getdents64(2): each d_off, given to lseek, resumes at the next entry. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
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

int main(void)
{
	char buf[4096], one[64], names[16][16];
	int64_t offs[16];
	int n = 0, fd, ok = 1;

	umask(022);
	SHOW(chdir(test_dir("getdents_seek", 0)));
	SHOW(mkdir("d", 0755));
	for (int i = 0; i < 10; i++) {
		char path[32];
		snprintf(path, sizeof(path), "d/entry%d", i);
		make_file(path, "");
	}
	SHOW(fd = open("d", O_RDONLY | O_DIRECTORY));
	long got = syscall(SYS_getdents64, fd, buf, sizeof(buf));
	for (long pos = 0; pos < got && n < 16;) {
		struct dirent64_raw *d = (void *)(buf + pos);
		offs[n] = d->d_off;
		snprintf(names[n++], sizeof(names[0]), "%s", d->d_name);
		pos += d->d_reclen;
	}
	printf("entries: %d\n", n);
	for (int i = 0; i < n; i++) {
		if (lseek(fd, offs[i], SEEK_SET) != offs[i])
			ok = 0;
		long m = syscall(SYS_getdents64, fd, one, sizeof(one));
		struct dirent64_raw *d = (void *)one;
		if (i + 1 < n ? m <= 0 || strcmp(d->d_name, names[i + 1]) : m != 0) {
			printf("after %s: %s\n", names[i], m > 0 ? d->d_name : "(end)");
			ok = 0;
		}
	}
	printf("every d_off resumes at the next entry: %d\n", ok);
	/* One entry at a time gives the same sequence. */
	SHOW(lseek(fd, 0, SEEK_SET));
	ok = 1;
	for (int i = 0; i < n; i++) {
		long m = syscall(SYS_getdents64, fd, one, 40);
		struct dirent64_raw *d = (void *)one;
		if (m <= 0 || strcmp(d->d_name, names[i]))
			ok = 0;
	}
	printf("one at a time, same order: %d\n", ok);
	SHOW(syscall(SYS_getdents64, fd, one, sizeof(one)));
	SHOW(close(fd));
	SHOW(chdir("/"));
	remove_tree(test_dir("getdents_seek", 0));
	return 0;
}
