/* The processors the app may run on, as the monitor reported them at boot. */
#ifndef LIBOS_CPU_H
#define LIBOS_CPU_H

#include <uni/boot.h>

#define CPU_MAX 64 /* one word of affinity mask */

struct host_cpus {
	unsigned count; /* 1..CPU_MAX */
	char vendor[16];
	char model[64];
};

extern struct host_cpus host_cpus;

void cpu_init(const struct libos_boot *boot);

#endif
