/* Signal dispositions, the signal mask, signals the app sends itself (kill,
 * tkill, tgkill: raise() and abort()), and delivery to the app's handlers.
 * A signal whose action is the default one ends the cVM as Linux would
 * (128+N); an ignored one is dropped.
 *
 * Delivery (issue 4, increment 2): a system call handler that makes a
 * signal with a handler deliverable arms the gate exit: it swaps the return
 * address the syscall gate saved on the LibOS stack for signal_exit_gate
 * (arch/.../syscall_gate.S). The untraced gate path is unchanged; on the
 * way out it jumps there with every app register live, and signal_exit()
 * builds a Linux rt_sigframe on the app's stack (or sigaltstack) exactly
 * as the x86-64 kernel lays it out, and leaves into the handler through an
 * exit that restores all registers. rt_sigreturn arms the same exit and
 * restores the frame's registers and mask. Faults in app code come from the
 * monitor's crash handler into signal_fault_gate (signal_fault() below).
 * The frame carries no FP state: uc_mcontext.fpregs is NULL (the LibOS
 * never touches the app's SSE/x87 state, so the handler runs on it and
 * rt_sigreturn leaves it as the handler left it). */
#include <asm/mman.h>
#include <stddef.h>
#include <current_gate.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/lock.h>
#include <libos/log.h>
#include <libos/signal.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>

#define NSIG 64
#define SIGKILL 9
#define SIGSTOP 19
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define SIG_DFL 0
#define SIG_IGN 1

/* Signals whose default action is to be ignored (signal(7)); stop and
 * continue are treated the same, as nothing can continue a cVM. */
#define DEFAULT_IGNORED                                                                            \
	(bit(17) /* SIGCHLD */ | bit(18) /* SIGCONT */ | bit(19) /* SIGSTOP */ |                   \
	 bit(20) /* SIGTSTP */ | bit(21) /* SIGTTIN */ | bit(22) /* SIGTTOU */ |                   \
	 bit(23) /* SIGURG */ | bit(28) /* SIGWINCH */)

/* The kernel's struct sigaction for rt_sigaction on x86-64. */
struct kernel_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

#define SA_NODEFER 0x40000000UL
#define SA_RESETHAND 0x80000000UL
#define SA_ONSTACK 0x08000000UL
#define SA_RESTORER 0x04000000UL
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 2048
#define SI_USER 0
#define SI_TKILL (-6)
#define SIGSEGV 11

#define EFLAGS_TF 0x100UL
#define EFLAGS_DF 0x400UL
#define EFLAGS_RF 0x10000UL
/* What rt_sigreturn may change (the kernel's FIX_EFLAGS without TF and RF). */
#define EFLAGS_RESTORED 0x40ed5UL /* CF PF AF ZF SF DF OF AC */

/* The x86-64 kernel's signal frame (arch/x86/include/asm/sigframe.h):
 * pretcode, then struct ucontext, then struct siginfo. */
struct kernel_siginfo {
	int32_t signo, errno_, code, pad;
	union {
		struct {
			int32_t pid;
			uint32_t uid;
		} kill;
		uint64_t addr;
		uint8_t bytes[112];
	} u;
};

struct kernel_stack {
	uint64_t sp;
	int32_t flags, pad;
	uint64_t size;
};

struct kernel_ucontext {
	uint64_t flags, link;
	struct kernel_stack stack;
	uint64_t gregs[23]; /* struct sigcontext: struct gate_regs, then csgsfs, err, trapno,
			       oldmask, cr2 */
	uint64_t fpstate; /* NULL: no FP state in the frame (see above) */
	uint64_t reserved[8];
	uint64_t sigmask;
};

struct rt_sigframe {
	uint64_t pretcode;
	struct kernel_ucontext uc;
	struct kernel_siginfo info;
};

_Static_assert(sizeof(struct kernel_siginfo) == 128, "siginfo");
_Static_assert(sizeof(struct kernel_ucontext) == 304, "ucontext");

static struct kernel_sigaction actions[NSIG];
static uint64_t blocked, pending;
static int32_t pending_code[NSIG]; /* si_code of a pending signal: SI_USER or SI_TKILL */

extern char signal_exit_gate[];

static uint64_t bit(int sig)
{
	return 1UL << (sig - 1);
}

/* Make the current system call leave through signal_exit_gate: the gate
 * saved the app's return address at the top of this thread's LibOS stack
 * (GATE_ENTER in syscall_gate.S); it is kept in the gate block. */
static void arm_exit(void)
{
	struct gate_block *gate = current_gate();
	uint64_t *slot = (uint64_t *)(gate->libos_sp - 16);

	if (*slot != (uint64_t)signal_exit_gate) {
		gate->sig_resume = *slot;
		*slot = (uint64_t)signal_exit_gate;
	}
}

static _Noreturn void killed(int sig, uint64_t addr, uint64_t ip)
{
	hostcall(HC_KILLED, sig, (long)addr, (long)ip, 0, 0);
	__builtin_unreachable();
}

/* The next pending signal the mask lets through that has a handler, or 0;
 * ignored ones are dropped, fatal ones end the cVM here. */
static int next_deliverable(void)
{
	uint64_t ready = pending & ~blocked;

	for (int sig = 1; ready && sig <= NSIG; sig++) {
		if (!(ready & bit(sig)))
			continue;
		ready &= ~bit(sig);
		uint64_t handler = actions[sig - 1].handler;
		if (handler == SIG_IGN || (handler == SIG_DFL && (DEFAULT_IGNORED & bit(sig))))
			pending &= ~bit(sig);
		else if (handler == SIG_DFL)
			killed(sig, 0, 0);
		else
			return sig;
	}
	return 0;
}

/* Act on every pending signal the mask lets through; one with a handler
 * makes the current system call leave through signal_exit_gate. */
static void deliver_pending(void)
{
	if (next_deliverable())
		arm_exit();
}

static int on_altstack(const struct gate_block *gate, uint64_t sp)
{
	return gate->sas_size && sp > gate->sas_sp && sp - gate->sas_sp <= gate->sas_size;
}

static int32_t altstack_flags(const struct gate_block *gate, uint64_t sp)
{
	if (!gate->sas_size)
		return SS_DISABLE;
	return on_altstack(gate, sp) ? SS_ONSTACK : 0;
}

/* Build the frame of sig's handler for the interrupted registers r, as the
 * kernel's get_sigframe() and __setup_rt_frame() do, and make r the
 * handler's entry. */
static int setup_frame(struct gate_regs *r, int sig, const struct kernel_siginfo *info,
		       const struct gate_fault *fault)
{
	struct gate_block *gate = current_gate();
	struct kernel_sigaction *action = &actions[sig - 1];
	uint64_t sp = r->rsp - 128; /* the red zone */
	struct rt_sigframe frame;

	if (!(action->flags & SA_RESTORER)) /* no way back: the kernel forces SIGSEGV too */
		return -1;
	if ((action->flags & SA_ONSTACK) && altstack_flags(gate, sp) == 0)
		sp = gate->sas_sp + gate->sas_size;
	sp = ((sp - sizeof(frame) + 8) & ~15UL) - 8; /* rsp + 8 16-byte aligned, as after a call */

	memset(&frame, 0, sizeof(frame));
	frame.pretcode = action->restorer;
	frame.uc.stack.sp = gate->sas_sp;
	frame.uc.stack.flags = altstack_flags(gate, r->rsp);
	frame.uc.stack.size = gate->sas_size;
	memcpy(frame.uc.gregs, r, sizeof(*r));
	frame.uc.gregs[18] = 0x33 | (0x2bUL << 48); /* cs, gs, fs, ss */
	if (fault) {
		frame.uc.gregs[19] = fault->err;
		frame.uc.gregs[20] = fault->trapno;
		frame.uc.gregs[22] = fault->cr2;
	}
	frame.uc.gregs[21] = blocked; /* oldmask */
	frame.uc.sigmask = blocked;
	frame.info = *info;
	if (copy_to_cvm((void *)sp, &frame, sizeof(frame)))
		return -1;

	r->rdi = (uint64_t)sig;
	r->rsi = sp + offsetof(struct rt_sigframe, info);
	r->rdx = sp + offsetof(struct rt_sigframe, uc);
	r->rax = 0;
	r->rsp = sp;
	r->rip = action->handler;
	r->eflags &= ~(EFLAGS_DF | EFLAGS_TF | EFLAGS_RF);
	blocked |= action->mask | (action->flags & SA_NODEFER ? 0 : bit(sig));
	blocked &= ~(bit(SIGKILL) | bit(SIGSTOP));
	if (action->flags & SA_RESETHAND)
		action->handler = SIG_DFL;
	return 0;
}

/* One frame for each deliverable pending signal, nested as the kernel
 * nests them: the last one built runs first. */
static void deliver_frames(struct gate_regs *r)
{
	int sig;

	while ((sig = next_deliverable())) {
		struct kernel_siginfo info = { .signo = sig, .code = pending_code[sig - 1] };
		info.u.kill.pid = (int32_t)sys_getpid();
		info.u.kill.uid = (uint32_t)sys_getuid();
		pending &= ~bit(sig);
		if (setup_frame(r, sig, &info, NULL))
			killed(SIGSEGV, 0, 0);
	}
}

static int restore_frame(struct gate_regs *r, uint64_t frame)
{
	struct kernel_ucontext uc;
	uint64_t eflags = r->eflags;

	if (copy_from_cvm(&uc, (const void *)(frame + offsetof(struct rt_sigframe, uc)),
			  sizeof(uc)))
		return -1;
	memcpy(r, uc.gregs, sizeof(*r));
	r->eflags = (eflags & ~EFLAGS_RESTORED) | (uc.gregs[17] & EFLAGS_RESTORED);
	blocked = uc.sigmask & ~(bit(SIGKILL) | bit(SIGSTOP));
	return 0;
}

/* From signal_exit_gate: r holds the app's registers at the gate exit. */
void signal_exit(struct gate_regs *r)
{
	struct gate_block *gate = current_gate();

	libos_lock();
	r->rip = r->rcx = gate->sig_resume; /* rcx: as the syscall instruction leaves it */
	gate->sig_resume = 0;
	if (gate->sig_frame) {
		uint64_t frame = gate->sig_frame;
		gate->sig_frame = 0;
		if (restore_frame(r, frame))
			killed(SIGSEGV, 0, 0);
	}
	deliver_frames(r);
	gate->app_sp = r->rsp;
	gate->sig_jump = r->rip;
	libos_unlock();
}

/* From signal_fault_gate: a fault in app code, recorded by the monitor.
 * As the kernel's force_sig_fault(): a blocked or ignored fault signal is
 * fatal; with a handler the app runs it (returning re-runs the faulting
 * instruction, as on Linux). */
void signal_fault(struct gate_regs *r)
{
	struct gate_block *gate = current_gate();
	const struct gate_fault *fault = &gate->fault;
	int sig = fault->sig;

	memcpy(r, fault->regs, sizeof(*r));
	libos_lock();
	if (sig < 1 || sig > NSIG || actions[sig - 1].handler <= SIG_IGN || (blocked & bit(sig)))
		killed(sig, fault->addr, r->rip);
	struct kernel_siginfo info = { .signo = sig, .code = fault->code };
	info.u.addr = fault->addr;
	if (setup_frame(r, sig, &info, fault))
		killed(SIGSEGV, fault->addr, r->rip);
	deliver_frames(r);
	gate->app_sp = r->rsp;
	gate->sig_jump = r->rip;
	libos_unlock();
}

long sys_rt_sigreturn(void)
{
	struct gate_block *gate = current_gate();

	/* The handler's ret popped pretcode: the frame is 8 bytes below. */
	gate->sig_frame = gate->app_sp - 8;
	arm_exit();
	return 0;
}

long sys_sigaltstack(long uss, long uoss)
{
	struct gate_block *gate = current_gate();
	struct kernel_stack old = { gate->sas_sp, altstack_flags(gate, gate->app_sp), 0,
				    gate->sas_size };
	struct kernel_stack ss;

	if (uss) {
		if (copy_from_cvm(&ss, (const void *)uss, sizeof(ss)))
			return -EFAULT;
		if (on_altstack(gate, gate->app_sp))
			return -EPERM;
		/* SS_AUTODISARM is not supported. */
		if (ss.flags != 0 && ss.flags != SS_ONSTACK && ss.flags != SS_DISABLE)
			return -EINVAL;
		if (ss.flags == SS_DISABLE) {
			ss.sp = 0;
			ss.size = 0;
		} else if (ss.size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
		gate->sas_sp = ss.sp;
		gate->sas_size = ss.size;
	}
	if (uoss && copy_to_cvm((void *)uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

static long send_to_self(long sig, int32_t code)
{
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (sig == 0)
		return 0;
	if (!(pending & bit((int)sig)))
		pending_code[sig - 1] = code;
	pending |= bit((int)sig);
	deliver_pending();
	return 0;
}

void signal_raise_self(int sig)
{
	send_to_self(sig, SI_USER);
}

uint64_t signal_swap_blocked(uint64_t mask)
{
	uint64_t saved = blocked;

	blocked = mask & ~(bit(SIGKILL) | bit(SIGSTOP));
	deliver_pending();
	return saved;
}

void signal_restore_blocked(uint64_t saved)
{
	blocked = saved;
	deliver_pending();
}

long sys_kill(long pid, long sig)
{
	/* The app is alone in its cVM: itself, its group, or everyone. */
	if (pid != sys_getpid() && pid != 0 && pid != -1)
		return -ESRCH;
	return send_to_self(sig, SI_USER);
}

long sys_tkill(long tid, long sig)
{
	if (tid <= 0)
		return -EINVAL;
	return tid == current_gate()->tid ? send_to_self(sig, SI_TKILL) : -ESRCH;
}

long sys_tgkill(long tgid, long tid, long sig)
{
	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	return tgid == sys_getpid() ? sys_tkill(tid, sig) : -ESRCH;
}

long sys_rt_sigpending(long set, long sigsetsize)
{
	uint64_t now = pending & blocked;

	if ((unsigned long)sigsetsize > sizeof(uint64_t))
		return -EINVAL;
	return copy_to_cvm((void *)set, &now, (size_t)sigsetsize);
}

long sys_rt_sigaction(long sig, long act, long oldact, long sigsetsize)
{
	struct kernel_sigaction new_action;

	if (sigsetsize != sizeof(uint64_t) || sig < 1 || sig > NSIG)
		return -EINVAL;
	if (act && copy_from_cvm(&new_action, (void *)act, sizeof(new_action)))
		return -EFAULT;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (oldact && copy_to_cvm((void *)oldact, &actions[sig - 1], sizeof(actions[0])))
		return -EFAULT;
	if (act) {
		new_action.mask &= ~(bit(SIGKILL) | bit(SIGSTOP));
		actions[sig - 1] = new_action;
		/* An ignored signal is discarded even while blocked (do_sigaction()). */
		if (new_action.handler == SIG_IGN ||
		    (new_action.handler == SIG_DFL && (DEFAULT_IGNORED & bit((int)sig))))
			pending &= ~bit((int)sig);
		deliver_pending(); /* now fatal */
	}
	return 0;
}

long sys_rt_sigprocmask(long how, long set, long oldset, long sigsetsize)
{
	uint64_t new_set;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (set && copy_from_cvm(&new_set, (void *)set, sizeof(new_set)))
		return -EFAULT;
	if (set && how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
		return -EINVAL;
	if (oldset && copy_to_cvm((void *)oldset, &blocked, sizeof(blocked)))
		return -EFAULT;
	if (!set)
		return 0;
	new_set &= ~(bit(SIGKILL) | bit(SIGSTOP));
	if (how == SIG_BLOCK)
		blocked |= new_set;
	else if (how == SIG_UNBLOCK)
		blocked &= ~new_set;
	else
		blocked = new_set;
	deliver_pending();
	return 0;
}
