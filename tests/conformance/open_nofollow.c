/* O_NOFOLLOW: a symlink as the last component is ELOOP, one earlier in the path is followed;
 * with O_PATH the link itself opens. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("open-nofollow", 0);
	char file[300], link[300], dirlink[300], through[320];
	struct stat st;
	int fd;

	snprintf(file, sizeof(file), "%s/file", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	snprintf(dirlink, sizeof(dirlink), "%s/dirlink", dir);
	snprintf(through, sizeof(through), "%s/dirlink/file", dir);
	make_file(file, "x");
	SHOW(symlink("file", link));
	SHOW(symlink(".", dirlink));
	SHOW(open(link, O_RDONLY | O_NOFOLLOW));
	SHOW(open(link, O_WRONLY | O_NOFOLLOW | O_CREAT, 0600));
	SHOW(fd = open(through, O_RDONLY | O_NOFOLLOW));
	SHOW(close(fd));
	SHOW(fd = open(file, O_RDONLY | O_NOFOLLOW));
	SHOW(close(fd));
	SHOW(fd = open(link, O_PATH | O_NOFOLLOW));
	SHOW(fstat(fd, &st));
	SHOW(S_ISLNK(st.st_mode));
	SHOW(read(fd, &st, 1));
	SHOW(close(fd));
	SHOW(fd = open(link, O_RDONLY));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
