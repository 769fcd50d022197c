/* Host calls: what the LibOS asks of the monitor, through the host-call
 * gate (see gate.h). Each returns a value or -errno. Pointers passed here
 * must lie in the calling LibOS's region or in the region of the cVM it
 * serves; the monitor checks them and answers -EFAULT otherwise. */
#ifndef UNI_HOSTCALL_H
#define UNI_HOSTCALL_H

enum hostcall_nr {
	HC_WRITE = 1, /* (host_fd 0..2, buf, len) -> bytes written */
	HC_READ, /* (host_fd 0, buf, len) -> bytes read */
	HC_EXIT, /* (status) -> does not return: the cVM has ended */
	HC_MAP, /* (addr, len, prot): fresh zeroed private pages, inside the caller's regions */
	HC_PROTECT, /* (addr, len, prot) */
	HC_CLOCK_GETTIME, /* (clockid, struct timespec *) */
	HC_GETRANDOM, /* (buf, len) -> bytes */
	HC_SET_APP_FS, /* (address): musl's new thread pointer */
	HC_TTY_IOCTL, /* (host_fd 0..2, TCGETS or TIOCGWINSZ, struct *) -> 0 or -errno */
	HC_UNAME, /* (struct utsname *) */
	HC_LOG, /* (buf, len): a line for the monitor's log (stderr) */
	HC_TRACE, /* (buf, len): a line for the trace output (intravisor --strace) */
	HC_KILLED, /* (sig, addr, ip): a signal's default action ended the app (ip: where a fault
		      was, or 0); does not return */
	/* Shared memory objects: pages that appear at more than one address (a ramfs file and
	 * the app's MAP_SHARED mappings of it). Each is a handle of the calling LibOS's. */
	HC_SHM_NEW, /* (size) -> handle: a new object of size bytes, all zeros */
	HC_SHM_RESIZE, /* (handle, size): pages past the new size are gone, new ones zeroed */
	HC_SHM_MAP, /* (handle, offset, addr, len, prot): its pages from offset at addr, inside
		     * the caller's regions; a page past its size faults with SIGBUS */
	HC_SHM_FREE, /* (handle): pages still mapped stay until unmapped */
	/* Host directories mounted in the LibOS (HC_FS_*). A handle is an index into the
	 * monitor's table of the calling LibOS's host files, never a host fd: handle i < the
	 * number of mounts is mount i's directory (struct libos_boot), the others come from
	 * HC_FS_LOOKUP (an O_PATH handle: a name for attributes and for resolving beneath) and
	 * HC_FS_OPEN (an open file). A path is resolved by the host beneath the mounted
	 * directory (openat2 with RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS), relative to a
	 * directory handle: ".." above the mount, an absolute path or symlink and a magic link
	 * fail with the host's errno (EXDEV, ELOOP). A name is one component of a directory,
	 * perhaps with a trailing slash. A read-only mount refuses every change with EROFS.
	 * struct stat and struct statfs are the kernel's (x86-64: the same as glibc's). */
	HC_FS_LOOKUP, /* (dir handle, path, O_NOFOLLOW|O_DIRECTORY, struct stat *) -> handle */
	HC_FS_OPEN, /* (dir handle, path, open flags, mode) -> handle of an open file; path ""
		     * opens dir handle's own file anew */
	HC_FS_CLOSE, /* (handle) */
	HC_FS_PREAD, /* (handle, buf, len, offset) -> bytes; offset -1: at the host's offset */
	HC_FS_PWRITE, /* (handle, buf, len, offset) -> bytes; offset -1: at the end (O_APPEND) */
	HC_FS_LSEEK, /* (handle, offset, whence) -> the new offset */
	HC_FS_FSTAT, /* (handle, struct stat *) */
	HC_FS_GETDENTS64, /* (handle, buf, len) -> bytes of struct linux_dirent64 */
	HC_FS_TRUNCATE, /* (handle, size) */
	HC_FS_FSYNC, /* (handle, datasync) */
	HC_FS_MKDIRAT, /* (dir handle, name, mode) */
	HC_FS_UNLINKAT, /* (dir handle, name, 0 or AT_REMOVEDIR) */
	HC_FS_RENAMEAT2, /* (dir handle, name, dir handle, name, RENAME_* flags): one mount */
	HC_FS_SYMLINKAT, /* (target, dir handle, name) */
	HC_FS_LINKAT, /* (handle, dir handle, name): a new name for handle's file, one mount */
	HC_FS_READLINK, /* (handle of a symlink, buf, size) -> length */
	HC_FS_CHMOD, /* (handle, mode) */
	HC_FS_UTIMENS, /* (handle, struct timespec[2] or 0 for now): as utimensat(2) */
	HC_FS_STATFS, /* (handle, struct statfs *) */
	HC_FS_PATH, /* (handle, buf, size) -> length: its path below its mount's directory, ""
		     * for the directory itself, with " (deleted)" as /proc shows it */
	/* Threads (issue 4). */
	HC_THREAD_CREATE, /* (struct uni_thread_start *) -> 0: a host thread now runs the app at
			   * its rip with its rsp, r9 and %fs, rax = 0, its own gate block (in
			   * ->gate) */
	HC_THREAD_EXIT, /* (status): this thread leaves the cVM and ends; does not return. The
			 * main thread waits there until another thread ends the cVM */
	HC_FUTEX, /* (struct uni_futex_args *): the host's futex(2) on the same addresses,
		   * which must lie in the caller's or its app's region -> result or -errno */
	HC_YIELD, /* () -> 0: sched_yield(2) */
	HC_MEMBARRIER, /* (cmd, flags, cpu_id): membarrier(2) over the monitor's threads, which
			* are the app's */
	/* Signals (issue 4). A thread's gate->interrupt makes its blocking host calls (HC_READ,
	 * HC_FUTEX waits) return -EINTR; the monitor sets it too when a signal for the app
	 * reaches the host process (SIGINT from the terminal, SIGALRM of HC_SETITIMER). */
	HC_THREAD_INTERRUPT, /* (tid): that app thread looks at its gate->interrupt now, even
			      * blocked or in app code -> 0 or -ESRCH */
	HC_TAKE_SIGNALS, /* () -> the set (bit N-1: signal N) the host process got for the app
			  * since the last call */
	HC_SETITIMER, /* (which, const struct itimerval *new or 0, struct itimerval *old or 0):
		       * setitimer(2), or getitimer(2) without new, on the host process */
	HC_GETRUSAGE, /* (who, struct rusage *): getrusage(2) of the host process or thread */
	HC_CLOCK_GETRES, /* (clockid, struct timespec *): clock_getres(2) on the host */
	HC_COUNT
};

/* HC_THREAD_CREATE's request; every address in the app's region. */
struct uni_thread_start {
	unsigned long rip, rsp, r9, tls; /* the child's registers as clone(2) leaves them */
	unsigned long clear_child_tid; /* CLONE_CHILD_CLEARTID's address, or 0 */
	int tid;
	int reserved;
	unsigned long gate; /* out: the new thread's gate block (the LibOS keeps a list) */
};

/* HC_FUTEX's arguments, as futex(2) takes them; timeout points into the LibOS. */
struct uni_futex_args {
	unsigned long uaddr;
	long op;
	long val;
	unsigned long timeout; /* or val2, as a number, for the requeue and wake_op commands */
	unsigned long uaddr2;
	long val3;
};

#endif
