/* Host signal handlers may interrupt cVM code, which runs with musl's %fs:
 * glibc's thread pointer comes back first, from the thread's gate block,
 * before any C code of the monitor runs. */
#include "set_fs.h"

/* name: restore glibc's %fs, then go on to the C handler target with the
 * handler's three arguments intact. */
.macro SIGNAL_ENTRY name, target
	.globl \name
	.type \name, @function
\name:
	push %rdi
	push %rsi
	push %rdx
	mov %gs:GATE_MONITOR_FS, %rax
	SET_FS_FROM_RAX
	pop %rdx
	pop %rsi
	pop %rdi
	jmp \target
	.size \name, .-\name
.endm

	.text
	SIGNAL_ENTRY crash_signal_entry, crash_signal

/* The monitor's signal that stops a thread of an ending cVM (monitor/cvm.c). */
	SIGNAL_ENTRY cvm_stop_signal_entry, cvm_stop_signal

	.section .note.GNU-stack, "", @progbits
