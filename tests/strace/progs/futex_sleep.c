/* futex commands, sleeps and the robust list, none of which waits long. */
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_WAIT_BITSET 9
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_BITSET_MATCH_ANY 0xffffffff

int main(void)
{
	struct timespec ts = { 0, 1000000 };
	void *head;
	size_t len;
	int word = 0;

	getppid();
	syscall(SYS_futex, &word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, 0, 0, 0);
	syscall(SYS_futex, &word, FUTEX_WAKE, 1, 0, 0, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 1, &ts, 0, 0);
	syscall(SYS_futex, &word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 1, 0, 0,
		FUTEX_BITSET_MATCH_ANY);
	syscall(SYS_futex, &word, FUTEX_WAIT, 0, &ts, 0, 0);
	nanosleep(&ts, 0);
	clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, 0);
	ts.tv_sec = 1;
	clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &ts, 0);
	syscall(SYS_get_robust_list, 0, &head, &len);
	syscall(SYS_set_robust_list, head, len);
	syscall(SYS_set_robust_list, head, 1);
	syscall(SYS_membarrier, 0, 0);
	syscall(SYS_membarrier, 1 << 10, 0);
	return 0;
}
