/* The kernel's half of robust mutexes: set_robust_list and get_robust_list, and the walk of
 * the list when a thread ends by the exit system call (no pthread_exit to do it): a word still
 * holding the thread's tid gets FUTEX_OWNER_DIED (keeping FUTEX_WAITERS, and a waiter is
 * woken), others are left alone. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include "check.h"

/* <linux/futex.h>, which uni-cc's sysroot does not have. */
#define FUTEX_WAIT 0
#define FUTEX_WAITERS 0x80000000u
#define FUTEX_OWNER_DIED 0x40000000u
#define FUTEX_TID_MASK 0x3fffffffu
struct robust_list {
	struct robust_list *next;
};
struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list *list_op_pending;
};

struct lock {
	struct robust_list list;
	uint32_t word;
};

static struct robust_list_head head;
static struct lock locks[4]; /* 0-2 on the list, 3 pending */
static uint32_t tid;
static long set_bad_len, set_ok, get_ok;
static int got_head, got_len;

static void *end_by_exit(void *arg)
{
	struct robust_list_head *got = NULL;
	size_t len = 0;

	(void)arg;
	tid = (uint32_t)syscall(SYS_gettid);
	head.futex_offset = offsetof(struct lock, word) - offsetof(struct lock, list);
	head.list.next = &locks[0].list;
	locks[0].list.next = &locks[1].list;
	locks[1].list.next = &locks[2].list;
	locks[2].list.next = &head.list;
	head.list_op_pending = &locks[3].list;
	locks[0].word = tid;
	locks[1].word = tid | FUTEX_WAITERS;
	locks[2].word = (tid + 1) | FUTEX_WAITERS;
	locks[3].word = 0;
	set_bad_len = syscall(SYS_set_robust_list, &head, sizeof(head) - 1) ? errno : 0;
	set_ok = syscall(SYS_set_robust_list, &head, sizeof(head)) ? errno : 0;
	get_ok = syscall(SYS_get_robust_list, 0, &got, &len) ? errno : 0;
	got_head = got == &head;
	got_len = len == sizeof(head);
	syscall(SYS_exit, 0);
	return NULL;
}

static const char *word_bits(uint32_t word)
{
	static char text[80];

	snprintf(text, sizeof(text), "%s%s%s", word & FUTEX_WAITERS ? "WAITERS " : "",
		 word & FUTEX_OWNER_DIED ? "OWNER_DIED " : "",
		 (word & FUTEX_TID_MASK) == tid ? "tid" : (word & FUTEX_TID_MASK) ? "other" : "0");
	return text;
}

int main(void)
{
	struct timespec wait = { 0, 100 * 1000000 };
	struct robust_list_head *got;
	size_t len;
	pthread_t t;
	int tries;

	SHOW(syscall(SYS_get_robust_list, -1, &got, &len));
	SHOW(pthread_create(&t, NULL, end_by_exit, NULL));
	/* Sleep on the word with waiters until the walk marks it; a bounded number of times. */
	for (tries = 0; tries < 50; tries++) {
		uint32_t word = __atomic_load_n(&locks[1].word, __ATOMIC_ACQUIRE);
		if (word & FUTEX_OWNER_DIED)
			break;
		syscall(SYS_futex, &locks[1].word, FUTEX_WAIT, word, &wait, NULL, 0);
	}
	printf("marked %d\n", tries < 50);
	printf("set_robust_list, bad length: %s\n", errno_name((int)set_bad_len));
	printf("set_robust_list: %s\n", errno_name((int)set_ok));
	printf("get_robust_list: %s, same head %d, length %d\n", errno_name((int)get_ok), got_head,
	       got_len);
	for (int i = 0; i < 4; i++)
		printf("lock %d: %s\n", i,
		       word_bits(__atomic_load_n(&locks[i].word, __ATOMIC_ACQUIRE)));
	return 0;
}
