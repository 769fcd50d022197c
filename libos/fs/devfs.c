/* The device nodes under /dev. The console devices stand for the monitor's
 * host file descriptors 0, 1 and 2: a terminal stays a terminal, a pipe or
 * file stays one. /dev/tty is the terminal the monitor's stdin is, if it is one. */
#include <asm/ioctls.h>
#include <asm/termios.h>
#include <linux/poll.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/signal.h>
#include <libos/string.h>
#include <libos/uaccess.h>
#include <libos/vfs.h>
#include <asm/mman.h>

static long null_read(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	(void)file, (void)buf, (void)len, (void)pos;
	return 0;
}

static long null_write(struct file *file, const void *buf, size_t len, uint64_t *pos)
{
	(void)file, (void)buf, (void)pos;
	return (long)len;
}

static long zero_read(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	(void)file, (void)pos;
	memset(buf, 0, len);
	return (long)len;
}

static long full_write(struct file *file, const void *buf, size_t len, uint64_t *pos)
{
	(void)file, (void)buf, (void)len, (void)pos;
	return -ENOSPC;
}

static long random_read(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	(void)file, (void)pos;
	return hostcall(HC_GETRANDOM, (long)buf, (long)len, 0, 0, 0);
}

static int console_fd(const struct file *file)
{
	return (int)(uintptr_t)file->inode->device;
}

/* A signal for the thread ends the host's read (HC_READ is interruptible): restarted under
 * SA_RESTART, as a terminal read is. */
static long console_read(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	(void)pos;
	long ret = hostcall(HC_READ, console_fd(file), (long)buf, (long)len, 0, 0);
	return ret == -EINTR ? -ERESTARTSYS : ret;
}

/* The monitor's stdout may be a pipe whose reader has gone (intravisor run PROG | head): the
 * app gets EPIPE and SIGPIPE, as for a pipe of the LibOS's own. */
static long host_write(long host_fd, const void *buf, size_t len)
{
	long ret = hostcall(HC_WRITE, host_fd, (long)buf, (long)len, 0, 0);

	if (ret == -EPIPE)
		signal_raise_self(SIGPIPE);
	return ret;
}

static long console_write(struct file *file, const void *buf, size_t len, uint64_t *pos)
{
	(void)pos;
	return host_write(console_fd(file), buf, len);
}

static long console_ioctl(struct file *file, unsigned long request, unsigned long arg)
{
	size_t size;

	switch (request) {
	case TIOCGWINSZ:
		size = sizeof(struct winsize);
		break;
	case TCGETS:
		size = sizeof(struct termios);
		break;
	default:
		return -ENOTTY;
	}
	if (cvm_ptr_ok((void *)arg, size, PROT_WRITE))
		return -EFAULT;
	return hostcall(HC_TTY_IOCTL, console_fd(file), (long)request, (long)arg, 0, 0);
}

/* Only the host knows when its stdin has input: console input is never reported ready, but a
 * wait without end takes it as ready (fs/sys_poll.c). Output is always writable. */
static unsigned console_poll(struct file *file)
{
	return console_fd(file) != 0 && (file->flags & O_ACCMODE) != O_RDONLY
		       ? POLLOUT | POLLWRNORM
		       : 0;
}

static unsigned console_poll_host(struct file *file)
{
	return console_fd(file) == 0 && (file->flags & O_ACCMODE) != O_WRONLY
		       ? POLLIN | POLLRDNORM
		       : 0;
}

static int host_is_terminal(int host_fd)
{
	struct termios termios;

	return !hostcall(HC_TTY_IOCTL, host_fd, TCGETS, (long)&termios, 0, 0);
}

/* The controlling terminal: the monitor's stdin when it is a terminal, else there is none and
 * Linux answers ENXIO (tty_open_current_tty()). */
static int tty_open(struct file *file)
{
	(void)file;
	return host_is_terminal(0) ? 0 : -ENXIO;
}

/* The host calls write to the monitor's stdout or stderr only: the first of them on the
 * terminal stands for it. */
static long tty_write(struct file *file, const void *buf, size_t len, uint64_t *pos)
{
	int host_fd = host_is_terminal(1) ? 1 : 2;

	(void)file, (void)pos;
	return host_write(host_fd, buf, len);
}

static unsigned tty_poll(struct file *file)
{
	return (file->flags & O_ACCMODE) != O_RDONLY ? POLLOUT | POLLWRNORM : 0;
}

static const struct file_ops null_fops = {
	.read = null_read, .write = null_write, .seekable = 1, .seek_stays_at_zero = 1
};
static const struct file_ops zero_fops = {
	.read = zero_read, .write = null_write, .seekable = 1, .seek_stays_at_zero = 1
};
static const struct file_ops full_fops = {
	.read = zero_read, .write = full_write, .seekable = 1, .seek_stays_at_zero = 1,
	.no_splice_write = 1
};
static const struct file_ops random_fops = { .read = random_read, .write = null_write };
static const struct file_ops console_fops = {
	.read = console_read, .write = console_write, .ioctl = console_ioctl,
	.poll = console_poll, .poll_host = console_poll_host
};
static const struct file_ops tty_fops = {
	.read = console_read, .write = tty_write, .ioctl = console_ioctl, .poll = tty_poll,
	.open = tty_open, .poll_host = console_poll_host
};

static const struct device {
	const char *name;
	const struct file_ops *fops;
	unsigned major, minor;
	int host_fd;
	uint32_t perm;
} devices[] = {
	{ "null", &null_fops, 1, 3, 0, 0666 },	     { "zero", &zero_fops, 1, 5, 0, 0666 },
	{ "full", &full_fops, 1, 7, 0, 0666 },	     { "random", &random_fops, 1, 8, 0, 0666 },
	{ "urandom", &random_fops, 1, 9, 0, 0666 },    { "tty", &tty_fops, 5, 0, 0, 0666 },
	{ "stdin", &console_fops, 136, 0, 0, 0620 },   { "stdout", &console_fops, 136, 0, 1, 0620 },
	{ "stderr", &console_fops, 136, 0, 2, 0620 },
};

static struct inode *consoles[3];
static struct inode *dev;

/* /dev/shm, where shm_open(3) and sem_open(3) keep their files: a ramfs directory, sticky
 * and writable by all as Linux's tmpfs mount there. */
static int devfs_make_shm(void)
{
	struct inode *shm;
	int err = vfs_mkdir_p("/dev/shm", &shm);

	if (!err)
		shm->mode = S_IFDIR | 01777;
	return err;
}

int devfs_init(void)
{
	int err = vfs_mkdir_p("/dev", &dev);

	for (size_t i = 0; !err && i < sizeof(devices) / sizeof(devices[0]); i++) {
		const struct device *d = &devices[i];
		struct inode *inode = ramfs_new_inode(S_IFCHR | d->perm);
		if (!inode)
			return -ENOMEM;
		inode->fops = d->fops;
		inode->rdev = (uint64_t)d->major << 8 | d->minor;
		inode->device = (void *)(uintptr_t)d->host_fd;
		if (d->fops == &console_fops && d->major == 136)
			consoles[d->host_fd] = inode;
		err = ramfs_link(dev, d->name, strlen(d->name), inode);
	}
	return err ? err : devfs_make_shm();
}

/* The standard streams are /dev/stdin, /dev/stdout and /dev/stderr by name: the host's own
 * path for them (/dev/pts/0, a file) is not known here. */
struct file *console_open(int host_fd)
{
	static const char *const names[] = { "stdin", "stdout", "stderr" };
	struct file *file = file_new(consoles[host_fd], host_fd == 0 ? O_RDONLY : O_WRONLY);

	if (file && file_set_name(file, dev, names[host_fd], strlen(names[host_fd]))) {
		file_put(file);
		return 0;
	}
	return file;
}
