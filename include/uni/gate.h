/* The gate ABI: the per-thread gate block and how each gate uses it.
 *
 * Every host thread that runs cVM code has one gate block, allocated by the
 * monitor outside every cVM region. Its address is the thread's %gs base,
 * which neither glibc nor musl uses, so gate code finds it in one
 * instruction and cVM code does not reach it by accident.
 *
 * Syscall gate (app -> LibOS): musl's patched syscall sequence is
 *	lea 1f(%rip), %rcx; jmp *%gs:GATE_SYSCALL_ENTRY; 1:
 * with the system call number in rax and arguments in rdi, rsi, rdx, r10,
 * r8, r9, exactly as for the syscall instruction. The gate preserves every
 * register but rax (the result), rcx and r11, never touches the caller's
 * stack, and returns with jmp *%rcx. A restarted call resumes at
 * rcx - GATE_JMP_LEN, the jmp instruction itself.
 *
 * Host-call gate (LibOS -> monitor): a C call through GATE_HOSTCALL_ENTRY,
 * long hostcall(long nr, long a0, ..., long a4). It saves the app's
 * extended (SSE/AVX) state, switches %fs to the monitor's thread pointer and
 * the stack to GATE_MONITOR_SP, and undoes both on the way back. */
#ifndef UNI_GATE_H
#define UNI_GATE_H

/* Byte offsets, shared with the assembly gates. */
#define GATE_SYSCALL_ENTRY 0 /* musl's patch hard-codes %gs:0 */
#define GATE_SELF 8
#define GATE_APP_SP 16
#define GATE_LIBOS_SP 24
#define GATE_HOSTCALL_ENTRY 32
#define GATE_MONITOR_SP 40
#define GATE_MONITOR_FS 48
#define GATE_APP_FS 56
#define GATE_HAS_FSGSBASE 64
#define GATE_XSAVE_AREA 72
#define GATE_SIG_JUMP 80

#define GATE_JMP_LEN 8 /* jmp *%gs:0 is 65 ff 24 25 00 00 00 00 */

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>
#include "cap.h"

struct gate_block {
	uint64_t syscall_entry; /* the LibOS's syscall gate */
	struct gate_block *self;
	uint64_t app_sp; /* saved by the syscall gate */
	uint64_t libos_sp; /* top of this thread's LibOS stack */
	uint64_t hostcall_entry; /* the monitor's host-call gate */
	uint64_t monitor_sp; /* host calls run below this */
	uint64_t monitor_fs; /* glibc's thread pointer for this thread */
	uint64_t app_fs; /* musl's thread pointer (ARCH_SET_FS) */
	uint64_t has_fsgsbase; /* wrfsbase usable; else arch_prctl */
	uint64_t xsave_area; /* 64-byte aligned, as large as CPUID leaf 0xD says */
	uint64_t sig_jump; /* the full-register gate exit jumps here (signal delivery) */

	/* The capabilities this thread holds; read by the LibOS and monitor. */
	struct uni_cap app_pcc; /* code of the calling cVM */
	struct uni_cap app_ddc; /* data of the calling cVM: guest pointers are checked against it */
	struct uni_cap libos_pcc; /* sealed entry of the serving LibOS */
	struct uni_cap libos_ddc;
	struct uni_cap stack; /* the app thread's stack */
	struct uni_cap tls;
	uint32_t cvm_id; /* index of the calling cVM in the monitor's table */
	int32_t tid; /* the app-visible thread id */
	uint64_t clear_child_tid; /* the LibOS's: set_tid_address / CLONE_CHILD_CLEARTID */

	/* This thread's signals (libos/core/signal.c): the LibOS's, under its lock. */
	uint64_t sig_blocked, sig_pending; /* bit N-1 for signal N */
	uint64_t sig_waited; /* rt_sigtimedwait's set while it waits, else 0 */
	uint64_t sig_saved_blocked; /* rt_sigsuspend's mask to restore after the handler */
	int32_t sig_has_saved, sig_code[64]; /* si_code of each pending signal */
	/* A system call interrupted by a signal: its number and how it restarts. */
	int32_t restart_nr, restart_how;
	struct gate_block *thread_next; /* the LibOS's list of the app's threads */
	/* Nonzero while a signal waits for this thread: the monitor's blocking calls for
	 * it return -EINTR, and in app code it is diverted into the LibOS
	 * (monitor/interrupt.c). Set by the LibOS or the monitor, cleared by the LibOS. */
	uint32_t interrupt;
	int32_t pad;

	/* Signal delivery to the app (libos/core/signal.c). */
	uint64_t sig_resume; /* the app's return address while the gate exit is diverted */
	uint64_t sig_frame; /* rt_sigreturn: the app's signal frame to restore, else 0 */
	uint64_t sas_sp, sas_size; /* sigaltstack; sas_size 0: disabled */
	/* A fault in app code, recorded by the monitor's crash handler, which
	 * then resumes the thread in the LibOS's signal_fault_gate. */
	struct gate_fault {
		uint64_t regs[18]; /* struct gate_regs order: r8 ... r15, rdi, rsi, rbp, rbx,
				      rdx, rax, rcx, rsp, rip, eflags (= ucontext gregs 0-17) */
		uint64_t addr, err, trapno, cr2;
		int32_t sig, code;
	} fault;
};

/* All general registers of the app at a gate exit, in the order of
 * mcontext_t's gregs (REG_R8 = 0 ... REG_EFL = 17). */
struct gate_regs {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15, rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip,
		eflags;
};

/* The assembly gates use the offsets above. */
_Static_assert(offsetof(struct gate_block, syscall_entry) == GATE_SYSCALL_ENTRY, "gate ABI");
_Static_assert(offsetof(struct gate_block, self) == GATE_SELF, "gate ABI");
_Static_assert(offsetof(struct gate_block, app_sp) == GATE_APP_SP, "gate ABI");
_Static_assert(offsetof(struct gate_block, libos_sp) == GATE_LIBOS_SP, "gate ABI");
_Static_assert(offsetof(struct gate_block, hostcall_entry) == GATE_HOSTCALL_ENTRY, "gate ABI");
_Static_assert(offsetof(struct gate_block, monitor_sp) == GATE_MONITOR_SP, "gate ABI");
_Static_assert(offsetof(struct gate_block, monitor_fs) == GATE_MONITOR_FS, "gate ABI");
_Static_assert(offsetof(struct gate_block, app_fs) == GATE_APP_FS, "gate ABI");
_Static_assert(offsetof(struct gate_block, has_fsgsbase) == GATE_HAS_FSGSBASE, "gate ABI");
_Static_assert(offsetof(struct gate_block, xsave_area) == GATE_XSAVE_AREA, "gate ABI");
_Static_assert(offsetof(struct gate_block, sig_jump) == GATE_SIG_JUMP, "gate ABI");
_Static_assert(sizeof(struct gate_regs) == 18 * 8, "gate ABI");

#endif

#endif
