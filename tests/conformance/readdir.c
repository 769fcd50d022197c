/* The C library's directory streams on top of getdents64: readdir, rewinddir, telldir,
 * seekdir, scandir. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static int no_dots(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

int main(void)
{
	struct dirent **list;
	struct dirent *e;
	char path[64];
	DIR *dir;

	umask(022);
	SHOW(chdir(test_dir("readdir", 0)));
	SHOW(mkdir("d", 0755));
	for (int i = 0; i < 50; i++) {
		snprintf(path, sizeof(path), "d/file-%02d", i);
		make_file(path, "");
	}
	SHOW(mkdir("d/subdir", 0755));
	dir = opendir("d");
	SHOW(dir != NULL);
	int count = 0, files = 0, dirs = 0;
	long middle = -1;
	char middle_name[256] = "";
	while ((e = readdir(dir))) {
		count++;
		files += e->d_type == DT_REG;
		dirs += e->d_type == DT_DIR;
		if (count == 20) {
			middle = telldir(dir);
			e = readdir(dir);
			snprintf(middle_name, sizeof(middle_name), "%s", e ? e->d_name : "");
			count++;
		}
	}
	printf("entries %d files %d dirs %d\n", count, files, dirs);
	seekdir(dir, middle);
	e = readdir(dir);
	printf("seekdir back: same entry %d\n", e && !strcmp(e->d_name, middle_name));
	rewinddir(dir);
	count = 0;
	while (readdir(dir))
		count++;
	printf("after rewinddir %d\n", count);
	SHOW(closedir(dir));
	int n = scandir("d", &list, no_dots, alphasort);
	printf("scandir %d: %s %s ... %s\n", n, list[0]->d_name, list[1]->d_name,
	       list[n - 1]->d_name);
	for (int i = 0; i < n; i++)
		free(list[i]);
	free(list);
	dir = opendir("missing");
	printf("opendir missing: %s %s\n", dir ? "dir" : "NULL", errno_name(errno));
	dir = opendir("d/file-00");
	printf("opendir file: %s %s\n", dir ? "dir" : "NULL", errno_name(errno));
	SHOW(chdir("/"));
	remove_tree(test_dir("readdir", 0));
	return 0;
}
