/* Host signal handlers may interrupt cVM code, which runs with musl's %fs:
 * glibc's thread pointer comes back first, from the thread's gate block,
 * before any C code of the monitor runs. */
#include "set_fs.h"

/* glibc's %fs from the gate block, keeping the handler's three arguments. */
.macro RESTORE_MONITOR_FS
	push %rdi
	push %rsi
	push %rdx
	mov %gs:GATE_MONITOR_FS, %rax
	SET_FS_FROM_RAX
	pop %rdx
	pop %rsi
	pop %rdi
.endm

/* name: restore glibc's %fs, then go on to the C handler target with the
 * handler's three arguments intact. */
.macro SIGNAL_ENTRY name, target
	.globl \name
	.type \name, @function
\name:
	RESTORE_MONITOR_FS
	jmp \target
	.size \name, .-\name
.endm

	.text
/* The fault handler: crash_signal() returns nonzero when it sent the
 * thread on to the app's own handler through the LibOS (the host context
 * now resumes in signal_fault_gate): the app's %fs comes back last, after
 * every C instruction of the monitor (its stack protector reads %fs). */
	.globl crash_signal_entry
	.type crash_signal_entry, @function
crash_signal_entry:
	RESTORE_MONITOR_FS
	sub $8, %rsp /* the call below 16-byte aligned */
	call crash_signal
	add $8, %rsp
	test %eax, %eax
	jz 1f
	mov %gs:GATE_APP_FS, %rax
	SET_FS_FROM_RAX
1:	ret
	.size crash_signal_entry, .-crash_signal_entry

/* The monitor's signal that stops a thread of an ending cVM (monitor/cvm.c). */
	SIGNAL_ENTRY cvm_stop_signal_entry, cvm_stop_signal

	.section .note.GNU-stack, "", @progbits
