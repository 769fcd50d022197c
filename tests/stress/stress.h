/* Shared by the stress programs: each prints one deterministic result line,
 * the same natively and under musl-uni, and exits 1 with a reason on stderr
 * when a pthread call fails. */
#ifndef STRESS_H
#define STRESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A pthread call: 0, or an error number. */
#define CHECK(call)                                                                                \
	do {                                                                                       \
		int check_err = (call);                                                            \
		if (check_err) {                                                                   \
			fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,              \
				strerror(check_err));                                              \
			exit(1);                                                                   \
		}                                                                                  \
	} while (0)

/* argv[1] as a count, or the default. */
static inline long arg_count(int argc, char **argv, long fallback)
{
	return argc > 1 ? strtol(argv[1], NULL, 0) : fallback;
}

#endif
