/* pipe2(2): O_CLOEXEC, O_NONBLOCK and O_DIRECT, flags it refuses, and a bad array. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int p[2];

	SHOW(pipe2(p, O_CLOEXEC));
	SHOW(fcntl(p[0], F_GETFD));
	SHOW(fcntl(p[1], F_GETFD));
	SHOW(fcntl(p[0], F_GETFL));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	SHOW(pipe2(p, O_NONBLOCK));
	SHOW(fcntl(p[0], F_GETFL) == (O_RDONLY | O_NONBLOCK));
	SHOW(fcntl(p[1], F_GETFL) == (O_WRONLY | O_NONBLOCK));
	SHOW(fcntl(p[0], F_GETFD));
	SHOW(fcntl(p[0], F_SETFL, 0));
	SHOW(fcntl(p[0], F_GETFL));
	SHOW(fcntl(p[1], F_GETFL) == (O_WRONLY | O_NONBLOCK));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	SHOW(pipe2(p, O_DIRECT | O_CLOEXEC | O_NONBLOCK));
	SHOW(fcntl(p[1], F_GETFL) == (O_WRONLY | O_NONBLOCK | O_DIRECT));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	SHOW(pipe2(p, O_APPEND));
	SHOW(pipe2(p, O_RDWR));
	SHOW(pipe2(p, O_NOFOLLOW));
	SHOW(pipe2(p, -1));
	SHOW(syscall(SYS_pipe2, 0, 0));
	SHOW(syscall(SYS_pipe2, (int *)0x1000, O_CLOEXEC));
	SHOW(syscall(SYS_pipe, 0));
	/* A failed pipe2 takes no fds. */
	SHOW(p[0] = dup(0));
	SHOW(close(p[0]));
	return 0;
}
