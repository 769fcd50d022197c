/* The monitor's view of this CPU: what the gates need to know and set. */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <stddef.h>
#include <stdint.h>

/* Can this process use rdfsbase/wrfsbase? The kernel may enable them
 * without CPUID or AT_HWCAP2 saying so; the only sure test is to try. */
int cpu_has_fsgsbase(void);
/* Bytes xsave needs for every state component the OS enabled. */
size_t cpu_xsave_size(void);
uint64_t cpu_fs_base(void);
int cpu_set_gs_base(uint64_t base);
/* This thread's gate block, from the monitor's side. */
void *cpu_gs_base(void);
/* AT_HWCAP's value for the app's auxiliary vector. */
uint64_t cpu_hwcap(void);
/* CPUID's vendor string and brand string, NUL-terminated. */
void cpu_names(char vendor[16], char model[64]);

#endif
