/* O_TRUNC empties a regular file whatever the access mode (Linux truncates even with
 * O_RDONLY), leaves an empty one's times alone, and is ignored for devices. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static long size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : (long)st.st_size;
}

int main(void)
{
	const char *dir = test_dir("open-trunc", 0);
	char file[300];
	int fd;

	snprintf(file, sizeof(file), "%s/file", dir);
	make_file(file, "some text");
	SHOW(fd = open(file, O_RDONLY | O_TRUNC));
	printf("size after O_RDONLY | O_TRUNC: %ld\n", size_of(file));
	SHOW(close(fd));
	make_file(file, "some text");
	SHOW(fd = open(file, O_WRONLY | O_TRUNC));
	printf("size after O_WRONLY | O_TRUNC: %ld\n", size_of(file));
	SHOW(write(fd, "new", 3));
	SHOW(close(fd));
	SHOW(fd = open(file, O_RDWR | O_TRUNC | O_CREAT, 0600));
	printf("size after O_RDWR | O_TRUNC | O_CREAT: %ld\n", size_of(file));
	SHOW(close(fd));
	SHOW(open(dir, O_WRONLY | O_TRUNC));
	SHOW(fd = open("/dev/null", O_WRONLY | O_TRUNC));
	SHOW(close(fd));
	SHOW(fd = open(file, O_PATH | O_TRUNC));
	SHOW(close(fd));
	make_file(file, "kept");
	SHOW(fd = open(file, O_PATH | O_TRUNC));
	printf("size after O_PATH | O_TRUNC: %ld\n", size_of(file));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
