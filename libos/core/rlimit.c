/* Resource limits (prlimit64, getrlimit, setrlimit), resource usage
 * (getrusage) and the nice value (getpriority, setpriority) of the app.
 *
 * The limits are the LibOS's own: they start as Linux's defaults for a new
 * process, with what the cVM really has where that is less (the fd table,
 * the main thread's 8 MiB stack, one pending signal of each kind); the app
 * runs as root, so it may raise a hard limit, up to what the LibOS has.
 * RLIMIT_NOFILE is enforced (the fd table); the others are kept and
 * reported, as the region bounds memory anyway. Usage is the host
 * process's: the monitor's threads are the app's. */
#include <linux/resource.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/vfs.h>

#define INF RLIM64_INFINITY

static struct rlimit64 limits[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { INF, INF },
	[RLIMIT_FSIZE] = { INF, INF },
	[RLIMIT_DATA] = { INF, INF },
	[RLIMIT_STACK] = { 8 << 20, 8 << 20 }, /* the main thread's stack, fixed */
	[RLIMIT_CORE] = { 0, INF },
	[RLIMIT_RSS] = { INF, INF },
	[RLIMIT_NPROC] = { 257, 257 }, /* the main thread and the monitor's 256 slots */
	[RLIMIT_NOFILE] = { FD_MAX, FD_MAX },
	[RLIMIT_MEMLOCK] = { 8 << 20, 8 << 20 },
	[RLIMIT_AS] = { INF, INF },
	[RLIMIT_LOCKS] = { INF, INF },
	[RLIMIT_SIGPENDING] = { 64, 64 },
	[RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
	[RLIMIT_RTTIME] = { INF, INF },
};

/* What the LibOS can give at most, whatever the app asks for. */
static uint64_t ceiling(unsigned resource)
{
	switch (resource) {
	case RLIMIT_NOFILE:
		return FD_MAX;
	case RLIMIT_STACK:
		return 8 << 20;
	case RLIMIT_NPROC:
		return 257;
	default:
		return INF;
	}
}

long sys_prlimit64(long pid, long resource, long new_limit, long old_limit)
{
	struct rlimit64 new;

	if ((unsigned long)resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (pid != 0 && pid != APP_PID)
		return -ESRCH;
	if (new_limit) {
		if (copy_from_cvm(&new, (const void *)new_limit, sizeof(new)))
			return -EFAULT;
		if (new.rlim_cur > new.rlim_max)
			return -EINVAL;
		if (new.rlim_max > ceiling((unsigned)resource))
			return -EPERM;
	}
	if (old_limit && copy_to_cvm((void *)old_limit, &limits[resource], sizeof(new)))
		return -EFAULT;
	if (new_limit) {
		limits[resource] = new;
		if (resource == RLIMIT_NOFILE)
			fd_set_limit((int)new.rlim_cur);
	}
	return 0;
}

/* The old calls take struct rlimit, the same as struct rlimit64 on x86-64. */
long sys_getrlimit(long resource, long limit)
{
	return sys_prlimit64(0, resource, 0, limit);
}

long sys_setrlimit(long resource, long limit)
{
	if (!limit)
		return -EFAULT;
	return sys_prlimit64(0, resource, limit, 0);
}

long sys_getrusage(long who, long usage)
{
	/* struct rusage: two timevals and fourteen longs. */
	long buf[18];

	if (who != RUSAGE_SELF && who != RUSAGE_THREAD && who != RUSAGE_CHILDREN)
		return -EINVAL;
	long ret = hostcall(HC_GETRUSAGE, who, (long)buf, 0, 0, 0);
	if (!ret && copy_to_cvm((void *)usage, buf, sizeof(buf)))
		return -EFAULT;
	return ret;
}

static int nice_value; /* -20 .. 19 */

/* One process, one user, one group: all "who"s of the app are the app. */
static long check_who(long which, long who)
{
	if (which != PRIO_PROCESS && which != PRIO_PGRP && which != PRIO_USER)
		return -EINVAL;
	if (which == PRIO_USER ? who != 0 : who != 0 && who != APP_PID)
		return -ESRCH;
	return 0;
}

/* The system call's value is 20 - nice, so that it is never negative. */
long sys_getpriority(long which, long who)
{
	long err = check_who(which, who);

	return err ? err : 20 - nice_value;
}

long sys_setpriority(long which, long who, long prio)
{
	long err = check_who(which, who);

	if (err)
		return err;
	nice_value = prio < -20 ? -20 : prio > 19 ? 19 : (int)prio;
	return 0;
}
