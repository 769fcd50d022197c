/* What the rest of the LibOS may ask of core/signal.c. */
#ifndef LIBOS_SIGNAL_H
#define LIBOS_SIGNAL_H

#include <stdint.h>

#define SIGPIPE 13

/* A signal the LibOS sends the app on its own behalf (SIGPIPE for a write to a pipe without
 * readers): acted on at once when not blocked, as kill(getpid(), sig) would be. */
void signal_raise_self(int sig);

/* Make mask the set of blocked signals for the length of a call (ppoll, pselect6): pending
 * signals it lets through are acted on. Returns the set to put back afterwards with
 * signal_restore_blocked. */
uint64_t signal_swap_blocked(uint64_t mask);
void signal_restore_blocked(uint64_t saved);

#endif
