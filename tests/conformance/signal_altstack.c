/* sigaltstack and SA_ONSTACK: the handler runs on the alternate stack and
 * sigaltstack() reports SS_ONSTACK there; without SA_ONSTACK it does not. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *alt;
static size_t alt_size = 65536;

static void handler(int sig)
{
	char local;
	stack_t now;
	uintptr_t at = (uintptr_t)&local;

	sigaltstack(NULL, &now);
	printf("signal %d: on the alternate stack %d, SS_ONSTACK %d, 16-byte alignment ok %d\n",
	       sig, at >= (uintptr_t)alt && at < (uintptr_t)alt + alt_size,
	       (now.ss_flags & SS_ONSTACK) != 0, ((uintptr_t)__builtin_frame_address(0) & 15) == 0);
	if (now.ss_flags & SS_ONSTACK) {
		stack_t other = { .ss_sp = alt, .ss_size = alt_size };
		printf("changing it while on it: %d\n", sigaltstack(&other, NULL) == -1);
	}
}

int main(void)
{
	stack_t ss, old;
	struct sigaction sa;

	printf("initially disabled: %d\n", sigaltstack(NULL, &old) == 0 && (old.ss_flags & SS_DISABLE));
	alt = malloc(alt_size);
	ss.ss_sp = alt;
	ss.ss_size = 1024;
	ss.ss_flags = 0;
	printf("too small: ENOMEM %d\n", sigaltstack(&ss, NULL) == -1);
	ss.ss_size = alt_size;
	printf("sigaltstack: %d\n", sigaltstack(&ss, NULL));
	sigaltstack(NULL, &old);
	printf("query: same sp %d, size %zu, flags %d\n", old.ss_sp == alt, old.ss_size, old.ss_flags);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_flags = 0;
	sigaction(SIGUSR2, &sa, NULL);
	raise(SIGUSR1);
	raise(SIGUSR2);
	sigaltstack(NULL, &old);
	printf("after: flags %d\n", old.ss_flags);
	ss.ss_flags = SS_DISABLE;
	printf("disable: %d\n", sigaltstack(&ss, NULL));
	raise(SIGUSR1);
	return 0;
}
