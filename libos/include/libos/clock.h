/* Time for the LibOS and its app, without a host call when the host's
 * vDSO can be used. */
#ifndef LIBOS_CLOCK_H
#define LIBOS_CLOCK_H

#include <linux/time_types.h>
#include <uni/boot.h>

void clock_init(const struct libos_boot *boot);
/* 0 or -errno (-EINVAL for a clock Linux does not know). */
int clock_now(int clock, struct __kernel_timespec *ts);

#endif
