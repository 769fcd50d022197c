/* Software capabilities: the monitor's stand-in for CHERI capabilities.
 *
 * A capability names a range of the address space and what may be done
 * with it. A sealed capability cannot be used directly: it can only be
 * invoked through a gate, and only together with a data capability sealed
 * with the same object type (the PCC/DDC pair of a cVM). This is software
 * enforcement: code inside the process can still reach all memory. */
#ifndef UNI_CAP_H
#define UNI_CAP_H

#include <stdint.h>

enum uni_cap_perm {
	UNI_CAP_LOAD = 1u << 0,
	UNI_CAP_STORE = 1u << 1,
	UNI_CAP_EXECUTE = 1u << 2,
	UNI_CAP_INVOKE = 1u << 3, /* may be the target of a gate */
};

struct uni_cap {
	uint64_t base;
	uint64_t length;
	uint64_t cursor; /* the address it points at: an entry point, a stack top */
	uint32_t perms;
	uint32_t otype; /* object type it is sealed with; 0 when unsealed */
};

/* Is [addr, addr + len) inside the capability, without overflow? */
static inline int uni_cap_covers(const struct uni_cap *cap, uint64_t addr, uint64_t len)
{
	return addr >= cap->base && len <= cap->length && addr - cap->base <= cap->length - len;
}

static inline int uni_cap_is_sealed(const struct uni_cap *cap)
{
	return cap->otype != 0;
}

#endif
