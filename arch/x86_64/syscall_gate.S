/* The syscall gate, app -> LibOS (linked into libos.so). See uni/gate.h.
 *
 * Entered by jmp from musl's patched syscall sequence: nr in rax, arguments
 * in rdi, rsi, rdx, r10, r8, r9, the return address in rcx. Nothing is
 * pushed on the app's stack. The handler runs on this thread's LibOS stack,
 * straight from the system call table like a kernel's entry code; the
 * LibOS never uses %fs, so no thread-pointer switch happens and no host
 * system call is made on this path. */
#include <uni/gate.h>
#include <libos/syscall_table.h>

/* Onto the LibOS stack, saving what the gate must preserve. */
.macro GATE_ENTER
	mov %rsp, %gs:GATE_APP_SP
	mov %gs:GATE_LIBOS_SP, %rsp
	.cfi_def_cfa %rsp, 0 /* from here the CFA is the top of the LibOS stack */
	.cfi_undefined %rsp /* the app's: at %gs:GATE_APP_SP, out of DWARF's reach (uni-gdb.py) */
	sub $8, %rsp /* keeps the calls below 16-byte aligned */
	.cfi_adjust_cfa_offset 8
	push %rcx
	.cfi_adjust_cfa_offset 8
	.cfi_offset %rip, -16 /* the app's return address */
	push %rdi
	.cfi_adjust_cfa_offset 8
	.cfi_offset %rdi, -24
	push %rsi
	.cfi_adjust_cfa_offset 8
	.cfi_offset %rsi, -32
	push %rdx
	.cfi_adjust_cfa_offset 8
	.cfi_offset %rdx, -40
	push %r10
	.cfi_adjust_cfa_offset 8
	.cfi_offset %r10, -48
	push %r8
	.cfi_adjust_cfa_offset 8
	.cfi_offset %r8, -56
	push %r9
	.cfi_adjust_cfa_offset 8
	.cfi_offset %r9, -64
	/* No cld: the LibOS is built without inline string instructions
	 * (-mstringop-strategy=libcall) and its memcpy and memset clear DF
	 * themselves (mem.S), as the host-call gate does for the monitor, so
	 * an app that breaks the ABI's DF = 0 cannot turn a copy around. */
.endm

/* Back to the app with the result in rax. */
.macro GATE_LEAVE
	pop %r9
	.cfi_adjust_cfa_offset -8
	.cfi_restore %r9
	pop %r8
	.cfi_adjust_cfa_offset -8
	.cfi_restore %r8
	pop %r10
	.cfi_adjust_cfa_offset -8
	.cfi_restore %r10
	pop %rdx
	.cfi_adjust_cfa_offset -8
	.cfi_restore %rdx
	pop %rsi
	.cfi_adjust_cfa_offset -8
	.cfi_restore %rsi
	pop %rdi
	.cfi_adjust_cfa_offset -8
	.cfi_restore %rdi
	pop %rcx
	.cfi_adjust_cfa_offset -8
	.cfi_register %rip, %rcx
	mov %gs:GATE_APP_SP, %rsp
	.cfi_def_cfa %rsp, 0
	.cfi_restore %rsp
	jmp *%rcx
.endm

	.text
	/* Its own cache lines: the code linked before it must not move the
	 * hot path across a line boundary (measured: 5% on a null call). */
	.p2align 6
	.globl syscall_gate
	.type syscall_gate, @function
syscall_gate:
	.cfi_startproc simple /* entered by jmp: the app's rsp is the CFA, */
	.cfi_def_cfa %rsp, 0
	.cfi_register %rip, %rcx /* its return address is in rcx */
	GATE_ENTER
	cmp $SYSCALL_TABLE_SIZE, %rax
	jae 2f
	lea syscall_table(%rip), %r11
	mov (%r11, %rax, 8), %r11 /* every entry is set: see syscall_unknown_entry */
	mov %r10, %rcx /* the C ABI's fourth argument */
	call *%r11
	.cfi_remember_state
1:	GATE_LEAVE
	.cfi_restore_state
2:	mov %rax, %rdi
	call syscall_unknown
	jmp 1b
	.cfi_endproc
	.size syscall_gate, .-syscall_gate

/* The table's entry for every number without a handler: rax still holds
 * the number when the gate calls it. */
	.globl syscall_unknown_entry
	.hidden syscall_unknown_entry
	.type syscall_unknown_entry, @function
syscall_unknown_entry:
	mov %rax, %rdi
	jmp syscall_unknown
	.size syscall_unknown_entry, .-syscall_unknown_entry

/* The same gate for intravisor --strace, which installs it instead of
 * syscall_gate: syscall_traced(nr, a0, ..., a5) (libos/core/strace.c) runs
 * the table's handler itself and reports the call. The untraced path above
 * has not one instruction more for it. */
	.globl syscall_gate_traced
	.type syscall_gate_traced, @function
syscall_gate_traced:
	.cfi_startproc simple /* entered by jmp: the app's rsp is the CFA, */
	.cfi_def_cfa %rsp, 0
	.cfi_register %rip, %rcx /* its return address is in rcx */
	GATE_ENTER
	sub $8, %rsp /* the call below stays 16-byte aligned */
	.cfi_adjust_cfa_offset 8
	push %r9 /* a5: the C ABI's seventh argument, on the stack */
	.cfi_adjust_cfa_offset 8
	mov %r8, %r9
	mov %r10, %r8
	mov %rdx, %rcx
	mov %rsi, %rdx
	mov %rdi, %rsi
	mov %rax, %rdi
	call syscall_traced
	add $16, %rsp
	.cfi_adjust_cfa_offset -16
	GATE_LEAVE
	.cfi_endproc
	.size syscall_gate_traced, .-syscall_gate_traced

/* Signal delivery (libos/core/signal.c). Neither entry is on the untraced
 * path above, which has not one instruction more for them.
 *
 * signal_exit_gate: a system call handler that made a signal deliverable
 * (kill, tkill, rt_sigprocmask, rt_sigreturn, ...) replaced the return
 * address the gate saved with this label, so GATE_LEAVE jumps here with
 * every app register live (rax the result; rcx and r11 are the gate's).
 * All general registers go into a struct gate_regs on the LibOS stack;
 * signal_exit() sets the app's real return address, builds signal frames
 * or restores one (rt_sigreturn), and the exit below restores every
 * register from the struct. */
	.globl signal_exit_gate
	.hidden signal_exit_gate
	.type signal_exit_gate, @function
signal_exit_gate:
	mov %rsp, %gs:GATE_APP_SP
	mov %gs:GATE_LIBOS_SP, %rsp
	pushfq /* eflags */
	push $0 /* rip: signal_exit() sets it */
	push %gs:GATE_APP_SP /* rsp */
	push %rcx
	push %rax
	push %rdx
	push %rbx
	push %rbp
	push %rsi
	push %rdi
	push %r15
	push %r14
	push %r13
	push %r12
	push %r11
	push %r10
	push %r9
	push %r8
	cld
	mov %rsp, %rdi
	call signal_exit
	jmp signal_restore_all
	.size signal_exit_gate, .-signal_exit_gate

/* signal_fault_gate: the monitor's crash handler recorded a fault in app
 * code in the gate block (struct gate_fault) and returned from the host
 * signal into here, on this thread's LibOS stack (the app is not in a
 * system call, so it is free), with the app's %fs. signal_fault() builds
 * the frame of the app's handler, or ends the cVM as before. */
	.globl signal_fault_gate /* the monitor looks it up */
	.type signal_fault_gate, @function
signal_fault_gate:
	mov %gs:GATE_LIBOS_SP, %rsp
	sub $144, %rsp /* struct gate_regs; the call stays 16-byte aligned */
	cld
	mov %rsp, %rdi
	call signal_fault
	/* fall through */

/* Every general register and eflags from the struct gate_regs at rsp;
 * the C code stored its rsp and rip in the gate block too. */
signal_restore_all:
	pop %r8
	pop %r9
	pop %r10
	pop %r11
	pop %r12
	pop %r13
	pop %r14
	pop %r15
	pop %rdi
	pop %rsi
	pop %rbp
	pop %rbx
	pop %rdx
	pop %rax
	pop %rcx
	add $16, %rsp /* rsp and rip: from the gate block */
	popfq
	mov %gs:GATE_APP_SP, %rsp
	jmp *%gs:GATE_SIG_JUMP
	.size signal_fault_gate, .-signal_fault_gate

	.section .note.GNU-stack, "", @progbits
