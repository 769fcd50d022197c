/* Calls from the LibOS to the monitor, through this thread's host-call gate. */
#ifndef LIBOS_HOST_H
#define LIBOS_HOST_H

#include <uni/hostcall.h>
#include <current_gate.h>

typedef long (*hostcall_fn)(long nr, long a0, long a1, long a2, long a3, long a4);

static inline long hostcall(long nr, long a0, long a1, long a2, long a3, long a4)
{
	hostcall_fn gate = (hostcall_fn)current_gate()->hostcall_entry;

	return gate(nr, a0, a1, a2, a3, a4);
}

#endif
