/* Host signal handlers may interrupt cVM code, which runs with musl's %fs:
 * glibc's thread pointer comes back first, from the thread's gate block,
 * before any C code of the monitor runs. */
#include "set_fs.h"

	.text
	.globl crash_signal_entry
	.type crash_signal_entry, @function
crash_signal_entry:
	push %rdi
	push %rsi
	push %rdx
	mov %gs:GATE_MONITOR_FS, %rax
	SET_FS_FROM_RAX
	pop %rdx
	pop %rsi
	pop %rdi
	jmp crash_signal
	.size crash_signal_entry, .-crash_signal_entry

/* The monitor's signal that stops a thread of an ending cVM (monitor/cvm.c). */
	.globl cvm_stop_signal_entry
	.type cvm_stop_signal_entry, @function
cvm_stop_signal_entry:
	push %rdi
	push %rsi
	push %rdx
	mov %gs:GATE_MONITOR_FS, %rax
	SET_FS_FROM_RAX
	pop %rdx
	pop %rsi
	pop %rdi
	jmp cvm_stop_signal
	.size cvm_stop_signal_entry, .-cvm_stop_signal_entry

	.section .note.GNU-stack, "", @progbits
