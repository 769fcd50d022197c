/* Pipes (pipe(7)), kept as fs/pipe.c keeps them: a ring of page-sized buffers, so the
 * capacity (16 pages), the merging of small writes into the last page, PIPE_BUF atomicity,
 * partial non-blocking writes and O_DIRECT packets all come out as on Linux.
 *
 * A blocking read of an empty pipe that has a writer, or a blocking write to a full pipe that
 * has a reader, waits (libos/wait.h) on the pipe's wait queue, which every change of its state
 * wakes. While the app has one thread only that very thread could end the wait: Linux would
 * hang there; the LibOS fails with EDEADLK instead (a write that moved some bytes returns
 * their count). */
#include <asm/ioctls.h>
#include <asm/mman.h>
#include <linux/poll.h>
#include <linux/uio.h>
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/log.h>
#include <libos/signal.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/vfs.h>
#include <libos/wait.h>

#define PIPE_PAGE_SIZE 4096
#define PIPE_DEF_BUFFERS 16
#define PIPE_MAX_SIZE (1024 * 1024) /* /proc/sys/fs/pipe-max-size */
#define O_NOTIFICATION_PIPE O_EXCL
#define BUF_CAN_MERGE 1 /* a write may append to it */
#define BUF_PACKET 2 /* O_DIRECT: one write, one read */

struct pipe_buffer {
	char *page;
	uint32_t offset, len;
	int flags;
};

struct pipe {
	struct pipe_buffer *bufs; /* max_usage of them, a power of two */
	unsigned head, tail; /* free-running: bufs[index & (max_usage - 1)] */
	unsigned max_usage;
	unsigned readers, writers; /* open file descriptions with each mode */
	struct waitq wq; /* woken by every change: data, room, ends, size */
};

/* Where an iovec stands while a pipe copies from or to it. */
struct cursor {
	const struct iovec *iov;
	int count, seg;
	size_t off, left;
};

static const struct file_ops pipe_fops;

static struct pipe *pipe_of(const struct file *file)
{
	return file->inode->device;
}

static int reads(const struct file *file)
{
	return !(file->flags & O_PATH) && (file->flags & O_ACCMODE) != O_WRONLY;
}

static int writes(const struct file *file)
{
	return !(file->flags & O_PATH) && (file->flags & O_ACCMODE) != O_RDONLY;
}

static unsigned occupancy(const struct pipe *pipe)
{
	return pipe->head - pipe->tail;
}

static int is_empty(const struct pipe *pipe)
{
	return pipe->head == pipe->tail;
}

static int is_full(const struct pipe *pipe)
{
	return occupancy(pipe) >= pipe->max_usage;
}

static struct pipe_buffer *slot(struct pipe *pipe, unsigned index)
{
	return &pipe->bufs[index & (pipe->max_usage - 1)];
}

static void cursor_init(struct cursor *c, const struct iovec *iov, int count)
{
	c->iov = iov;
	c->count = count;
	c->seg = 0;
	c->off = 0;
	c->left = 0;
	for (int i = 0; i < count; i++)
		c->left += iov[i].iov_len;
}

/* Copy n bytes between the iovec and LibOS memory: into the app (to_app) or out of it. */
static void cursor_copy(struct cursor *c, char *libos, size_t n, int to_app)
{
	c->left -= n;
	while (n) {
		const struct iovec *v = &c->iov[c->seg];
		size_t room = v->iov_len - c->off;
		if (!room) {
			c->seg++;
			c->off = 0;
			continue;
		}
		size_t step = room < n ? room : n;
		char *app = (char *)v->iov_base + c->off;
		if (to_app)
			memcpy(app, libos, step);
		else
			memcpy(libos, app, step);
		libos += step;
		c->off += step;
		n -= step;
	}
}

int pipe_file(const struct file *file)
{
	return file->inode->fops == &pipe_fops;
}

/* A blocking read of an empty pipe or write to a full one with no other thread: only this
 * thread could end it. */
static long would_wait(void)
{
	log_once("pipe: a blocking read of an empty pipe or write to a full one would wait for "
		 "this very thread (the app has no other, no signal handler, no timer): "
		 "-EDEADLK");
	return -EDEADLK;
}

/* Sleep until the pipe changes: 0, or -ERESTARTSYS when a signal came for this thread. The
 * callers hold the file for the whole call (another thread may close its fd meanwhile), and
 * with it the inode and the pipe. */
static long pipe_wait(struct file *file)
{
	return waitq_wait(&pipe_of(file)->wq, 0) == -EINTR ? -ERESTARTSYS : 0;
}

/* pipe_read(). */
static long read_held(struct file *file, const struct iovec *iov, int count)
{
	struct pipe *pipe = pipe_of(file);
	struct cursor to;
	long ret = 0;

	cursor_init(&to, iov, count);
	size_t total_len = to.left;
	if (!total_len)
		return 0; /* a null read succeeds, even on an empty pipe */
	for (;;) {
		if (!is_empty(pipe)) {
			struct pipe_buffer *buf = slot(pipe, pipe->tail);
			size_t chars = buf->len < total_len ? buf->len : total_len;
			cursor_copy(&to, buf->page + buf->offset, chars, 1);
			ret += (long)chars;
			buf->offset += (uint32_t)chars;
			buf->len -= (uint32_t)chars;
			if (buf->flags & BUF_PACKET) { /* the rest of a packet is dropped */
				total_len = chars;
				buf->len = 0;
			}
			if (!buf->len) {
				kfree(buf->page);
				buf->page = 0;
				pipe->tail++;
			}
			waitq_wake(&pipe->wq);
			total_len -= chars;
			if (!total_len)
				break;
			if (!is_empty(pipe))
				continue;
		}
		if (!pipe->writers || ret)
			break;
		if (file->flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_would_deadlock())
			return would_wait();
		long err = pipe_wait(file);
		if (err)
			return err;
	}
	return ret;
}

/* pipe_write(): the remainder of the count past whole pages is merged into the last buffer
 * when it fits there whole, then each new page takes a buffer. */
static long write_held(struct file *file, const struct iovec *iov, int count)
{
	struct pipe *pipe = pipe_of(file);
	int packets = file->flags & O_DIRECT;
	struct cursor from;
	long ret = 0;

	cursor_init(&from, iov, count);
	size_t total_len = from.left;
	if (!total_len)
		return 0; /* a null write succeeds, even without readers */
	if (!pipe->readers) {
		signal_raise_self(SIGPIPE);
		return -EPIPE;
	}
	size_t chars = total_len & (PIPE_PAGE_SIZE - 1);
	if (chars && !is_empty(pipe)) {
		struct pipe_buffer *buf = slot(pipe, pipe->head - 1);
		size_t offset = buf->offset + buf->len;
		if ((buf->flags & BUF_CAN_MERGE) && offset + chars <= PIPE_PAGE_SIZE) {
			cursor_copy(&from, buf->page + offset, chars, 0);
			buf->len += (uint32_t)chars;
			ret = (long)chars;
			waitq_wake(&pipe->wq);
			if (!from.left)
				return ret;
		}
	}
	while (from.left) {
		if (!pipe->readers) { /* gone while this write waited */
			signal_raise_self(SIGPIPE);
			return ret ?: -EPIPE;
		}
		if (is_full(pipe)) {
			if (file->flags & O_NONBLOCK)
				return ret ?: -EAGAIN;
			if (wait_would_deadlock()) {
				if (ret)
					break;
				return would_wait();
			}
			long err = pipe_wait(file);
			if (err)
				return ret ?: err;
			continue;
		}
		char *page = kmalloc(PIPE_PAGE_SIZE);
		if (!page)
			return ret ?: -ENOMEM;
		size_t n = from.left < PIPE_PAGE_SIZE ? from.left : PIPE_PAGE_SIZE;
		cursor_copy(&from, page, n, 0);
		*slot(pipe, pipe->head) = (struct pipe_buffer){
			page, 0, (uint32_t)n, packets ? BUF_PACKET : BUF_CAN_MERGE
		};
		pipe->head++;
		ret += (long)n;
		waitq_wake(&pipe->wq);
	}
	if (from.left && !(file->flags & O_NONBLOCK))
		log_once("pipe: a blocking write that fills the pipe would wait for this very "
			 "thread (the app has no other, no signal handler, no timer): it returns "
			 "the count written so far");
	return ret;
}

static long pipe_read_iter(struct file *file, const struct iovec *iov, int count)
{
	file->refs++;
	long ret = read_held(file, iov, count);
	file_put(file);
	return ret;
}

static long pipe_write_iter(struct file *file, const struct iovec *iov, int count)
{
	file->refs++;
	long ret = write_held(file, iov, count);
	file_put(file);
	return ret;
}

static long pipe_read(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	struct iovec iov = { buf, len };

	(void)pos;
	return pipe_read_iter(file, &iov, 1);
}

static long pipe_write(struct file *file, const void *buf, size_t len, uint64_t *pos)
{
	struct iovec iov = { (void *)buf, len };

	(void)pos;
	return pipe_write_iter(file, &iov, 1);
}

static long splice_held(struct file *out, struct file *in, uint64_t *pos, size_t len)
{
	struct pipe *pipe = pipe_of(out);
	long total = 0;

	/* wait_for_space() */
	for (;;) {
		if (!pipe->readers) {
			signal_raise_self(SIGPIPE);
			return -EPIPE;
		}
		if (!is_full(pipe))
			break;
		if (out->flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_would_deadlock())
			return would_wait();
		long err = pipe_wait(out);
		if (err)
			return err;
	}
	/* One buffer per page of the file, up to the page's end; they take no merged writes. */
	while (len && !is_full(pipe)) {
		size_t part = PIPE_PAGE_SIZE - *pos % PIPE_PAGE_SIZE;
		if (part > len)
			part = len;
		char *page = kmalloc(PIPE_PAGE_SIZE);
		if (!page)
			return total ?: -ENOMEM;
		uint64_t at = *pos;
		long n = in->inode->fops->read(in, page, part, &at);
		if (n <= 0) {
			kfree(page);
			if (n < 0 && !total)
				return n;
			break;
		}
		*slot(pipe, pipe->head) = (struct pipe_buffer){ page, 0, (uint32_t)n, 0 };
		pipe->head++;
		waitq_wake(&pipe->wq);
		*pos += (uint64_t)n;
		total += n;
		len -= (size_t)n;
		if ((size_t)n < part)
			break;
	}
	return total;
}

long pipe_splice_from_file(struct file *out, struct file *in, uint64_t *pos, size_t len)
{
	out->refs++;
	in->refs++;
	long ret = splice_held(out, in, pos, len);
	file_put(in);
	file_put(out);
	return ret;
}

static unsigned pipe_poll(struct file *file)
{
	struct pipe *pipe = pipe_of(file);
	unsigned mask = 0;

	if (reads(file)) {
		if (!is_empty(pipe))
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	}
	if (writes(file)) {
		if (!is_full(pipe))
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *file, unsigned long request, unsigned long arg)
{
	struct pipe *pipe = pipe_of(file);
	int count = 0;

	if (request != FIONREAD)
		return -ENOTTY;
	for (unsigned i = pipe->tail; i != pipe->head; i++)
		count += (int)slot(pipe, i)->len;
	return copy_to_cvm((void *)arg, &count, sizeof(count));
}

/* pipe_resize_ring(): the buffers keep their order, from the tail. */
static long resize(struct pipe *pipe, unsigned slots)
{
	unsigned used = occupancy(pipe);

	if (slots < used)
		return -EBUSY;
	struct pipe_buffer *bufs = kzalloc(slots * sizeof(*bufs));
	if (!bufs)
		return -ENOMEM;
	for (unsigned i = 0; i < used; i++)
		bufs[i] = *slot(pipe, pipe->tail + i);
	kfree(pipe->bufs);
	pipe->bufs = bufs;
	pipe->tail = 0;
	pipe->head = used;
	pipe->max_usage = slots;
	waitq_wake(&pipe->wq);
	return 0;
}

/* pipe_fcntl() and pipe_set_size(): sizes are powers of two, at least a page. Growing past
 * pipe-max-size takes CAP_SYS_RESOURCE, which the app does not have (nor does a container's
 * root). */
static long pipe_fcntl(struct file *file, int cmd, unsigned arg)
{
	struct pipe *pipe = pipe_of(file);

	if (cmd == F_GETPIPE_SZ)
		return (long)pipe->max_usage * PIPE_PAGE_SIZE;
	if (arg > 1U << 31)
		return -EINVAL;
	unsigned long size = PIPE_PAGE_SIZE;
	while (size < arg)
		size <<= 1;
	unsigned slots = (unsigned)(size / PIPE_PAGE_SIZE);
	if (slots > pipe->max_usage && size > PIPE_MAX_SIZE)
		return -EPERM;
	long err = resize(pipe, slots);
	return err ?: (long)size;
}

/* Another open file description of the pipe (open of /proc/self/fd/N): an anonymous pipe's
 * opens never wait for the other end (fifo_open() with is_pipe). */
static int pipe_open(struct file *file)
{
	struct pipe *pipe = pipe_of(file);

	pipe->readers += reads(file);
	pipe->writers += writes(file);
	waitq_wake(&pipe->wq);
	return 0;
}

static void pipe_release(struct file *file)
{
	struct inode *inode = file->inode;
	struct pipe *pipe = inode->device;

	pipe->readers -= reads(file);
	pipe->writers -= writes(file);
	waitq_wake(&pipe->wq);
	if (inode->refs > 1)
		return;
	for (unsigned i = pipe->tail; i != pipe->head; i++)
		kfree(slot(pipe, i)->page);
	kfree(pipe->bufs);
	kfree(pipe);
	inode->device = 0;
	inode->nlink = 0; /* its last file goes: so does the inode */
}

static int pipe_describe(const struct file *file, char *buf, size_t size)
{
	return ksnprintf(buf, size, "pipe:[%lu]", (unsigned long)file->inode->ino);
}

static const struct file_ops pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.read_iter = pipe_read_iter,
	.write_iter = pipe_write_iter,
	.ioctl = pipe_ioctl,
	.pipe_fcntl = pipe_fcntl,
	.poll = pipe_poll,
	.open = pipe_open,
	.release = pipe_release,
	.describe = pipe_describe,
};

static struct file *pipe_end(struct inode *inode, int flags)
{
	struct file *file = file_new(inode, flags);

	/* No O_LARGEFILE: a pipe's files are not opened (create_pipe_files()). */
	if (file)
		file->flags = flags;
	return file;
}

long sys_pipe2(long fds_arg, long flags)
{
	int end_flags = (int)flags & (O_NONBLOCK | O_DIRECT), fds[2];
	struct file *ends[2] = { 0, 0 };
	long err = -ENOMEM;

	if (flags & ~(long)(O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE))
		return -EINVAL;
	/* Notification pipes need a kernel built with CONFIG_WATCH_QUEUE: not this one. */
	if (flags & O_NOTIFICATION_PIPE)
		return -ENOPKG;
	struct pipe *pipe = kzalloc(sizeof(*pipe));
	struct inode *inode = ramfs_new_inode(S_IFIFO | 0600);
	if (pipe)
		pipe->bufs = kzalloc(PIPE_DEF_BUFFERS * sizeof(*pipe->bufs));
	if (!pipe || !pipe->bufs || !inode) {
		if (pipe)
			kfree(pipe->bufs);
		kfree(pipe);
		if (inode)
			inode_release(inode);
		return -ENFILE;
	}
	pipe->max_usage = PIPE_DEF_BUFFERS;
	pipe->readers = pipe->writers = 1;
	inode->fops = &pipe_fops;
	inode->dev = PIPEFS_DEV;
	inode->device = pipe;
	inode->nlink = 1;
	ends[0] = pipe_end(inode, O_RDONLY | end_flags);
	ends[1] = pipe_end(inode, O_WRONLY | end_flags);
	if (!ends[0] || !ends[1])
		goto fail;
	fds[0] = fd_install(ends[0], flags & O_CLOEXEC);
	if (fds[0] < 0) {
		err = fds[0];
		goto fail;
	}
	fds[1] = fd_install(ends[1], flags & O_CLOEXEC);
	if (fds[1] < 0) {
		err = fds[1];
		fd_close(fds[0]);
		file_put(ends[1]);
		return err;
	}
	if (copy_to_cvm((void *)fds_arg, fds, sizeof(fds))) {
		fd_close(fds[0]);
		fd_close(fds[1]);
		return -EFAULT;
	}
	return 0;
fail:
	/* Each end gives back its reader or writer; the last one frees the pipe. */
	if (!ends[0])
		pipe->readers = 0;
	if (!ends[1])
		pipe->writers = 0;
	if (ends[0])
		file_put(ends[0]);
	if (ends[1])
		file_put(ends[1]);
	if (!ends[0] && !ends[1]) {
		kfree(pipe->bufs);
		kfree(pipe);
		inode->nlink = 0;
		inode_release(inode);
	}
	return err;
}

long sys_pipe(long fds)
{
	return sys_pipe2(fds, 0);
}
