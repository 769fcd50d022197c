/* The processors a program may run on: sched_getaffinity as sysconf and
 * glibc/musl use it, and its errors. */
#define _GNU_SOURCE
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	cpu_set_t set;
	unsigned long word;

	CPU_ZERO(&set);
	SHOW(sched_getaffinity(0, sizeof(set), &set));
	printf("CPU_COUNT matches sysconf: %d\n",
	       CPU_COUNT(&set) == sysconf(_SC_NPROCESSORS_ONLN));
	printf("cpu 0 allowed: %d\n", !!CPU_ISSET(0, &set));
	SHOW(syscall(SYS_sched_getaffinity, 0, sizeof(word), &word));
	SHOW(syscall(SYS_sched_getaffinity, 0, 4, &word));
	SHOW(syscall(SYS_sched_getaffinity, 0, 12, &word));
	SHOW(syscall(SYS_sched_getaffinity, 0, sizeof(word), (void *)0x1000));
	SHOW(syscall(SYS_sched_getaffinity, 999999, sizeof(word), &word));
	SHOW(sched_setaffinity(0, sizeof(set), &set));
	CPU_ZERO(&set);
	SHOW(sched_setaffinity(0, sizeof(set), &set));
	SHOW(sched_yield());
	return 0;
}
