#ifndef MONITOR_HOSTCALL_H
#define MONITOR_HOSTCALL_H

/* Entered from the host-call gate, on the monitor's stack with glibc's
 * thread pointer; %gs still points at the calling thread's gate block. */
long hostcall_dispatch(long nr, long a0, long a1, long a2, long a3, long a4);

/* The gate itself (arch/.../hostcall_gate.S) and the cVM switch
 * (arch/.../cvm_switch.S). */
long hostcall_gate(long nr, long a0, long a1, long a2, long a3, long a4);
long cvm_enter(struct gate_block *gate, uint64_t entry, uint64_t sp, uint64_t arg);
__attribute__((noreturn)) void cvm_leave(struct gate_block *gate, long value);
void cvm_return(void);
/* A cloned thread's entry: see arch/.../cvm_switch.S. */
long cvm_thread_enter(struct gate_block *gate, uint64_t rip, uint64_t rsp, uint64_t r9);

#endif
