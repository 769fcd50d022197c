/* A host system call that a signal for the app interrupts without a race
 * (monitor/interrupt.c): the flag is checked, then the system call made;
 * the monitor's wake-up signal handler moves a thread caught between the
 * two to interruptible_cancel, and a thread already blocked in the call
 * gets EINTR from the host (or a restart, which lands before the check).
 *
 * long interruptible_syscall(const uint32_t *flag, long nr, long a0, long a1,
 *			      long a2, long a3, long a4, long a5): -EINTR when *flag is set. */
	.text
	.globl interruptible_syscall
	.type interruptible_syscall, @function
interruptible_syscall:
	.cfi_startproc
	mov %rdi, %r11
	mov %rsi, %rax
	mov %rdx, %rdi
	mov %rcx, %rsi
	mov %r8, %rdx
	mov %r9, %r10
	mov 8(%rsp), %r8
	mov 16(%rsp), %r9
	.globl interruptible_begin
interruptible_begin:
	cmpl $0, (%r11)
	jne interruptible_cancel
	syscall
	.globl interruptible_end
interruptible_end:
	ret
	.globl interruptible_cancel
interruptible_cancel:
	mov $-4, %rax /* -EINTR */
	ret
	.cfi_endproc
	.size interruptible_syscall, .-interruptible_syscall

	.section .note.GNU-stack, "", @progbits
