/* Faults: in app code they end the cVM with a report and 128+N; in the
 * LibOS they are an internal error of that cVM; in the monitor, a crash
 * report and the default action. */
#ifndef MONITOR_CRASH_H
#define MONITOR_CRASH_H

#include <stdint.h>

/* Install the fault handlers for this thread, whose gate block is set. */
int crash_handlers_install(void);
/* Give back this thread's signal stack (signals blocked). */
void crash_altstack_free(void);
/* The cVM ends as if killed by sig: report it (with the faulting address
 * and instruction, when ip is not 0) and leave with 128+sig. */
__attribute__((noreturn)) void crash_cvm_killed(int sig, uint64_t addr, uint64_t ip);

#endif
