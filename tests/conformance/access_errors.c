/* access(2) and faccessat(2) with paths that cannot be resolved: a file as a directory,
 * names too long, symlink loops, directory fds that are files or closed. */
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("access-errors", 0);
	char path[5000];
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	make_file(path, "x");
	SHOW(fd = open(path, O_RDONLY));
	snprintf(path, sizeof(path), "%s/file/", dir);
	SHOW(access(path, F_OK));
	snprintf(path, sizeof(path), "%s/file/more", dir);
	SHOW(access(path, R_OK));
	snprintf(path, sizeof(path), "%s/%0*d", dir, NAME_MAX + 1, 1);
	SHOW(access(path, F_OK));
	snprintf(path, sizeof(path), "%s/loop", dir);
	SHOW(symlink("loop", path));
	SHOW(access(path, F_OK));
	snprintf(path, sizeof(path), "%s/loop/x", dir);
	SHOW(access(path, F_OK));
	SHOW(faccessat(fd, "x", F_OK, 0));
	SHOW(faccessat(fd, "/", F_OK, 0));
	SHOW(faccessat(999, "x", F_OK, 0));
	SHOW(faccessat(AT_FDCWD, "", F_OK, 0));
	memset(path, 'p', sizeof(path) - 1);
	path[sizeof(path) - 1] = 0;
	SHOW(access(path, F_OK));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
