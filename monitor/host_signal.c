/* Signals from the host for the app: the wake-up signal the LibOS sends a
 * thread it has a signal for (HC_THREAD_INTERRUPT), signals sent to the
 * monitor (SIGINT from the terminal, kill(1)) and its interval timers,
 * which are the app's (HC_SETITIMER).
 *
 * Either kind sets the thread's gate->interrupt; a signal for the app is
 * also recorded for the LibOS to take (HC_TAKE_SIGNALS) and pass on to the
 * thread of its choice. Then the handler moves the thread to where the
 * LibOS sees it: caught between the check and the system call of
 * interruptible_syscall, it goes on to return -EINTR (a thread blocked in
 * that call gets EINTR from the host itself); in app code, it is diverted
 * into the LibOS like a fault, with no signal, to deliver what is pending.
 * Anywhere else it is in the LibOS, which looks at the flag when its
 * handler ends; as the short handlers without the lock (getpid...) and the
 * gate's own instructions do not, the thread's retry timer sends it the
 * wake-up signal again 1 ms later, until it is somewhere the handler can
 * act or the flag is clear. Threads that are not in the cVM block the
 * forwarded signals, so the host hands them to one that is. */
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "cpu.h"
#include "crash.h"
#include "cvm.h"
#include "host_signal.h"

extern char interruptible_begin[], interruptible_end[], interruptible_cancel[];

void host_signal_entry(int sig, siginfo_t *info, void *context);
int host_signal(int sig, siginfo_t *info, void *context);

/* Sent to the monitor, they are the app's; SIGTSTP and friends stop the
 * monitor as they would any program. */
static const int forwarded[] = { SIGHUP,    SIGINT,  SIGQUIT, SIGUSR1, SIGUSR2,  SIGALRM,
				 SIGTERM,   SIGVTALRM, SIGPROF, SIGWINCH, SIGIO,  SIGPWR };

static uint64_t for_the_app; /* bit N-1: signal N arrived, not yet taken by the LibOS */
static uint64_t ignored_at_start;
static int ignored_known;
static __thread timer_t retry_timer;
static __thread int has_retry_timer;

static void retry_later(void)
{
	const struct itimerspec one_ms = { { 0, 0 }, { 0, 1000000 } };

	if (has_retry_timer)
		timer_settime(retry_timer, 0, &one_ms, NULL);
}

int host_signal(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	uint64_t ip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
	struct gate_block *gate = cpu_gs_base();

	if (sig != WAKE_SIGNAL)
		__atomic_or_fetch(&for_the_app, 1UL << (sig - 1), __ATOMIC_SEQ_CST);
	if (!gate)
		return 0;
	/* Again on every retry while one waits: the LibOS, not holding off this
	 * handler, may have just stored its own view of the flag over ours. */
	if (__atomic_load_n(&for_the_app, __ATOMIC_SEQ_CST))
		__atomic_store_n(&gate->interrupt, 1, __ATOMIC_SEQ_CST);
	if (!__atomic_load_n(&gate->interrupt, __ATOMIC_SEQ_CST))
		return 0;
	if (ip >= (uint64_t)interruptible_begin && ip < (uint64_t)interruptible_end) {
		uc->uc_mcontext.gregs[REG_RIP] = (greg_t)interruptible_cancel;
		return 0;
	}
	const struct cvm *app = cvm_by_id((int)gate->cvm_id);
	if (app && uni_cap_covers(&app->ddc, ip, 1))
		return crash_divert(app, gate, 0, info, uc, 0);
	retry_later();
	return 0;
}

void host_signals_thread_begin(void)
{
	struct sigevent to_me = { 0 };

	to_me.sigev_notify = SIGEV_THREAD_ID;
	to_me.sigev_signo = WAKE_SIGNAL;
	to_me._sigev_un._tid = gettid(); /* sigev_notify_thread_id */
	has_retry_timer = !timer_create(CLOCK_MONOTONIC, &to_me, &retry_timer);
}

void host_signals_thread_end(void)
{
	if (has_retry_timer)
		timer_delete(retry_timer);
	has_retry_timer = 0;
}

uint64_t host_signals_ignored_at_start(void)
{
	struct sigaction old;

	if (!ignored_known) { /* before the first cVM installs the handlers below */
		for (size_t i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++)
			if (!sigaction(forwarded[i], NULL, &old) && old.sa_handler == SIG_IGN)
				ignored_at_start |= 1UL << (forwarded[i] - 1);
		ignored_known = 1;
	}
	return ignored_at_start;
}

void host_signals_begin(void)
{
	struct sigaction action = { 0 };

	__atomic_store_n(&for_the_app, 0, __ATOMIC_SEQ_CST);
	action.sa_sigaction = host_signal_entry;
	/* SA_RESTART: the monitor's own system calls go on; the interruptible ones see the
	 * flag. */
	action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
	sigemptyset(&action.sa_mask);
	sigaction(WAKE_SIGNAL, &action, NULL);
	for (size_t i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++)
		sigaction(forwarded[i], &action, NULL);
	/* A write to a pipe without readers fails with EPIPE; the LibOS sends the app its
	 * SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);
	host_signals_thread_begin();
}

void host_signals_end(void)
{
	struct itimerval off = { 0 };

	for (int which = ITIMER_REAL; which <= ITIMER_PROF; which++)
		setitimer(which, &off, NULL);
	for (size_t i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++)
		signal(forwarded[i],
		       ignored_at_start & (1UL << (forwarded[i] - 1)) ? SIG_IGN : SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	host_signals_thread_end();
}

void host_signals_block(int block)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof(forwarded) / sizeof(forwarded[0]); i++)
		sigaddset(&set, forwarded[i]);
	pthread_sigmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

long host_signals_take(void)
{
	return (long)__atomic_exchange_n(&for_the_app, 0, __ATOMIC_SEQ_CST);
}
