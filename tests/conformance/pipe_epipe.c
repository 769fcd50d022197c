/* A write to a pipe without readers: SIGPIPE, and EPIPE once the signal is ignored or
 * blocked (then it stays pending). A write of nothing needs no reader. */
#include <fcntl.h>
#include <signal.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	struct iovec iov[2] = { { "ab", 2 }, { "cd", 2 } };
	sigset_t set, pending;
	int p[2];

	SHOW(signal(SIGPIPE, SIG_IGN) == SIG_ERR);
	SHOW(pipe(p));
	SHOW(close(p[0]));
	SHOW(write(p[1], "x", 1));
	SHOW(write(p[1], "x", 0));
	SHOW(writev(p[1], iov, 2));
	SHOW(close(p[1]));

	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	SHOW(sigprocmask(SIG_BLOCK, &set, 0));
	SHOW(signal(SIGPIPE, SIG_DFL) == SIG_ERR);
	SHOW(pipe(p));
	SHOW(close(p[0]));
	SHOW(write(p[1], "x", 1));
	SHOW(sigpending(&pending));
	printf("SIGPIPE pending: %d\n", sigismember(&pending, SIGPIPE));
	/* Ignoring a pending signal discards it. */
	SHOW(signal(SIGPIPE, SIG_IGN) == SIG_ERR);
	SHOW(sigpending(&pending));
	printf("SIGPIPE pending: %d\n", sigismember(&pending, SIGPIPE));
	SHOW(sigprocmask(SIG_UNBLOCK, &set, 0));
	SHOW(write(p[1], "x", 1));
	SHOW(close(p[1]));

	/* The write end of a pipe reopened read-write is its own reader. */
	SHOW(pipe(p));
	SHOW(close(p[1]));
	SHOW(write(p[0], "x", 1));
	SHOW(close(p[0]));
	return 0;
}
