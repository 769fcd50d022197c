/* This thread's gate block, from the LibOS side: the block's own address is
 * stored in it, at %gs:GATE_SELF. */
#ifndef ARCH_CURRENT_GATE_H
#define ARCH_CURRENT_GATE_H

#include <uni/gate.h>

static inline struct gate_block *current_gate(void)
{
	struct gate_block *gate;

	__asm__("mov %%gs:%c1, %0" : "=r"(gate) : "i"(GATE_SELF));
	return gate;
}

#endif
