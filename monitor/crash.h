/* Faults: in app code they end the cVM with a report, a backtrace of the
 * app's frames (monitor/unwind.c) and 128+N; in the LibOS they are an
 * internal error of that cVM, with a backtrace through the LibOS into the
 * app; in the monitor, a report, a backtrace and the default action. */
#ifndef MONITOR_CRASH_H
#define MONITOR_CRASH_H

#include <signal.h>
#include <stdint.h>
#include <ucontext.h>
#include <uni/gate.h>

struct cvm;

/* Install the fault handlers for this thread, whose gate block is set. */
int crash_handlers_install(void);
/* Give back this thread's signal stack (signals blocked). */
void crash_altstack_free(void);
/* The cVM ends as if killed by sig: report it (with the faulting address
 * and instruction, when ip is not 0) and leave with 128+sig. */
__attribute__((noreturn)) void crash_cvm_killed(int sig, uint64_t addr, uint64_t ip);

/* Resume the thread, interrupted in app code, in the LibOS's
 * signal_fault_gate with its registers in gate->fault: sig (0: none, only
 * deliver what is pending) at addr. 1 when done; the caller's host handler
 * then puts the app's %fs back (signal_entry.S). */
int crash_divert(const struct cvm *app, struct gate_block *gate, int sig, siginfo_t *info,
		 ucontext_t *uc, uint64_t addr);

#endif
