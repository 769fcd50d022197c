/* Host signals for the app (monitor/host_signal.c). */
#ifndef MONITOR_HOST_SIGNAL_H
#define MONITOR_HOST_SIGNAL_H

#include <signal.h>
#include <stdint.h>

#define WAKE_SIGNAL (SIGRTMIN + 2) /* HC_THREAD_INTERRUPT's: "look at gate->interrupt" */

/* interruptible_syscall(&gate->interrupt, nr, a0, ..., a5) (arch/.../interruptible.S):
 * the host system call nr, or -EINTR once the thread's interrupt flag is set. */
long interruptible_syscall(const uint32_t *flag, long nr, long a0, long a1, long a2, long a3,
			   long a4, long a5);

/* While a cVM runs: the handlers for the wake-up and the forwarded signals (and the main
 * thread's retry timer). */
void host_signals_begin(void);
/* Default actions again, and the interval timers stopped. */
void host_signals_end(void);
/* Each other thread of the app: its retry timer, before it enters the cVM and after. */
void host_signals_thread_begin(void);
void host_signals_thread_end(void);
/* A thread leaving its cVM blocks the forwarded signals (1), one entering unblocks them. */
void host_signals_block(int block);
/* The forwarded signals that were ignored when the monitor started (bit N-1: signal N):
 * the app starts with them ignored (struct libos_boot). */
uint64_t host_signals_ignored_at_start(void);
/* HC_TAKE_SIGNALS: the forwarded signals that arrived since the last call. */
long host_signals_take(void);

#endif
