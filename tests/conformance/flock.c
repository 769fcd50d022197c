/* flock(2) in one thread: locks belong to the open file description (a dup shares it, a
 * second open conflicts), conversion drops the old lock first, the last close releases,
 * fcntl record locks are independent; the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static struct flock whole(short type)
{
	struct flock fl;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	return fl;
}

int main(void)
{
	int fd, dup_fd, other, a, b, ro, dfd, path_fd, pipe_fds[2];
	struct flock fl;

	umask(022);
	SHOW(chdir(test_dir("flock", 0)));
	make_file("f", "data");

	/* One description through two fds, and another one. */
	SHOW(fd = open("f", O_RDWR));
	SHOW(dup_fd = dup(fd));
	SHOW(other = open("f", O_RDWR));
	SHOW(flock(fd, LOCK_EX | LOCK_NB));
	SHOW(flock(dup_fd, LOCK_EX | LOCK_NB));
	SHOW(flock(dup_fd, LOCK_SH | LOCK_NB));
	SHOW(flock(other, LOCK_SH | LOCK_NB));
	SHOW(flock(fd, LOCK_EX | LOCK_NB));
	SHOW(flock(other, LOCK_SH | LOCK_NB));
	SHOW(flock(other, LOCK_EX | LOCK_NB));
	SHOW(close(dup_fd));
	SHOW(flock(other, LOCK_SH | LOCK_NB));
	SHOW(close(fd));
	SHOW(flock(other, LOCK_EX | LOCK_NB));
	SHOW(flock(other, LOCK_UN));
	SHOW(flock(other, LOCK_UN | LOCK_NB));

	/* Shared locks, and a conversion that fails and leaves no lock. */
	SHOW(a = open("f", O_RDONLY));
	SHOW(b = open("f", O_WRONLY));
	SHOW(flock(a, LOCK_SH));
	SHOW(flock(b, LOCK_SH));
	SHOW(flock(other, LOCK_SH | LOCK_NB));
	SHOW(flock(a, LOCK_EX | LOCK_NB));
	SHOW(flock(other, LOCK_EX | LOCK_NB));
	SHOW(flock(other, LOCK_UN));
	SHOW(flock(b, LOCK_EX | LOCK_NB));
	SHOW(flock(a, LOCK_SH | LOCK_NB));
	SHOW(flock(b, LOCK_SH | LOCK_NB));
	SHOW(flock(a, LOCK_SH | LOCK_NB));
	SHOW(flock(other, LOCK_EX | LOCK_NB));
	SHOW(flock(a, LOCK_UN));
	SHOW(flock(b, LOCK_UN));

	/* Independent of fcntl's record locks, both ways. */
	SHOW(flock(a, LOCK_EX));
	fl = whole(F_WRLCK);
	SHOW(fcntl(b, F_OFD_SETLK, &fl));
	SHOW(flock(other, LOCK_SH | LOCK_NB));
	SHOW(flock(a, LOCK_UN));
	SHOW(flock(other, LOCK_EX | LOCK_NB));
	fl = whole(F_WRLCK);
	SHOW(fcntl(a, F_OFD_GETLK, &fl));
	printf("getlk: %s\n", fl.l_type == F_UNLCK ? "F_UNLCK" : "locked");
	SHOW(flock(other, LOCK_UN));

	/* Any file: a directory, a pipe, a read-only fd. */
	SHOW(dfd = open(".", O_RDONLY | O_DIRECTORY));
	SHOW(flock(dfd, LOCK_EX | LOCK_NB));
	SHOW(pipe(pipe_fds));
	SHOW(flock(pipe_fds[0], LOCK_EX | LOCK_NB));
	SHOW(flock(pipe_fds[1], LOCK_EX | LOCK_NB));
	SHOW(ro = open("f", O_RDONLY));
	SHOW(flock(ro, LOCK_EX | LOCK_NB));
	SHOW(flock(a, LOCK_SH | LOCK_NB));

	/* The errors: the operation is checked before the fd. */
	SHOW(flock(ro, 0));
	SHOW(flock(ro, LOCK_SH | LOCK_EX));
	SHOW(flock(ro, LOCK_NB));
	SHOW(flock(ro, LOCK_UN | LOCK_SH));
	SHOW(flock(ro, 16));
	SHOW(flock(99, LOCK_SH));
	SHOW(flock(-1, LOCK_UN));
	SHOW(flock(99, 0));
	SHOW((path_fd = open("f", O_PATH)) >= 0);
	SHOW(flock(path_fd, LOCK_SH));
	SHOW(flock(path_fd, LOCK_UN));
	SHOW(syscall(SYS_flock, 99, 32 /* LOCK_MAND */ | 64));
	SHOW(syscall(SYS_flock, ro, 32 | LOCK_SH));
	SHOW(flock(a, LOCK_SH | LOCK_NB));
	close(a);
	close(b);
	close(other);
	close(ro);
	close(dfd);
	close(path_fd);
	return 0;
}
