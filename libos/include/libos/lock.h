/* The LibOS's lock. Since issue 4 the LibOS runs on several host threads at
 * once; increment 1 protects all of its shared state (heap, fd table, VFS
 * and ramfs, VMAs, signal state, pipes, eventfd) with one lock, taken
 * around each system call handler by the table's wrappers
 * (syscall_table.c). A few handlers run without it: the null-syscall path
 * (getpid, getppid, gettid, getuid...), exit, exit_group, sched_yield, and
 * futex and clone, which take it only around their checks and never while
 * they wait. Handlers that wait for another thread (pipes, eventfd, poll,
 * select) drop it while they sleep (libos/wait.h): state read before a
 * wait must be looked at again after it. Spins briefly with pause, then
 * sleeps in the host's futex. */
#ifndef LIBOS_LOCK_H
#define LIBOS_LOCK_H

void libos_lock(void);
void libos_unlock(void);

#endif
