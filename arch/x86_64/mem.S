/* memcpy and memset for the LibOS: rep movsb / rep stosb, which current
 * CPUs run at cache speed (ERMSB) and which need no SSE. DF is clear: the
 * syscall gate clears it on entry. */

	.text
	.globl memcpy
	.hidden memcpy
	.type memcpy, @function
memcpy:
	mov %rdi, %rax
	mov %rdx, %rcx
	rep movsb
	ret
	.size memcpy, .-memcpy

	.globl memset
	.hidden memset
	.type memset, @function
memset:
	mov %rdi, %r9
	mov %esi, %eax
	mov %rdx, %rcx
	rep stosb
	mov %r9, %rax
	ret
	.size memset, .-memset

	.section .note.GNU-stack, "", @progbits
