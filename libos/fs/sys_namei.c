/* The calls that add, remove, move and read names: their arguments are checked and copied
 * here, in Linux's order (flags first, then the paths), then handed to the VFS. */
#include <linux/fs.h>
#include <libos/errno.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/vfs.h>

static long path_from_cvm(long path, char *buf)
{
	long len = string_from_cvm(buf, (const char *)path, PATH_MAX);

	return len < 0 ? len : 0;
}

/* Two paths, both copied before either is looked up. */
static long paths_from_cvm(long path1, char *buf1, long path2, char *buf2)
{
	return path_from_cvm(path1, buf1) ?: path_from_cvm(path2, buf2);
}

long sys_mkdirat(long dirfd, long path, long mode)
{
	char buf[PATH_MAX];

	return path_from_cvm(path, buf) ?: vfs_mkdir((int)dirfd, buf, (uint32_t)mode);
}

long sys_mkdir(long path, long mode)
{
	return sys_mkdirat(AT_FDCWD, path, mode);
}

long sys_unlinkat(long dirfd, long path, long flags)
{
	char buf[PATH_MAX];

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	long err = path_from_cvm(path, buf);

	if (err)
		return err;
	return (flags & AT_REMOVEDIR) ? vfs_rmdir((int)dirfd, buf) : vfs_unlink((int)dirfd, buf);
}

long sys_unlink(long path)
{
	return sys_unlinkat(AT_FDCWD, path, 0);
}

long sys_rmdir(long path)
{
	return sys_unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

long sys_renameat2(long old_dirfd, long old_path, long new_dirfd, long new_path, long flags)
{
	char old[PATH_MAX], new[PATH_MAX];
	unsigned known = RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT;

	if ((unsigned long)flags & ~(unsigned long)known)
		return -EINVAL;
	if ((flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	return paths_from_cvm(old_path, old, new_path, new)
		?: vfs_rename((int)old_dirfd, old, (int)new_dirfd, new, (unsigned)flags);
}

long sys_renameat(long old_dirfd, long old_path, long new_dirfd, long new_path)
{
	return sys_renameat2(old_dirfd, old_path, new_dirfd, new_path, 0);
}

long sys_rename(long old_path, long new_path)
{
	return sys_renameat2(AT_FDCWD, old_path, AT_FDCWD, new_path, 0);
}

long sys_linkat(long old_dirfd, long old_path, long new_dirfd, long new_path, long flags)
{
	char old[PATH_MAX], new[PATH_MAX];
	long len;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	/* An empty old path is a name only with AT_EMPTY_PATH (getname_uflags()). */
	len = string_from_cvm(old, (const char *)old_path, PATH_MAX);
	if (len < 0)
		return len;
	if (!len && !(flags & AT_EMPTY_PATH))
		return -ENOENT;
	return path_from_cvm(new_path, new)
		?: vfs_link((int)old_dirfd, old, (int)new_dirfd, new, (int)flags);
}

long sys_link(long old_path, long new_path)
{
	return sys_linkat(AT_FDCWD, old_path, AT_FDCWD, new_path, 0);
}

long sys_symlinkat(long target, long dirfd, long path)
{
	char to[PATH_MAX], buf[PATH_MAX];
	long len = string_from_cvm(to, (const char *)target, PATH_MAX);

	if (len < 0)
		return len;
	if (!len)
		return -ENOENT;
	return path_from_cvm(path, buf) ?: vfs_symlink(to, (int)dirfd, buf);
}

long sys_symlink(long target, long path)
{
	return sys_symlinkat(target, AT_FDCWD, path);
}

long sys_readlinkat(long dirfd, long path, long buf, long size)
{
	char name[PATH_MAX];
	struct inode *inode;
	long err;

	if ((int)size <= 0)
		return -EINVAL;
	err = path_from_cvm(path, name);
	if (!err)
		err = vfs_lookup_at((int)dirfd, name, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &inode);
	if (err)
		return err;
	if (!S_ISLNK(inode->mode))
		return name[0] ? -EINVAL : -ENOENT;
	/* The target goes through a LibOS buffer: procfs makes it up as it is read. */
	long target_len = vfs_link_target(inode, name, sizeof(name), 0);
	if (target_len < 0)
		return target_len;
	size_t len = (size_t)target_len < sizeof(name) ? (size_t)target_len : sizeof(name);
	if (len > (size_t)(int)size)
		len = (size_t)(int)size;
	if (copy_to_cvm((void *)buf, name, len))
		return -EFAULT;
	inode_accessed(inode);
	return (long)len;
}

long sys_readlink(long path, long buf, long size)
{
	return sys_readlinkat(AT_FDCWD, path, buf, size);
}
