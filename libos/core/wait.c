/* Wait queues (libos/wait.h): a sequence word and the host's futex. */
#include <linux/futex.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/lock.h>
#include <libos/signal.h>
#include <libos/wait.h>

struct waitq waitq_any;

long host_futex(void *uaddr, long op, long val, const void *timeout, void *uaddr2, long val3)
{
	struct uni_futex_args args = { (unsigned long)uaddr, op, val, (unsigned long)timeout,
				       (unsigned long)uaddr2, val3 };

	return hostcall(HC_FUTEX, (long)&args, 0, 0, 0, 0);
}

long waitq_wait(struct waitq *wq, const struct __kernel_timespec *timeout)
{
	/* Wakers hold the lock: the sequence cannot move between the caller's check
	 * and here, and any change after the unlock makes FUTEX_WAIT return. */
	uint32_t seen = __atomic_load_n(&wq->seq, __ATOMIC_RELAXED);

	wq->waiters++;
	libos_unlock();
	long ret = host_futex(&wq->seq, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, seen, timeout, 0, 0);
	libos_lock();
	wq->waiters--;
	return ret == -ETIMEDOUT || ret == -EINTR ? ret : 0;
}

long wait_interrupted(const struct __kernel_timespec *deadline, int realtime)
{
	uint32_t never_woken = 0;

	libos_unlock();
	long ret = host_futex(&never_woken,
			      FUTEX_WAIT_BITSET | (realtime ? FUTEX_CLOCK_REALTIME : 0), 0, deadline,
			      0, FUTEX_BITSET_MATCH_ANY);
	libos_lock();
	return ret == -ETIMEDOUT || ret == -EINTR ? ret : 0;
}

static void wake(struct waitq *wq)
{
	__atomic_add_fetch(&wq->seq, 1, __ATOMIC_RELEASE);
	if (wq->waiters)
		host_futex(&wq->seq, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, INT32_MAX, 0, 0, 0);
}

void waitq_wake(struct waitq *wq)
{
	if (wq)
		wake(wq);
	wake(&waitq_any);
}

int wait_would_deadlock(void)
{
	return libos_threads() < 2 && !signal_may_come();
}
