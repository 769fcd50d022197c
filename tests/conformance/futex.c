/* The futex system call itself: value mismatch, timeout, wake counts,
 * requeue and wake_op, alignment. */
#include <pthread.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include "check.h"

/* <linux/futex.h>'s values: uni-cc's sysroot has no kernel headers. */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_REQUEUE 3
#define FUTEX_CMP_REQUEUE 4
#define FUTEX_WAKE_OP 5
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_WAIT_PRIVATE (FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE (FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE (FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_CMP_REQUEUE_PRIVATE (FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_OP_PRIVATE (FUTEX_WAKE_OP | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAIT_BITSET_PRIVATE (FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_BITSET_PRIVATE (FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG)
#define FUTEX_BITSET_MATCH_ANY 0xffffffff
#define FUTEX_OP_ADD 1
#define FUTEX_OP_CMP_EQ 0
#define FUTEX_OP(op, oparg, cmp, cmparg)                                                           \
	((((op)&0xf) << 28) | (((cmp)&0xf) << 24) | (((oparg)&0xfff) << 12) | ((cmparg)&0xfff))

static long futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *timeout,
		  uint32_t *uaddr2, uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, timeout, uaddr2, val3);
}

static uint32_t word, word2;
static int waiting;

static void *waiter(void *arg)
{
	uint32_t *w = arg;
	__atomic_fetch_add(&waiting, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(w, __ATOMIC_SEQ_CST) == 0)
		futex(w, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	return NULL;
}

/* Wake until every one of n waiters has been counted as woken; returns the total. */
static void start_waiters(pthread_t *t, int n, uint32_t *w)
{
	__atomic_store_n(&waiting, 0, __ATOMIC_SEQ_CST);
	for (int i = 0; i < n; i++)
		pthread_create(&t[i], NULL, waiter, w);
	while (__atomic_load_n(&waiting, __ATOMIC_SEQ_CST) < n)
		sched_yield();
	/* Give them time to sleep in the kernel. */
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	uint32_t never = 1;
	futex(&never, FUTEX_WAIT_PRIVATE, 1, &pause, NULL, 0);
}

int main(void)
{
	struct timespec ten_ms = { 0, 10 * 1000 * 1000 };
	pthread_t t[3];

	word = 1;
	SHOW(futex(&word, FUTEX_WAIT, 2, NULL, NULL, 0));
	SHOW(futex(&word, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0));
	struct timespec before, after;
	clock_gettime(CLOCK_MONOTONIC, &before);
	SHOW(futex(&word, FUTEX_WAIT_PRIVATE, 1, &ten_ms, NULL, 0));
	clock_gettime(CLOCK_MONOTONIC, &after);
	long ms = (after.tv_sec - before.tv_sec) * 1000 + (after.tv_nsec - before.tv_nsec) / 1000000;
	printf("waited at least 10 ms: %d\n", ms >= 10);
	struct timespec abs;
	clock_gettime(CLOCK_REALTIME, &abs);
	abs.tv_nsec += 10 * 1000 * 1000;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	SHOW(futex(&word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 1, &abs, NULL,
		   FUTEX_BITSET_MATCH_ANY));
	SHOW(futex(&word, FUTEX_WAKE_PRIVATE, 5, NULL, NULL, 0));
	SHOW(futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 5, NULL, NULL, FUTEX_BITSET_MATCH_ANY));
	SHOW(futex((uint32_t *)((char *)&word + 1), FUTEX_WAIT_PRIVATE, 1, &ten_ms, NULL, 0));
	SHOW(futex(&word, FUTEX_WAIT_PRIVATE, 1, (struct timespec *)1, NULL, 0));
	SHOW(futex(&word, 99, 0, NULL, NULL, 0) < 0);

	/* Two waiters: one wake of 1, then the other. */
	word = 0;
	start_waiters(t, 2, &word);
	__atomic_store_n(&word, 1, __ATOMIC_SEQ_CST);
	SHOW(futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
	SHOW(futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
	SHOW(futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
	pthread_join(t[0], NULL);
	pthread_join(t[1], NULL);

	/* Three waiters on word: wake 1 and requeue 2 onto word2, then wake word2's. */
	word = 0;
	word2 = 0;
	start_waiters(t, 3, &word);
	__atomic_store_n(&word, 1, __ATOMIC_SEQ_CST); /* whoever wakes up leaves */
	SHOW(futex(&word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (struct timespec *)2, &word2, 7));
	SHOW(futex(&word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (struct timespec *)2, &word2, 1));
	SHOW(futex(&word2, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0));
	SHOW(futex(&word, FUTEX_WAKE_PRIVATE, 10, NULL, NULL, 0));
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);

	/* FUTEX_REQUEUE and FUTEX_WAKE_OP with nobody waiting. */
	SHOW(futex(&word, FUTEX_REQUEUE_PRIVATE, 1, (struct timespec *)1, &word2, 0));
	word2 = 5;
	SHOW(futex(&word, FUTEX_WAKE_OP_PRIVATE, 1, (struct timespec *)1, &word2,
		   FUTEX_OP(FUTEX_OP_ADD, 3, FUTEX_OP_CMP_EQ, 5)));
	printf("word2 after wake_op: %u\n", word2);
	return 0;
}
