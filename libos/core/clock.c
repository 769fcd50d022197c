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
