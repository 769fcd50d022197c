/* /dev/tty is the controlling terminal, or ENXIO without one; isatty follows what the
 * standard streams are. Run without a terminal, or with stdin on the terminal. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	errno = 0;
	int fd = open("/dev/tty", O_RDWR);
	if (fd >= 0) {
		printf("/dev/tty: a terminal %d\n", isatty(fd));
		close(fd);
	} else {
		printf("/dev/tty: %s\n", errno_name(errno));
	}
	for (int i = 0; i < 3; i++)
		printf("isatty(%d) = %d\n", i, isatty(i));
	SHOW(access("/dev/tty", R_OK | W_OK));
	SHOW(fd = open("/dev/tty", O_PATH));
	SHOW(close(fd));
	return 0;
}
