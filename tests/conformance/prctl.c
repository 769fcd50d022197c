/* prctl: the thread's name (per thread, inherited by a new thread, cut to 15 bytes),
 * dumpable, the parent-death signal, timer slack, no_new_privs, and unknown options. */
#include <signal.h>
#include <sys/prctl.h>
#include "check.h"

static char name_in_thread[16];

static void *in_named_thread(void *unused)
{
	char name[16];

	(void)unused;
	prctl(PR_GET_NAME, name);
	printf("thread: inherited name \"%s\"\n", name);
	int sig = -1;
	prctl(PR_GET_PDEATHSIG, &sig);
	printf("thread: pdeathsig is %d\n", sig);
	SHOW(prctl(PR_GET_TIMERSLACK));
	SHOW(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
	SHOW(prctl(PR_SET_NAME, "worker"));
	prctl(PR_GET_NAME, name_in_thread);
	return NULL;
}

int main(int argc, char **argv)
{
	char name[32];
	int sig = -1;
	pthread_t thread;

	(void)argc;
	memset(name, 'x', sizeof(name));
	SHOW(prctl(PR_GET_NAME, name));
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	printf("name is the program's: %d, padded to 16: %d\n", !strncmp(name, base, 15),
	       name[15] == 0 && name[16] == 'x');
	SHOW(prctl(PR_SET_NAME, "main-thread"));
	SHOW(prctl(PR_GET_NAME, name));
	printf("name \"%s\"\n", name);
	SHOW(prctl(PR_SET_NAME, "a-name-of-twenty-bytes"));
	prctl(PR_GET_NAME, name);
	printf("name \"%s\"\n", name);
	SHOW(prctl(PR_SET_NAME, ""));
	prctl(PR_GET_NAME, name);
	printf("name \"%s\"\n", name);
	SHOW(prctl(PR_SET_NAME, NULL));
	SHOW(prctl(PR_GET_NAME, NULL));
	SHOW(prctl(PR_SET_NAME, "parent"));

	SHOW(prctl(PR_GET_DUMPABLE));
	SHOW(prctl(PR_SET_DUMPABLE, 0));
	SHOW(prctl(PR_GET_DUMPABLE));
	SHOW(prctl(PR_SET_DUMPABLE, 2));
	SHOW(prctl(PR_SET_DUMPABLE, 1));
	SHOW(prctl(PR_GET_DUMPABLE));

	SHOW(prctl(PR_GET_PDEATHSIG, &sig));
	printf("pdeathsig %d\n", sig);
	SHOW(prctl(PR_SET_PDEATHSIG, SIGTERM));
	SHOW(prctl(PR_GET_PDEATHSIG, &sig));
	printf("pdeathsig %d\n", sig);
	SHOW(prctl(PR_SET_PDEATHSIG, 65));
	SHOW(prctl(PR_SET_PDEATHSIG, -1));
	SHOW(prctl(PR_GET_PDEATHSIG, NULL));

	SHOW(prctl(PR_GET_TIMERSLACK));
	SHOW(prctl(PR_SET_TIMERSLACK, 1000));
	SHOW(prctl(PR_GET_TIMERSLACK));

	SHOW(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
	SHOW(prctl(PR_GET_NO_NEW_PRIVS, 1, 0, 0, 0));
	SHOW(prctl(PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0));
	SHOW(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 1));
	SHOW(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
	SHOW(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));

	pthread_create(&thread, NULL, in_named_thread, NULL);
	pthread_join(thread, NULL);
	printf("the thread named itself \"%s\"\n", name_in_thread);
	prctl(PR_GET_NAME, name);
	printf("main is still \"%s\"\n", name);
	SHOW(prctl(PR_SET_TIMERSLACK, 0));
	SHOW(prctl(PR_GET_TIMERSLACK));

	SHOW(prctl(0x7fff0000, 1, 2, 3, 4));
	return 0;
}
