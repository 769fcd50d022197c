/* User and group ids and supplementary groups of root: set*id as credentials(7) says,
 * getgroups and setgroups; then losing root for good. Run as root natively. */
#define _GNU_SOURCE
#include <grp.h>
#include <sys/syscall.h>
#include "check.h"

static void show_ids(void)
{
	uid_t r, e, s;
	gid_t gr, ge, gs;

	getresuid(&r, &e, &s);
	getresgid(&gr, &ge, &gs);
	printf("uid %u %u %u gid %u %u %u; getuid %u geteuid %u getgid %u getegid %u\n", r, e, s,
	       gr, ge, gs, getuid(), geteuid(), getgid(), getegid());
}

static void show_groups(void)
{
	gid_t list[8];
	int n = getgroups(8, list);

	printf("groups (%d):", n);
	for (int i = 0; i < n; i++)
		printf(" %u", list[i]);
	printf("\n");
}

int main(void)
{
	gid_t list[4] = { 7, 3, 5, 3 };

	show_ids();
	SHOW(syscall(SYS_getresuid, 0, 0, 0));
	SHOW(setgroups(0, NULL));
	SHOW(getgroups(0, NULL));
	SHOW(setgroups(4, list));
	SHOW(getgroups(0, NULL));
	SHOW(getgroups(3, list));
	SHOW(syscall(SYS_getgroups, -1, list));
	show_groups();
	list[1] = (gid_t)-1;
	SHOW(setgroups(2, list));
	SHOW(syscall(SYS_setgroups, 65537, list));
	SHOW(syscall(SYS_setgroups, -1, list));
	SHOW(syscall(SYS_setgroups, 1, 16));
	show_groups();

	SHOW(setuid(0));
	SHOW(setgid(0));
	SHOW(syscall(SYS_setuid, -1));
	SHOW(syscall(SYS_setgid, -1));
	SHOW(setreuid(-1, -1));
	SHOW(setresuid(-1, -1, -1));
	show_ids();
	/* Effective 1000, real and saved 0: privileges suspended, not lost. */
	SHOW(setresgid(100, 200, 300));
	show_ids();
	SHOW(setregid(-1, 400));
	show_ids();
	SHOW(setreuid(-1, 1000));
	show_ids();
	SHOW(setgroups(0, NULL));
	SHOW(setgid(500));
	SHOW(setgid(300));
	SHOW(setresuid(1000, 1000, 2000));
	SHOW(setuid(0));
	show_ids();
	SHOW(setreuid(0, -1));
	show_ids();
	/* Real 1000, effective and saved 2000: no uid is 0, privileges lost for good. */
	SHOW(setresuid(1000, 2000, 2000));
	show_ids();
	SHOW(setuid(0));
	SHOW(setresuid(0, 0, 0));
	SHOW(setuid(1000));
	show_ids();
	SHOW(setreuid(2000, -1));
	show_ids();
	SHOW(setgroups(0, NULL));
	SHOW(setresgid(0, -1, -1));
	show_groups();
	return 0;
}
