/* Robust futex lists: set_robust_list(2), get_robust_list(2), and the walk Linux does when a
 * thread ends (kernel/futex/core.c: exit_robust_list, handle_futex_death): every futex word
 * on the list that still holds the thread's tid gets FUTEX_OWNER_DIED, and one waiter is
 * woken, so the next pthread_mutex_lock of a robust mutex answers EOWNERDEAD.
 *
 * musl's pthread_exit walks the list itself; the walk here covers a thread that ends by the
 * exit system call alone. The gate block has no room for the head, so it is kept here, one
 * record per thread that registered one. */
#include <asm/mman.h>
#include <linux/futex.h>
#include <current_gate.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/kmalloc.h>
#include <libos/lock.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/wait.h>

struct robust_thread {
	struct robust_thread *next;
	const struct gate_block *gate;
	int tid;
	uint64_t head; /* the app's struct robust_list_head */
};

static struct robust_thread *robust_threads; /* under libos_lock */

static struct robust_thread **robust_find(const struct gate_block *gate)
{
	struct robust_thread **link = &robust_threads;

	while (*link && (*link)->gate != gate)
		link = &(*link)->next;
	return link;
}

/* Called with libos_lock held, as a LOCKED entry of the syscall table. */
long sys_set_robust_list(long head, long len)
{
	struct robust_thread **link = robust_find(current_gate());

	if (len != sizeof(struct robust_list_head))
		return -EINVAL;
	if (!*link) {
		struct robust_thread *thread = kmalloc(sizeof(*thread));
		if (!thread)
			return -ENOMEM;
		thread->next = 0;
		thread->gate = current_gate();
		thread->tid = current_gate()->tid;
		*link = thread;
	}
	(*link)->head = (uint64_t)head;
	return 0;
}

/* pid 0 is the caller; another thread is found only once it has registered a list. */
long sys_get_robust_list(long pid_arg, long head_ptr, long len_ptr)
{
	struct robust_thread *thread = 0;
	size_t len = sizeof(struct robust_list_head);
	uint64_t head = 0;
	int pid = (int)pid_arg; /* an int in the kernel's prototype */

	if (pid < 0)
		return -ESRCH;
	if (!pid || pid == current_gate()->tid) {
		thread = *robust_find(current_gate());
	} else {
		for (thread = robust_threads; thread && thread->tid != pid; thread = thread->next)
			;
		if (!thread)
			return -ESRCH;
	}
	if (thread)
		head = thread->head;
	if (copy_to_cvm((void *)len_ptr, &len, sizeof(len)) ||
	    copy_to_cvm((void *)head_ptr, &head, sizeof(head)))
		return -EFAULT;
	return 0;
}

static void futex_wake_one(uint32_t *word)
{
	/* Linux wakes with a shared futex key, as glibc and musl wait on robust mutexes. */
	host_futex(word, FUTEX_WAKE, 1, 0, 0, 0);
}

/* handle_futex_death(): -EFAULT when the word cannot be read or written. */
static int robust_owner_died(uint64_t address, int tid, int pi, int pending)
{
	uint32_t *word = (uint32_t *)address;
	uint32_t value, died;

	if (address & 3)
		return -EINVAL;
	if (cvm_ptr_ok(word, sizeof(*word), PROT_READ | PROT_WRITE))
		return -EFAULT;
	value = __atomic_load_n(word, __ATOMIC_RELAXED);
	do {
		/* An unlock that was under way when the owner ended left the word free: someone
		 * may still wait for the wake-up it was about to send. */
		if (pending && !pi && !value) {
			futex_wake_one(word);
			return 0;
		}
		if ((int)(value & FUTEX_TID_MASK) != tid)
			return 0;
		died = (value & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	} while (!__atomic_compare_exchange_n(word, &value, died, 0, __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	if (!pi && (value & FUTEX_WAITERS))
		futex_wake_one(word);
	return 0;
}

/* fetch_robust_entry(): the list's pointers carry the PI flag in bit 0. */
static int robust_fetch(uint64_t *entry, int *pi, uint64_t from)
{
	uint64_t value;
	int err = copy_from_cvm(&value, (const void *)from, sizeof(value));

	if (err)
		return err;
	*entry = value & ~1ULL;
	*pi = (int)(value & 1);
	return 0;
}

static void robust_walk(uint64_t head, int tid)
{
	const uint64_t list = head + offsetof(struct robust_list_head, list);
	uint64_t entry, next, pending;
	int pi, next_pi, pending_pi, limit = ROBUST_LIST_LIMIT;
	long offset;

	if (robust_fetch(&entry, &pi, list) ||
	    copy_from_cvm(&offset,
			  (const void *)(head + offsetof(struct robust_list_head, futex_offset)),
			  sizeof(offset)) ||
	    robust_fetch(&pending, &pending_pi,
			 head + offsetof(struct robust_list_head, list_op_pending)))
		return;
	/* At most ROBUST_LIST_LIMIT entries: the list may be corrupt or circular. */
	while (entry != list && limit--) {
		int err = robust_fetch(&next, &next_pi, entry);
		if (entry != pending)
			robust_owner_died(entry + (uint64_t)offset, tid, pi, 0);
		if (err)
			return;
		entry = next;
		pi = next_pi;
	}
	if (pending)
		robust_owner_died(pending + (uint64_t)offset, tid, pending_pi, 1);
}

/* From sys_exit, before the thread's tid word is cleared (Linux: exit_mm -> mm_release). */
void robust_list_exit(void)
{
	struct robust_thread **link, *thread;

	libos_lock(); /* kmalloc's heap and the app's mappings */
	link = robust_find(current_gate());
	thread = *link;
	if (thread) {
		*link = thread->next;
		if (thread->head)
			robust_walk(thread->head, thread->tid);
		kfree(thread);
	}
	libos_unlock();
}
