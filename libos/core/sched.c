/* What each thread keeps of its own, as Linux keeps it in its task_struct:
 * its scheduling policy and priority (sched_setscheduler and friends) and
 * what prctl sets: its name (comm), parent-death signal, timer slack and
 * no_new_privs; and the process's dumpable flag.
 *
 * They are kept, reported and inherited, and change nothing else: the
 * host schedules the monitor's threads, there is no parent to die and no
 * exec. A new thread gets its creator's as copy_process() copies them
 * (clone goes through here). SCHED_FIFO and SCHED_RR are allowed to root
 * (CAP_SYS_NICE) and kept; without the capability, the checks of
 * user_check_sched_setscheduler() apply with RLIMIT_RTPRIO and RLIMIT_NICE
 * at their defaults, 0.
 *
 * The table is under its own lock, taken before the LibOS's and never while
 * the LibOS's is held: clone holds it until the new thread's entry is made,
 * so the new thread cannot look before. */
#include <linux/prctl.h>
#include <linux/sched.h>
#include <linux/sched/types.h>
#include <linux/time_types.h>
#include <current_gate.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/lock.h>
#include <libos/log.h>
#include <libos/mm.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>

#define TASKS_MAX 512 /* entries; the app has at most 257 threads (rlimit.c's RLIMIT_NPROC) */
#define TASK_COMM_LEN 16
#define MAX_RT_PRIO 100
#define TIMER_SLACK_NS 50000 /* init_task's, which every task inherits */
#define RR_TIMESLICE_NS 100000000 /* RR_TIMESLICE: 100 ms */
#define SETPARAM_POLICY (-1) /* sched_setparam: keep the policy */
#define SUID_DUMP_DISABLE 0
#define SUID_DUMP_USER 1
#define NSIG 64
#define SCHED_EXT 7 /* sched_ext's policy (Linux 6.12), only for the priority range here */

struct task {
	int tid; /* 0: a free entry */
	int policy, priority, reset_on_fork;
	int pdeath_signal, no_new_privs;
	unsigned long timer_slack_ns, default_timer_slack_ns;
	char comm[TASK_COMM_LEN];
};

static struct task tasks[TASKS_MAX]; /* the threads whose attributes are not the defaults */
static int tasks_lock;
static int dumpable = SUID_DUMP_USER;

static void tasks_take(void)
{
	while (__atomic_exchange_n(&tasks_lock, 1, __ATOMIC_ACQUIRE))
		hostcall(HC_YIELD, 0, 0, 0, 0, 0);
}

static void tasks_release(void)
{
	__atomic_store_n(&tasks_lock, 0, __ATOMIC_RELEASE);
}

/* execve() names the task after the last component of the program's path. */
static void task_defaults(struct task *task, int tid)
{
	const char *exe = mm_exe_path(), *base = exe ? exe : "";

	memset(task, 0, sizeof(*task));
	task->tid = tid;
	task->timer_slack_ns = task->default_timer_slack_ns = TIMER_SLACK_NS;
	for (const char *c = base; *c; c++)
		if (*c == '/' && c[1])
			base = c + 1;
	for (size_t i = 0; i < TASK_COMM_LEN - 1 && base[i] && base[i] != '/'; i++)
		task->comm[i] = base[i];
}

static struct task *task_entry(int tid)
{
	for (int i = 0; i < TASKS_MAX; i++)
		if (tasks[i].tid == tid)
			return &tasks[i];
	return NULL;
}

/* A thread's attributes, its entry's or the defaults. Under tasks_lock. */
static struct task task_get(int tid)
{
	struct task *entry = task_entry(tid);
	struct task task;

	if (entry)
		return *entry;
	task_defaults(&task, tid);
	return task;
}

/* A free entry, after forgetting the threads that have ended if need be. */
static struct task *task_free_entry(void)
{
	struct task *entry = task_entry(0);

	if (entry)
		return entry;
	libos_lock();
	for (int i = 0; i < TASKS_MAX; i++)
		if (sys_tkill(tasks[i].tid, 0))
			tasks[i].tid = 0;
	libos_unlock();
	return task_entry(0);
}

static long task_put(const struct task *task)
{
	struct task *entry = task_entry(task->tid);

	if (!entry)
		entry = task_free_entry();
	if (!entry) {
		log_once("more than %d threads with attributes of their own (TASKS_MAX): -ENOMEM",
			 TASKS_MAX);
		return -ENOMEM;
	}
	*entry = *task;
	return 0;
}

/* App memory is read and written under the LibOS's lock (another thread may unmap it). */
static int copy_out(void *dst, const void *src, size_t len)
{
	libos_lock();
	int err = copy_to_cvm(dst, src, len);
	libos_unlock();
	return err;
}

static int copy_in(void *dst, const void *src, size_t len)
{
	libos_lock();
	int err = copy_from_cvm(dst, src, len);
	libos_unlock();
	return err;
}

/* The thread pid names: 0 the caller, else a live thread of the app (its tid). */
static long task_find(long pid, struct task *task)
{
	int tid = (int)pid ? (int)pid : current_gate()->tid;

	if (tid != current_gate()->tid) {
		libos_lock();
		long err = sys_tkill(tid, 0);
		libos_unlock();
		if (err)
			return -ESRCH;
	}
	*task = task_get(tid);
	return 0;
}

/* task_find for the sched_* getters: a negative pid is EINVAL. */
static long task_lookup(long pid, struct task *task)
{
	if ((int)pid < 0)
		return -EINVAL;
	tasks_take();
	long err = task_find(pid, task);
	tasks_release();
	return err;
}

/* copy_process(): a new thread has its creator's attributes, but no parent-death signal,
 * and sched_reset_on_fork puts it back to SCHED_NORMAL. */
long sys_clone_task(long flags, long newsp, long parent_tid, long child_tid, long tls, long fn)
{
	tasks_take();
	struct task parent = task_get(current_gate()->tid);
	long tid = sys_clone(flags, newsp, parent_tid, child_tid, tls, fn);
	if (tid > 0 && task_entry(current_gate()->tid)) {
		struct task child = parent;
		child.tid = (int)tid;
		child.pdeath_signal = 0;
		if (child.reset_on_fork) {
			child.reset_on_fork = 0;
			if (child.policy == SCHED_FIFO || child.policy == SCHED_RR) {
				child.policy = SCHED_NORMAL;
				child.priority = 0;
			}
		}
		task_put(&child);
	}
	tasks_release();
	return tid;
}

/* commit_creds() of a change of credentials (core/process.c): libc has every thread make
 * it, and Linux then clears each one's parent-death signal. */
void task_creds_changed(void)
{
	tasks_take();
	__atomic_store_n(&dumpable, SUID_DUMP_DISABLE, __ATOMIC_RELAXED);
	for (int i = 0; i < TASKS_MAX; i++)
		tasks[i].pdeath_signal = 0;
	tasks_release();
}

/* --- scheduling ----------------------------------------------------------------------- */

static int rt_policy(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

long sys_sched_getscheduler(long pid)
{
	struct task task;
	long err = task_lookup(pid, &task);

	if (err)
		return err;
	return task.policy | (task.reset_on_fork ? SCHED_RESET_ON_FORK : 0);
}

long sys_sched_getparam(long pid, long param)
{
	struct task task;

	if (!param)
		return -EINVAL;
	long err = task_lookup(pid, &task);
	if (err)
		return err;
	struct sched_param out = { task.priority };
	return copy_out((void *)param, &out, sizeof(out)) ? -EFAULT : 0;
}

/* __sched_setscheduler() as its user-space callers reach it. */
static long set_scheduler(const struct task *old, struct task *new, int policy, unsigned priority)
{
	int reset_on_fork = old->reset_on_fork;

	if (policy == SETPARAM_POLICY) {
		policy = old->policy;
	} else {
		reset_on_fork = !!(policy & SCHED_RESET_ON_FORK);
		policy &= ~SCHED_RESET_ON_FORK;
		/* SCHED_DEADLINE needs sched_setattr's runtime and deadline: never valid here. */
		if (policy != SCHED_NORMAL && policy != SCHED_FIFO && policy != SCHED_RR &&
		    policy != SCHED_BATCH && policy != SCHED_IDLE)
			return -EINVAL;
	}
	if (priority > MAX_RT_PRIO - 1 || rt_policy(policy) != (priority != 0))
		return -EINVAL;
	if (!creds_capable()) {
		if (rt_policy(policy) &&
		    (policy != old->policy || priority > (unsigned)old->priority))
			return -EPERM;
		if (old->policy == SCHED_IDLE && policy != SCHED_IDLE)
			return -EPERM;
		if (old->reset_on_fork && !reset_on_fork)
			return -EPERM;
	}
	*new = *old;
	new->policy = policy;
	new->priority = (int)priority;
	new->reset_on_fork = reset_on_fork;
	/* __setscheduler_params() (Linux 6.7): a real-time task has no timer slack. */
	if (rt_policy(policy))
		new->timer_slack_ns = 0;
	else if (!new->timer_slack_ns)
		new->timer_slack_ns = new->default_timer_slack_ns;
	return 0;
}

static long do_sched_setscheduler(long pid, int policy, long param)
{
	struct sched_param wanted;
	struct task old, new;

	if (!param || (int)pid < 0)
		return -EINVAL;
	if (copy_in(&wanted, (const void *)param, sizeof(wanted)))
		return -EFAULT;
	tasks_take();
	long err = task_find(pid, &old);
	if (!err)
		err = set_scheduler(&old, &new, policy, (unsigned)wanted.sched_priority);
	if (!err)
		err = task_put(&new);
	tasks_release();
	return err;
}

long sys_sched_setscheduler(long pid, long policy, long param)
{
	if ((int)policy < 0)
		return -EINVAL;
	return do_sched_setscheduler(pid, (int)policy, param);
}

long sys_sched_setparam(long pid, long param)
{
	return do_sched_setscheduler(pid, SETPARAM_POLICY, param);
}

/* A bound of policy's priorities: rt for the real-time policies, 0 for the others. */
static long priority_bound(long policy, long rt)
{
	switch ((int)policy) {
	case SCHED_FIFO:
	case SCHED_RR:
		return rt;
	case SCHED_NORMAL:
	case SCHED_BATCH:
	case SCHED_IDLE:
	case SCHED_DEADLINE:
	case SCHED_EXT:
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_sched_get_priority_max(long policy)
{
	return priority_bound(policy, MAX_RT_PRIO - 1);
}

long sys_sched_get_priority_min(long policy)
{
	return priority_bound(policy, 1);
}

/* SCHED_RR's time slice is RR_TIMESLICE; SCHED_FIFO has none; a fair task's is its slice
 * in whole jiffies, which EEVDF's base slice (0.75 ms) makes 0. */
long sys_sched_rr_get_interval(long pid, long interval)
{
	struct task task;
	long err = task_lookup(pid, &task);

	if (err)
		return err;
	struct __kernel_timespec slice = { 0, task.policy == SCHED_RR ? RR_TIMESLICE_NS : 0 };
	return copy_out((void *)interval, &slice, sizeof(slice)) ? -EFAULT : 0;
}

/* --- prctl ---------------------------------------------------------------------------- */

/* strncpy_from_user() of at most TASK_COMM_LEN - 1 bytes: a longer name is cut. */
static long comm_from_cvm(char *comm, long addr)
{
	memset(comm, 0, TASK_COMM_LEN);
	for (size_t i = 0; i < TASK_COMM_LEN - 1; i++) {
		if (copy_in(&comm[i], (const char *)addr + i, 1))
			return -EFAULT;
		if (!comm[i])
			break;
	}
	return 0;
}

/* The options that change the calling thread's entry: 0 or -E... */
static long prctl_set(int option, unsigned long arg2, struct task *task)
{
	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > NSIG)
			return -EINVAL;
		task->pdeath_signal = (int)arg2;
		return 0;
	case PR_SET_NAME:
		return comm_from_cvm(task->comm, (long)arg2);
	default: /* PR_SET_TIMERSLACK */
		/* A real-time task has no slack and keeps none (Linux 6.7). */
		if (!rt_policy(task->policy))
			task->timer_slack_ns = arg2 ? arg2 : task->default_timer_slack_ns;
		return 0;
	}
}

/* The options that read it. */
static long prctl_get(int option, unsigned long arg2, const struct task *task)
{
	int signal = task->pdeath_signal;

	switch (option) {
	case PR_GET_PDEATHSIG:
		return copy_out((void *)arg2, &signal, sizeof(signal)) ? -EFAULT : 0;
	case PR_GET_NAME:
		return copy_out((void *)arg2, task->comm, TASK_COMM_LEN) ? -EFAULT : 0;
	default: /* PR_GET_TIMERSLACK */
		return (long)task->timer_slack_ns;
	}
}

long sys_prctl(long option, long arg2, long arg3, long arg4, long arg5)
{
	struct task task;
	long ret;

	switch ((int)option) {
	case PR_GET_DUMPABLE:
		return __atomic_load_n(&dumpable, __ATOMIC_RELAXED);
	case PR_SET_DUMPABLE:
		if (arg2 != SUID_DUMP_DISABLE && arg2 != SUID_DUMP_USER)
			return -EINVAL;
		__atomic_store_n(&dumpable, (int)arg2, __ATOMIC_RELAXED);
		return 0;
	case PR_SET_NO_NEW_PRIVS:
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		tasks_take();
		task = task_get(current_gate()->tid);
		task.no_new_privs = 1;
		ret = task_put(&task);
		tasks_release();
		return ret;
	case PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		tasks_take();
		task = task_get(current_gate()->tid);
		tasks_release();
		return task.no_new_privs;
	case PR_SET_PDEATHSIG:
	case PR_SET_NAME:
	case PR_SET_TIMERSLACK:
		tasks_take();
		task = task_get(current_gate()->tid);
		ret = prctl_set((int)option, (unsigned long)arg2, &task);
		if (!ret)
			ret = task_put(&task);
		tasks_release();
		return ret;
	case PR_GET_PDEATHSIG:
	case PR_GET_NAME:
	case PR_GET_TIMERSLACK:
		tasks_take();
		task = task_get(current_gate()->tid);
		tasks_release();
		return prctl_get((int)option, (unsigned long)arg2, &task);
	default:
		log_once("prctl option %d is not supported: -EINVAL", (int)option);
		return -EINVAL;
	}
}
