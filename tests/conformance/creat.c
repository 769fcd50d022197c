/* creat(2) is open(O_CREAT | O_WRONLY | O_TRUNC): a new file gets mode & ~umask, an existing
 * one is emptied and keeps its mode, and it cannot be read through. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("creat", 0);
	char path[300], buf[4];
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(umask(027));
	SHOW(fd = creat(path, 0666));
	SHOW(write(fd, "data", 4));
	SHOW(read(fd, buf, 1));
	SHOW(fcntl(fd, F_GETFL) & O_ACCMODE);
	SHOW(close(fd));
	show_node(path);
	SHOW(chmod(path, 0600));
	SHOW(fd = creat(path, 0777));
	SHOW(close(fd));
	show_node(path);
	SHOW(creat(dir, 0600));
	SHOW(umask(022));
	remove_tree(dir);
	return 0;
}
