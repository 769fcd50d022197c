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
.macro DIVERTING_ENTRY name, target
	.globl \name
	.type \name, @function
\name:
	RESTORE_MONITOR_FS
	sub $8, %rsp /* the call below 16-byte aligned */
	call \target
	add $8, %rsp
	test %eax, %eax
	jz 1f
	mov %gs:GATE_APP_FS, %rax
	SET_FS_FROM_RAX
1:	ret
	.size \name, .-\name
.endm

	DIVERTING_ENTRY crash_signal_entry, crash_signal

/* The wake-up and forwarded signals (monitor/host_signal.c) divert app
 * code into the LibOS the same way; but the thread goes on where it was
 * otherwise, with the %fs it had there (app code, the LibOS or the
 * monitor's host calls): sigreturn does not restore it. */
	.globl host_signal_entry
	.type host_signal_entry, @function
host_signal_entry:
	GET_FS_TO_RAX
	push %rax /* the call below 16-byte aligned */
	RESTORE_MONITOR_FS
	call host_signal
	test %eax, %eax
	pop %rax
	jz 1f
	mov %gs:GATE_APP_FS, %rax
1:	SET_FS_FROM_RAX
	ret
	.size host_signal_entry, .-host_signal_entry

/* The monitor's signal that stops a thread of an ending cVM (monitor/cvm.c). */
	SIGNAL_ENTRY cvm_stop_signal_entry, cvm_stop_signal

	.section .note.GNU-stack, "", @progbits
