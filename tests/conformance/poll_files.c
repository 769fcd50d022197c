/* poll(2) on files without a poll method (regular files, directories, devices): always
 * readable and writable. Closed fds give POLLNVAL, negative ones are skipped, O_PATH fds are
 * not there for poll. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include "check.h"

static void check(const char *what, int fd, short events)
{
	struct pollfd pfd = { fd, events, 0x7fff };

	errno = 0;
	int n = poll(&pfd, 1, 0);
	printf("%s: poll = %d %s revents %s\n", what, n, n < 0 ? errno_name(errno) : "",
	       poll_names(pfd.revents));
}

int main(void)
{
	short all = POLLIN | POLLOUT | POLLPRI | POLLRDNORM | POLLWRNORM | POLLRDBAND | POLLWRBAND;
	int fd;

	SHOW(chdir(test_dir("poll_files", 0)));
	SHOW(fd = open("f", O_CREAT | O_RDWR, 0644));
	check("file", fd, all);
	check("file POLLIN", fd, POLLIN);
	check("file none", fd, 0);
	SHOW(close(fd));
	SHOW(fd = open("f", O_RDONLY));
	check("read-only file", fd, all);
	SHOW(close(fd));
	SHOW(fd = open(".", O_RDONLY | O_DIRECTORY));
	check("directory", fd, all);
	SHOW(close(fd));
	SHOW(fd = open("/dev/null", O_WRONLY));
	check("/dev/null", fd, all);
	SHOW(close(fd));
	SHOW(fd = open("/dev/zero", O_RDONLY));
	check("/dev/zero", fd, all);
	SHOW(close(fd));
	SHOW(fd = open("f", O_PATH));
	check("O_PATH", fd, all);
	SHOW(close(fd));
	check("closed", fd, all);
	check("closed, no events", fd, 0);
	check("negative", -1, all);
	check("very negative", -12345, all);

	struct pollfd many[4] = {
		{ 1000, POLLIN, 0 }, { -1, POLLIN, 7 }, { 99, 0, 0 }, { -3, 0, 0 }
	};
	SHOW(fd = open("f", O_RDONLY));
	many[0].fd = fd;
	many[3].fd = fd;
	SHOW(poll(many, 4, 0));
	for (int i = 0; i < 4; i++)
		printf("entry %d: revents %s\n", i, poll_names(many[i].revents));
	SHOW(close(fd));
	SHOW(unlink("f"));
	SHOW(chdir("/"));
	remove_tree(test_dir("poll_files", 0));
	return 0;
}
