/* memcpy and memset for the LibOS: rep movsb / rep stosb, which current
 * CPUs run at cache speed (ERMSB) and which need no SSE. They clear DF
 * first: the syscall gate leaves the app's, which the ABI says is clear
 * but an app may have set; the LibOS has no other string instruction
 * (-mstringop-strategy=libcall). */

	.text
	.globl memcpy
	.hidden memcpy
	.type memcpy, @function
memcpy:
	mov %rdi, %rax
	mov %rdx, %rcx
	cld
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
	cld
	rep stosb
	mov %r9, %rax
	ret
	.size memset, .-memset

	.section .note.GNU-stack, "", @progbits
