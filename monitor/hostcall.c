/* What the monitor does for a LibOS: the host calls of uni/hostcall.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <linux/futex.h>
#include <sched.h>
#include <sys/syscall.h>
#include <uni/gate.h>
#include <uni/hostcall.h>
#include "cpu.h"
#include "crash.h"
#include "cvm.h"
#include "hostcall.h"
#include "host_signal.h"
#include "hostfs.h"
#include "log.h"
#include "shm.h"
#include "thread.h"
#include "trace.h"

/* Memory the LibOS names must be its own or its app's. */
static int caller_may_use(const struct gate_block *gate, long ptr, long len)
{
	return len >= 0 && (uni_cap_covers(&gate->libos_ddc, (uint64_t)ptr, (uint64_t)len) ||
			    uni_cap_covers(&gate->app_ddc, (uint64_t)ptr, (uint64_t)len));
}

static long result(long ret)
{
	return ret < 0 ? -errno : ret;
}

/* Fresh pages may replace any of the caller's own: a LibOS gives the pages of its heap that
 * showed a shared memory object back to the heap so. Protections change in the app's region
 * only. */
static long map_pages(const struct gate_block *gate, long addr, long len, long prot, int fresh)
{
	if ((addr | len) & 4095 || len <= 0 || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) ||
	    !(uni_cap_covers(&gate->app_ddc, (uint64_t)addr, (uint64_t)len) ||
	      (fresh && uni_cap_covers(&gate->libos_ddc, (uint64_t)addr, (uint64_t)len))))
		return -EINVAL;
	if (!fresh)
		return result(mprotect((void *)addr, (size_t)len, (int)prot));
	void *got = mmap((void *)addr, (size_t)len, (int)prot,
			 MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	return got == MAP_FAILED ? -errno : 0;
}

/* TCGETS fills the kernel's struct termios (asm/termbits.h), which is
 * smaller than glibc's. */
#define KERNEL_TERMIOS_SIZE 36

static long request_size(long request)
{
	return request == TIOCGWINSZ ? (long)sizeof(struct winsize) : KERNEL_TERMIOS_SIZE;
}

static long tty_ioctl(long fd, long request, long arg)
{
	if (fd < 0 || fd > 2)
		return -EBADF;
	if (request == TIOCGWINSZ)
		return result(ioctl((int)fd, TIOCGWINSZ, (struct winsize *)arg));
	if (request == TCGETS)
		return result(ioctl((int)fd, TCGETS, (void *)arg));
	return -ENOTTY;
}

static long log_line(const struct gate_block *gate, const char *buf, long len)
{
	const struct cvm *app = cvm_by_id((int)gate->cvm_id);

	log_info("[%s] %.*s", app && app->server ? app->server->cfg->name : "?", (int)len, buf);
	return 0;
}

/* The host's futex on the same addresses: the app's memory and the LibOS's are this
 * process's. The LibOS checked the command; the words must be the caller's. */
static long futex(const struct gate_block *gate, long args_at)
{
	struct uni_futex_args f;
	long cmd;

	if (!caller_may_use(gate, args_at, sizeof(f)))
		return -EFAULT;
	memcpy(&f, (const void *)args_at, sizeof(f));
	cmd = f.op & FUTEX_CMD_MASK;
	if (!caller_may_use(gate, (long)f.uaddr, 4))
		return -EFAULT;
	if ((cmd == FUTEX_REQUEUE || cmd == FUTEX_CMP_REQUEUE || cmd == FUTEX_WAKE_OP) &&
	    !caller_may_use(gate, (long)f.uaddr2, 4))
		return -EFAULT;
	if ((cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET) && f.timeout &&
	    !caller_may_use(gate, (long)f.timeout, sizeof(struct timespec)))
		return -EFAULT;
	if (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET)
		return interruptible_syscall(&gate->interrupt, SYS_futex, (long)f.uaddr, f.op, f.val,
					     (long)f.timeout, (long)f.uaddr2, f.val3);
	return result(syscall(SYS_futex, f.uaddr, f.op, f.val, f.timeout, f.uaddr2, f.val3));
}

static long serve(struct gate_block *gate, long nr, long a0, long a1, long a2, long a3, long a4)
{
	struct timespec ts;

	switch (nr) {
	case HC_WRITE:
		if (a0 < 1 || a0 > 2)
			return -EBADF;
		if (!caller_may_use(gate, a1, a2))
			return -EFAULT;
		return result(write((int)a0, (void *)a1, (size_t)a2));
	case HC_READ:
		if (a0 != 0)
			return -EBADF;
		if (!caller_may_use(gate, a1, a2))
			return -EFAULT;
		return interruptible_syscall(&gate->interrupt, SYS_read, 0, a1, a2, 0, 0, 0);
	case HC_EXIT:
		cvm_end(gate, (int)(a0 & 0xff));
	case HC_MAP:
		return map_pages(gate, a0, a1, a2, 1);
	case HC_PROTECT:
		return map_pages(gate, a0, a1, a2, 0);
	case HC_CLOCK_GETTIME:
		if (!caller_may_use(gate, a1, sizeof(ts)))
			return -EFAULT;
		if (clock_gettime((clockid_t)a0, &ts))
			return -errno;
		memcpy((void *)a1, &ts, sizeof(ts));
		return 0;
	case HC_CLOCK_GETRES:
		if (!caller_may_use(gate, a1, sizeof(ts)))
			return -EFAULT;
		if (clock_getres((clockid_t)a0, &ts))
			return -errno;
		memcpy((void *)a1, &ts, sizeof(ts));
		return 0;
	case HC_GETRANDOM:
		if (!caller_may_use(gate, a0, a1))
			return -EFAULT;
		return result(getrandom((void *)a0, (size_t)a1, 0));
	case HC_SET_APP_FS:
		if (!uni_cap_covers(&gate->app_ddc, (uint64_t)a0, 0))
			return -EPERM;
		gate->app_fs = (uint64_t)a0;
		return 0;
	case HC_TTY_IOCTL:
		if (!caller_may_use(gate, a2, request_size(a1)))
			return -EFAULT;
		return tty_ioctl(a0, a1, a2);
	case HC_UNAME:
		if (!caller_may_use(gate, a0, sizeof(struct utsname)))
			return -EFAULT;
		return result(uname((struct utsname *)a0));
	case HC_LOG:
		if (!caller_may_use(gate, a0, a1))
			return -EFAULT;
		return log_line(gate, (const char *)a0, a1);
	case HC_KILLED:
		if (a0 < 1 || a0 > 64)
			return -EINVAL;
		crash_cvm_killed((int)a0, (uint64_t)a1, (uint64_t)a2);
	case HC_TRACE:
		if (!caller_may_use(gate, a0, a1))
			return -EFAULT;
		trace_write((const char *)a0, (size_t)a1);
		return 0;
	case HC_SHM_NEW:
		return shm_new(gate, a0);
	case HC_SHM_RESIZE:
		return shm_resize(gate, a0, a1);
	case HC_SHM_MAP:
		return shm_map(gate, a0, a1, a2, a3, a4);
	case HC_SHM_FREE:
		return shm_free(gate, a0);
	case HC_FS_LOOKUP ... HC_FS_PATH: {
		const struct cvm *app = cvm_by_id((int)gate->cvm_id);
		const long args[5] = { a0, a1, a2, a3, a4 };
		return hostfs_serve(app && app->server ? app->server->hostfs : NULL, gate, nr, args);
	}
	case HC_THREAD_CREATE:
		if (!caller_may_use(gate, a0, sizeof(struct uni_thread_start)))
			return -EFAULT;
		return thread_create(gate, (struct uni_thread_start *)a0);
	case HC_THREAD_EXIT:
		thread_exit(gate, (int)(a0 & 0xff));
	case HC_FUTEX:
		return futex(gate, a0);
	case HC_YIELD:
		return result(sched_yield());
	case HC_MEMBARRIER:
		return result(syscall(SYS_membarrier, a0, a1, a2));
	case HC_THREAD_INTERRUPT:
		return thread_interrupt((int)a0);
	case HC_TAKE_SIGNALS:
		return host_signals_take();
	case HC_GETRUSAGE:
		if (!caller_may_use(gate, a1, sizeof(struct rusage)))
			return -EFAULT;
		return result(getrusage((int)a0, (struct rusage *)a1));
	case HC_SETITIMER:
		if (a0 < ITIMER_REAL || a0 > ITIMER_PROF)
			return -EINVAL;
		if ((a1 && !caller_may_use(gate, a1, sizeof(struct itimerval))) ||
		    (a2 && !caller_may_use(gate, a2, sizeof(struct itimerval))))
			return -EFAULT;
		if (!a1)
			return result(getitimer((int)a0, (struct itimerval *)a2));
		return result(setitimer((int)a0, (const struct itimerval *)a1, (struct itimerval *)a2));
	default:
		log_error("unknown host call %ld from the LibOS: -ENOSYS", nr);
		return -ENOSYS;
	}
}

long hostcall_dispatch(long nr, long a0, long a1, long a2, long a3, long a4)
{
	struct gate_block *gate = cpu_gs_base();
	long args[5] = { a0, a1, a2, a3, a4 };

	if (nr == HC_EXIT || nr == HC_KILLED || nr == HC_THREAD_EXIT)
		trace_hostcall(nr, args, 0);
	long result = serve(gate, nr, a0, a1, a2, a3, a4);
	trace_hostcall(nr, args, result);
	return result;
}
