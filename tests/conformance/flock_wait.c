/* A blocking flock(2) waits for another thread's description to unlock or close; a signal
 * interrupts it (EINTR), or restarts it under SA_RESTART. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>
#include "check.h"

static int waiter_op, done;

static void on_signal(int sig)
{
	(void)sig;
}

/* Open the file anew and lock it with waiter_op: the error number, or 0. */
static void *waiter(void *arg)
{
	int fd = open("f", O_RDWR);
	int err = flock(fd, waiter_op) ? errno : 0;

	(void)arg;
	__atomic_store_n(&done, 1, __ATOMIC_SEQ_CST);
	close(fd);
	return (void *)(long)err;
}

static pthread_t start(int op)
{
	pthread_t t;

	waiter_op = op;
	done = 0;
	pthread_create(&t, NULL, waiter, NULL);
	return t;
}

static void finish(const char *what, pthread_t t)
{
	void *result;

	pthread_join(t, &result);
	printf("%s: %s\n", what, errno_name((int)(long)result));
}

static void pause_ms(long ms)
{
	struct timespec ts = { 0, ms * 1000000 };

	nanosleep(&ts, NULL);
}

static void set_handler(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = flags;
	sigaction(SIGUSR1, &sa, NULL);
}

int main(void)
{
	int fd;
	pthread_t t;

	umask(022);
	SHOW(chdir(test_dir("flock_wait", 0)));
	make_file("f", "data");
	SHOW(fd = open("f", O_RDWR));

	/* Unlocked by the holder. */
	SHOW(flock(fd, LOCK_EX));
	t = start(LOCK_SH);
	pause_ms(100);
	printf("waiter done before unlock: %d\n", __atomic_load_n(&done, __ATOMIC_SEQ_CST));
	SHOW(flock(fd, LOCK_UN));
	finish("shared after unlock", t);

	/* Released by the last close; a shared holder blocks an exclusive waiter. */
	SHOW(flock(fd, LOCK_SH));
	t = start(LOCK_EX);
	pause_ms(100);
	printf("waiter done before close: %d\n", __atomic_load_n(&done, __ATOMIC_SEQ_CST));
	SHOW(close(fd));
	finish("exclusive after close", t);

	/* Interrupted: without SA_RESTART it fails with EINTR. */
	set_handler(0);
	SHOW(fd = open("f", O_RDWR));
	SHOW(flock(fd, LOCK_EX));
	t = start(LOCK_EX);
	while (!__atomic_load_n(&done, __ATOMIC_SEQ_CST)) {
		pause_ms(50);
		pthread_kill(t, SIGUSR1);
	}
	finish("interrupted", t);

	/* With SA_RESTART it goes on waiting, until the unlock. */
	set_handler(SA_RESTART);
	t = start(LOCK_EX);
	for (int i = 0; i < 4; i++) {
		pause_ms(50);
		pthread_kill(t, SIGUSR1);
	}
	printf("waiter done before unlock: %d\n", __atomic_load_n(&done, __ATOMIC_SEQ_CST));
	SHOW(flock(fd, LOCK_UN));
	finish("restarted", t);
	SHOW(flock(fd, LOCK_EX | LOCK_NB));
	close(fd);
	return 0;
}
