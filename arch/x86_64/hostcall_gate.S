/* The host-call gate, LibOS -> monitor (linked into the monitor).
 * See uni/gate.h. Called from the LibOS's C code:
 *	long hostcall_gate(long nr, long a0, long a1, long a2, long a3, long a4)
 * The app's SSE/AVX state is live (the LibOS is built without it) and glibc
 * code may use it, so it is saved here; glibc also needs its own %fs. */
#include "set_fs.h"

	.text
	.globl hostcall_gate
	.type hostcall_gate, @function
hostcall_gate:
	push %rbp
	mov %rsp, %rbp
	push %rbx
	push %r12
	push %r13
	push %r14
	mov %gs:GATE_XSAVE_AREA, %rbx
	mov %rdx, %r12
	mov $-1, %eax
	mov $-1, %edx
	xsave64 (%rbx)
	mov %r12, %rdx
	mov %gs:GATE_MONITOR_FS, %rax
	SET_FS_FROM_RAX
	mov %rsp, %r12
	mov %gs:GATE_MONITOR_SP, %rsp
	call hostcall_dispatch
	mov %rax, %r13
	mov %r12, %rsp
	mov %gs:GATE_APP_FS, %rax
	SET_FS_FROM_RAX
	mov $-1, %eax
	mov $-1, %edx
	xrstor64 (%rbx)
	mov %r13, %rax
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	ret
	.size hostcall_gate, .-hostcall_gate

	.section .note.GNU-stack, "", @progbits
