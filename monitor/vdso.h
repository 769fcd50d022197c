/* The host kernel's vDSO, as an ELF image in the monitor's memory. */
#ifndef MONITOR_VDSO_H
#define MONITOR_VDSO_H

#include <stdint.h>

/* The address of a vDSO function, or 0 when there is no vDSO or no such
 * symbol. */
uint64_t vdso_function(const char *name);

#endif
