/* Open file descriptions and the process's file descriptor table. */
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/vfs.h>

static struct file *fds[FD_MAX];
static unsigned char cloexec[FD_MAX];

struct file *file_new(struct inode *inode, int flags)
{
	struct file *file = kzalloc(sizeof(*file));

	if (file) {
		file->inode = inode;
		/* x86-64 Linux forces O_LARGEFILE on every open file. */
		file->flags = (flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)) |
			      O_LARGEFILE;
		file->refs = 1;
	}
	return file;
}

void file_put(struct file *file)
{
	if (--file->refs == 0)
		kfree(file);
}

struct file *fd_get(int fd)
{
	return fd >= 0 && fd < FD_MAX ? fds[fd] : 0;
}

int fd_install(struct file *file, int close_on_exec)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		if (!fds[fd]) {
			fds[fd] = file;
			cloexec[fd] = !!close_on_exec;
			return fd;
		}
	return -EMFILE;
}

int fd_install_at(struct file *file, int fd)
{
	if (fd < 0 || fd >= FD_MAX)
		return -EBADF;
	if (fds[fd])
		file_put(fds[fd]);
	fds[fd] = file;
	cloexec[fd] = 0;
	return fd;
}

int fd_close(int fd)
{
	struct file *file = fd_get(fd);

	if (!file)
		return -EBADF;
	fds[fd] = 0;
	file_put(file);
	return 0;
}

int fd_cloexec(int fd, int set)
{
	if (!fd_get(fd))
		return -EBADF;
	if (set >= 0)
		cloexec[fd] = !!set;
	return set >= 0 ? 0 : cloexec[fd];
}
