/* Process attributes: sessions, ids and groups, scheduling, clock resolution, sysinfo,
 * times and prctl, with what is the same on both sides (run as root). */
#define _GNU_SOURCE
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	gid_t groups[4] = { 7, 3, (gid_t)-1, 0 };
	uid_t r, e, s;
	int priority = 0, sig;
	char name[16];
	struct timespec ts;

	getppid();
	getpgid(-1);
	setpgid(0, -1);
	setgroups(2, groups);
	getgroups(0, NULL);
	getgroups(4, groups);
	getgroups(1, groups);
	setgroups(3, groups);
	setgroups(0, NULL);
	getgroups(4, groups);
	getresuid(&r, &e, &s);
	getresgid(&r, &e, &s);
	syscall(SYS_getresuid, 0, 0, 0);
	setuid(0);
	setgid(0);
	setreuid(-1, 0);
	setregid(0, -1);
	setresuid(-1, 0, -1);
	setresgid(0, 0, 0);

	syscall(SYS_sched_getscheduler, 0);
	syscall(SYS_sched_getparam, 0, &priority);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &priority);
	syscall(SYS_sched_setparam, 0, &priority);
	syscall(SYS_sched_setscheduler, 0, SCHED_BATCH | SCHED_RESET_ON_FORK, &priority);
	syscall(SYS_sched_getscheduler, 0);
	syscall(SYS_sched_setscheduler, 0, SCHED_BATCH, &priority);
	syscall(SYS_sched_getscheduler, 0);
	syscall(SYS_sched_setscheduler, 0, 99, &priority);
	syscall(SYS_sched_setscheduler, 0, -1, NULL);
	syscall(SYS_sched_getparam, 0, NULL);
	syscall(SYS_sched_setscheduler, 0, SCHED_OTHER, &priority);
	sched_get_priority_max(SCHED_FIFO);
	sched_get_priority_min(SCHED_RR);
	sched_get_priority_max(99);
	sched_rr_get_interval(0, &ts);
	sched_rr_get_interval(-1, &ts);

	clock_getres(CLOCK_REALTIME, &ts);
	clock_getres(CLOCK_PROCESS_CPUTIME_ID, &ts);
	clock_getres(99, &ts);
	clock_getres(CLOCK_MONOTONIC, NULL);
	sysinfo(NULL);
	syscall(SYS_times, 16);

	prctl(PR_SET_NAME, "tracer");
	prctl(PR_GET_NAME, name);
	prctl(PR_SET_NAME, "a-name-longer-than-fifteen");
	prctl(PR_GET_NAME, name);
	prctl(PR_GET_NAME, NULL);
	prctl(PR_GET_DUMPABLE);
	prctl(PR_SET_DUMPABLE, 0);
	prctl(PR_GET_DUMPABLE);
	prctl(PR_SET_DUMPABLE, 3);
	prctl(PR_SET_DUMPABLE, 1);
	prctl(PR_GET_PDEATHSIG, &sig);
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	prctl(PR_GET_PDEATHSIG, &sig);
	prctl(PR_SET_PDEATHSIG, 200);
	prctl(PR_SET_PDEATHSIG, 0);
	prctl(PR_GET_TIMERSLACK);
	prctl(PR_SET_TIMERSLACK, 1000);
	prctl(PR_GET_TIMERSLACK);
	prctl(PR_SET_TIMERSLACK, 0);
	prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	prctl(PR_SET_NO_NEW_PRIVS, 2, 0, 0, 0);
	prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	prctl(0x7fff, 1, 2, 0, 4);
	return 0;
}
