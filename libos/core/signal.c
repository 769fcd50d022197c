/* Signals: dispositions, each thread's mask and pending set, the process's
 * pending set, sending (kill, tkill, tgkill, and signals from the host:
 * the terminal, interval timers), waiting for them (rt_sigsuspend,
 * rt_sigtimedwait), interrupting blocked calls, and delivery to the app's
 * handlers. A signal whose action is the default one ends the cVM as Linux
 * would (128+N); an ignored one is dropped.
 *
 * A thread's state is in its gate block (uni/gate.h), under the LibOS's
 * lock. A signal for a thread that does not block it (or waits for it in
 * rt_sigtimedwait) sets its gate->interrupt and, for another thread, asks
 * the monitor to wake it (HC_THREAD_INTERRUPT): a blocking host call of that
 * thread returns -EINTR, app code is diverted into signal_fault() below, and
 * a thread in the LibOS looks at the flag when its handler ends
 * (signal_syscall_end, from the table's wrappers). A process-directed
 * signal goes to the current thread if it can take it, else to the first
 * thread that can; blocked by all, it waits in the process's set.
 *
 * Delivery: a system call handler that makes a signal deliverable arms the
 * gate exit: it swaps the return address the syscall gate saved on the
 * LibOS stack for signal_exit_gate (arch/.../syscall_gate.S). The untraced
 * gate path is unchanged; on the way out it jumps there with every app
 * register live, and signal_exit() builds a Linux rt_sigframe on the app's
 * stack (or sigaltstack) exactly as the x86-64 kernel lays it out, and
 * leaves into the handler through an exit that restores all registers.
 * rt_sigreturn arms the same exit and restores the frame's registers and
 * mask. An interrupted call restarts as on Linux: ERESTARTSYS under
 * SA_RESTART, ERESTARTNOHAND and ERESTARTSYS when no handler runs; the app
 * resumes at the gate's jmp (rcx - GATE_JMP_LEN) with rax the call's
 * number, which musl's cancellation points rely on. Faults in app code come
 * from the monitor's crash handler into signal_fault_gate (signal_fault()).
 * The frame carries no FP state: uc_mcontext.fpregs is NULL (the LibOS
 * never touches the app's SSE/x87 state, so the handler runs on it and
 * rt_sigreturn leaves it as the handler left it). Real-time signals are not
 * queued: like the others, one of each is pending at most. */
#include <asm/mman.h>
#include <asm/unistd.h>
#include <linux/futex.h>
#include <linux/time_types.h>
#include <stddef.h>
#include <current_gate.h>
#include <uni/boot.h>
#include <libos/clock.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/lock.h>
#include <libos/log.h>
#include <libos/signal.h>
#include <libos/strace.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/wait.h>

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
#define SI_KERNEL 0x80
#define SA_RESTART 0x10000000UL
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
static uint64_t process_pending; /* kill(): for whichever thread takes it */
static int32_t process_code[NSIG];
/* The app's threads (gate->thread_next), once it has more than one. */
static struct gate_block *threads;
static int timer_armed; /* once set, for good: a timer may be running */

extern char signal_exit_gate[];

static uint64_t bit(int sig)
{
	return 1UL << (sig - 1);
}

#define UNBLOCKABLE (bit(SIGKILL) | bit(SIGSTOP))

static struct gate_block *first_thread(void)
{
	return threads ? threads : current_gate();
}

void signal_thread_add(struct gate_block *gate)
{
	if (!threads)
		threads = current_gate(); /* the first clone: its caller is the main thread */
	gate->thread_next = threads->thread_next;
	threads->thread_next = gate;
}

static struct gate_block *thread_by_tid(long tid)
{
	for (struct gate_block *g = first_thread(); g; g = g->thread_next)
		if (g->tid == tid)
			return g;
	return NULL;
}

static int ignored(int sig)
{
	uint64_t handler = actions[sig - 1].handler;

	return handler == SIG_IGN || (handler == SIG_DFL && (DEFAULT_IGNORED & bit(sig)));
}

/* sig pending for g would make it act: not blocked, or waited for. */
static int takes(const struct gate_block *g, int sig)
{
	return !(g->sig_blocked & bit(sig)) || (g->sig_waited & bit(sig));
}

static void update_interrupt(struct gate_block *g)
{
	uint64_t any = g->sig_pending | process_pending;

	__atomic_store_n(&g->interrupt, ((any & ~g->sig_blocked) | (any & g->sig_waited)) != 0,
			 __ATOMIC_SEQ_CST);
}

/* g has a signal to act on: its blocking host calls end; another thread is
 * woken by the monitor. The current thread acts at the end of its call. */
static void interrupt(struct gate_block *g)
{
	__atomic_store_n(&g->interrupt, 1, __ATOMIC_SEQ_CST);
	if (g != current_gate())
		hostcall(HC_THREAD_INTERRUPT, g->tid, 0, 0, 0, 0);
}

static void send_to_thread(struct gate_block *g, int sig, int32_t code)
{
	if (ignored(sig))
		return; /* discarded even while blocked */
	if (!(g->sig_pending & bit(sig)))
		g->sig_code[sig - 1] = code;
	g->sig_pending |= bit(sig);
	if (takes(g, sig))
		interrupt(g);
}

/* Wake a thread other than skip that takes sig, pending for the process:
 * the current one if it can. */
static void route_to_a_thread(int sig, const struct gate_block *skip)
{
	struct gate_block *me = current_gate();

	if (me != skip && takes(me, sig)) {
		interrupt(me);
		return;
	}
	for (struct gate_block *g = first_thread(); g; g = g->thread_next)
		if (g != skip && takes(g, sig)) {
			interrupt(g);
			return;
		}
}

static void send_to_process(int sig, int32_t code)
{
	if (ignored(sig))
		return;
	if (!(process_pending & bit(sig)))
		process_code[sig - 1] = code;
	process_pending |= bit(sig);
	route_to_a_thread(sig, NULL);
}

/* Signals the host process got for the app (SIGINT from the terminal, an
 * interval timer's): the monitor set this thread's interrupt flag. */
static void take_host_signals(void)
{
	if (!__atomic_load_n(&current_gate()->interrupt, __ATOMIC_SEQ_CST))
		return;
	uint64_t set = (uint64_t)hostcall(HC_TAKE_SIGNALS, 0, 0, 0, 0, 0);
	for (int sig = 1; set && sig <= NSIG; sig++)
		if (set & bit(sig)) {
			set &= ~bit(sig);
			send_to_process(sig, SI_KERNEL);
		}
}

void signal_thread_exit(void)
{
	struct gate_block *me = current_gate();

	if (threads == me) {
		threads = me->thread_next;
	} else {
		for (struct gate_block *g = threads; g; g = g->thread_next)
			if (g->thread_next == me) {
				g->thread_next = me->thread_next;
				break;
			}
	}
	me->thread_next = NULL;
	/* What was meant for the process and this thread might have taken. */
	for (int sig = 1; sig <= NSIG; sig++)
		if (process_pending & bit(sig))
			route_to_a_thread(sig, me);
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

/* The next signal the current thread must act on that has a handler, or
 * 0; ignored ones are dropped, fatal ones end the cVM here. */
static int next_deliverable(void)
{
	struct gate_block *me = current_gate();
	uint64_t ready = (me->sig_pending | process_pending) & ~me->sig_blocked;

	for (int sig = 1; ready && sig <= NSIG; sig++) {
		if (!(ready & bit(sig)))
			continue;
		ready &= ~bit(sig);
		if (ignored(sig)) {
			me->sig_pending &= ~bit(sig);
			process_pending &= ~bit(sig);
		} else if (actions[sig - 1].handler == SIG_DFL) {
			killed(sig, 0, 0);
		} else {
			return sig;
		}
	}
	return 0;
}

/* Take sig off the current thread's pending set, else the process's: its si_code. */
static int32_t dequeue(int sig)
{
	struct gate_block *me = current_gate();

	if (me->sig_pending & bit(sig)) {
		me->sig_pending &= ~bit(sig);
		return me->sig_code[sig - 1];
	}
	process_pending &= ~bit(sig);
	return process_code[sig - 1];
}

/* sig taken off the pending sets, as its handler or sigtimedwait sees it:
 * the sender (the app itself) for the signals a thread sent, nothing for
 * the host's (SI_KERNEL). */
static struct kernel_siginfo dequeue_info(int sig)
{
	struct kernel_siginfo info = { .signo = sig, .code = dequeue(sig) };

	if (info.code == SI_USER || info.code == SI_TKILL) {
		info.u.kill.pid = (int32_t)sys_getpid();
		info.u.kill.uid = (uint32_t)sys_getuid();
	}
	return info;
}

/* Act on every pending signal the mask lets through; one with a handler
 * makes the current system call leave through signal_exit_gate. */
static void deliver_pending(void)
{
	take_host_signals();
	if (next_deliverable())
		arm_exit();
	else
		update_interrupt(current_gate());
}

long signal_syscall_end(long ret, int nr)
{
	struct gate_block *me = current_gate();
	int interrupted = ret <= -ERESTARTSYS && ret >= -ERESTART_RESTARTBLOCK;

	take_host_signals();
	if (next_deliverable()) {
		if (interrupted) {
			me->restart_nr = nr;
			me->restart_how = (int32_t)-ret;
			ret = -EINTR;
		}
		arm_exit();
		return ret;
	}
	if (me->sig_has_saved) { /* rt_sigsuspend's, ppoll's mask: the call is over */
		me->sig_blocked = me->sig_saved_blocked;
		me->sig_has_saved = 0;
	}
	update_interrupt(me);
	return interrupted ? -ERESTARTNOINTR : ret;
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
	/* The mask to go back to: rt_sigsuspend's saved one for the first frame. */
	uint64_t mask = gate->sig_has_saved ? gate->sig_saved_blocked : gate->sig_blocked;
	gate->sig_has_saved = 0;
	frame.uc.gregs[21] = mask; /* oldmask */
	frame.uc.sigmask = mask;
	frame.info = *info;
	if (copy_to_cvm((void *)sp, &frame, sizeof(frame)))
		return -1;
	if (strace_flags & TRACE_SYSCALLS)
		strace_signal(sig, info->code, info->u.addr);

	r->rdi = (uint64_t)sig;
	r->rsi = sp + offsetof(struct rt_sigframe, info);
	r->rdx = sp + offsetof(struct rt_sigframe, uc);
	r->rax = 0;
	r->rsp = sp;
	r->rip = action->handler;
	r->eflags &= ~(EFLAGS_DF | EFLAGS_TF | EFLAGS_RF);
	gate->sig_blocked |= action->mask | (action->flags & SA_NODEFER ? 0 : bit(sig));
	gate->sig_blocked &= ~UNBLOCKABLE;
	if (action->flags & SA_RESETHAND)
		action->handler = SIG_DFL;
	return 0;
}

/* An interrupted system call (signal_syscall_end): restart it, the app
 * back at the gate's jmp with the call's number in rax, or fail with EINTR,
 * as Linux decides for the handler of sig (0: none runs). */
static void restart_or_eintr(struct gate_regs *r, int sig)
{
	struct gate_block *gate = current_gate();
	int how = gate->restart_how;

	gate->restart_how = 0;
	if (!how)
		return;
	if (!sig || (how == ERESTARTSYS && (actions[sig - 1].flags & SA_RESTART))) {
		r->rax = (uint64_t)gate->restart_nr;
		r->rip = r->rcx - GATE_JMP_LEN;
	} else {
		r->rax = (uint64_t)-EINTR;
	}
}

/* One frame for each deliverable pending signal, nested as the kernel
 * nests them: the last one built runs first. */
static void deliver_frames(struct gate_regs *r)
{
	struct gate_block *gate = current_gate();
	int sig = next_deliverable();

	restart_or_eintr(r, sig);
	for (; sig; sig = next_deliverable()) {
		struct kernel_siginfo info = dequeue_info(sig);
		if (setup_frame(r, sig, &info, NULL))
			killed(SIGSEGV, 0, 0);
	}
	if (gate->sig_has_saved) { /* rt_sigsuspend ended with no handler to run */
		gate->sig_blocked = gate->sig_saved_blocked;
		gate->sig_has_saved = 0;
	}
	update_interrupt(gate);
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
	current_gate()->sig_blocked = uc.sigmask & ~UNBLOCKABLE;
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
	take_host_signals();
	deliver_frames(r);
	gate->app_sp = r->rsp;
	gate->sig_jump = r->rip;
	libos_unlock();
}

/* From signal_fault_gate: a fault in app code, recorded by the monitor, or
 * (sig 0) the thread interrupted in app code for a signal it has now.
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
	if (sig) {
		if (sig > NSIG || actions[sig - 1].handler <= SIG_IGN ||
		    (gate->sig_blocked & bit(sig)))
			killed(sig, fault->addr, r->rip);
		struct kernel_siginfo info = { .signo = sig, .code = fault->code };
		info.u.addr = fault->addr;
		if (setup_frame(r, sig, &info, fault))
			killed(SIGSEGV, fault->addr, r->rip);
	}
	take_host_signals();
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

void signal_init(const struct libos_boot *boot)
{
	for (int sig = 1; sig <= NSIG; sig++)
		if ((boot->ignored_signals & bit(sig)) && sig != SIGKILL && sig != SIGSTOP)
			actions[sig - 1].handler = SIG_IGN;
}

void signal_timer_armed(void)
{
	timer_armed = 1;
}

int signal_may_come(void)
{
	if (timer_armed)
		return 1;
	for (int sig = 1; sig <= NSIG; sig++)
		if (actions[sig - 1].handler > SIG_IGN)
			return 1;
	return 0;
}

static int bad_signal(long sig)
{
	return sig < 0 || sig > NSIG;
}

void signal_raise_self(int sig)
{
	send_to_thread(current_gate(), sig, SI_USER);
	deliver_pending();
}

uint64_t signal_swap_blocked(uint64_t mask)
{
	struct gate_block *me = current_gate();
	uint64_t saved = me->sig_blocked;

	me->sig_blocked = mask & ~UNBLOCKABLE;
	deliver_pending();
	return saved;
}

void signal_restore_blocked(uint64_t saved, long ret)
{
	struct gate_block *me = current_gate();

	if (ret <= -ERESTARTSYS && ret >= -ERESTART_RESTARTBLOCK) {
		me->sig_saved_blocked = saved;
		me->sig_has_saved = 1;
		return;
	}
	me->sig_blocked = saved;
	deliver_pending();
}

long sys_kill(long pid, long sig)
{
	/* The app is alone in its cVM: itself, its group, or everyone. */
	if (bad_signal(sig))
		return -EINVAL;
	if (pid != sys_getpid() && pid != 0 && pid != -1)
		return -ESRCH;
	if (sig) {
		send_to_process((int)sig, SI_USER);
		deliver_pending();
	}
	return 0;
}

long sys_tkill(long tid, long sig)
{
	if (tid <= 0 || bad_signal(sig))
		return -EINVAL;
	struct gate_block *g = thread_by_tid(tid);
	if (!g)
		return -ESRCH;
	if (sig) {
		send_to_thread(g, (int)sig, SI_TKILL);
		deliver_pending();
	}
	return 0;
}

long sys_tgkill(long tgid, long tid, long sig)
{
	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	return tgid == sys_getpid() ? sys_tkill(tid, sig) : -ESRCH;
}

long sys_rt_sigpending(long set, long sigsetsize)
{
	struct gate_block *me = current_gate();
	uint64_t now = (me->sig_pending | process_pending) & me->sig_blocked;

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
		new_action.mask &= ~UNBLOCKABLE;
		actions[sig - 1] = new_action;
		/* An ignored signal is discarded even while blocked (do_sigaction()). */
		if (ignored((int)sig)) {
			process_pending &= ~bit((int)sig);
			for (struct gate_block *g = first_thread(); g; g = g->thread_next)
				g->sig_pending &= ~bit((int)sig);
		}
		deliver_pending(); /* now fatal */
	}
	return 0;
}

long sys_rt_sigprocmask(long how, long set, long oldset, long sigsetsize)
{
	struct gate_block *me = current_gate();
	uint64_t new_set;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (set && copy_from_cvm(&new_set, (void *)set, sizeof(new_set)))
		return -EFAULT;
	if (set && how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
		return -EINVAL;
	if (oldset && copy_to_cvm((void *)oldset, &me->sig_blocked, sizeof(me->sig_blocked)))
		return -EFAULT;
	if (!set)
		return 0;
	new_set &= ~UNBLOCKABLE;
	if (how == SIG_BLOCK)
		me->sig_blocked |= new_set;
	else if (how == SIG_UNBLOCK)
		me->sig_blocked &= ~new_set;
	else
		me->sig_blocked = new_set;
	/* Newly blocked process signals may be for another thread now. */
	for (int sig = 1; sig <= NSIG; sig++)
		if ((process_pending & bit(sig)) && !takes(me, sig))
			route_to_a_thread(sig, me);
	deliver_pending();
	return 0;
}

/* rt_sigsuspend's wait, with the lock held. */
static long suspend(uint64_t mask)
{
	struct gate_block *me = current_gate();
	uint64_t old = me->sig_blocked;
	long ret;

	for (;;) {
		me->sig_saved_blocked = old;
		me->sig_has_saved = 1;
		me->sig_blocked = mask & ~UNBLOCKABLE;
		take_host_signals();
		update_interrupt(me);
		if (me->interrupt) {
			ret = signal_syscall_end(-ERESTARTNOHAND, __NR_rt_sigsuspend);
			if (ret != -ERESTARTNOINTR)
				return ret;
		}
		wait_interrupted(NULL, 0);
	}
}

long sys_rt_sigsuspend(long mask_at, long sigsetsize)
{
	uint64_t mask;
	long ret;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	libos_lock();
	ret = copy_from_cvm(&mask, (const void *)mask_at, sizeof(mask));
	if (!ret)
		ret = suspend(mask);
	libos_unlock();
	return ret;
}

long sys_pause(void)
{
	libos_lock();
	long ret = suspend(current_gate()->sig_blocked);
	libos_unlock();
	return ret;
}

long sys_rt_sigtimedwait(long set_at, long info_at, long timeout_at, long sigsetsize)
{
	struct gate_block *me = current_gate();
	struct __kernel_timespec timeout, deadline;
	struct kernel_siginfo info;
	uint64_t set;
	long ret;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	libos_lock();
	ret = copy_from_cvm(&set, (const void *)set_at, sizeof(set));
	if (!ret && timeout_at)
		ret = copy_from_cvm(&timeout, (const void *)timeout_at, sizeof(timeout));
	if (!ret && timeout_at && !timespec_valid(&timeout))
		ret = -EINVAL;
	if (!ret && timeout_at)
		ret = deadline_after(&timeout, &deadline);
	set &= ~UNBLOCKABLE;
	while (!ret) {
		take_host_signals();
		uint64_t ready = (me->sig_pending | process_pending) & set;
		if (ready) {
			int sig = __builtin_ctzl(ready) + 1;
			info = dequeue_info(sig);
			ret = info_at && copy_to_cvm((void *)info_at, &info, sizeof(info)) ? -EFAULT
											   : sig;
			break;
		}
		me->sig_waited = set;
		update_interrupt(me);
		if (me->interrupt && ((me->sig_pending | process_pending) & ~me->sig_blocked & ~set)) {
			ret = signal_syscall_end(-ERESTARTNOHAND, __NR_rt_sigtimedwait);
			if (ret != -ERESTARTNOINTR)
				break;
			ret = 0;
			continue;
		}
		if (timeout_at && wait_interrupted(&deadline, 0) == -ETIMEDOUT)
			ret = -EAGAIN;
		else if (!timeout_at)
			wait_interrupted(NULL, 0);
	}
	me->sig_waited = 0;
	update_interrupt(me);
	libos_unlock();
	return ret;
}
