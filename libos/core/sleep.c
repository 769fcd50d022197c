/* Sleeping and timers: nanosleep, clock_nanosleep, and the interval
 * timers (setitimer, getitimer, alarm), which are the host process's
 * (HC_SETITIMER): the monitor passes their signals on to the app.
 *
 * A sleep is a wait for nothing until a deadline (wait_interrupted): a
 * signal for the thread ends it with EINTR when a handler runs (and the
 * time left in *rem for a relative sleep), and it goes on to the same
 * deadline when none does, as Linux's restart_block does. */
#include <asm/unistd.h>
#include <linux/time.h>
#include <linux/time_types.h>
#include <libos/clock.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/lock.h>
#include <libos/signal.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/wait.h>

/* The kernel's struct itimerval on x86-64. */
struct kernel_itimerval {
	struct {
		int64_t tv_sec, tv_usec;
	} interval, value;
};

/* Sleep until deadline on CLOCK_MONOTONIC or CLOCK_REALTIME, with the lock
 * held: 0 when it has passed, -EINTR when a handler is to run. */
static long sleep_until(const struct __kernel_timespec *deadline, int realtime, int nr)
{
	for (;;) {
		long ret = wait_interrupted(deadline, realtime);
		if (ret == -ETIMEDOUT)
			return 0;
		if (ret == -EINTR) {
			ret = signal_syscall_end(-ERESTART_RESTARTBLOCK, nr);
			if (ret != -ERESTARTNOINTR)
				return ret;
		}
	}
}

/* A relative sleep of req (in the app), writing the time left to rem (in the
 * app, or 0) when interrupted. */
static long sleep_for(long req, long rem, int nr)
{
	struct __kernel_timespec ts, deadline, left;
	long ret;

	libos_lock();
	ret = copy_from_cvm(&ts, (const void *)req, sizeof(ts));
	if (!ret && !timespec_valid(&ts))
		ret = -EINVAL;
	if (!ret)
		ret = deadline_after(&ts, &deadline);
	if (!ret)
		ret = sleep_until(&deadline, 0, nr);
	if (ret == -EINTR && rem) {
		time_left(&deadline, &left);
		if (copy_to_cvm((void *)rem, &left, sizeof(left)))
			ret = -EFAULT;
	}
	libos_unlock();
	return ret;
}

long sys_nanosleep(long req, long rem)
{
	return sleep_for(req, rem, __NR_nanosleep);
}

/* CLOCK_BOOTTIME counts like CLOCK_MONOTONIC here: the host's futex knows
 * only that one and CLOCK_REALTIME (a suspended machine is not a case for a
 * cVM). CPU-time clocks are not supported. */
long sys_clock_nanosleep(long clock, long flags, long req, long rem)
{
	struct __kernel_timespec deadline;
	long ret;

	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME)
		return clock == CLOCK_THREAD_CPUTIME_ID || clock < 0 || clock > CLOCK_TAI
			       ? -EINVAL
			       : -EOPNOTSUPP;
	if (!(flags & TIMER_ABSTIME))
		return sleep_for(req, rem, __NR_clock_nanosleep);
	libos_lock();
	ret = copy_from_cvm(&deadline, (const void *)req, sizeof(deadline));
	if (!ret && !timespec_valid(&deadline))
		ret = -EINVAL;
	if (!ret)
		ret = sleep_until(&deadline, clock == CLOCK_REALTIME, __NR_clock_nanosleep);
	libos_unlock();
	return ret;
}

long sys_setitimer(long which, long new_value, long old_value)
{
	struct kernel_itimerval new = { 0 }, old;
	long ret;

	/* No new value: as Linux still takes it, a zero one. */
	if (new_value && copy_from_cvm(&new, (const void *)new_value, sizeof(new)))
		return -EFAULT;
	if (new.value.tv_sec || new.value.tv_usec)
		signal_timer_armed();
	ret = hostcall(HC_SETITIMER, which, (long)&new, (long)&old, 0, 0);
	if (!ret && old_value && copy_to_cvm((void *)old_value, &old, sizeof(old)))
		return -EFAULT;
	return ret;
}

long sys_getitimer(long which, long value)
{
	struct kernel_itimerval now;
	long ret = hostcall(HC_SETITIMER, which, 0, (long)&now, 0, 0);

	if (!ret && copy_to_cvm((void *)value, &now, sizeof(now)))
		return -EFAULT;
	return ret;
}

/* alarm(2): whole seconds left of the old timer, a fraction of one rounded
 * as Linux rounds it. */
long sys_alarm(long seconds)
{
	struct kernel_itimerval new = { { 0, 0 }, { (unsigned int)seconds, 0 } }, old;
	long ret;

	if (seconds)
		signal_timer_armed();
	ret = hostcall(HC_SETITIMER, 0 /* ITIMER_REAL */, (long)&new, (long)&old, 0, 0);
	if (ret)
		return ret;
	return old.value.tv_sec + ((!old.value.tv_sec && old.value.tv_usec) ||
				   old.value.tv_usec >= USEC_PER_SEC / 2);
}
