/* What the rest of the LibOS may ask of core/signal.c. */
#ifndef LIBOS_SIGNAL_H
#define LIBOS_SIGNAL_H

#include <stdint.h>
#include <uni/boot.h>
#include <uni/gate.h>

#define SIGPIPE 13

/* Linux's internal results of an interrupted system call (include/linux/errno.h): never seen
 * by the app. A handler that a signal interrupted returns one of them under the lock and the
 * table's wrapper hands it to signal_syscall_end. */
#define ERESTARTSYS 512 /* restart under SA_RESTART, else EINTR */
#define ERESTARTNOINTR 513 /* signal_syscall_end's: call the handler again now */
#define ERESTARTNOHAND 514 /* EINTR when a handler runs, else restart */
#define ERESTART_RESTARTBLOCK 516 /* as ERESTARTNOHAND here */

/* The end of system call nr with result ret, with the lock held, when ret is one of the
 * above or the thread's interrupt flag is set: signals from the host are taken, a signal to
 * act on arms the exit that delivers it (an interrupted call then returns -EINTR for now,
 * and its restart is decided at delivery). With nothing to act on, an interrupted call gets
 * -ERESTARTNOINTR: run it again. */
long signal_syscall_end(long ret, int nr);

/* At boot: the signals the monitor was started with ignored start ignored. */
void signal_init(const struct libos_boot *boot);

/* The app has a signal handler or has armed an interval timer: a signal may end a wait. */
int signal_may_come(void);
/* setitimer and alarm arm a timer. */
void signal_timer_armed(void);

/* The app's threads: clone adds the new thread's gate (with the lock held across its
 * creation), a thread's exit takes itself off. */
void signal_thread_add(struct gate_block *gate);
void signal_thread_exit(void);

/* A signal the LibOS sends the app on its own behalf (SIGPIPE for a write to a pipe without
 * readers): acted on at once when not blocked, as kill(getpid(), sig) would be. */
void signal_raise_self(int sig);

/* Make mask the set of blocked signals for the length of a call (ppoll, pselect6): pending
 * signals it lets through are acted on. Returns the set to put back afterwards with
 * signal_restore_blocked, given the call's result: when a signal interrupted it, the set
 * comes back after its handler has run (as rt_sigsuspend's). */
uint64_t signal_swap_blocked(uint64_t mask);
void signal_restore_blocked(uint64_t saved, long ret);

#endif
