/* dup(2), dup2(2), dup3(2): more fds for one open file description. fcntl(2)'s F_DUPFD is in
 * sys_file.c with the other fcntl commands. */
#include <libos/errno.h>
#include <libos/syscalls.h>
#include <libos/vfs.h>

long sys_dup(long oldfd)
{
	struct file *file = fd_get((int)oldfd);

	if (!file)
		return -EBADF;
	file->refs++;
	int fd = fd_install(file, 0);
	if (fd < 0)
		file->refs--;
	return fd;
}

long sys_dup3(long oldfd, long newfd, long flags)
{
	if (flags & ~(long)O_CLOEXEC)
		return -EINVAL;
	if ((int)oldfd == (int)newfd)
		return -EINVAL;
	/* fds are unsigned here: a negative one is past the limit (ksys_dup3()). */
	if ((unsigned)newfd >= (unsigned)fd_limit())
		return -EBADF;
	struct file *file = fd_get((int)oldfd);
	if (!file)
		return -EBADF;
	file->refs++;
	return fd_replace(file, (int)newfd, flags & O_CLOEXEC);
}

long sys_dup2(long oldfd, long newfd)
{
	if ((int)oldfd == (int)newfd)
		return fd_get((int)oldfd) ? (int)oldfd : -EBADF;
	return sys_dup3(oldfd, newfd, 0);
}
