/*
 * Host unit tests' replacement for arch/x86_64/current_gate.h (found first on the include
 * path): the gate block is the fake monitor's global instead of the one at %gs.
 */
#ifndef ARCH_CURRENT_GATE_H
#define ARCH_CURRENT_GATE_H

#include <uni/gate.h>

extern struct gate_block test_gate;

static inline struct gate_block *current_gate(void)
{
	return &test_gate;
}

#endif
