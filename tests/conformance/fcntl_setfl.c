/* F_SETFL changes O_APPEND, O_NONBLOCK, O_DIRECT and O_NOATIME and ignores the access mode
 * and creation flags; O_ASYNC sticks only where a fasync method takes it (a pipe); O_DIRECT
 * needs a file that can do it (tmpfs files can, /dev/null and directories cannot). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include "check.h"

static void setfl(const char *what, int fd, int flags)
{
	errno = 0;
	int result = fcntl(fd, F_SETFL, flags);
	printf("%s: F_SETFL %s, F_GETFL %#o\n", what, result ? errno_name(errno) : "0",
	       fcntl(fd, F_GETFL));
}

int main(void)
{
	const char *dir = test_dir("fcntl-setfl", 1);
	char path[300];
	int fd, dn, dfd, fds[2];

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	printf("file: F_GETFL %#o\n", fcntl(fd, F_GETFL));
	setfl("file O_APPEND", fd, O_APPEND);
	setfl("file O_NONBLOCK", fd, O_NONBLOCK);
	setfl("file O_ASYNC", fd, O_ASYNC);
	setfl("file O_DIRECT", fd, O_DIRECT);
	setfl("file O_NOATIME", fd, O_NOATIME);
	setfl("file O_RDONLY|O_CREAT|O_EXCL|O_TRUNC|O_SYNC|O_DSYNC", fd,
	      O_RDONLY | O_CREAT | O_EXCL | O_TRUNC | O_SYNC | O_DSYNC);
	setfl("file O_WRONLY|O_NOCTTY|O_CLOEXEC", fd, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	setfl("file everything", fd, -1);
	setfl("file nothing", fd, 0);

	SHOW(dn = open("/dev/null", O_RDWR));
	setfl("/dev/null O_DIRECT", dn, O_DIRECT);
	setfl("/dev/null O_ASYNC|O_NONBLOCK", dn, O_ASYNC | O_NONBLOCK);
	SHOW(dfd = open(dir, O_RDONLY | O_DIRECTORY));
	setfl("directory O_DIRECT", dfd, O_DIRECT);
	setfl("directory O_APPEND", dfd, O_APPEND);
	SHOW(pipe(fds));
	setfl("pipe O_ASYNC", fds[0], O_ASYNC);
	setfl("pipe O_NONBLOCK", fds[0], O_NONBLOCK);
	setfl("pipe nothing", fds[0], 0);
	SHOW(fcntl(999, F_SETFL, 0));
	SHOW(fcntl(fd, 12345, 0));
	SHOW(close(fds[0]));
	SHOW(close(fds[1]));
	SHOW(close(dfd));
	SHOW(close(dn));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
