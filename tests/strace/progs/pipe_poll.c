/* Pipes, eventfds and waiting for them: fd pairs, poll and select sets,
 * their results, sendfile's offset. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct pollfd fds[2];
	struct timespec ts = { 0, 1000000 };
	struct timeval tv = { 0, 0 };
	fd_set readable, writable;
	sigset_t mask;
	off_t offset = 1;
	int p[2], q[2], file;

	getppid();
	pipe(p);
	pipe2(q, O_CLOEXEC | O_NONBLOCK);
	fds[0].fd = p[0];
	fds[0].events = POLLIN;
	fds[1].fd = p[1];
	fds[1].events = POLLOUT;
	poll(fds, 1, 0);
	write(p[1], "ab", 2);
	poll(fds, 2, 100);
	sigemptyset(&mask);
	ppoll(fds, 1, 0, &mask);
	FD_ZERO(&readable);
	FD_ZERO(&writable);
	FD_SET(q[0], &readable);
	select(q[0] + 1, &readable, 0, 0, &tv);
	FD_SET(p[0], &readable);
	FD_SET(p[1], &writable);
	select(q[0] + 1, &readable, &writable, 0, 0);
	FD_ZERO(&readable);
	FD_SET(q[0], &readable);
	pselect(q[0] + 1, &readable, 0, 0, &ts, 0);
	eventfd(3, EFD_CLOEXEC);
	eventfd(0, EFD_NONBLOCK | EFD_SEMAPHORE);
	dup3(p[0], 10, O_CLOEXEC);
	file = open("/tmp/uni-strace-sendfile", O_RDWR | O_CREAT | O_TRUNC, 0600);
	write(file, "hello", 5);
	sendfile(p[1], file, &offset, 16);
	sendfile(p[1], file, 0, 2);
	sendfile(p[1], 99, 0, 2);
	unlink("/tmp/uni-strace-sendfile");
	return 0;
}
