/* O_NOATIME: reads through such an fd leave the access time alone, where an ordinary read
 * updates it (relatime: it is older than the modification time). F_SETFL can set it. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static long atime_of(int fd)
{
	struct stat st;

	return fstat(fd, &st) ? -1 : (long)st.st_atime;
}

int main(void)
{
	const char *dir = test_dir("noatime", 1);
	char path[300], c;
	struct timespec old[2] = { { 1000000000, 0 }, { 0, UTIME_OMIT } };
	int fd, plain;

	snprintf(path, sizeof(path), "%s/file", dir);
	make_file(path, "data");
	SHOW(fd = open(path, O_RDONLY | O_NOATIME));
	SHOW(utimensat(AT_FDCWD, path, old, 0));
	SHOW(read(fd, &c, 1));
	printf("after an O_NOATIME read: %ld\n", atime_of(fd));
	SHOW(plain = open(path, O_RDONLY));
	SHOW(fcntl(plain, F_SETFL, O_NOATIME));
	SHOW(read(plain, &c, 1));
	printf("after F_SETFL O_NOATIME: %ld\n", atime_of(fd));
	SHOW(fcntl(plain, F_SETFL, 0));
	SHOW(read(plain, &c, 1));
	printf("after an ordinary read, changed: %d\n", atime_of(fd) != 1000000000);
	SHOW(close(plain));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
