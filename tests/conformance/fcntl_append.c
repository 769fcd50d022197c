/* O_APPEND switched on and off with F_SETFL takes effect at the next write, for every fd of
 * the open file description (dup), not for another open of the file. */
#include <fcntl.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("fcntl-append", 0);
	char path[300];
	int fd, copy, other;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "0123456789", 10));
	SHOW(copy = dup(fd));
	SHOW(other = open(path, O_RDWR));
	SHOW(lseek(fd, 0, SEEK_SET));
	SHOW(fcntl(fd, F_SETFL, O_APPEND));
	SHOW(fcntl(copy, F_GETFL) & O_APPEND);
	SHOW(fcntl(other, F_GETFL) & O_APPEND);
	SHOW(write(copy, "A", 1));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(write(other, "B", 1));
	SHOW(fcntl(copy, F_SETFL, 0));
	SHOW(lseek(fd, 1, SEEK_SET));
	SHOW(write(fd, "C", 1));
	SHOW(close(copy));
	SHOW(close(other));
	SHOW(close(fd));
	show_contents(path);
	remove_tree(dir);
	return 0;
}
