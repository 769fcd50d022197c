/* open(2) ignores flag bits it does not know (only openat2 refuses them), and they do not show
 * in F_GETFL. */
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("open-unknown-flags", 0);
	char path[300];
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = syscall(SYS_open, path, O_CREAT | O_RDWR | 0x40000000, 0644));
	printf("F_GETFL %#o\n", fcntl(fd, F_GETFL));
	SHOW(close(fd));
	SHOW(fd = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY | 0x800000 | 0x4000000));
	printf("F_GETFL %#o\n", fcntl(fd, F_GETFL));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
