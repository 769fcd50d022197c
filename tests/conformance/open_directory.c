/* O_DIRECTORY: only a directory opens (following a symlink to one), O_CREAT with it is
 * EINVAL, and a directory never opens for writing. */
#include <fcntl.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("open-directory", 0);
	char file[300], link[300], missing[300];
	int fd;

	snprintf(file, sizeof(file), "%s/file", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	snprintf(missing, sizeof(missing), "%s/missing", dir);
	make_file(file, "x");
	SHOW(symlink(".", link));
	SHOW(fd = open(dir, O_RDONLY | O_DIRECTORY));
	SHOW(close(fd));
	SHOW(fd = open(link, O_RDONLY | O_DIRECTORY));
	SHOW(close(fd));
	SHOW(open(file, O_RDONLY | O_DIRECTORY));
	SHOW(open(missing, O_RDONLY | O_DIRECTORY));
	SHOW(open(dir, O_WRONLY | O_DIRECTORY));
	SHOW(open(dir, O_RDWR | O_DIRECTORY));
	SHOW(open(dir, O_WRONLY));
	SHOW(open(dir, O_RDWR));
	SHOW(open(missing, O_RDONLY | O_DIRECTORY | O_CREAT, 0700));
	SHOW(open(dir, O_RDONLY | O_DIRECTORY | O_CREAT, 0700));
	SHOW(fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW));
	SHOW(close(fd));
	char slash[310];
	snprintf(slash, sizeof(slash), "%s/", file);
	SHOW(open(slash, O_RDONLY));
	snprintf(slash, sizeof(slash), "%s/.", dir);
	SHOW(fd = open(slash, O_RDONLY | O_DIRECTORY));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
