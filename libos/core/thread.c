/* Threads: clone (musl's pthread_create), thread exit, set_tid_address,
 * futex and sched_yield, and the LibOS's lock (libos/lock.h).
 *
 * clone asks the monitor for a host thread (HC_THREAD_CREATE), which enters
 * the app where __clone's gate jmp returns, with rax = 0, the new stack,
 * r9 and %fs = tls, on its own gate block and LibOS stack. Every thread has
 * pid 1 (APP_PID) and its own tid: 1 for the main one, then 2, 3, ...
 * futex is the host's futex on the same address: the app's memory is the
 * monitor process's. */
#include <asm/mman.h>
#include <asm/unistd.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <linux/time_types.h>
#include <current_gate.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/lock.h>
#include <libos/log.h>
#include <libos/signal.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/wait.h>

static int next_tid = 2;
static int live_threads = 1; /* the app's threads that have not called exit */

int libos_threads(void)
{
	return __atomic_load_n(&live_threads, __ATOMIC_ACQUIRE);
}

/* 0 free, 1 held, 2 held and someone may sleep on it (Drepper's mutex). */
static int lock_word;

void libos_lock(void)
{
	int c = 0;

	for (int spin = 0; spin < 100; spin++) {
		c = 0;
		if (__atomic_compare_exchange_n(&lock_word, &c, 1, 0, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return;
		__asm__ volatile("pause");
	}
	if (c != 2)
		c = __atomic_exchange_n(&lock_word, 2, __ATOMIC_ACQUIRE);
	while (c) {
		host_futex(&lock_word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 2, 0, 0, 0);
		c = __atomic_exchange_n(&lock_word, 2, __ATOMIC_ACQUIRE);
	}
}

void libos_unlock(void)
{
	if (__atomic_exchange_n(&lock_word, 0, __ATOMIC_RELEASE) == 2)
		host_futex(&lock_word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, 0, 0, 0);
}

/* What musl's pthread_create asks for; CLONE_DETACHED is ignored by Linux. */
#define THREAD_FLAGS                                                                               \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |        \
	 CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_DETACHED)
#define THREAD_NEEDS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD)

long sys_clone(long flags, long newsp, long parent_tid, long child_tid, long tls, long fn)
{
	struct uni_thread_start start = { 0 };
	long err = 0;

	if ((flags & THREAD_NEEDS) != THREAD_NEEDS) {
		log_once("clone with flags 0x%lx (a new process) is not supported: -ENOSYS", flags);
		return -ENOSYS;
	}
	if ((flags & ~0xffL & ~(long)THREAD_FLAGS) || !newsp) {
		log_once("clone with flags 0x%lx is not supported: -EINVAL", flags);
		return -EINVAL;
	}
	libos_lock();
	if ((flags & CLONE_PARENT_SETTID) && cvm_ptr_ok((void *)parent_tid, 4, PROT_WRITE))
		err = -EFAULT;
	else if ((flags & CLONE_CHILD_CLEARTID) && (child_tid & 3))
		err = -EINVAL;
	else if ((flags & CLONE_SETTLS) && !uni_cap_covers(&current_gate()->app_ddc, (uint64_t)tls, 0))
		err = -EPERM;
	if (!err) {
		start.tid = next_tid++;
		if (flags & CLONE_PARENT_SETTID)
			*(int *)parent_tid = start.tid;
		/* Counted before it runs, so a wait here sees another thread coming. */
		__atomic_add_fetch(&live_threads, 1, __ATOMIC_RELEASE);
	}
	if (err) {
		libos_unlock();
		return err;
	}
	/* The app resumes right after its gate jmp: the syscall gate saved that address, rcx,
	 * at the top of this thread's LibOS stack (GATE_ENTER). */
	start.rip = ((const uint64_t *)current_gate()->libos_sp)[-2];
	start.rsp = (unsigned long)newsp;
	start.r9 = (unsigned long)fn;
	start.tls = flags & CLONE_SETTLS ? (unsigned long)tls : current_gate()->app_fs;
	start.clear_child_tid = flags & CLONE_CHILD_CLEARTID ? (unsigned long)child_tid : 0;
	/* Under the lock: the new thread cannot leave the list before it is on it. */
	err = hostcall(HC_THREAD_CREATE, (long)&start, 0, 0, 0, 0);
	if (err)
		__atomic_sub_fetch(&live_threads, 1, __ATOMIC_RELEASE);
	else
		signal_thread_add((struct gate_block *)start.gate);
	libos_unlock();
	return err ? err : start.tid;
}

long sys_set_tid_address(long tidptr)
{
	current_gate()->clear_child_tid = (uint64_t)tidptr;
	return current_gate()->tid;
}

long sys_exit(long status)
{
	struct gate_block *gate = current_gate();
	int *tidptr = (int *)gate->clear_child_tid;

	robust_list_exit();
	/* CLONE_CHILD_CLEARTID: 0 in the word, then wake one waiter (pthread_join, musl's
	 * thread list lock), as the kernel's mm_release does. */
	if (tidptr && !((uintptr_t)tidptr & 3)) {
		libos_lock();
		int ok = !cvm_ptr_ok(tidptr, 4, PROT_WRITE);
		if (ok)
			__atomic_store_n(tidptr, 0, __ATOMIC_SEQ_CST);
		libos_unlock();
		if (ok)
			host_futex(tidptr, FUTEX_WAKE, 1, 0, 0, 0);
	}
	libos_lock();
	signal_thread_exit();
	libos_unlock();
	__atomic_sub_fetch(&live_threads, 1, __ATOMIC_RELEASE);
	return hostcall(HC_THREAD_EXIT, status & 0xff, 0, 0, 0, 0);
}

long sys_sched_yield(void)
{
	return hostcall(HC_YIELD, 0, 0, 0, 0, 0);
}

/* The app's threads are the monitor's threads: the host's membarrier on
 * this process is exactly the barrier the app asks for. */
long sys_membarrier(long cmd, long flags, long cpu_id)
{
	return hostcall(HC_MEMBARRIER, cmd, flags, cpu_id, 0, 0);
}

static int futex_word_ok(long addr, int prot)
{
	if (addr & 3)
		return -EINVAL;
	return cvm_ptr_ok((void *)addr, 4, prot);
}

long sys_futex(long uaddr, long op, long val, long timeout, long uaddr2, long val3)
{
	struct __kernel_timespec ts;
	const void *host_timeout = (const void *)timeout; /* val2 for the requeue commands */
	long err;

	int cmd = (int)(op & FUTEX_CMD_MASK);
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAKE:
	case FUTEX_WAIT_BITSET:
	case FUTEX_WAKE_BITSET:
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
	case FUTEX_WAKE_OP:
		break;
	default:
		log_once("futex command %d is not supported: -ENOSYS", cmd);
		return -ENOSYS;
	}
	libos_lock();
	err = futex_word_ok(uaddr, PROT_READ);
	if (!err && (cmd == FUTEX_REQUEUE || cmd == FUTEX_CMP_REQUEUE || cmd == FUTEX_WAKE_OP))
		err = futex_word_ok(uaddr2, cmd == FUTEX_WAKE_OP ? PROT_READ | PROT_WRITE : PROT_READ);
	if (!err && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET) && timeout) {
		err = copy_from_cvm(&ts, (const void *)timeout, sizeof(ts));
		host_timeout = &ts;
	}
	libos_unlock();
	if (err)
		return err;
	for (;;) {
		err = host_futex((void *)uaddr, op, val, host_timeout, (void *)uaddr2, val3);
		if (err != -EINTR)
			return err;
		/* A signal for this thread: as Linux's futex_wait, restarted under SA_RESTART
		 * (or with no handler to run) when it has no timeout. */
		libos_lock();
		err = signal_syscall_end(timeout ? -ERESTART_RESTARTBLOCK : -ERESTARTSYS,
					 __NR_futex);
		libos_unlock();
		if (err != -ERESTARTNOINTR)
			return err;
	}
}
