/* Entering and leaving a cVM from the monitor.
 *
 * long cvm_enter(struct gate_block *g, uint64_t entry, uint64_t sp, uint64_t arg)
 *	Saves the monitor's callee-saved registers, records the monitor stack
 *	in g (host calls of this thread run below it), switches %fs to
 *	g->app_fs and jumps to entry with rsp = sp, rdi = arg and rdx = 0 (the
 *	kernel's "no atexit function" for a program's _start). %gs must
 *	already point at g. Returns the value passed to cvm_leave.
 * void cvm_leave(struct gate_block *g, long value)
 *	Back to the cvm_enter of this thread: from a host call (the cVM has
 *	ended) or from cvm_return below (a C entry function returned).
 * long cvm_thread_enter(struct gate_block *g, uint64_t rip, uint64_t rsp, uint64_t r9)
 *	The same for a thread clone(2) made: the app resumes at rip (right
 *	after its gate jmp) with rsp, r9 as given, rax = 0 (the child's clone
 *	result) and every other general register 0 (Linux would copy the
 *	parent's; musl's __clone needs only rsp and r9). %fs = g->app_fs.
 * cvm_return
 *	The return address the monitor puts under a C entry function's stack. */
#include "set_fs.h"

/* Save the monitor's callee-saved registers, record its stack in the gate
 * block (rdi), switch %fs to the app's and the stack to rdx; the entry
 * address is left in r12, the argument in r14. */
.macro ENTER_CVM
	push %rbp
	push %rbx
	push %r12
	push %r13
	push %r14
	push %r15
	sub $8, %rsp
	mov %rsp, GATE_MONITOR_SP(%rdi)
	mov %rsi, %r12
	mov %rdx, %r13
	mov %rcx, %r14
	mov GATE_APP_FS(%rdi), %rax
	SET_FS_FROM_RAX
	mov %r13, %rsp
.endm

	.text
	.globl cvm_enter
	.type cvm_enter, @function
cvm_enter:
	ENTER_CVM
	mov %r14, %rdi
	xor %edx, %edx
	xor %ebp, %ebp
	jmp *%r12
	.size cvm_enter, .-cvm_enter

	.globl cvm_thread_enter
	.type cvm_thread_enter, @function
cvm_thread_enter:
	ENTER_CVM
	mov %r14, %r9
	mov %r12, %rcx /* as the syscall gate returns: jmp *%rcx */
	xor %eax, %eax
	xor %ebx, %ebx
	xor %edx, %edx
	xor %esi, %esi
	xor %edi, %edi
	xor %ebp, %ebp
	xor %r8d, %r8d
	xor %r10d, %r10d
	xor %r11d, %r11d
	xor %r12d, %r12d
	xor %r13d, %r13d
	xor %r14d, %r14d
	xor %r15d, %r15d
	jmp *%rcx
	.size cvm_thread_enter, .-cvm_thread_enter

	.globl cvm_leave
	.type cvm_leave, @function
cvm_leave:
	mov %rdi, %rbx
	mov %rsi, %r12
	mov GATE_MONITOR_FS(%rbx), %rax
	SET_FS_FROM_RAX
	mov GATE_MONITOR_SP(%rbx), %rsp
	mov %r12, %rax
	add $8, %rsp
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	ret
	.size cvm_leave, .-cvm_leave

	.globl cvm_return
	.type cvm_return, @function
cvm_return:
	mov %gs:GATE_SELF, %rdi
	mov %rax, %rsi
	jmp cvm_leave
	.size cvm_return, .-cvm_return

	.section .note.GNU-stack, "", @progbits
