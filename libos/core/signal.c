/* Signal dispositions, the signal mask, and signals the app sends itself
 * (kill, tkill, tgkill: raise() and abort()). A signal whose action is the
 * default one ends the cVM as Linux would (128+N); an ignored one is
 * dropped. Running the app's own handlers comes with issue 4's delivery:
 * until then such a signal stays pending and that is logged once. */
#include <asm/mman.h>
#include <current_gate.h>
#include <libos/errno.h>
#include <libos/host.h>
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

static struct kernel_sigaction actions[NSIG];
static uint64_t blocked, pending;

static uint64_t bit(int sig)
{
	return 1UL << (sig - 1);
}

/* Act on every pending signal the mask lets through. */
static void deliver_pending(void)
{
	uint64_t ready = pending & ~blocked;

	for (int sig = 1; ready && sig <= NSIG; sig++) {
		if (!(ready & bit(sig)))
			continue;
		ready &= ~bit(sig);
		uint64_t handler = actions[sig - 1].handler;
		if (handler == SIG_IGN || (handler == SIG_DFL && (DEFAULT_IGNORED & bit(sig)))) {
			pending &= ~bit(sig);
		} else if (handler == SIG_DFL) {
			hostcall(HC_KILLED, sig, 0, 0, 0, 0);
		} else {
			log_once("signal %d has a handler: running app signal handlers is not "
				 "supported yet, the signal stays pending", sig);
		}
	}
}

static long send_to_self(long sig)
{
	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (sig == 0)
		return 0;
	pending |= bit((int)sig);
	deliver_pending();
	return 0;
}

void signal_raise_self(int sig)
{
	send_to_self(sig);
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
	return send_to_self(sig);
}

long sys_tkill(long tid, long sig)
{
	if (tid <= 0)
		return -EINVAL;
	return tid == current_gate()->tid ? send_to_self(sig) : -ESRCH;
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
