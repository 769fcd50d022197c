#include <libos/clock.h>
#include <libos/host.h>

typedef int (*vdso_clock_gettime_fn)(int clock, struct __kernel_timespec *ts);

static vdso_clock_gettime_fn vdso_clock_gettime;

void clock_init(const struct libos_boot *boot)
{
	vdso_clock_gettime = (vdso_clock_gettime_fn)boot->host_clock_gettime;
}

int clock_now(int clock, struct __kernel_timespec *ts)
{
	if (vdso_clock_gettime)
		return vdso_clock_gettime(clock, ts);
	return (int)hostcall(HC_CLOCK_GETTIME, clock, (long)ts, 0, 0, 0);
}

#define CLOCK_MONOTONIC 1

int deadline_after(const struct __kernel_timespec *rel, struct __kernel_timespec *deadline)
{
	int err = clock_now(CLOCK_MONOTONIC, deadline);

	if (err)
		return err;
	deadline->tv_sec += rel->tv_sec;
	deadline->tv_nsec += rel->tv_nsec;
	if (deadline->tv_nsec >= NSEC_PER_SEC) {
		deadline->tv_sec++;
		deadline->tv_nsec -= NSEC_PER_SEC;
	}
	return 0;
}

int time_left(const struct __kernel_timespec *deadline, struct __kernel_timespec *left)
{
	struct __kernel_timespec now;
	int err = clock_now(CLOCK_MONOTONIC, &now);

	left->tv_sec = left->tv_nsec = 0;
	if (err)
		return err;
	if (now.tv_sec > deadline->tv_sec ||
	    (now.tv_sec == deadline->tv_sec && now.tv_nsec >= deadline->tv_nsec))
		return 0;
	left->tv_sec = deadline->tv_sec - now.tv_sec;
	left->tv_nsec = deadline->tv_nsec - now.tv_nsec;
	if (left->tv_nsec < 0) {
		left->tv_sec--;
		left->tv_nsec += NSEC_PER_SEC;
	}
	return 0;
}
