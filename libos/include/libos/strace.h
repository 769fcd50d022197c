/* System call tracing for intravisor --strace (core/strace.c). */
#ifndef LIBOS_STRACE_H
#define LIBOS_STRACE_H

#include <stdint.h>

/* TRACE_* of uni/boot.h, as the monitor passed them at boot. */
extern uint32_t strace_flags;

/* The dispatch of syscall_gate_traced (arch/.../syscall_gate.S): runs system
 * call nr as the untraced gate would, and reports it to the monitor as one
 * line in strace's format. */
long syscall_traced(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

/* With --strace: the line strace prints when a signal is delivered,
 * "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=1, si_uid=0} ---"
 * (addr: a fault's si_addr). */
void strace_signal(int sig, int code, uint64_t addr);

#endif
