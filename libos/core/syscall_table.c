/* The system call table: number -> handler. A number not listed here has
 * syscall_unknown_entry: -ENOSYS, logged once (core/dispatch.c). */
#include <asm/unistd.h>
#include <current_gate.h>
#include <libos/lock.h>
#include <libos/signal.h>
#include <libos/syscall_table.h>
#include <libos/syscalls.h>

/* Handlers take only the arguments they use; on this ABI the extra
 * registers are ignored, so each is stored under the common type. */
#define ENTRY(name) [__NR_##name] = (syscall_fn)(void (*)(void))sys_##name
#define ALIAS(name, handler) [__NR_##name] = (syscall_fn)(void (*)(void))sys_##handler
/* Most handlers run under the LibOS's lock (libos/lock.h): the table holds a
 * wrapper that takes it. The null-syscall path and the handlers that wait or
 * leave (futex, exit, ...) are called directly and have no lock. */
#define LOCKED(name) [__NR_##name] = locked_##name
/* A signal may have come for the thread while it ran (libos/signal.h):
 * signal_syscall_end looks, and may have the handler run again. */
#define WRAP(name)                                                                                 \
	static long locked_##name(long a0, long a1, long a2, long a3, long a4, long a5)            \
	{                                                                                          \
		syscall_fn handler = (syscall_fn)(void (*)(void))sys_##name;                       \
		long ret;                                                                          \
		libos_lock();                                                                      \
		do {                                                                               \
			ret = handler(a0, a1, a2, a3, a4, a5);                                     \
			if ((ret <= -ERESTARTSYS && ret >= -ERESTART_RESTARTBLOCK) ||              \
			    __atomic_load_n(&current_gate()->interrupt, __ATOMIC_RELAXED))         \
				ret = signal_syscall_end(ret, __NR_##name);                        \
		} while (ret == -ERESTARTNOINTR);                                                  \
		libos_unlock();                                                                    \
		return ret;                                                                        \
	}


WRAP(read)
WRAP(write)
WRAP(open)
WRAP(close)
WRAP(stat)
WRAP(fstat)
WRAP(lstat)
WRAP(lseek)
WRAP(mmap)
WRAP(mprotect)
WRAP(munmap)
WRAP(brk)
WRAP(rt_sigaction)
WRAP(rt_sigprocmask)
WRAP(rt_sigpending)
WRAP(kill)
WRAP(tkill)
WRAP(tgkill)
WRAP(sigaltstack)
WRAP(ioctl)
WRAP(pread64)
WRAP(pwrite64)
WRAP(readv)
WRAP(writev)
WRAP(preadv)
WRAP(pwritev)
WRAP(preadv2)
WRAP(pwritev2)
WRAP(access)
WRAP(madvise)
WRAP(mremap)
WRAP(msync)
WRAP(uname)
WRAP(fcntl)
WRAP(getcwd)
WRAP(chdir)
WRAP(fchdir)
WRAP(umask)
WRAP(arch_prctl)
WRAP(set_tid_address)
WRAP(set_robust_list)
WRAP(get_robust_list)
WRAP(clock_gettime)
WRAP(openat)
WRAP(newfstatat)
WRAP(faccessat)
WRAP(getrandom)
WRAP(sched_getaffinity)
WRAP(sched_setaffinity)
WRAP(faccessat2)
WRAP(mkdir)
WRAP(mkdirat)
WRAP(rmdir)
WRAP(unlink)
WRAP(unlinkat)
WRAP(rename)
WRAP(renameat)
WRAP(renameat2)
WRAP(link)
WRAP(linkat)
WRAP(symlink)
WRAP(symlinkat)
WRAP(readlink)
WRAP(readlinkat)
WRAP(getdents64)
WRAP(truncate)
WRAP(ftruncate)
WRAP(fsync)
WRAP(fdatasync)
WRAP(chmod)
WRAP(fchmod)
WRAP(fchmodat)
WRAP(utimensat)
WRAP(chown)
WRAP(fchown)
WRAP(lchown)
WRAP(fchownat)
WRAP(fallocate)
WRAP(fadvise64)
WRAP(readahead)
WRAP(flock)
WRAP(statx)
WRAP(statfs)
WRAP(fstatfs)
WRAP(dup)
WRAP(dup2)
WRAP(dup3)
WRAP(pipe)
WRAP(pipe2)
WRAP(poll)
WRAP(ppoll)
WRAP(select)
WRAP(pselect6)
WRAP(eventfd)
WRAP(eventfd2)
WRAP(sendfile)
WRAP(copy_file_range)
WRAP(setitimer)
WRAP(getitimer)
WRAP(alarm)
WRAP(prlimit64)
WRAP(getrlimit)
WRAP(setrlimit)
WRAP(getrusage)
WRAP(getpriority)
WRAP(setpriority)
WRAP(getresuid)
WRAP(getresgid)
WRAP(getgroups)
WRAP(setgroups)
WRAP(getpgid)
WRAP(setpgid)
WRAP(getsid)
WRAP(setsid)
WRAP(sysinfo)
WRAP(times)
WRAP(clock_getres)

/* Every entry set: the ones without a handler first, then each handler over its own. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
const syscall_fn syscall_table[SYSCALL_TABLE_SIZE] = {
	[0 ... SYSCALL_TABLE_SIZE - 1] = syscall_unknown_entry,
	LOCKED(read),
	LOCKED(write),
	LOCKED(open),
	LOCKED(close),
	LOCKED(stat),
	LOCKED(fstat),
	LOCKED(lstat),
	LOCKED(lseek),
	LOCKED(mmap),
	LOCKED(mprotect),
	LOCKED(munmap),
	LOCKED(brk),
	LOCKED(rt_sigaction),
	LOCKED(rt_sigprocmask),
	LOCKED(rt_sigpending),
	LOCKED(kill),
	LOCKED(tkill),
	LOCKED(tgkill),
	LOCKED(sigaltstack),
	ENTRY(rt_sigreturn), /* the exit it arms takes the lock */
	LOCKED(ioctl),
	LOCKED(pread64),
	LOCKED(pwrite64),
	LOCKED(readv),
	LOCKED(writev),
	LOCKED(preadv),
	LOCKED(pwritev),
	LOCKED(preadv2),
	LOCKED(pwritev2),
	LOCKED(access),
	LOCKED(madvise),
	LOCKED(mremap),
	LOCKED(msync),
	ENTRY(getpid),
	ENTRY(exit),
	LOCKED(uname),
	LOCKED(fcntl),
	LOCKED(getcwd),
	LOCKED(chdir),
	LOCKED(fchdir),
	LOCKED(umask),
	/* Credentials have a lock of their own (core/process.c); the calls that change them
	 * take the threads' attributes' lock (core/sched.c), not the LibOS's. */
	ENTRY(getuid),
	ENTRY(getgid),
	ENTRY(geteuid),
	ENTRY(getegid),
	LOCKED(getresuid),
	LOCKED(getresgid),
	ENTRY(setuid),
	ENTRY(setgid),
	ENTRY(setreuid),
	ENTRY(setregid),
	ENTRY(setresuid),
	ENTRY(setresgid),
	LOCKED(getgroups),
	LOCKED(setgroups),
	LOCKED(getpgid),
	ENTRY(getpgrp),
	LOCKED(setpgid),
	LOCKED(getsid),
	LOCKED(setsid),
	LOCKED(sysinfo),
	LOCKED(times),
	LOCKED(clock_getres),
	/* Threads' own attributes have a lock taken before the LibOS's (core/sched.c). */
	ENTRY(sched_getscheduler),
	ENTRY(sched_getparam),
	ENTRY(sched_setscheduler),
	ENTRY(sched_setparam),
	ENTRY(sched_get_priority_max),
	ENTRY(sched_get_priority_min),
	ENTRY(sched_rr_get_interval),
	ENTRY(prctl),
	ENTRY(getppid),
	LOCKED(arch_prctl),
	ENTRY(gettid),
	LOCKED(set_tid_address),
	LOCKED(set_robust_list),
	LOCKED(get_robust_list),
	LOCKED(clock_gettime),
	ENTRY(exit_group),
	LOCKED(openat),
	LOCKED(newfstatat),
	LOCKED(faccessat),
	LOCKED(getrandom),
	LOCKED(sched_getaffinity),
	LOCKED(sched_setaffinity),
	ENTRY(sched_yield),
	ENTRY(membarrier),
	LOCKED(faccessat2),
	LOCKED(mkdir),
	LOCKED(mkdirat),
	LOCKED(rmdir),
	LOCKED(unlink),
	LOCKED(unlinkat),
	LOCKED(rename),
	LOCKED(renameat),
	LOCKED(renameat2),
	LOCKED(link),
	LOCKED(linkat),
	LOCKED(symlink),
	LOCKED(symlinkat),
	LOCKED(readlink),
	LOCKED(readlinkat),
	LOCKED(getdents64),
	LOCKED(truncate),
	LOCKED(ftruncate),
	LOCKED(fsync),
	LOCKED(fdatasync),
	LOCKED(chmod),
	LOCKED(fchmod),
	LOCKED(fchmodat),
	LOCKED(utimensat),
	LOCKED(chown),
	LOCKED(fchown),
	LOCKED(lchown),
	LOCKED(fchownat),
	LOCKED(fallocate),
	LOCKED(fadvise64),
	LOCKED(readahead),
	/* It may wait: waitq_wait drops the lock the wrapper took. */
	LOCKED(flock),
	LOCKED(statx),
	LOCKED(statfs),
	LOCKED(fstatfs),
	LOCKED(dup),
	LOCKED(dup2),
	LOCKED(dup3),
	LOCKED(pipe),
	LOCKED(pipe2),
	LOCKED(poll),
	LOCKED(ppoll),
	LOCKED(select),
	LOCKED(pselect6),
	LOCKED(eventfd),
	LOCKED(eventfd2),
	LOCKED(sendfile),
	LOCKED(copy_file_range),
	ALIAS(clone, clone_task),
	ENTRY(futex),
	LOCKED(setitimer),
	LOCKED(getitimer),
	LOCKED(alarm),
	LOCKED(prlimit64),
	LOCKED(getrlimit),
	LOCKED(setrlimit),
	LOCKED(getrusage),
	LOCKED(getpriority),
	LOCKED(setpriority),
	/* They wait, and take the lock themselves. */
	ENTRY(nanosleep),
	ENTRY(clock_nanosleep),
	ENTRY(pause),
	ENTRY(rt_sigsuspend),
	ENTRY(rt_sigtimedwait),
};
#pragma GCC diagnostic pop
