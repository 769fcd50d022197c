/* Signal dispositions and the signal mask. Delivery comes with threads and
 * host signals; until then handlers are recorded and reported back exactly
 * as Linux does, which is all musl's startup and stdio need. */
#include <asm/mman.h>
#include <libos/errno.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>

#define NSIG 64
#define SIGKILL 9
#define SIGSTOP 19
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* The kernel's struct sigaction for rt_sigaction on x86-64. */
struct kernel_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

static struct kernel_sigaction actions[NSIG];
static uint64_t blocked;

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
		new_action.mask &= ~((1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1)));
		actions[sig - 1] = new_action;
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
	new_set &= ~((1UL << (SIGKILL - 1)) | (1UL << (SIGSTOP - 1)));
	if (how == SIG_BLOCK)
		blocked |= new_set;
	else if (how == SIG_UNBLOCK)
		blocked &= ~new_set;
	else
		blocked = new_set;
	return 0;
}
