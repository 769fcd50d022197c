/* Open file description locks (F_OFD_*): they belong to the open file, so two opens of one
 * file conflict even in one process; dup'd fds share them; close of the last fd drops them. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

#ifndef F_OFD_GETLK
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#endif

static struct flock lock(short type, off_t start, off_t len)
{
	struct flock fl;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = start;
	fl.l_len = len;
	return fl;
}

static void show_lock(const struct flock *fl)
{
	const char *type = fl->l_type == F_UNLCK ? "F_UNLCK" : fl->l_type == F_RDLCK ? "F_RDLCK"
										: "F_WRLCK";
	char pid[16];
	if (fl->l_pid == getpid())
		snprintf(pid, sizeof(pid), "self");
	else
		snprintf(pid, sizeof(pid), "%d", fl->l_pid);
	printf("  %s whence %d start %ld len %ld pid %s\n", type, fl->l_whence, (long)fl->l_start,
	       (long)fl->l_len, pid);
}

int main(void)
{
	struct flock fl;
	int a, b, copy;

	umask(022);
	SHOW(chdir(test_dir("fcntl_ofd", 0)));
	SHOW(a = open("f", O_CREAT | O_RDWR, 0644));
	SHOW(b = open("f", O_RDWR));
	fl = lock(F_WRLCK, 10, 10);
	SHOW(fcntl(a, F_OFD_SETLK, &fl));
	fl = lock(F_RDLCK, 0, 0);
	SHOW(fcntl(b, F_OFD_GETLK, &fl));
	show_lock(&fl);
	fl = lock(F_RDLCK, 0, 10);
	SHOW(fcntl(b, F_OFD_GETLK, &fl));
	show_lock(&fl);
	fl = lock(F_RDLCK, 15, 1);
	SHOW(fcntl(b, F_OFD_SETLK, &fl));
	fl = lock(F_RDLCK, 20, 5);
	SHOW(fcntl(b, F_OFD_SETLK, &fl));
	fl = lock(F_WRLCK, 0, 0);
	SHOW(fcntl(a, F_OFD_GETLK, &fl));
	show_lock(&fl);
	fl = lock(F_RDLCK, 0, 0);
	SHOW(fcntl(a, F_OFD_GETLK, &fl));
	show_lock(&fl);
	/* F_UNLCK asks for the caller's own locks (Linux 6.6). */
	fl = lock(F_UNLCK, 0, 0);
	SHOW(fcntl(a, F_OFD_GETLK, &fl));
	show_lock(&fl);
	fl = lock(F_UNLCK, 0, 5);
	SHOW(fcntl(a, F_OFD_GETLK, &fl));
	show_lock(&fl);
	SHOW(copy = dup(a));
	fl = lock(F_WRLCK, 12, 2);
	SHOW(fcntl(copy, F_OFD_SETLK, &fl));
	fl = lock(F_UNLCK, 0, 0);
	SHOW(fcntl(copy, F_OFD_SETLK, &fl));
	fl = lock(F_WRLCK, 0, 0);
	SHOW(fcntl(b, F_OFD_GETLK, &fl));
	show_lock(&fl);
	fl = lock(F_WRLCK, 0, 0);
	SHOW(fcntl(a, F_OFD_SETLK, &fl));
	fl = lock(F_RDLCK, 100, 0);
	SHOW(fcntl(b, F_OFD_GETLK, &fl));
	show_lock(&fl);
	SHOW(close(a));
	fl = lock(F_WRLCK, 0, 0);
	SHOW(fcntl(b, F_OFD_SETLK, &fl));
	SHOW(close(copy));
	SHOW(fcntl(b, F_OFD_SETLK, &fl));
	SHOW(fcntl(b, F_OFD_SETLKW, &fl));

	/* POSIX locks are the process's and OFD locks the file's: they conflict. */
	SHOW(a = open("f", O_RDWR));
	fl = lock(F_RDLCK, 0, 1);
	SHOW(fcntl(a, F_SETLK, &fl));
	fl = lock(F_WRLCK, 0, 0);
	SHOW(fcntl(a, F_GETLK, &fl));
	show_lock(&fl);
	SHOW(fcntl(a, F_SETLK, &fl));
	SHOW(close(b));
	SHOW(fcntl(a, F_SETLK, &fl));
	SHOW(fcntl(a, F_OFD_GETLK, &fl));
	show_lock(&fl);

	fl = lock(F_RDLCK, 0, 0);
	fl.l_pid = 1;
	SHOW(fcntl(a, F_OFD_SETLK, &fl));
	SHOW(fcntl(a, F_OFD_GETLK, &fl));
	fl.l_pid = 0;
	fl.l_type = 7;
	SHOW(fcntl(a, F_OFD_SETLK, &fl));
	SHOW(close(a));
	SHOW(unlink("f"));
	SHOW(chdir("/"));
	remove_tree(test_dir("fcntl_ofd", 0));
	return 0;
}
