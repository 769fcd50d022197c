/* Pointers outside the program's memory given to the descriptor calls: pipe's array, poll's
 * and select's sets, the lock of fcntl, ioctl's argument, what is written to an eventfd. (A
 * read of an eventfd into a bad buffer is not here: Linux takes the count, then fails.) */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static void *const outside[] = { (void *)0x400000000, (void *)0x480000000,
				 (void *)0xffff800000000000 };

int main(void)
{
	const char *dir = test_dir("efault-fd", 0);
	char path[300];
	int fd, efd, fds[2];

	snprintf(path, sizeof(path), "%s/file", dir);
	SHOW(fd = open(path, O_CREAT | O_RDWR, 0644));
	SHOW(efd = eventfd(1, 0));
	SHOW(pipe(fds));
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		void *p = outside[i];
		printf("-- %p\n", p);
		SHOW(syscall(SYS_pipe, p));
		SHOW(syscall(SYS_pipe2, p, O_CLOEXEC));
		SHOW(syscall(SYS_poll, p, 1, 0));
		SHOW(syscall(SYS_ppoll, p, 1, NULL, NULL, 8));
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		SHOW(syscall(SYS_ppoll, &pfd, 1, p, NULL, 8));
		SHOW(syscall(SYS_select, 4, p, NULL, NULL, NULL));
		fd_set set;
		FD_ZERO(&set);
		FD_SET(fds[1], &set);
		SHOW(syscall(SYS_select, fds[1] + 1, NULL, &set, NULL, p));
		SHOW(syscall(SYS_fcntl, fd, F_SETLK, p));
		SHOW(syscall(SYS_fcntl, fd, F_OFD_GETLK, p));
		SHOW(syscall(SYS_ioctl, fd, FIONREAD, p));
		SHOW(syscall(SYS_ioctl, fds[0], FIONREAD, p));
		SHOW(syscall(SYS_ioctl, fd, FIONBIO, p));
		SHOW(syscall(SYS_ioctl, fd, FIOQSIZE, p));
		SHOW(syscall(SYS_write, efd, p, 8));
		SHOW(syscall(SYS_getdents64, fd, p, 4096));
	}
	uint64_t count;
	SHOW(read(efd, &count, sizeof(count)));
	printf("eventfd still counts %lu\n", (unsigned long)count);
	SHOW(close(fds[0]));
	SHOW(close(fds[1]));
	SHOW(close(efd));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
