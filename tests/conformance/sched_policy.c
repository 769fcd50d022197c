/* Scheduling policies and priorities through the system calls (musl's wrappers answer
 * ENOSYS without asking): what root may set, bad policies and priorities, and what a new
 * thread inherits. Run as root natively. */
#define _GNU_SOURCE
#include <sched.h>
#include <sys/syscall.h>
#include "check.h"

#define NO_SUCH_PID 0x3fffffff

static long set_policy(int policy, int priority)
{
	struct sched_param param;

	memset(&param, 0, sizeof(param));
	param.sched_priority = priority;
	return syscall(SYS_sched_setscheduler, 0, policy, &param);
}

static long priority_of(pid_t pid)
{
	struct sched_param param;

	memset(&param, 0xff, sizeof(param));
	long ret = syscall(SYS_sched_getparam, pid, &param);

	return ret ? ret : param.sched_priority;
}

static void *in_thread_policy(void *unused)
{
	(void)unused;
	printf("thread: policy %ld priority %ld\n", syscall(SYS_sched_getscheduler, 0),
	       priority_of(0));
	return NULL;
}

static void show_thread_policy(void)
{
	pthread_t thread;

	pthread_create(&thread, NULL, in_thread_policy, NULL);
	pthread_join(thread, NULL);
}

int main(void)
{
	struct sched_param param;
	struct timespec slice = { 1, 1 };

	memset(&param, 0, sizeof(param));
	SHOW(syscall(SYS_sched_getscheduler, 0));
	SHOW(syscall(SYS_sched_getscheduler, getpid()));
	SHOW(priority_of(0));
	SHOW(syscall(SYS_sched_getscheduler, -1));
	SHOW(syscall(SYS_sched_getscheduler, NO_SUCH_PID));
	SHOW(syscall(SYS_sched_getparam, 0, NULL));
	SHOW(syscall(SYS_sched_getparam, -1, &param));
	SHOW(syscall(SYS_sched_getparam, NO_SUCH_PID, &param));
	SHOW(syscall(SYS_sched_getparam, 0, 16));

	SHOW(set_policy(SCHED_OTHER, 0));
	SHOW(set_policy(SCHED_OTHER, 1));
	SHOW(set_policy(SCHED_FIFO, 0));
	SHOW(set_policy(SCHED_FIFO, 100));
	SHOW(set_policy(SCHED_RR, -1));
	SHOW(set_policy(SCHED_DEADLINE, 0));
	SHOW(set_policy(4, 0));
	SHOW(set_policy(99, 0));
	SHOW(set_policy(-1, 0));
	SHOW(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, NULL));
	SHOW(syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, 16));
	SHOW(syscall(SYS_sched_setscheduler, -1, SCHED_OTHER, &param));
	SHOW(syscall(SYS_sched_setscheduler, NO_SUCH_PID, SCHED_OTHER, &param));

	SHOW(set_policy(SCHED_BATCH, 0));
	SHOW(syscall(SYS_sched_getscheduler, 0));
	SHOW(set_policy(SCHED_IDLE, 0));
	SHOW(syscall(SYS_sched_getscheduler, 0));
	show_thread_policy();
	SHOW(set_policy(SCHED_FIFO, 10));
	SHOW(syscall(SYS_sched_getscheduler, 0));
	SHOW(priority_of(0));
	SHOW(syscall(SYS_sched_rr_get_interval, 0, &slice));
	printf("SCHED_FIFO slice %ld.%09ld\n", (long)slice.tv_sec, slice.tv_nsec);
	param.sched_priority = 20;
	SHOW(syscall(SYS_sched_setparam, 0, &param));
	SHOW(priority_of(0));
	param.sched_priority = 0;
	SHOW(syscall(SYS_sched_setparam, 0, &param));
	SHOW(syscall(SYS_sched_setparam, 0, NULL));
	show_thread_policy();
	SHOW(set_policy(SCHED_RR | SCHED_RESET_ON_FORK, 5));
	SHOW(syscall(SYS_sched_getscheduler, 0));
	SHOW(syscall(SYS_sched_rr_get_interval, 0, &slice));
	printf("SCHED_RR slice %ld.%09ld\n", (long)slice.tv_sec, slice.tv_nsec);
	show_thread_policy();
	SHOW(set_policy(SCHED_OTHER, 0));
	SHOW(syscall(SYS_sched_getscheduler, 0));
	SHOW(priority_of(0));
	SHOW(syscall(SYS_sched_rr_get_interval, 0, &slice));
	SHOW(syscall(SYS_sched_rr_get_interval, -1, &slice));
	SHOW(syscall(SYS_sched_rr_get_interval, NO_SUCH_PID, &slice));
	SHOW(syscall(SYS_sched_rr_get_interval, 0, NULL));

	int policies[] = { SCHED_OTHER, SCHED_FIFO, SCHED_RR, SCHED_BATCH, 4, SCHED_IDLE,
			   SCHED_DEADLINE, -1 };
	for (size_t i = 0; i < sizeof(policies) / sizeof(policies[0]); i++) {
		errno = 0;
		long max = syscall(SYS_sched_get_priority_max, policies[i]);
		long min = syscall(SYS_sched_get_priority_min, policies[i]);
		printf("policy %d: max %ld min %ld %s\n", policies[i], max, min, errno_name(errno));
	}
	return 0;
}
