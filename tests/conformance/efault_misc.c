/* Pointers outside the program's memory for the process, time and signal calls. */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <time.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static void *const outside[] = { (void *)0x400000000, (void *)0x480000000,
				 (void *)0xffff800000000000 };

int main(void)
{
	for (size_t i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		void *p = outside[i];
		printf("-- %p\n", p);
		SHOW(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, p));
		SHOW(syscall(SYS_clock_gettime, CLOCK_REALTIME, p));
		SHOW(syscall(SYS_uname, p));
		SHOW(syscall(SYS_getrandom, p, 16, 0));
		SHOW(syscall(SYS_sched_getaffinity, 0, 128, p));
		SHOW(syscall(SYS_sched_setaffinity, 0, 128, p));
		SHOW(syscall(SYS_rt_sigaction, SIGUSR1, p, NULL, 8));
		SHOW(syscall(SYS_rt_sigaction, SIGUSR1, NULL, p, 8));
		SHOW(syscall(SYS_rt_sigprocmask, SIG_BLOCK, p, NULL, 8));
		SHOW(syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, p, 8));
		SHOW(syscall(SYS_rt_sigpending, p, 8));
	}
	printf("still running\n");
	return 0;
}
