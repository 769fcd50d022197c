/* SET_FS_FROM_RAX: make %rax the %fs base of this thread. wrfsbase when the
 * probe at start-up found it usable (flag in the gate block at %gs), else
 * the arch_prctl system call, saving the registers it clobbers. rax is
 * clobbered either way. Included by the monitor's gates only. GET_FS_TO_RAX
 * below reads it. */
#include <uni/gate.h>

/* The registers the syscall instruction and its argument setup below may
 * change, rax aside. */
.macro PUSH_SYSCALL_CLOBBERED
	push %rdi
	push %rsi
	push %rdx
	push %rcx
	push %r8
	push %r9
	push %r10
	push %r11
.endm

.macro POP_SYSCALL_CLOBBERED
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rcx
	pop %rdx
	pop %rsi
	pop %rdi
.endm

.macro SET_FS_FROM_RAX
	testb $1, %gs:GATE_HAS_FSGSBASE
	jz 8f
	wrfsbase %rax
	jmp 9f
8:	PUSH_SYSCALL_CLOBBERED
	mov %rax, %rsi
	mov $0x1002, %edi /* ARCH_SET_FS */
	mov $158, %eax /* SYS_arch_prctl */
	syscall
	POP_SYSCALL_CLOBBERED
9:
.endm

/* GET_FS_TO_RAX: %rax = the %fs base of this thread, by rdfsbase or
 * arch_prctl(ARCH_GET_FS) as above. Only rax changes. */
.macro GET_FS_TO_RAX
	testb $1, %gs:GATE_HAS_FSGSBASE
	jz 8f
	rdfsbase %rax
	jmp 9f
8:	PUSH_SYSCALL_CLOBBERED
	sub $8, %rsp /* the result */
	mov %rsp, %rsi
	mov $0x1003, %edi /* ARCH_GET_FS */
	mov $158, %eax /* SYS_arch_prctl */
	syscall
	pop %rax
	POP_SYSCALL_CLOBBERED
9:
.endm
