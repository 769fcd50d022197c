/* Time for the LibOS and its app, without a host call when the host's
 * vDSO can be used. */
#ifndef LIBOS_CLOCK_H
#define LIBOS_CLOCK_H

#include <linux/time_types.h>
#include <uni/boot.h>

#define NSEC_PER_SEC 1000000000L
#define NSEC_PER_USEC 1000L
#define USEC_PER_SEC 1000000L

void clock_init(const struct libos_boot *boot);
/* 0 or -errno (-EINVAL for a clock Linux does not know). */
int clock_now(int clock, struct __kernel_timespec *ts);

/* What the sleeping and waiting calls accept: tv_sec >= 0, tv_nsec in [0, 1 s). */
static inline int timespec_valid(const struct __kernel_timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC;
}

/* deadline = CLOCK_MONOTONIC now + rel: 0 or -errno. */
int deadline_after(const struct __kernel_timespec *rel, struct __kernel_timespec *deadline);
/* left = deadline - CLOCK_MONOTONIC now, zero once it has passed: 0, or -errno (left
 * zero) when the clock fails. */
int time_left(const struct __kernel_timespec *deadline, struct __kernel_timespec *left);

#endif
