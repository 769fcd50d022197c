/* The file system calls: arguments from the app are checked here, then
 * handed to the VFS. */
#include <asm/ioctls.h>
#include <asm/mman.h>
#include <linux/fadvise.h>
#include <linux/falloc.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <libos/errno.h>
#include <libos/kmalloc.h>
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
	*file = fd_get_io((int)fd);
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

/* preadv2(2) and pwritev2(2) flags (Linux 6.18's RWF_SUPPORTED). The ramfs keeps no cache and
 * never waits: what asks for a kind of I/O tmpfs cannot do is refused as tmpfs refuses it. */
#define RWF_NOAPPEND 0x20
#define RWF_ATOMIC 0x40
#define RWF_DONTCACHE 0x80
#define RWF_NOSIGNAL 0x100
#define RWF_KNOWN                                                                                  \
	(RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | RWF_APPEND | RWF_NOAPPEND | RWF_ATOMIC |  \
	 RWF_DONTCACHE | RWF_NOSIGNAL)

/* kiocb_set_rw_flags(): tmpfs's files and directories cannot do RWF_NOWAIT (no FMODE_NOWAIT);
 * nothing here does RWF_ATOMIC or RWF_DONTCACHE. */
static long check_rw_flags(const struct file *file, long flags)
{
	if (flags & ~(long)RWF_KNOWN)
		return -EOPNOTSUPP;
	if (flags & (RWF_ATOMIC | RWF_DONTCACHE))
		return -EOPNOTSUPP;
	if ((flags & RWF_NOWAIT) && !file->inode->iops &&
	    (S_ISREG(file->inode->mode) || S_ISDIR(file->inode->mode)))
		return -EOPNOTSUPP;
	return 0;
}

/* The segments, checked as import_iovec() does: -EFAULT for an array the app cannot read,
 * -EINVAL for a negative length; their total is capped at MAX_RW_COUNT. */
static long import_iovec(long iov_arg, long iovcnt, struct iovec **out, size_t *total)
{
	struct iovec *iov = kmalloc((size_t)iovcnt * sizeof(*iov));

	*total = 0;
	if (!iov)
		return -ENOMEM;
	if (copy_from_cvm(iov, (void *)iov_arg, (size_t)iovcnt * sizeof(*iov))) {
		kfree(iov);
		return -EFAULT;
	}
	for (long i = 0; i < iovcnt; i++) {
		if ((long)iov[i].iov_len < 0) {
			kfree(iov);
			return -EINVAL;
		}
		if (iov[i].iov_len > MAX_RW_COUNT - *total)
			iov[i].iov_len = MAX_RW_COUNT - *total;
		*total += iov[i].iov_len;
	}
	*out = iov;
	return 0;
}

/* A file that takes all segments at once (a pipe): their pointers are checked first. */
static long rw_iter(struct file *file, const struct iovec *iov, long iovcnt, int write)
{
	for (long i = 0; i < iovcnt; i++)
		if (cvm_ptr_ok(iov[i].iov_base, iov[i].iov_len, write ? PROT_READ : PROT_WRITE))
			return -EFAULT;
	return write ? file->inode->fops->write_iter(file, iov, (int)iovcnt)
		     : file->inode->fops->read_iter(file, iov, (int)iovcnt);
}

/* Each segment is one read or write: a short one or an error ends it, after some bytes with
 * their count. */
static long rw_loop(struct file *file, const struct iovec *iov, long iovcnt, int write,
		    uint64_t *pos)
{
	long total = 0;

	for (long i = 0; i < iovcnt; i++) {
		if (!iov[i].iov_len)
			continue;
		long n = write ? do_write(file, (long)iov[i].iov_base, (long)iov[i].iov_len, pos)
			       : do_read(file, (long)iov[i].iov_base, (long)iov[i].iov_len, pos);
		if (n < 0)
			return total ? total : n;
		total += n;
		if ((size_t)n < iov[i].iov_len)
			break;
	}
	return total;
}

/* vfs_readv() and vfs_writev(): at *pos, or for a pipe where it stands. RWF_APPEND and
 * RWF_NOAPPEND switch O_APPEND for this call only. */
static long rw_vectored(struct file *file, long iov_arg, long iovcnt, int write, uint64_t *pos,
			long flags)
{
	struct iovec *iov;
	size_t total;
	long result;

	if (!file || (write ? !writable(file) : !readable(file)))
		return -EBADF;
	if (iovcnt < 0 || iovcnt > IOV_MAX)
		return -EINVAL;
	result = import_iovec(iov_arg, iovcnt, &iov, &total);
	if (result)
		return result;
	if (total)
		result = check_rw_flags(file, flags);
	if (total && !result) {
		int saved = file->flags;
		if (flags & RWF_APPEND)
			file->flags |= O_APPEND;
		if (flags & RWF_NOAPPEND)
			file->flags &= ~O_APPEND;
		if (write ? file->inode->fops->write_iter : file->inode->fops->read_iter)
			result = rw_iter(file, iov, iovcnt, write);
		else
			result = rw_loop(file, iov, iovcnt, write, pos);
		file->flags = (file->flags & ~O_APPEND) | (saved & O_APPEND);
	}
	kfree(iov);
	return result;
}

long sys_readv(long fd, long iov, long iovcnt)
{
	struct file *file = fd_get_io((int)fd);

	return rw_vectored(file, iov, iovcnt, 0, file ? &file->pos : 0, 0);
}

long sys_writev(long fd, long iov, long iovcnt)
{
	struct file *file = fd_get_io((int)fd);

	return rw_vectored(file, iov, iovcnt, 1, file ? &file->pos : 0, 0);
}

/* do_preadv() and do_pwritev(): on x86-64 the whole offset is pos_low (pos_from_hilo()). With
 * the flags of preadv2 and pwritev2, offset -1 means the file's position, as readv has it. */
static long rw_positioned(long fd, long iov, long iovcnt, long offset, int write, long flags,
			  int any_offset)
{
	struct file *file;

	if (any_offset && offset == -1) {
		file = fd_get_io((int)fd);
		return rw_vectored(file, iov, iovcnt, write, file ? &file->pos : 0, flags);
	}
	if (offset < 0)
		return -EINVAL;
	file = fd_get_io((int)fd);
	if (!file)
		return -EBADF;
	if (!file->inode->fops->seekable)
		return -ESPIPE;
	uint64_t pos = (uint64_t)offset;
	return rw_vectored(file, iov, iovcnt, write, &pos, flags);
}

long sys_preadv(long fd, long iov, long iovcnt, long pos_low, long pos_high)
{
	(void)pos_high;
	return rw_positioned(fd, iov, iovcnt, pos_low, 0, 0, 0);
}

long sys_pwritev(long fd, long iov, long iovcnt, long pos_low, long pos_high)
{
	(void)pos_high;
	return rw_positioned(fd, iov, iovcnt, pos_low, 1, 0, 0);
}

long sys_preadv2(long fd, long iov, long iovcnt, long pos_low, long pos_high, long flags)
{
	(void)pos_high;
	return rw_positioned(fd, iov, iovcnt, pos_low, 0, (int)flags, 1);
}

long sys_pwritev2(long fd, long iov, long iovcnt, long pos_low, long pos_high, long flags)
{
	(void)pos_high;
	return rw_positioned(fd, iov, iovcnt, pos_low, 1, (int)flags, 1);
}

/* A directory's position is a getdents64 cookie: any that is not negative, never from the
 * end (offset_dir_llseek()). */
static long dir_lseek(struct file *file, long offset, long whence)
{
	if (whence == SEEK_CUR) {
		if (offset > 0 && (long)file->pos > __LONG_MAX__ - offset)
			return -EINVAL;
		offset += (long)file->pos;
	} else if (whence != SEEK_SET) {
		return -EINVAL;
	}
	if (offset < 0)
		return -EINVAL;
	file->pos = (uint64_t)offset;
	return offset;
}

/* shmem_file_llseek(): data is what the file stores, from its start, in whole pages; the
 * rest up to its size is a hole (the zeros a growing truncate or a write past the end leave
 * unstored). A file written sparsely at several places is all data here, up to its last
 * stored byte. */
static long seek_data_hole(struct file *file, long offset, long whence)
{
	const struct inode *inode = file->inode;
	uint64_t stored = ramfs_stored_bytes(inode), hole = (stored + 4095) & ~4095ULL;

	if (hole > inode->size)
		hole = inode->size;
	if (offset < 0 || (uint64_t)offset >= inode->size)
		return -ENXIO;
	if (whence == SEEK_DATA && (uint64_t)offset >= hole)
		return -ENXIO;
	if (whence == SEEK_HOLE && (uint64_t)offset < hole)
		offset = (long)hole;
	file->pos = (uint64_t)offset;
	return offset;
}

long sys_lseek(long fd, long offset, long whence)
{
	struct file *file = fd_get_io((int)fd);
	long base;

	if (!file)
		return -EBADF;
	if (file->inode->fops->llseek)
		return file->inode->fops->llseek(file, offset, whence);
	if (!file->inode->fops->seekable)
		return -ESPIPE;
	if (S_ISDIR(file->inode->mode))
		return dir_lseek(file, offset, whence);
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
	case SEEK_DATA:
	case SEEK_HOLE:
		if (!S_ISREG(file->inode->mode))
			return -EINVAL;
		return seek_data_hole(file, offset, whence);
	default:
		return -EINVAL;
	}
	if ((offset > 0 && base > __LONG_MAX__ - offset) || base + offset < 0)
		return -EINVAL;
	file->pos = (uint64_t)(base + offset);
	return base + offset;
}

#define VALID_OPEN_FLAGS                                                                           \
	(O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK | __O_SYNC |    \
	 O_DSYNC | FASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME |        \
	 O_CLOEXEC | O_PATH | __O_TMPFILE)

static long path_from_cvm(long path, char *buf)
{
	long len = string_from_cvm(buf, (const char *)path, PATH_MAX);

	return len < 0 ? len : 0;
}

long sys_openat(long dirfd, long path, long flags, long mode)
{
	char buf[PATH_MAX];

	/* build_open_flags(): unknown bits are dropped (only openat2 refuses them), and
	 * O_DIRECTORY | O_CREAT, which once made regular files, is refused (Linux 6.4). */
	flags &= VALID_OPEN_FLAGS;
	if ((flags & (O_DIRECTORY | O_CREAT)) == (O_DIRECTORY | O_CREAT))
		return -EINVAL;
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

static long stat_to_cvm(struct inode *inode, long statbuf)
{
	struct stat st;
	int err = vfs_getattr(inode, &st);

	return err ?: copy_to_cvm((void *)statbuf, &st, sizeof(st));
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

/* What /proc and the tree report as their block size (FIGETBSZ, st_blksize). */
static int block_size(const struct inode *inode)
{
	return inode->iops ? 1024 : 4096;
}

/* The requests do_vfs_ioctl() serves for every file, then file_ioctl()'s for regular files:
 * 1 if request was one of them, its result in *result. */
static int ioctl_common(struct file *file, int fd, unsigned int request, unsigned long arg,
			long *result)
{
	struct inode *inode = file->inode;
	int on;

	switch (request) {
	case FIOCLEX:
	case FIONCLEX:
		*result = fd_cloexec(fd, request == FIOCLEX);
		return 1;
	case FIONBIO:
	case FIOASYNC:
		*result = copy_from_cvm(&on, (void *)arg, sizeof(on));
		if (*result)
			return 1;
		if (request == FIONBIO) {
			file->flags = on ? file->flags | O_NONBLOCK : file->flags & ~O_NONBLOCK;
		} else if (!!on != !!(file->flags & FASYNC)) {
			/* Only pipes have a fasync method here. */
			if (S_ISFIFO(inode->mode))
				file->flags ^= FASYNC;
			else
				*result = -ENOTTY;
		}
		return 1;
	case FIOQSIZE: {
		/* inode_get_bytes(): what tmpfs has allocated, whole pages. */
		if (!S_ISREG(inode->mode) && !S_ISDIR(inode->mode))
			return 0;
		long long bytes = 0;
		if (S_ISREG(inode->mode) && !inode->iops)
			bytes = (long long)((ramfs_stored_bytes(inode) + 4095) & ~4095ULL);
		*result = copy_to_cvm((void *)arg, &bytes, sizeof(bytes));
		return 1;
	}
	case FIGETBSZ: {
		int size = block_size(inode);
		*result = copy_to_cvm((void *)arg, &size, sizeof(size));
		return 1;
	}
	case FIONREAD: {
		/* file_ioctl(): the bytes from the position to the end, as an int, negative past
		 * the end. */
		if (!S_ISREG(inode->mode))
			return 0;
		int left = (int)(inode->size - file->pos);
		*result = copy_to_cvm((void *)arg, &left, sizeof(left));
		return 1;
	}
	default:
		return 0;
	}
}

long sys_ioctl(long fd, long request, long arg)
{
	struct file *file = fd_get_io((int)fd);
	long result;

	if (!file)
		return -EBADF;
	if (ioctl_common(file, (int)fd, (unsigned int)request, (unsigned long)arg, &result))
		return result;
	if (!file->inode->fops->ioctl)
		return -ENOTTY;
	return file->inode->fops->ioctl(file, (unsigned long)request, (unsigned long)arg);
}

long sys_faccessat2(long dirfd, long path, long mode, long flags)
{
	char buf[PATH_MAX];
	struct inode *inode;
	long err;

	if (mode & ~7L)
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EACCESS | AT_EMPTY_PATH))
		return -EINVAL;
	err = path_from_cvm(path, buf);
	if (!err) /* AT_EMPTY_PATH with "": dirfd's own file */
		err = vfs_lookup_at((int)dirfd, buf, (int)flags, &inode);
	if (err)
		return err;
	/* do_faccessat(): writing to a read-only mount's files, directories and symlinks. */
	if ((mode & 2) && vfs_read_only(inode) &&
	    (S_ISREG(inode->mode) || S_ISDIR(inode->mode) || S_ISLNK(inode->mode)))
		return -EROFS;
	/* The app runs as root: only execute needs an x bit somewhere. */
	if ((mode & 1) && !S_ISDIR(inode->mode) && !(inode->mode & 0111))
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
	long len = vfs_dir_path(vfs_cwd(), path, sizeof(path));

	if (len < 0)
		return len;
	if ((unsigned long)size < (unsigned long)len + 1)
		return -ERANGE;
	return copy_to_cvm((void *)buf, path, (size_t)len + 1) ?: len + 1;
}

/* flock_to_posix_lock(): the range [*start, *end] a struct flock names for file. */
static long lock_range(const struct file *file, const struct flock *fl, int64_t *start,
		       int64_t *end)
{
	int64_t base;

	switch (fl->l_whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (int64_t)file->pos;
		break;
	case SEEK_END:
		base = (int64_t)file->inode->size;
		break;
	default:
		return -EINVAL;
	}
	if (fl->l_start > INT64_MAX - base)
		return -EOVERFLOW;
	*start = base + fl->l_start;
	if (*start < 0)
		return -EINVAL;
	if (fl->l_len > 0) {
		if (fl->l_len - 1 > INT64_MAX - *start)
			return -EOVERFLOW;
		*end = *start + (fl->l_len - 1);
	} else if (fl->l_len < 0) {
		if (*start + fl->l_len < 0)
			return -EINVAL;
		*end = *start - 1;
		*start += fl->l_len;
	} else {
		*end = INT64_MAX;
	}
	if (fl->l_type != F_RDLCK && fl->l_type != F_WRLCK && fl->l_type != F_UNLCK)
		return -EINVAL;
	return 0;
}

/* Record locks for one process (fcntl(2), "Advisory record locking"): POSIX locks belong to
 * the process and never conflict with each other; OFD locks belong to an open file
 * description and conflict with those of others, and with POSIX locks. A wait could only be
 * for this very process, so F_SETLKW and F_OFD_SETLKW fail with EDEADLK instead. */
static long fcntl_lock(struct file *file, long cmd, long arg)
{
	int ofd = cmd == F_OFD_GETLK || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW;
	int get = cmd == F_GETLK || cmd == F_OFD_GETLK;
	const struct file *owner = ofd ? file : 0;
	int64_t start, end;
	struct flock fl;

	if (copy_from_cvm(&fl, (void *)arg, sizeof(fl)))
		return -EFAULT;
	/* F_OFD_GETLK of F_UNLCK asks for the caller's own lock (Linux 6.6). */
	if (get && fl.l_type != F_RDLCK && fl.l_type != F_WRLCK &&
	    !(cmd == F_OFD_GETLK && fl.l_type == F_UNLCK))
		return -EINVAL;
	long err = lock_range(file, &fl, &start, &end);
	if (err)
		return err;
	if (!get && ((fl.l_type == F_RDLCK && !readable(file)) ||
		     (fl.l_type == F_WRLCK && !writable(file))))
		return -EBADF;
	if (ofd && fl.l_pid != 0)
		return -EINVAL;
	if (get) {
		struct inode *inode = file->inode;
		const struct file_lock *l;
		if (fl.l_type == F_UNLCK)
			l = lock_held(inode, owner, start, end);
		else
			l = lock_conflict(inode, owner, fl.l_type, start, end);
		if (!l) {
			fl.l_type = F_UNLCK;
		} else {
			fl.l_type = l->type;
			fl.l_whence = SEEK_SET;
			fl.l_start = l->start;
			fl.l_len = l->end == INT64_MAX ? 0 : l->end - l->start + 1;
			fl.l_pid = l->owner ? -1 : APP_PID;
		}
		return copy_to_cvm((void *)arg, &fl, sizeof(fl));
	}
	err = lock_set(file->inode, owner, fl.l_type, start, end);
	if (err == -EAGAIN && (cmd == F_SETLKW || cmd == F_OFD_SETLKW))
		return -EDEADLK;
	return err;
}

/* setfl(): O_APPEND, O_NONBLOCK, O_DIRECT, O_NOATIME and O_ASYNC change, the rest stays.
 * O_DIRECT needs a file that can do it (FMODE_CAN_ODIRECT: the tree's files); a pipe takes any,
 * but packet mode is chosen at pipe2(2) only here. O_ASYNC sticks only where a fasync method
 * takes it: pipes. */
static long fcntl_setfl(struct file *file, int arg)
{
	const struct inode *inode = file->inode;
	int pipe = S_ISFIFO(inode->mode), mask = O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME;

	if ((arg & O_DIRECT) && !pipe && !(S_ISREG(inode->mode) && !inode->iops))
		return -EINVAL;
	if (pipe)
		mask = (mask & ~O_DIRECT) | FASYNC;
	file->flags = (file->flags & ~mask) | (arg & mask);
	return 0;
}

long sys_fcntl(long fd, long cmd, long arg)
{
	struct file *file = fd_get((int)fd);

	if (!file)
		return -EBADF;
	/* An O_PATH fd only names a file (fcntl.c check_fcntl_cmd()). */
	if ((file->flags & O_PATH) && cmd != F_DUPFD && cmd != F_DUPFD_CLOEXEC && cmd != F_GETFD &&
	    cmd != F_SETFD && cmd != F_GETFL)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC: {
		/* The argument is an int (fs/fcntl.c do_fcntl()); -EINVAL past the fd limit. */
		unsigned min = (unsigned)arg;
		if (min >= (unsigned)fd_limit())
			return -EINVAL;
		file->refs++;
		int newfd = fd_install_from(file, (int)min, cmd == F_DUPFD_CLOEXEC);
		if (newfd < 0)
			file->refs--;
		return newfd;
	}
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		return fcntl_lock(file, cmd, arg);
	case F_GETFL:
		return file->flags;
	case F_SETFL:
		return fcntl_setfl(file, (int)arg);
	case F_GETFD:
	case F_SETFD:
		return fd_cloexec((int)fd, cmd == F_SETFD ? (int)(arg & FD_CLOEXEC) : -1);
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
		/* The argument is an int, taken as unsigned (pipe_fcntl()). */
		if (!file->inode->fops->pipe_fcntl)
			return -EBADF;
		return file->inode->fops->pipe_fcntl(file, (int)cmd, (unsigned)(int)arg);
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

/* truncate(2) passes no time attributes: tmpfs changes the times only when the size
 * changes. */
long sys_truncate(long path, long length)
{
	char buf[PATH_MAX];
	struct inode *inode;
	long err;

	if (length < 0)
		return -EINVAL;
	err = path_from_cvm(path, buf);
	if (!err)
		err = vfs_lookup_at(AT_FDCWD, buf, 0, &inode);
	if (err)
		return err;
	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (!S_ISREG(inode->mode))
		return -EINVAL;
	if (inode->fs)
		return inode->fs->truncate(inode, (uint64_t)length);
	/* procfs takes a new size and ignores it (proc_setattr()). */
	if ((uint64_t)length == inode->size || inode->iops)
		return 0;
	return ramfs_truncate(inode, (uint64_t)length);
}

/* ftruncate(2) always updates the times (ATTR_MTIME | ATTR_CTIME). */
long sys_ftruncate(long fd, long length)
{
	struct file *file;

	if (length < 0)
		return -EINVAL;
	file = fd_get_io((int)fd);
	if (!file)
		return -EBADF;
	if (!S_ISREG(file->inode->mode) || !writable(file))
		return -EINVAL;
	if (file->inode->fs)
		return file->inode->fs->truncate(file->inode, (uint64_t)length);
	if (file->inode->iops)
		return 0;
	return ramfs_truncate(file->inode, (uint64_t)length);
}

/* The tree has nothing to write back, a host directory's files do; only files without an
 * fsync method refuse (vfs_fsync_range()): devices, pipes, eventfds and procfs's files. */
static long do_fsync(long fd, int datasync)
{
	struct file *file = fd_get_io((int)fd);

	if (!file)
		return -EBADF;
	struct inode *inode = file->inode;
	if (inode->fops->fsync)
		return inode->fops->fsync(file, datasync);
	return (S_ISREG(inode->mode) || S_ISDIR(inode->mode)) && !inode->iops ? 0 : -EINVAL;
}

long sys_fsync(long fd)
{
	return do_fsync(fd, 0);
}

long sys_fdatasync(long fd)
{
	return do_fsync(fd, 1);
}

/* ksys_fallocate() and vfs_fallocate(), in their order of checks. The tree's files are
 * tmpfs's, but for FALLOC_FL_ZERO_RANGE, which tmpfs refuses and is served as ext4 serves it;
 * a host directory's files, /proc's and the others without a fallocate method refuse all. */
long sys_fallocate(long fd, long mode, long offset, long len)
{
	int supported = FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE;
	int op = (int)mode & ~FALLOC_FL_KEEP_SIZE;

	struct file *file = fd_get_io((int)fd);

	if (!file)
		return -EBADF;
	if (offset < 0 || len <= 0)
		return -EINVAL;
	if ((int)mode & ~supported || op == (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE))
		return -EOPNOTSUPP;
	if (op == FALLOC_FL_PUNCH_HOLE && !((int)mode & FALLOC_FL_KEEP_SIZE))
		return -EOPNOTSUPP;
	if (!writable(file))
		return -EBADF;
	struct inode *inode = file->inode;
	if (S_ISFIFO(inode->mode))
		return -ESPIPE;
	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (!S_ISREG(inode->mode))
		return -ENODEV;
	if (offset > INT64_MAX - len)
		return -EFBIG;
	if (inode->fs || inode->iops)
		return -EOPNOTSUPP;
	return ramfs_fallocate(inode, (int)mode, (uint64_t)offset, (uint64_t)len);
}

/* generic_fadvise() of a file without a backing device (tmpfs, /proc, devices): any advice
 * it knows is taken and ignored; only a pipe refuses. */
long sys_fadvise64(long fd, long offset, long len, long advice)
{
	struct file *file = fd_get_io((int)fd);

	(void)offset;
	if (!file)
		return -EBADF;
	if (S_ISFIFO(file->inode->mode))
		return -ESPIPE;
	if (len < 0)
		return -EINVAL;
	switch (advice) {
	case POSIX_FADV_NORMAL:
	case POSIX_FADV_RANDOM:
	case POSIX_FADV_SEQUENTIAL:
	case POSIX_FADV_WILLNEED:
	case POSIX_FADV_DONTNEED:
	case POSIX_FADV_NOREUSE:
		return 0;
	default:
		return -EINVAL;
	}
}

/* ksys_readahead(): a readable regular file, then fadvise's WILLNEED with count as its
 * length. */
long sys_readahead(long fd, long offset, long count)
{
	struct file *file = fd_get_io((int)fd);

	if (!file || !readable(file))
		return -EBADF;
	if (!S_ISREG(file->inode->mode))
		return -EINVAL;
	return sys_fadvise64(fd, offset, count, POSIX_FADV_WILLNEED);
}
