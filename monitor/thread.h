/* App threads: one host thread (pthread) per thread the app clones, each
 * with its own gate block, LibOS stack slot and signal stack; and the end
 * of a cVM that has several. */
#ifndef MONITOR_THREAD_H
#define MONITOR_THREAD_H

#include <stdint.h>
#include <uni/gate.h>
#include <uni/hostcall.h>

/* Threads a cVM may have besides its main one, when its LibOS's region has
 * room for their stacks beside its heap (libos_thread_stack_top). */
#define THREAD_SLOTS 256
#define THREAD_LIBOS_STACK_SIZE (256UL << 10)

/* Before the app's main thread enters its cVM: no threads yet. */
void threads_begin(struct gate_block *main_gate);
/* After it has left: every other thread is stopped and joined. */
void threads_end(void);
/* HC_THREAD_CREATE. */
long thread_create(struct gate_block *gate, struct uni_thread_start *req);
/* HC_THREAD_EXIT: this thread ends (the main thread waits for the others). */
__attribute__((noreturn)) void thread_exit(struct gate_block *gate, int status);
/* HC_THREAD_INTERRUPT: send the app thread tid the wake-up signal. */
long thread_interrupt(int tid);
/* The cVM ends with status (exit_group, a fatal signal) from any of its
 * threads: the main thread's cvm_enter returns status, the others stop. */
__attribute__((noreturn)) void cvm_end(struct gate_block *gate, int status);

#endif
