/* sendfile(2) and copy_file_range(2): copies inside the LibOS, with fs/read_write.c's order of
 * checks. The input of sendfile must be a regular file (Linux also splices from some devices);
 * into a pipe it moves what fits without waiting, one pipe buffer per page of the file, as
 * the page cache does. */
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/vfs.h>

#define MAX_RW_COUNT 0x7ffff000L
#define COPY_CHUNK (64 * 1024)

static int readable(const struct file *file)
{
	return (file->flags & O_ACCMODE) != O_WRONLY;
}

static int writable(const struct file *file)
{
	return (file->flags & O_ACCMODE) != O_RDONLY;
}

/* rw_verify_area(): a count that is negative as ssize_t, a negative position or one the count
 * takes past the largest offset. */
static long verify_area(int64_t pos, uint64_t count)
{
	if ((int64_t)count < 0 || pos < 0 || (int64_t)((uint64_t)pos + count) < 0)
		return -EINVAL;
	return 0;
}

/* Up to len bytes from in at *in_pos to out at *out_pos, through a LibOS buffer: the bytes
 * copied, or the error when there were none. *in_pos ends past what was written. */
static long copy_through(struct file *in, uint64_t *in_pos, struct file *out, uint64_t *out_pos,
			 size_t len)
{
	size_t chunk = len < COPY_CHUNK ? len : COPY_CHUNK;
	long total = 0;

	if (!len)
		return 0;
	char *buf = kmalloc(chunk);
	if (!buf)
		return -ENOMEM;
	while (len) {
		size_t want = len < chunk ? len : chunk;
		uint64_t start = *in_pos;
		long n = in->inode->fops->read(in, buf, want, in_pos);
		if (n <= 0) {
			if (n < 0 && !total)
				total = n;
			break;
		}
		long written = 0;
		while (written < n) {
			long w = out->inode->fops->write(out, buf + written, (size_t)(n - written),
							 out_pos);
			if (w <= 0) {
				*in_pos = start + (uint64_t)written;
				total += written;
				kfree(buf);
				return total ?: (w < 0 ? w : 0);
			}
			written += w;
		}
		total += n;
		len -= (size_t)n;
		if ((size_t)n < want)
			break;
	}
	kfree(buf);
	return total;
}

/* do_sendfile(): ppos NULL reads from in's own position. */
static long do_sendfile(long out_fd, long in_fd, int64_t *ppos, size_t count)
{
	struct file *in = fd_get_io((int)in_fd), *out;
	int64_t pos;
	long ret;

	if (!in || !readable(in))
		return -EBADF;
	if (!ppos) {
		pos = (int64_t)in->pos;
	} else {
		pos = *ppos;
		if (!in->inode->fops->seekable)
			return -ESPIPE;
	}
	ret = verify_area(pos, count);
	if (ret)
		return ret;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	out = fd_get_io((int)out_fd);
	if (!out || !writable(out))
		return -EBADF;
	uint64_t upos = (uint64_t)pos, out_pos = out->pos;
	if (pipe_file(out)) {
		if (!S_ISREG(in->inode->mode))
			return -EINVAL;
		ret = pipe_splice_from_file(out, in, &upos, count);
	} else {
		/* do_splice_direct(): no appending; both ends need splice methods. */
		if (out->flags & O_APPEND)
			return -EINVAL;
		if (!S_ISREG(in->inode->mode) || !out->inode->fops->write ||
		    out->inode->fops->no_splice_write)
			return -EINVAL;
		ret = copy_through(in, &upos, out, &out_pos, count);
	}
	if (ret > 0) {
		out->pos = out_pos;
		if (ppos)
			*ppos = (int64_t)upos;
		else
			in->pos = upos;
	}
	return ret;
}

/* The offset, if given, is read first and written back whatever the result (sendfile64()). */
long sys_sendfile(long out_fd, long in_fd, long offset, long count)
{
	int64_t pos;
	long ret;

	if (!offset)
		return do_sendfile(out_fd, in_fd, 0, (size_t)count);
	if (copy_from_cvm(&pos, (void *)offset, sizeof(pos)))
		return -EFAULT;
	ret = do_sendfile(out_fd, in_fd, &pos, (size_t)count);
	if (copy_to_cvm((void *)offset, &pos, sizeof(pos)))
		return -EFAULT;
	return ret;
}

/* generic_copy_file_checks(): regular files on one file system, no overlap inside one file;
 * the count stops at the input's end. */
static long copy_checks(struct file *in, int64_t pos_in, struct file *out, int64_t pos_out,
			uint64_t *count)
{
	struct inode *inode_in = in->inode, *inode_out = out->inode;

	if (S_ISDIR(inode_in->mode) || S_ISDIR(inode_out->mode))
		return -EISDIR;
	if (!S_ISREG(inode_in->mode) || !S_ISREG(inode_out->mode))
		return -EINVAL;
	if (!readable(in) || !writable(out) || (out->flags & O_APPEND))
		return -EBADF;
	if (!vfs_same_mount(inode_in, inode_out))
		return -EXDEV;
	if ((uint64_t)pos_in + *count < (uint64_t)pos_in ||
	    (uint64_t)pos_out + *count < (uint64_t)pos_out)
		return -EOVERFLOW;
	int64_t size_in = (int64_t)inode_in->size;
	if (pos_in >= size_in)
		*count = 0;
	else if (*count > (uint64_t)size_in - (uint64_t)pos_in)
		*count = (uint64_t)size_in - (uint64_t)pos_in;
	/* generic_write_check_limits(): tmpfs files may grow to INT64_MAX */
	if (pos_out == INT64_MAX)
		return -EFBIG;
	if (pos_out >= 0 && *count > (uint64_t)(INT64_MAX - pos_out))
		*count = (uint64_t)(INT64_MAX - pos_out);
	if (inode_in == inode_out && (uint64_t)pos_out + *count > (uint64_t)pos_in &&
	    (uint64_t)pos_out < (uint64_t)pos_in + *count)
		return -EINVAL;
	return 0;
}

long sys_copy_file_range(long fd_in, long off_in, long fd_out, long off_out, long len, long flags)
{
	struct file *in = fd_get_io((int)fd_in), *out;
	int64_t pos_in, pos_out;
	uint64_t count = (uint64_t)len;
	long ret;

	if (!in)
		return -EBADF;
	out = fd_get_io((int)fd_out);
	if (!out)
		return -EBADF;
	if (off_in) {
		if (copy_from_cvm(&pos_in, (void *)off_in, sizeof(pos_in)))
			return -EFAULT;
	} else {
		pos_in = (int64_t)in->pos;
	}
	if (off_out) {
		if (copy_from_cvm(&pos_out, (void *)off_out, sizeof(pos_out)))
			return -EFAULT;
	} else {
		pos_out = (int64_t)out->pos;
	}
	if ((unsigned)flags)
		return -EINVAL;
	ret = copy_checks(in, pos_in, out, pos_out, &count);
	if (!ret)
		ret = verify_area(pos_in, count) ?: verify_area(pos_out, count);
	if (ret || !count)
		return ret;
	uint64_t new_in = (uint64_t)pos_in, new_out = (uint64_t)pos_out;
	ret = copy_through(in, &new_in, out, &new_out,
			   count > MAX_RW_COUNT ? MAX_RW_COUNT : (size_t)count);
	if (ret <= 0)
		return ret;
	if (!off_in)
		in->pos = new_in;
	else if (copy_to_cvm((void *)off_in, &new_in, sizeof(new_in)))
		ret = -EFAULT;
	if (!off_out)
		out->pos = new_out;
	else if (copy_to_cvm((void *)off_out, &new_out, sizeof(new_out)))
		ret = -EFAULT;
	return ret;
}
