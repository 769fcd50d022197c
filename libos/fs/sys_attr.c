/* An inode's attributes: chmod, times (utimensat), statx, and the file system's statfs. */
#include <asm/statfs.h>
#include <linux/magic.h>
#include <libos/clock.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/kmalloc.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/vfs.h>

#ifndef UTIME_NOW
#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)
#endif
#ifndef STATX__RESERVED
#define STATX__RESERVED 0x80000000U
#endif
#define PAGE_SIZE 4096
#define ST_VALID 0x0020 /* f_flags is filled in (statfs(2)) */
#define ST_RELATIME 0x1000

static long path_from_cvm(long path, char *buf)
{
	long len = string_from_cvm(buf, (const char *)path, PATH_MAX);

	return len < 0 ? len : 0;
}

static long set_mode(struct inode *inode, long mode)
{
	if (inode->fs)
		return inode->fs->chmod(inode, (uint32_t)mode & 07777);
	inode->mode = (inode->mode & S_IFMT) | ((uint32_t)mode & 07777);
	inode_touch_ctime(inode);
	return 0;
}

long sys_fchmodat(long dirfd, long path, long mode)
{
	char buf[PATH_MAX];
	struct inode *inode;
	long err = path_from_cvm(path, buf);

	if (!err)
		err = vfs_lookup_at((int)dirfd, buf, 0, &inode);
	if (!err)
		err = set_mode(inode, mode);
	return err;
}

long sys_chmod(long path, long mode)
{
	return sys_fchmodat(AT_FDCWD, path, mode);
}

long sys_fchmod(long fd, long mode)
{
	struct file *file = fd_get_io((int)fd);

	if (!file)
		return -EBADF;
	return set_mode(file->inode, mode);
}

#define NO_ID 0xffffffffu /* (uid_t)-1: keep the id */

/* A host directory keeps the host's owners: as on a file system without them (fat_setattr()),
 * a chown to the owners it has succeeds and any other fails. */
static long chown_on_fs(struct inode *inode, uint32_t uid, uint32_t gid)
{
	struct stat st;
	long err = inode->fs->getattr(inode, &st);

	if (err)
		return err;
	if ((uid != NO_ID && uid != st.st_uid) || (gid != NO_ID && gid != st.st_gid))
		return -EPERM;
	return 0;
}

/* chown_common() and notify_change() as root: -1 keeps an id; the ctime changes even then.
 * A file that is not a directory loses S_ISUID, and S_ISGID when it has group execute
 * (setattr_should_drop_sgid(): without it, S_ISGID marks mandatory locking). The app is
 * taken as root whatever its credentials (as chmod does). */
static long set_owner(struct inode *inode, long user, long group)
{
	uint32_t uid = (uint32_t)user, gid = (uint32_t)group;

	if (vfs_read_only(inode))
		return -EROFS;
	if (inode->fs)
		return chown_on_fs(inode, uid, gid);
	if (!S_ISDIR(inode->mode)) {
		inode->mode &= ~(uint32_t)S_ISUID;
		if (inode->mode & S_IXGRP)
			inode->mode &= ~(uint32_t)S_ISGID;
	}
	if (uid != NO_ID)
		inode->uid = uid;
	if (gid != NO_ID)
		inode->gid = gid;
	inode_touch_ctime(inode);
	return 0;
}

long sys_fchownat(long dirfd, long path, long user, long group, long flags)
{
	char buf[PATH_MAX];
	struct inode *inode;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = path_from_cvm(path, buf);
	if (!err)
		err = vfs_lookup_at((int)dirfd, buf, (int)flags, &inode);
	return err ?: set_owner(inode, user, group);
}

long sys_chown(long path, long user, long group)
{
	return sys_fchownat(AT_FDCWD, path, user, group, 0);
}

long sys_lchown(long path, long user, long group)
{
	return sys_fchownat(AT_FDCWD, path, user, group, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(long fd, long user, long group)
{
	struct file *file = fd_get_io((int)fd);

	return file ? set_owner(file->inode, user, group) : -EBADF;
}

static int nsec_valid(long nsec)
{
	return (nsec >= 0 && nsec <= 999999999) || nsec == UTIME_NOW || nsec == UTIME_OMIT;
}

/* fs/utimes.c: times NULL or both UTIME_NOW set all to now; UTIME_OMIT keeps one; the
 * ctime always becomes now. A NULL path with a real fd means the fd (futimens(3)). */
long sys_utimensat(long dirfd, long path, long times, long flags)
{
	struct __kernel_timespec ts[2], now;
	struct inode *inode;
	char buf[PATH_MAX];
	long err;

	if (times) {
		if (copy_from_cvm(ts, (void *)times, sizeof(ts)))
			return -EFAULT;
		/* Nothing to do: not even the path is looked at. */
		if (ts[0].tv_nsec == UTIME_OMIT && ts[1].tv_nsec == UTIME_OMIT)
			return 0;
		if (!nsec_valid(ts[0].tv_nsec) || !nsec_valid(ts[1].tv_nsec))
			return -EINVAL;
	}
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!path && (int)dirfd != AT_FDCWD) {
		if (flags)
			return -EINVAL;
		struct file *file = fd_get_io((int)dirfd);
		if (!file)
			return -EBADF;
		inode = file->inode;
	} else {
		err = path_from_cvm(path, buf);
		if (!err)
			err = vfs_lookup_at((int)dirfd, buf, (int)flags, &inode);
		if (err)
			return err;
	}
	if (inode->fs)
		return inode->fs->utimens(inode, times ? ts : 0);
	err = clock_now(0 /* CLOCK_REALTIME */, &now);
	if (err)
		return err;
	if (!times || ts[0].tv_nsec == UTIME_NOW)
		inode->atime = now;
	else if (ts[0].tv_nsec != UTIME_OMIT)
		inode->atime = ts[0];
	if (!times || ts[1].tv_nsec == UTIME_NOW)
		inode->mtime = now;
	else if (ts[1].tv_nsec != UTIME_OMIT)
		inode->mtime = ts[1];
	inode->ctime = now;
	return 0;
}

/* Since Linux 6.11, AT_EMPTY_PATH accepts a NULL path as "" (vfs_empty_path()); the path
 * is read before the flags are checked. */
long sys_statx(long dirfd, long path, long flags, long mask, long buf)
{
	char name[PATH_MAX] = "";
	struct inode *inode;
	struct statx stx;
	long err = 0;

	if (path || !(flags & AT_EMPTY_PATH))
		err = path_from_cvm(path, name);
	if (err)
		return err;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if ((unsigned)mask & STATX__RESERVED)
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	err = vfs_lookup_at((int)dirfd, name, (int)flags, &inode);
	if (err)
		return err;
	err = vfs_fill_statx(inode, (uint32_t)mask, &stx);
	return err ?: copy_to_cvm((void *)buf, &stx, sizeof(stx));
}

/* The tree is a tmpfs as big as the LibOS heap; /proc, pipes and eventfds have file systems
 * of their own that count nothing (simple_statfs()); a host directory is the host's. */
static long statfs_to_cvm(struct inode *inode, long buf)
{
	struct statfs st;
	uint64_t blocks = kmalloc_heap_bytes() / PAGE_SIZE, inodes = ramfs_inode_count();

	memset(&st, 0, sizeof(st));
	if (inode->fs) {
		long err = inode->fs->statfs(inode, &st);
		return err ?: copy_to_cvm((void *)buf, &st, sizeof(st));
	}
	if (inode->dev == PROCFS_DEV || inode->dev == PIPEFS_DEV || inode->dev == ANON_INODE_DEV) {
		st.f_type = inode->dev == PROCFS_DEV ? PROC_SUPER_MAGIC
			    : inode->dev == PIPEFS_DEV ? PIPEFS_MAGIC
						       : ANON_INODE_FS_MAGIC;
		st.f_bsize = st.f_frsize = PAGE_SIZE;
		st.f_namelen = NAME_MAX;
		st.f_flags = ST_VALID | (inode->dev == PROCFS_DEV ? ST_RELATIME : 0);
		return copy_to_cvm((void *)buf, &st, sizeof(st));
	}
	st.f_type = TMPFS_MAGIC;
	st.f_bsize = PAGE_SIZE;
	st.f_blocks = (long)blocks;
	st.f_bfree = st.f_bavail = (long)(kmalloc_free_bytes() / PAGE_SIZE);
	/* tmpfs allows an inode per page of its size at most. */
	st.f_files = (long)blocks;
	st.f_ffree = (long)(blocks > inodes ? blocks - inodes : 0);
	st.f_namelen = NAME_MAX;
	st.f_frsize = PAGE_SIZE;
	st.f_flags = ST_VALID | ST_RELATIME;
	return copy_to_cvm((void *)buf, &st, sizeof(st));
}

long sys_statfs(long path, long buf)
{
	char name[PATH_MAX];
	struct inode *inode;
	long err = path_from_cvm(path, name);

	if (!err)
		err = vfs_lookup_at(AT_FDCWD, name, 0, &inode);
	return err ?: statfs_to_cvm(inode, buf);
}

long sys_fstatfs(long fd, long buf)
{
	struct file *file = fd_get((int)fd);

	return file ? statfs_to_cvm(file->inode, buf) : -EBADF;
}
