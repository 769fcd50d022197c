/* open(2)'s errors for the path: missing components, files used as directories, names too
 * long, an empty path, and writing a directory. */
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("open-errors", 0);
	char path[5000];

	snprintf(path, sizeof(path), "%s/file", dir);
	make_file(path, "x");
	snprintf(path, sizeof(path), "%s/missing", dir);
	SHOW(open(path, O_RDONLY));
	snprintf(path, sizeof(path), "%s/missing/file", dir);
	SHOW(open(path, O_RDONLY));
	SHOW(open(path, O_RDWR | O_CREAT, 0600));
	snprintf(path, sizeof(path), "%s/file/", dir);
	SHOW(open(path, O_RDONLY));
	snprintf(path, sizeof(path), "%s/file/x", dir);
	SHOW(open(path, O_RDONLY));
	SHOW(open(path, O_WRONLY | O_CREAT, 0600));
	snprintf(path, sizeof(path), "%s/%0*d", dir, NAME_MAX + 1, 0);
	SHOW(open(path, O_RDONLY));
	SHOW(open(path, O_WRONLY | O_CREAT, 0600));
	snprintf(path, sizeof(path), "%s/%0*d", dir, NAME_MAX, 0);
	SHOW(open(path, O_RDONLY));
	memset(path, 'a', sizeof(path) - 1);
	path[0] = '/';
	path[sizeof(path) - 1] = 0;
	SHOW(open(path, O_RDONLY));
	SHOW(open("", O_RDONLY));
	SHOW(open("", O_WRONLY | O_CREAT, 0600));
	SHOW(open(dir, O_WRONLY));
	SHOW(open(dir, O_RDWR));
	SHOW(open(dir, O_WRONLY | O_CREAT, 0600));
	SHOW(open("/", O_RDWR));
	SHOW(open("/dev/null/x", O_RDONLY));
	remove_tree(dir);
	return 0;
}
