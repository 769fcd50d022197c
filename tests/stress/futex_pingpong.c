/* Raw futex ping-pong: two threads flip one word 2*10^5 times, each waiting
 * with FUTEX_WAIT_PRIVATE until the other has flipped it and woken it. */
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "stress.h"

/* From <linux/futex.h>, which musl's sysroot does not have. */
#define FUTEX_WAIT_PRIVATE (0 | 128)
#define FUTEX_WAKE_PRIVATE (1 | 128)

static _Atomic int word; /* even: the main thread's turn, odd: the other's */
static long rounds;

static void futex_wait(int expected)
{
	syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, expected, NULL, NULL, 0);
}

static void futex_wake(void)
{
	syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

/* Wait for parity, then advance the word by one and wake the other side. */
static void play(int parity)
{
	for (long i = 0; i < rounds; i++) {
		int v;
		while ((v = atomic_load(&word)) % 2 != parity)
			futex_wait(v);
		atomic_store(&word, v + 1);
		futex_wake();
	}
}

static void *other(void *arg)
{
	(void)arg;
	play(1);
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t thread;

	rounds = arg_count(argc, argv, 100000);
	CHECK(pthread_create(&thread, NULL, other, NULL));
	play(0);
	CHECK(pthread_join(thread, NULL));
	printf("futex ping-pong word %d\n", atomic_load(&word));
	return atomic_load(&word) != 2 * rounds;
}
