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
	.cfi_startproc
	/* A "signal frame" for gdb: it refuses to unwind from a frame on one
	 * stack (the monitor's) to an outer one on a stack below it (the
	 * LibOS's) unless the frame between is a signal trampoline. */
	.cfi_signal_frame
	push %rbp
	.cfi_adjust_cfa_offset 8
	.cfi_offset %rbp, -16
	mov %rsp, %rbp
	/* The CFA stays rbp + 16 on the monitor's stack too, where rbp is
	 * the LibOS's: unwinders go from hostcall_dispatch back into the
	 * LibOS frames (gdb's bt, crash reports). */
	.cfi_def_cfa_register %rbp
	push %rbx
	.cfi_offset %rbx, -24
	push %r12
	.cfi_offset %r12, -32
	push %r13
	.cfi_offset %r13, -40
	push %r14
	.cfi_offset %r14, -48
	mov %gs:GATE_XSAVE_AREA, %rbx
	mov %rdx, %r12
	mov $-1, %eax
	mov $-1, %edx
	xsave64 (%rbx)
	mov %r12, %rdx
	mov %gs:GATE_MONITOR_FS, %rax
	SET_FS_FROM_RAX
	cld /* glibc's code relies on DF = 0; the app may have set it */
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
	.cfi_restore %r14
	pop %r13
	.cfi_restore %r13
	pop %r12
	.cfi_restore %r12
	pop %rbx
	.cfi_restore %rbx
	pop %rbp
	.cfi_def_cfa %rsp, 8
	.cfi_restore %rbp
	ret
	.cfi_endproc
	.size hostcall_gate, .-hostcall_gate

	.section .note.GNU-stack, "", @progbits
