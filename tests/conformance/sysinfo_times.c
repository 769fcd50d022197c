/* sysinfo, times and clock_getres: what does not depend on the machine. */
#include <sys/sysinfo.h>
#include <sys/syscall.h>
#include <sys/times.h>
#include "check.h"

int main(void)
{
	struct sysinfo info;
	struct tms tms;
	struct timespec res;
	clockid_t clocks[] = { CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID,
			       CLOCK_THREAD_CPUTIME_ID, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
			       CLOCK_TAI };

	memset(&info, 0xff, sizeof(info));
	SHOW(sysinfo(&info));
	printf("uptime > 0: %d, mem_unit %u, free <= total: %d, shared <= total: %d\n",
	       info.uptime > 0, info.mem_unit, info.freeram <= info.totalram,
	       info.sharedram <= info.totalram);
	printf("procs >= 1: %d, swap free <= total: %d, high %lu %lu\n", info.procs >= 1,
	       info.freeswap <= info.totalswap, info.totalhigh, info.freehigh);
	SHOW(sysinfo(NULL));

	struct timespec before;
	clock_gettime(CLOCK_MONOTONIC, &before);
	while (1) {
		struct timespec now;
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
		if (now.tv_sec || now.tv_nsec > 30000000)
			break;
	}
	clock_t first = times(&tms);
	printf("times: user + system >= 2 ticks: %d, children 0: %d\n",
	       tms.tms_utime + tms.tms_stime >= 2, tms.tms_cutime == 0 && tms.tms_cstime == 0);
	struct timespec sleep = { 0, 50000000 };
	nanosleep(&sleep, NULL);
	clock_t second = times(NULL);
	printf("times' value grew by 4 to 8 ticks in 50 ms: %d\n",
	       second - first >= 4 && second - first <= 8);
	printf("times' value is above 300 s of jiffies: %d\n", first > 30000);
	SHOW(syscall(SYS_times, 16));

	for (size_t i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		res.tv_sec = res.tv_nsec = -1;
		SHOW(clock_getres(clocks[i], &res));
		printf("clock %d: %ld.%09ld\n", (int)clocks[i], (long)res.tv_sec, res.tv_nsec);
	}
	struct timespec coarse, coarse_monotonic;
	SHOW(clock_getres(CLOCK_REALTIME_COARSE, &coarse));
	SHOW(clock_getres(CLOCK_MONOTONIC_COARSE, &coarse_monotonic));
	printf("coarse clocks: one tick, the same: %d\n",
	       coarse.tv_sec == 0 && coarse.tv_nsec >= 1000000 && coarse.tv_nsec <= 10000000 &&
		       coarse.tv_nsec == coarse_monotonic.tv_nsec);
	SHOW(clock_getres(CLOCK_REALTIME, NULL));
	SHOW(clock_getres(99, &res));
	SHOW(clock_getres(99, NULL));
	SHOW(syscall(SYS_clock_getres, CLOCK_MONOTONIC, 16));
	return 0;
}
