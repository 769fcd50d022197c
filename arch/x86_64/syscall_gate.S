/* The syscall gate, app -> LibOS (linked into libos.so). See uni/gate.h.
 *
 * Entered by jmp from musl's patched syscall sequence: nr in rax, arguments
 * in rdi, rsi, rdx, r10, r8, r9, the return address in rcx. Nothing is
 * pushed on the app's stack. The C handler runs on this thread's LibOS
 * stack; the LibOS never uses %fs, so no thread-pointer switch happens and
 * no host system call is made on this path. */
#include <uni/gate.h>

	.text
	.globl syscall_gate
	.type syscall_gate, @function
syscall_gate:
	mov %rsp, %gs:GATE_APP_SP
	mov %gs:GATE_LIBOS_SP, %rsp
	pushfq /* DF must be clear for C, and restored as the app had it */
	push %rcx
	push %rdi
	push %rsi
	push %rdx
	push %r10
	push %r8
	push %r9
	/* syscall_handler(nr, a0, a1, a2, a3, a4, a5): a5 goes on the stack,
	 * under 8 bytes of padding that keep the call 16-byte aligned */
	sub $8, %rsp
	push %r9
	mov %r8, %r9
	mov %r10, %r8
	mov %rdx, %rcx
	mov %rsi, %rdx
	mov %rdi, %rsi
	mov %rax, %rdi
	cld
	call syscall_handler
	add $16, %rsp
	pop %r9
	pop %r8
	pop %r10
	pop %rdx
	pop %rsi
	pop %rdi
	pop %rcx
	testl $0x400, (%rsp)
	jz 1f
	std
1:	mov %gs:GATE_APP_SP, %rsp
	jmp *%rcx
	.size syscall_gate, .-syscall_gate

	.section .note.GNU-stack, "", @progbits
