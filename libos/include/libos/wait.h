/* Wait queues: how a LibOS handler waits for another thread (issue 4).
 *
 * A wait queue is a 32-bit sequence word in LibOS memory. A waiter, under the
 * LibOS's lock, finds its condition false and calls waitq_wait: that takes the
 * sequence, drops the lock, sleeps in the host's futex on the word (HC_FUTEX,
 * FUTEX_WAIT with the sequence it saw), then retakes the lock; the caller
 * checks its condition again. A waker, under the lock, changes the state and
 * calls waitq_wake: the sequence moves on, so a waiter that has not gone to
 * sleep yet does not, and the sleepers are woken. Every waitq_wake also wakes
 * waitq_any, the queue that poll and select wait on. */
#ifndef LIBOS_WAIT_H
#define LIBOS_WAIT_H

#include <stdint.h>
#include <linux/time_types.h>

struct waitq {
	uint32_t seq;
	int waiters; /* under the lock: a wake without sleepers makes no host call */
};

/* Bumped by every waitq_wake: "something a poll could see changed". */
extern struct waitq waitq_any;

/* Called with the lock held; returns with it held. timeout: relative
 * (CLOCK_MONOTONIC), or NULL to wait without end. 0 when woken (or woken for
 * nothing: check again), -ETIMEDOUT when the timeout passed, -EINTR when a
 * signal came for this thread (the caller returns -ERESTARTSYS or
 * -ERESTARTNOHAND, or what it has done so far, and signal_syscall_end
 * decides). */
long waitq_wait(struct waitq *wq, const struct __kernel_timespec *timeout);

/* Wait for nothing but a signal for this thread (-EINTR) or, with deadline,
 * the absolute time on CLOCK_MONOTONIC (or CLOCK_REALTIME) (-ETIMEDOUT); 0:
 * woken for nothing. Lock held as for waitq_wait. */
long wait_interrupted(const struct __kernel_timespec *deadline, int realtime);

/* futex(2) on the host (HC_FUTEX), on an address in the LibOS's or its app's region;
 * timeout is the LibOS's copy, or val2 as a number for the requeue commands. */
long host_futex(void *uaddr, long op, long val, const void *timeout, void *uaddr2, long val3);

/* Called with the lock held: wakes every waiter of wq and of waitq_any. */
void waitq_wake(struct waitq *wq);

/* How many threads the app has now (1 until it clones). */
int libos_threads(void);

/* A wait without end that only this very thread could end: the app has one thread, no
 * signal handler and no interval timer (a signal could still kill it). The callers fail
 * with EDEADLK, logged once, instead of hanging. */
int wait_would_deadlock(void);

#endif
