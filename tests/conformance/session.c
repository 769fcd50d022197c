/* Process groups and sessions of a session leader, as the app is (the first process of
 * its PID namespace, made a session leader): it leads its group and its session, so
 * setsid and setpgid fail; its threads are in both. Natively the program first makes a
 * child of its own a session leader and runs there. */
#include <sys/syscall.h>
#include <sys/wait.h>
#include "check.h"

#define NO_SUCH_PID 0x3fffffff /* above any pid_max */

static void *in_other_thread(void *unused)
{
	(void)unused;
	printf("thread: getpgid(0) is the pid: %d\n", getpgid(0) == getpid());
	printf("thread: getsid(0) is the pid: %d\n", getsid(0) == getpid());
	printf("thread: getpgid(own tid) is the pid: %d\n",
	       getpgid((pid_t)syscall(SYS_gettid)) == getpid());
	SHOW(setpgid((pid_t)syscall(SYS_gettid), 0));
	SHOW(setpgid(0, 0));
	return NULL;
}

int main(void)
{
	if (getsid(0) != getpid()) {
		int status;
		pid_t child = fork();
		if (child < 0)
			return 1;
		if (child) {
			waitpid(child, &status, 0);
			return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
		}
		if (setsid() < 0)
			return 1;
	}
	printf("getpgrp() is the pid: %d\n", getpgrp() == getpid());
	printf("getpgid(0) is getpgrp(): %d\n", getpgid(0) == getpgrp());
	printf("getpgid(getpid()) is getpgrp(): %d\n", getpgid(getpid()) == getpgrp());
	printf("getsid(0) is the pid: %d\n", getsid(0) == getpid());
	printf("getsid(getpid()) is the pid: %d\n", getsid(getpid()) == getpid());
	SHOW(getpgid(NO_SUCH_PID));
	SHOW(getpgid(-1));
	SHOW(getsid(NO_SUCH_PID));
	SHOW(getsid(-1));
	SHOW(setsid());
	SHOW(setpgid(0, 0));
	SHOW(setpgid(getpid(), getpid()));
	SHOW(setpgid(0, NO_SUCH_PID));
	SHOW(setpgid(0, -1));
	SHOW(setpgid(-1, 0));
	SHOW(setpgid(NO_SUCH_PID, 0));
	SHOW(setpgid(NO_SUCH_PID, -1));
	pthread_t thread;
	pthread_create(&thread, NULL, in_other_thread, NULL);
	pthread_join(thread, NULL);
	printf("still the group and the session: %d\n",
	       getpgrp() == getpid() && getsid(0) == getpid());
	return 0;
}
