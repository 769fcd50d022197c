/* What F_GETFL reports after open(2) with each flag: the access mode and the status flags
 * stay (O_LARGEFILE added), creation flags go. On tmpfs, as the LibOS's /tmp is. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include "check.h"

static const struct {
	const char *name;
	int flags;
} cases[] = {
	{ "O_RDONLY", O_RDONLY },
	{ "O_WRONLY", O_WRONLY },
	{ "O_RDWR", O_RDWR },
	{ "O_RDWR|O_APPEND", O_RDWR | O_APPEND },
	{ "O_RDONLY|O_NONBLOCK", O_RDONLY | O_NONBLOCK },
	{ "O_WRONLY|O_SYNC", O_WRONLY | O_SYNC },
	{ "O_WRONLY|O_DSYNC", O_WRONLY | O_DSYNC },
	{ "O_RDONLY|O_NOATIME", O_RDONLY | O_NOATIME },
	{ "O_RDONLY|O_DIRECT", O_RDONLY | O_DIRECT },
	{ "O_RDONLY|O_ASYNC", O_RDONLY | O_ASYNC },
	{ "O_RDONLY|O_NOCTTY", O_RDONLY | O_NOCTTY },
	{ "O_RDONLY|O_NOFOLLOW", O_RDONLY | O_NOFOLLOW },
	{ "O_RDONLY|O_CLOEXEC", O_RDONLY | O_CLOEXEC },
	{ "O_RDWR|O_CREAT|O_TRUNC", O_RDWR | O_CREAT | O_TRUNC },
	{ "O_RDWR|O_CREAT|O_EXCL (new)", O_RDWR | O_CREAT | O_EXCL },
	{ "O_PATH", O_PATH },
	{ "O_PATH|O_NOFOLLOW|O_CLOEXEC", O_PATH | O_NOFOLLOW | O_CLOEXEC },
	{ "O_PATH|O_RDWR|O_APPEND", O_PATH | O_RDWR | O_APPEND },
};

int main(void)
{
	const char *dir = test_dir("open-getfl", 1);
	char file[300];

	snprintf(file, sizeof(file), "%s/file", dir);
	make_file(file, "x");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (cases[i].flags & O_EXCL)
			unlink(file);
		int fd = open(file, cases[i].flags, 0644);
		if (fd < 0) {
			printf("%s: %s\n", cases[i].name, errno_name(errno));
			continue;
		}
		printf("%s: F_GETFL %#o, FD_CLOEXEC %d\n", cases[i].name, fcntl(fd, F_GETFL),
		       fcntl(fd, F_GETFD));
		close(fd);
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	printf("O_RDONLY|O_DIRECTORY: F_GETFL %#o\n", fcntl(fd, F_GETFL));
	close(fd);
	remove_tree(dir);
	return 0;
}
