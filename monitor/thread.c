/* App threads. clone(2) in the LibOS becomes HC_THREAD_CREATE: a pthread
 * whose start routine gets its own gate block (a copy of its creator's with
 * its tid, its own LibOS stack slot and xsave area), sets %gs, installs the
 * fault handlers' signal stack and enters the app where clone returns.
 *
 * Ending: a thread's SYS_exit leaves the cVM (cvm_leave back into its start
 * routine), which then parks: the pthread, its gate block, signal stack and
 * timer wait in the slot for the next clone, which only fills the gate block
 * anew (a pthread_create and its teardown cost more than the app's whole
 * thread). Parked threads end with the cVM.
 * exit_group or a fatal signal in any thread (cvm_end) records the status;
 * a thread other than the main one sends the main thread STOP_SIGNAL, whose
 * handler leaves the main thread's cVM with that status. The main thread,
 * back in run_pair, sends STOP_SIGNAL to every thread still running (each
 * leaves its cVM the same way) and joins them all before the regions go. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include "cpu.h"
#include "crash.h"
#include "cvm.h"
#include "host_signal.h"
#include "hostcall.h"
#include "log.h"
#include "thread.h"

#define STOP_SIGNAL (SIGRTMIN + 1)
#define THREAD_LEFT (-1000) /* cvm_leave's value for a thread that is done */

enum slot_state { SLOT_FREE, SLOT_RUNNING, SLOT_PARKED, SLOT_DONE };

struct thread_slot {
	enum slot_state state;
	pthread_t thread;
	struct gate_block *gate;
	struct uni_thread_start start;
	pthread_cond_t wake; /* a parked thread's: new work, or the end */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct thread_slot slots[THREAD_SLOTS];
static struct gate_block *main_gate;
static pthread_t main_thread;
static int live; /* threads besides the main one that have not exited */
static int main_exited, main_status; /* the main thread's SYS_exit with others running */
static int ending, end_status;
static __thread int in_cvm; /* between entering the cVM and leaving it */

void cvm_stop_signal_entry(int sig, siginfo_t *info, void *context);
void cvm_stop_signal(int sig, siginfo_t *info, void *context);

void cvm_stop_signal(int sig, siginfo_t *info, void *context)
{
	struct gate_block *gate = cpu_gs_base();

	(void)sig, (void)info, (void)context;
	if (!in_cvm || !gate->monitor_sp)
		return; /* not in the cVM (yet): the main thread tries again */
	in_cvm = 0;
	cvm_leave(gate, gate == main_gate ? end_status : THREAD_LEFT);
}

void threads_begin(struct gate_block *gate)
{
	struct sigaction action = { 0 };

	action.sa_sigaction = cvm_stop_signal_entry;
	action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER | SA_RESTART;
	sigemptyset(&action.sa_mask);
	sigaction(STOP_SIGNAL, &action, NULL);
	pthread_mutex_lock(&lock);
	main_gate = gate;
	main_thread = pthread_self();
	live = main_exited = main_status = ending = end_status = 0;
	in_cvm = 1;
	pthread_mutex_unlock(&lock);
	host_signals_begin();
}

void threads_end(void)
{
	in_cvm = 0;
	pthread_mutex_lock(&lock);
	ending = 1; /* no new threads */
	for (int i = 0; i < THREAD_SLOTS; i++)
		if (slots[i].state == SLOT_PARKED)
			pthread_cond_signal(&slots[i].wake);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < THREAD_SLOTS; i++) {
		struct thread_slot *s = &slots[i];
		pthread_mutex_lock(&lock);
		int used = s->state != SLOT_FREE;
		pthread_mutex_unlock(&lock);
		if (!used)
			continue;
		for (;;) {
			struct timespec until;
			if (s->state == SLOT_RUNNING)
				pthread_kill(s->thread, STOP_SIGNAL);
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_nsec += 10 * 1000 * 1000;
			if (until.tv_nsec >= 1000000000) {
				until.tv_sec++;
				until.tv_nsec -= 1000000000;
			}
			if (pthread_timedjoin_np(s->thread, NULL, &until) == 0)
				break;
		}
		pthread_cond_destroy(&s->wake);
		s->state = SLOT_FREE;
	}
	host_signals_end();
	main_gate = NULL;
}

/* The slot's thread runs the app's thread it was given, then parks until
 * the next one or the end of the cVM. */
static void *thread_main(void *arg)
{
	struct thread_slot *s = arg;
	struct gate_block *gate = s->gate;
	sigset_t all;
	int go;

	/* Created with every signal blocked: %gs is not set yet. */
	cpu_set_gs_base((uint64_t)gate);
	if (crash_handlers_install())
		log_error("thread %d: cannot install its fault handlers", gate->tid);
	host_signals_thread_begin();
	sigfillset(&all);
	pthread_mutex_lock(&lock);
	for (;;) {
		go = !ending;
		in_cvm = go;
		pthread_mutex_unlock(&lock);
		gate->monitor_fs = cpu_fs_base();
		pthread_sigmask(SIG_UNBLOCK, &all, NULL);
		if (go)
			cvm_thread_enter(gate, s->start.rip, s->start.rsp, s->start.r9);
		in_cvm = 0;
		pthread_sigmask(SIG_BLOCK, &all, NULL);
		pthread_mutex_lock(&lock);
		s->state = SLOT_PARKED;
		while (s->state == SLOT_PARKED && !ending)
			pthread_cond_wait(&s->wake, &lock);
		if (s->state == SLOT_PARKED)
			break; /* the cVM ends */
	}
	s->gate = NULL;
	s->state = SLOT_DONE;
	pthread_mutex_unlock(&lock);
	host_signals_thread_end();
	crash_altstack_free();
	gate_free(gate);
	return NULL;
}

/* The new thread's own part of its gate block; the LibOS learns where it is. */
static void start_gate(struct gate_block *gate, const struct uni_thread_start *start,
		       struct uni_thread_start *req)
{
	gate->app_fs = start->tls;
	gate->clear_child_tid = start->clear_child_tid;
	req->gate = (unsigned long)gate;
}

long thread_create(struct gate_block *gate, struct uni_thread_start *req)
{
	const struct cvm *app = cvm_by_id((int)gate->cvm_id);
	struct uni_thread_start start = *req;
	struct thread_slot *s = NULL;
	sigset_t all, saved;
	int i;

	if (!app || !app->server || !uni_cap_covers(&gate->app_ddc, start.rip, 1) ||
	    !uni_cap_covers(&gate->app_ddc, start.rsp - 8, 8) ||
	    !uni_cap_covers(&gate->app_ddc, start.tls, 0) || start.tid <= 1)
		return -EINVAL;
	pthread_mutex_lock(&lock);
	if (ending) {
		pthread_mutex_unlock(&lock);
		return -EAGAIN;
	}
	/* A parked thread first, else the first slot without one. */
	for (i = 0; i < THREAD_SLOTS && slots[i].state != SLOT_PARKED; i++)
		;
	if (i == THREAD_SLOTS)
		for (i = 0; i < THREAD_SLOTS && slots[i].state == SLOT_RUNNING; i++)
			;
	/* 0 when every slot is taken or slot i does not fit beside the LibOS's heap. */
	uint64_t libos_sp = i < THREAD_SLOTS ? libos_thread_stack_top(app->server, i) : 0;
	if (!libos_sp) {
		static int logged; /* once: a program may retry on EAGAIN */
		if (!logged++)
			log_error("cVM '%s': a new thread gets EAGAIN: %d threads besides the main one "
				  "are running, as many as its LibOS region has stacks for (at most %d)",
				  app->cfg->name, i, THREAD_SLOTS);
		pthread_mutex_unlock(&lock);
		return -EAGAIN;
	}
	s = &slots[i];
	s->start = start;
	if (s->state == SLOT_PARKED) {
		gate_reuse(s->gate, gate, start.tid, libos_sp);
		start_gate(s->gate, &start, req);
		s->state = SLOT_RUNNING;
		live++;
		pthread_cond_signal(&s->wake);
		pthread_mutex_unlock(&lock);
		return 0;
	}
	if (s->state == SLOT_DONE) {
		pthread_join(s->thread, NULL); /* it has returned or is about to */
		pthread_cond_destroy(&s->wake);
	}
	s->state = SLOT_FREE;
	s->gate = gate_clone(gate, start.tid, libos_sp);
	if (s->gate) {
		start_gate(s->gate, &start, req);
		pthread_cond_init(&s->wake, NULL);
		sigfillset(&all);
		pthread_sigmask(SIG_BLOCK, &all, &saved);
		int err = pthread_create(&s->thread, NULL, thread_main, s);
		pthread_sigmask(SIG_SETMASK, &saved, NULL);
		if (!err) {
			s->state = SLOT_RUNNING;
			live++;
			pthread_mutex_unlock(&lock);
			return 0;
		}
		pthread_cond_destroy(&s->wake);
		gate_free(s->gate);
		s->gate = NULL;
	}
	pthread_mutex_unlock(&lock);
	return -EAGAIN;
}

void cvm_end(struct gate_block *gate, int status)
{
	int is_main = !main_gate || gate == main_gate, claimed = 0;

	pthread_mutex_lock(&lock);
	if (!ending) {
		ending = claimed = 1;
		end_status = status;
	}
	status = end_status;
	pthread_mutex_unlock(&lock);
	in_cvm = 0;
	if (is_main)
		cvm_leave(gate, status);
	if (claimed)
		pthread_kill(main_thread, STOP_SIGNAL);
	cvm_leave(gate, THREAD_LEFT);
}

void thread_exit(struct gate_block *gate, int status)
{
	pthread_mutex_lock(&lock);
	if (!main_gate || gate == main_gate) {
		if (!live) {
			pthread_mutex_unlock(&lock);
			cvm_end(gate, status);
		}
		/* Linux keeps the process until its last thread exits; so does this one: the
		 * STOP_SIGNAL of the thread that ends the cVM leaves from here. */
		main_exited = 1;
		main_status = status;
		pthread_mutex_unlock(&lock);
		host_signals_block(1); /* for the threads still in the cVM */
		for (;;)
			pause();
	}
	live--;
	int last = !live && main_exited;
	pthread_mutex_unlock(&lock);
	if (last)
		cvm_end(gate, main_status);
	in_cvm = 0;
	cvm_leave(gate, THREAD_LEFT);
}

long thread_interrupt(int tid)
{
	long ret = -ESRCH;

	pthread_mutex_lock(&lock);
	if (main_gate && main_gate->tid == tid && !main_exited) {
		pthread_kill(main_thread, WAKE_SIGNAL);
		ret = 0;
	}
	for (int i = 0; i < THREAD_SLOTS && ret; i++)
		if (slots[i].state == SLOT_RUNNING && slots[i].gate && slots[i].gate->tid == tid) {
			pthread_kill(slots[i].thread, WAKE_SIGNAL);
			ret = 0;
		}
	pthread_mutex_unlock(&lock);
	return ret;
}
