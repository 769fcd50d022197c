/* The file system calls: arguments from the app are checked here, then
 * handed to the VFS. */
#include <asm/mman.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <libos/errno.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/vfs.h>

#define IOV_MAX 1024
#define MAX_RW_COUNT 0x7ffff000L /* Linux caps one read or write at this */

static int readable(const struct file *file)
{
	return (file->flags & O_ACCMODE) != O_WRONLY && !(file->flags & O_PATH);
}

static int writable(const struct file *file)
{
	return (file->flags & O_ACCMODE) != O_RDONLY && !(file->flags & O_PATH);
}

/* Counts are size_t: a "negative" one is huge and clamped, then its buffer
 * fails the pointer check, as on Linux. */
static long do_read(struct file *file, long buf, long len, uint64_t *pos)
{
	if (!file || !readable(file))
		return -EBADF;
	if ((unsigned long)len > MAX_RW_COUNT)
		len = MAX_RW_COUNT;
	if (cvm_ptr_ok((void *)buf, (size_t)len, PROT_WRITE))
		return -EFAULT;
	return file->inode->fops->read(file, (void *)buf, (size_t)len, pos);
}

static long do_write(struct file *file, long buf, long len, uint64_t *pos)
{
	if (!file || !writable(file))
		return -EBADF;
	if ((unsigned long)len > MAX_RW_COUNT)
		len = MAX_RW_COUNT;
	if (cvm_ptr_ok((void *)buf, (size_t)len, PROT_READ))
		return -EFAULT;
	if (!file->inode->fops->write)
		return -EINVAL;
	return file->inode->fops->write(file, (const void *)buf, (size_t)len, pos);
}

long sys_read(long fd, long buf, long len)
{
	struct file *file = fd_get((int)fd);

	return do_read(file, buf, len, file ? &file->pos : 0);
}

long sys_write(long fd, long buf, long len)
{
	struct file *file = fd_get((int)fd);

	return do_write(file, buf, len, file ? &file->pos : 0);
}

static long positioned(long fd, long offset, struct file **file)
{
	*file = fd_get((int)fd);
	if (!*file)
		return -EBADF;
	if (offset < 0)
		return -EINVAL;
	if (!(*file)->inode->fops->seekable)
		return -ESPIPE;
	return 0;
}

long sys_pread64(long fd, long buf, long len, long offset)
{
	struct file *file;
	long err = positioned(fd, offset, &file);
	uint64_t pos = (uint64_t)offset;

	return err ? err : do_read(file, buf, len, &pos);
}

long sys_pwrite64(long fd, long buf, long len, long offset)
{
	struct file *file;
	long err = positioned(fd, offset, &file);
	uint64_t pos = (uint64_t)offset;

	return err ? err : do_write(file, buf, len, &pos);
}

static long vectored(long fd, long iov_arg, long iovcnt,
		     long (*one)(struct file *, long, long, uint64_t *))
{
	struct file *file = fd_get((int)fd);
	struct iovec iov[16];
	long total = 0;

	if (!file)
		return -EBADF;
	if (iovcnt < 0 || iovcnt > IOV_MAX)
		return -EINVAL;
	for (long done = 0; done < iovcnt;) {
		long batch = iovcnt - done < 16 ? iovcnt - done : 16;
		if (copy_from_cvm(iov, (struct iovec *)iov_arg + done, (size_t)batch * sizeof(iov[0])))
			return -EFAULT;
		for (long i = 0; i < batch; i++) {
			if ((long)iov[i].iov_len < 0)
				return -EINVAL;
			if (!iov[i].iov_len)
				continue;
			long n = one(file, (long)iov[i].iov_base, (long)iov[i].iov_len, &file->pos);
			if (n < 0)
				return total ? total : n;
			total += n;
			if ((size_t)n < iov[i].iov_len)
				return total;
		}
		done += batch;
	}
	return total;
}

long sys_readv(long fd, long iov, long iovcnt)
{
	return vectored(fd, iov, iovcnt, do_read);
}

long sys_writev(long fd, long iov, long iovcnt)
{
	return vectored(fd, iov, iovcnt, do_write);
}

long sys_lseek(long fd, long offset, long whence)
{
	struct file *file = fd_get((int)fd);
	long base;

	if (!file)
		return -EBADF;
	if (!file->inode->fops->seekable)
		return -ESPIPE;
	if (file->inode->fops->seek_stays_at_zero)
		return whence <= SEEK_END ? 0 : -EINVAL;
	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (long)file->pos;
		break;
	case SEEK_END:
		base = (long)file->inode->size;
		break;
	default:
		return -EINVAL;
	}
	if ((offset > 0 && base > __LONG_MAX__ - offset) || base + offset < 0)
		return -EINVAL;
	file->pos = (uint64_t)(base + offset);
	return base + offset;
}

static long path_from_cvm(long path, char *buf)
{
	long len = string_from_cvm(buf, (const char *)path, PATH_MAX);

	return len < 0 ? len : 0;
}

long sys_openat(long dirfd, long path, long flags, long mode)
{
	char buf[PATH_MAX];
	long err = path_from_cvm(path, buf);

	return err ? err : vfs_open((int)dirfd, buf, (int)flags, (uint32_t)mode);
}

long sys_open(long path, long flags, long mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

long sys_close(long fd)
{
	return fd_close((int)fd);
}

static long stat_to_cvm(const struct inode *inode, long statbuf)
{
	struct stat st;

	vfs_fill_stat(inode, &st);
	return copy_to_cvm((void *)statbuf, &st, sizeof(st));
}

long sys_fstat(long fd, long statbuf)
{
	struct file *file = fd_get((int)fd);

	return file ? stat_to_cvm(file->inode, statbuf) : -EBADF;
}

long sys_newfstatat(long dirfd, long path, long statbuf, long flags)
{
	char buf[PATH_MAX];
	struct lookup lk;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	err = path_from_cvm(path, buf);
	if (err)
		return err;
	if (!buf[0] && (flags & AT_EMPTY_PATH)) {
		if (dirfd == AT_FDCWD)
			return stat_to_cvm(vfs_cwd(), statbuf);
		return sys_fstat(dirfd, statbuf);
	}
	err = vfs_lookup((int)dirfd, buf, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &lk);
	if (err)
		return err;
	return lk.inode ? stat_to_cvm(lk.inode, statbuf) : -ENOENT;
}

long sys_stat(long path, long statbuf)
{
	return sys_newfstatat(AT_FDCWD, path, statbuf, 0);
}

long sys_lstat(long path, long statbuf)
{
	return sys_newfstatat(AT_FDCWD, path, statbuf, AT_SYMLINK_NOFOLLOW);
}

long sys_ioctl(long fd, long request, long arg)
{
	struct file *file = fd_get((int)fd);

	if (!file)
		return -EBADF;
	if (!file->inode->fops->ioctl)
		return -ENOTTY;
	return file->inode->fops->ioctl(file, (unsigned long)request, (unsigned long)arg);
}

long sys_faccessat2(long dirfd, long path, long mode, long flags)
{
	char buf[PATH_MAX];
	struct lookup lk;
	long err;

	if (mode & ~7L)
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EACCESS | AT_EMPTY_PATH))
		return -EINVAL;
	err = path_from_cvm(path, buf);
	if (!err)
		err = vfs_lookup((int)dirfd, buf, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
				 &lk);
	if (err)
		return err;
	if (!lk.inode)
		return -ENOENT;
	/* The app runs as root: only execute needs an x bit somewhere. */
	if ((mode & 1) && !S_ISDIR(lk.inode->mode) && !(lk.inode->mode & 0111))
		return -EACCES;
	return 0;
}

long sys_faccessat(long dirfd, long path, long mode)
{
	return sys_faccessat2(dirfd, path, mode, 0);
}

long sys_access(long path, long mode)
{
	return sys_faccessat2(AT_FDCWD, path, mode, 0);
}

long sys_getcwd(long buf, long size)
{
	char path[PATH_MAX];
	size_t len = 0;

	path[0] = 0;
	for (struct inode *dir = vfs_cwd(); dir != dir->parent; dir = dir->parent) {
		struct dir_entry *e = dir->parent->entries;
		while (e && e->inode != dir)
			e = e->next;
		if (!e)
			return -ENOENT;
		if (len + e->name_len + 1 >= sizeof(path))
			return -ENAMETOOLONG;
		memmove(path + e->name_len + 1, path, len + 1);
		path[0] = '/';
		memcpy(path + 1, e->name, e->name_len);
		len += e->name_len + 1;
	}
	if (!len) {
		path[0] = '/';
		path[1] = 0;
		len = 1;
	}
	if ((unsigned long)size < len + 1)
		return -ERANGE;
	return copy_to_cvm((void *)buf, path, len + 1) ?: (long)(len + 1);
}

long sys_fcntl(long fd, long cmd, long arg)
{
	struct file *file = fd_get((int)fd);

	if (!file)
		return -EBADF;
	switch (cmd) {
	case F_GETFL:
		return file->flags;
	case F_SETFL:
		file->flags = (file->flags & ~(O_APPEND | O_NONBLOCK)) |
			      ((int)arg & (O_APPEND | O_NONBLOCK));
		return 0;
	case F_GETFD:
	case F_SETFD:
		return fd_cloexec((int)fd, cmd == F_SETFD ? (int)(arg & FD_CLOEXEC) : -1);
	default:
		return -EINVAL;
	}
}

long sys_umask(long mask)
{
	return vfs_set_umask((uint32_t)mask & 0777);
}

long sys_chdir(long path)
{
	char buf[PATH_MAX];
	struct lookup lk;
	long err = path_from_cvm(path, buf);

	if (!err)
		err = vfs_lookup(AT_FDCWD, buf, LOOKUP_FOLLOW, &lk);
	if (err)
		return err;
	return lk.inode ? vfs_chdir(lk.inode) : -ENOENT;
}

long sys_fchdir(long fd)
{
	struct file *file = fd_get((int)fd);

	return file ? vfs_chdir(file->inode) : -EBADF;
}
