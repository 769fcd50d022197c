/* fcntl record locks in one process: it never conflicts with itself, F_GETLK reports
 * F_UNLCK; the argument checks. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static struct flock lock(short type, short whence, off_t start, off_t len)
{
	struct flock fl;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = type;
	fl.l_whence = whence;
	fl.l_start = start;
	fl.l_len = len;
	return fl;
}

int main(void)
{
	struct flock fl;
	int fd, other, ro, wo;

	umask(022);
	SHOW(chdir(test_dir("fcntl_lock", 0)));
	SHOW(fd = open("f", O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "0123456789", 10));
	fl = lock(F_WRLCK, SEEK_SET, 0, 0);
	SHOW(fcntl(fd, F_SETLK, &fl));
	SHOW(other = open("f", O_RDWR));
	fl = lock(F_WRLCK, SEEK_SET, 0, 5);
	SHOW(fcntl(other, F_SETLK, &fl));
	SHOW(fcntl(other, F_SETLKW, &fl));
	fl = lock(F_WRLCK, SEEK_SET, 2, 3);
	SHOW(fcntl(other, F_GETLK, &fl));
	printf("getlk: type %s start %ld len %ld\n", fl.l_type == F_UNLCK ? "F_UNLCK" : "locked",
	       (long)fl.l_start, (long)fl.l_len);
	fl = lock(F_RDLCK, SEEK_CUR, -4, 2);
	SHOW(fcntl(fd, F_GETLK, &fl));
	printf("getlk: type %s whence %d start %ld len %ld\n",
	       fl.l_type == F_UNLCK ? "F_UNLCK" : "locked", fl.l_whence, (long)fl.l_start,
	       (long)fl.l_len);
	fl = lock(F_UNLCK, SEEK_END, -3, 0);
	SHOW(fcntl(fd, F_SETLK, &fl));
	fl = lock(F_UNLCK, SEEK_SET, 0, 0);
	SHOW(fcntl(fd, F_GETLK, &fl));
	fl = lock(5, SEEK_SET, 0, 0);
	SHOW(fcntl(fd, F_SETLK, &fl));
	SHOW(fcntl(fd, F_GETLK, &fl));
	fl = lock(F_RDLCK, 3, 0, 0);
	SHOW(fcntl(fd, F_SETLK, &fl));
	SHOW(fcntl(fd, F_GETLK, &fl));
	fl = lock(F_RDLCK, SEEK_SET, -1, 1);
	SHOW(fcntl(fd, F_SETLK, &fl));
	fl = lock(F_RDLCK, SEEK_SET, 5, -6);
	SHOW(fcntl(fd, F_SETLK, &fl));
	fl = lock(F_RDLCK, SEEK_SET, 5, -5);
	SHOW(fcntl(fd, F_SETLK, &fl));
	fl = lock(F_RDLCK, SEEK_END, -11, 1);
	SHOW(fcntl(fd, F_SETLK, &fl));
	fl = lock(F_RDLCK, SEEK_SET, 0x7fffffffffffffffL, 2);
	SHOW(fcntl(fd, F_SETLK, &fl));
	fl = lock(F_RDLCK, SEEK_SET, 0x7fffffffffffffffL, 1);
	SHOW(fcntl(fd, F_SETLK, &fl));
	SHOW(fcntl(fd, F_SETLK, (struct flock *)0x1000));
	SHOW(fcntl(fd, F_GETLK, (struct flock *)0x1000));
	SHOW(ro = open("f", O_RDONLY));
	SHOW(wo = open("f", O_WRONLY));
	fl = lock(F_WRLCK, SEEK_SET, 0, 0);
	SHOW(fcntl(ro, F_SETLK, &fl));
	SHOW(fcntl(ro, F_SETLKW, &fl));
	SHOW(fcntl(ro, F_GETLK, &fl));
	fl = lock(F_RDLCK, SEEK_SET, 0, 0);
	SHOW(fcntl(wo, F_SETLK, &fl));
	SHOW(fcntl(wo, F_GETLK, &fl));
	fl = lock(F_UNLCK, SEEK_SET, 0, 0);
	SHOW(fcntl(ro, F_SETLK, &fl));
	SHOW(fcntl(wo, F_SETLK, &fl));
	fl = lock(F_RDLCK, SEEK_SET, 0, 0);
	SHOW(fcntl(ro, F_SETLK, &fl));
	SHOW(fcntl(99, F_SETLK, &fl));
	SHOW(fcntl(99, F_GETLK, &fl));
	SHOW(close(ro));
	SHOW(ro = open("f", O_PATH));
	SHOW(fcntl(ro, F_SETLK, &fl));
	SHOW(fcntl(ro, F_GETLK, &fl));
	SHOW(close(ro));
	SHOW(close(wo));
	SHOW(close(other));
	SHOW(close(fd));
	SHOW(fd = open(".", O_RDONLY | O_DIRECTORY));
	fl = lock(F_RDLCK, SEEK_SET, 0, 0);
	SHOW(fcntl(fd, F_SETLK, &fl));
	SHOW(close(fd));
	SHOW(chdir("/"));
	remove_tree(test_dir("fcntl_lock", 0));
	return 0;
}
