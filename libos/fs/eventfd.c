/* eventfd(2): a 64-bit counter behind an anonymous inode, read and written 8 bytes at a time
 * (fs/eventfd.c). A read of a zero counter or a write that would overflow it waits, as on
 * Linux, on the eventfd's wait queue (libos/wait.h); while the app has one thread only the
 * waiting thread could end that wait, so a blocking one fails with EDEADLK instead (see
 * pipe.c). */
#include <linux/fs.h>
#include <linux/poll.h>
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/log.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/vfs.h>
#include <libos/signal.h>
#include <libos/wait.h>

#define EFD_SEMAPHORE 1
#define EFD_FLAGS (O_CLOEXEC | O_NONBLOCK | EFD_SEMAPHORE)
#define COUNT_MAX UINT64_MAX /* never reached: a write of it is refused */

struct eventfd {
	uint64_t count;
	int semaphore;
	struct waitq wq; /* woken by every change of the count */
};

static struct eventfd *eventfd_of(const struct file *file)
{
	return file->inode->device;
}

/* A blocking read of a zero count or write past the maximum with no other thread: only this
 * thread could end it. */
static long would_wait(void)
{
	log_once("eventfd: a blocking read of a zero count or write past the maximum would wait "
		 "for this very thread (the app has no other, no signal handler, no timer): "
		 "-EDEADLK");
	return -EDEADLK;
}

/* Wait for the count to change (-ERESTARTSYS: a signal came), or fail as would_wait. The callers hold the file for the whole
 * call (another thread may close its fd meanwhile), and with it the eventfd. */
static long eventfd_wait(struct file *file)
{
	if (file->flags & O_NONBLOCK)
		return -EAGAIN;
	if (wait_would_deadlock())
		return would_wait();
	return waitq_wait(&eventfd_of(file)->wq, 0) == -EINTR ? -ERESTARTSYS : 0;
}

static long read_held(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	struct eventfd *ctx = eventfd_of(file);
	uint64_t value;

	(void)pos;
	if (len < sizeof(value))
		return -EINVAL;
	while (!ctx->count) {
		long err = eventfd_wait(file);
		if (err)
			return err;
	}
	value = ctx->semaphore ? 1 : ctx->count;
	ctx->count -= value;
	waitq_wake(&ctx->wq);
	memcpy(buf, &value, sizeof(value));
	return sizeof(value);
}

static long write_held(struct file *file, const void *buf, size_t len, uint64_t *pos)
{
	struct eventfd *ctx = eventfd_of(file);
	uint64_t value;

	(void)pos;
	/* Reads take a buffer of 8 bytes or more; writes, since Linux 6.x, exactly 8. */
	if (len != sizeof(value))
		return -EINVAL;
	memcpy(&value, buf, sizeof(value));
	if (value == COUNT_MAX)
		return -EINVAL;
	while (COUNT_MAX - ctx->count <= value) {
		long err = eventfd_wait(file);
		if (err)
			return err;
	}
	ctx->count += value;
	waitq_wake(&ctx->wq);
	return sizeof(value);
}

static long eventfd_read(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	file->refs++;
	long ret = read_held(file, buf, len, pos);
	file_put(file);
	return ret;
}

static long eventfd_write(struct file *file, const void *buf, size_t len, uint64_t *pos)
{
	file->refs++;
	long ret = write_held(file, buf, len, pos);
	file_put(file);
	return ret;
}

/* eventfd_poll(): no POLLRDNORM or POLLWRNORM. */
static unsigned eventfd_poll(struct file *file)
{
	uint64_t count = eventfd_of(file)->count;
	unsigned mask = 0;

	if (count > 0)
		mask |= POLLIN;
	if (count == COUNT_MAX)
		mask |= POLLERR;
	if (COUNT_MAX - 1 > count)
		mask |= POLLOUT;
	return mask;
}

/* noop_llseek(): the position stays where it is, at 0. */
static long eventfd_llseek(struct file *file, long offset, int whence)
{
	(void)offset;
	return whence <= SEEK_MAX ? (long)file->pos : -EINVAL;
}

/* An anonymous inode has no open method: reopening /proc/self/fd/N fails. */
static int eventfd_open(struct file *file)
{
	(void)file;
	return -ENXIO;
}

static void eventfd_release(struct file *file)
{
	struct inode *inode = file->inode;

	if (inode->refs > 1)
		return;
	kfree(inode->device);
	inode->device = 0;
	inode->nlink = 0;
}

static int eventfd_describe(const struct file *file, char *buf, size_t size)
{
	(void)file;
	return ksnprintf(buf, size, "anon_inode:[eventfd]");
}

static const struct file_ops eventfd_fops = {
	.read = eventfd_read,
	.write = eventfd_write,
	.llseek = eventfd_llseek,
	.poll = eventfd_poll,
	.open = eventfd_open,
	.release = eventfd_release,
	.describe = eventfd_describe,
	.no_splice_write = 1,
};

long sys_eventfd2(long count, long flags)
{
	if (flags & ~(long)EFD_FLAGS)
		return -EINVAL;
	struct eventfd *ctx = kzalloc(sizeof(*ctx));
	/* Linux's eventfds share one anonymous inode; each has its own here, same mode. */
	struct inode *inode = ramfs_new_inode(S_IRUSR | S_IWUSR);
	struct file *file = 0;
	if (!ctx || !inode) {
		kfree(ctx);
		if (inode)
			inode_release(inode);
		return -ENOMEM;
	}
	ctx->count = (unsigned)count;
	ctx->semaphore = flags & EFD_SEMAPHORE;
	inode->fops = &eventfd_fops;
	inode->dev = ANON_INODE_DEV;
	inode->device = ctx;
	inode->nlink = 1;
	file = file_new(inode, O_RDWR);
	if (!file) {
		kfree(ctx);
		inode->nlink = 0;
		inode_release(inode);
		return -ENOMEM;
	}
	file->flags = O_RDWR | (int)(flags & O_NONBLOCK); /* no O_LARGEFILE: never opened */
	int fd = fd_install(file, flags & O_CLOEXEC);
	if (fd < 0)
		file_put(file);
	return fd;
}

long sys_eventfd(long count)
{
	return sys_eventfd2(count, 0);
}
