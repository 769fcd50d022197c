/* Listing a mounted host directory: readdir, names and types sorted (the order is the host
 * file system's), telldir and seekdir, rewinddir, and getdents64's own errors. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "hostfs.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(DIR *dir, const char *name)
{
	char *lines[64];
	int n = 0;
	struct dirent *e;

	if (!dir) {
		printf("opendir %s: %s\n", name, errname(errno));
		return;
	}
	while ((e = readdir(dir)) && n < 64) {
		char type = e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f'
			    : e->d_type == DT_LNK ? 'l' : '?';
		lines[n] = malloc(strlen(e->d_name) + 4);
		sprintf(lines[n++], "%c %s", type, e->d_name);
	}
	qsort(lines, (size_t)n, sizeof(lines[0]), by_name);
	printf("%s:", name);
	for (int i = 0; i < n; i++) {
		printf(" [%s]", lines[i]);
		free(lines[i]);
	}
	printf("\n");
}

int main(int argc, char **argv)
{
	char buf[512];

	if (argc < 2)
		return 2;
	root = argv[1];
	DIR *dir = opendir(root);
	list(dir, "/");
	rewinddir(dir);
	list(dir, "/ again");
	closedir(dir);
	list(opendir(at("sub")), "sub");
	list(opendir(at("link-sub/deeper")), "link-sub/deeper");
	list(opendir(at("hello.txt")), "hello.txt");
	list(opendir(at("missing")), "missing");

	int fd = open(root, O_RDONLY | O_DIRECTORY);
	int sub = openat(fd, "sub", O_RDONLY | O_DIRECTORY);
	list(fdopendir(sub), "fdopendir sub");

	/* telldir/seekdir: the same entry again after seeking back. */
	dir = opendir(root);
	readdir(dir);
	long mark = telldir(dir);
	struct dirent *e = readdir(dir);
	char first[256];
	snprintf(first, sizeof(first), "%s", e ? e->d_name : "(none)");
	while (readdir(dir))
		;
	seekdir(dir, mark);
	e = readdir(dir);
	printf("seekdir: %s\n", e && !strcmp(e->d_name, first) ? "same entry" : "different");
	closedir(dir);

	CHECK(syscall(SYS_getdents64, fd, buf, 8));
	CHECK(syscall(SYS_getdents64, fd, buf, sizeof(buf)) > 0);
	int file = open(at("hello.txt"), O_RDONLY);
	CHECK(syscall(SYS_getdents64, file, buf, sizeof(buf)));
	CHECK(read(fd, buf, sizeof(buf)));
	close(file);
	close(fd);
	return 0;
}
