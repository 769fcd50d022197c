/* Path lookup, open, and the calls that add, remove and move names, as Linux does them
 * (path_resolution(7), fs/namei.c). */
#include <linux/fs.h>
#include <libos/errno.h>
#include <libos/string.h>
#include <libos/vfs.h>

#ifndef STATX_MNT_ID_UNIQUE
#define STATX_MNT_ID_UNIQUE 0x00004000U
#endif
#ifndef STATX_ATTR_DAX
#define STATX_ATTR_DAX 0x00200000
#endif
/* What tmpfs reports in stx_attributes_mask: the generic bits, and the flags chattr sets. */
#define TMPFS_STATX_ATTRIBUTES                                                                    \
	(STATX_ATTR_AUTOMOUNT | STATX_ATTR_MOUNT_ROOT | STATX_ATTR_DAX | STATX_ATTR_APPEND |       \
	 STATX_ATTR_IMMUTABLE | STATX_ATTR_NODUMP)
#define RAMFS_DEV 1 /* st_dev of the tree: 0:1 */
#define DEVFS_DEV 5 /* st_dev of /dev's device nodes, as devtmpfs's 0:5 */

static struct inode *cwd;
static uint32_t umask_bits = 022;

struct inode *vfs_cwd(void)
{
	return cwd ? cwd : (cwd = ramfs_root());
}

int vfs_chdir(struct inode *dir)
{
	struct inode *old = vfs_cwd();

	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	/* The cwd holds its directory: rmdir may remove the name, not the inode. */
	inode_get(dir);
	cwd = dir;
	if (old != ramfs_root())
		inode_put(old);
	return 0;
}

uint32_t vfs_umask(void)
{
	return umask_bits;
}

uint32_t vfs_set_umask(uint32_t mask)
{
	uint32_t old = umask_bits;

	umask_bits = mask;
	return old;
}

static int start_dir(int dirfd, const char *path, struct inode **out)
{
	if (path[0] == '/') {
		*out = ramfs_root();
		return 0;
	}
	if (dirfd == AT_FDCWD) {
		*out = vfs_cwd();
		return 0;
	}
	struct file *file = fd_get(dirfd);
	if (!file)
		return -EBADF;
	if (!S_ISDIR(file->inode->mode))
		return -ENOTDIR;
	*out = file->inode;
	return 0;
}

static enum last_type last_type(const char *name, size_t len)
{
	if (len == 0)
		return LAST_ROOT;
	if (name[0] == '.' && (len == 1 || (len == 2 && name[1] == '.')))
		return len == 1 ? LAST_DOT : LAST_DOTDOT;
	return LAST_NORM;
}

struct inode *vfs_child(struct inode *dir, const char *name, size_t len)
{
	struct inode *child = ramfs_lookup(dir, name, len);

	if (!child && dir->iops && dir->iops->lookup)
		child = dir->iops->lookup(dir, name, len);
	return child;
}

long vfs_link_target(struct inode *link, char *buf, size_t size, struct link_jump *jump)
{
	struct link_jump ignored;

	if (!jump)
		jump = &ignored;
	jump->inode = 0;
	jump->file = 0;
	if (link->iops && link->iops->get_link)
		return link->iops->get_link(link, buf, size, jump);
	if (link->fs)
		return link->fs->readlink(link, buf, size);
	memcpy(buf, link->data, link->size < size ? (size_t)link->size : size);
	return (long)link->size;
}

/* Put name before the len bytes at the end of the size-byte buffer buf, with a slash. */
static int prepend(char *buf, size_t size, size_t *len, const char *name, size_t name_len)
{
	if (*len + name_len + 1 >= size)
		return -ENAMETOOLONG;
	memmove(buf + name_len + 1, buf, *len + 1);
	buf[0] = '/';
	memcpy(buf + 1, name, name_len);
	*len += name_len + 1;
	return 0;
}

long vfs_dir_path(struct inode *dir, char *buf, size_t size)
{
	if (dir->fs)
		return dir->fs->dir_path(dir, buf, size);
	return vfs_tree_path(dir, buf, size);
}

long vfs_tree_path(struct inode *dir, char *buf, size_t size)
{
	size_t len = 0;

	if (size < 2)
		return -ENAMETOOLONG;
	buf[0] = 0;
	for (; dir != dir->parent; dir = dir->parent) {
		struct dir_entry *e = dir->parent->entries;
		while (e && e->inode != dir)
			e = e->next;
		if (!e)
			return -ENOENT;
		int err = prepend(buf, size, &len, e->name, e->name_len);
		if (err)
			return err;
	}
	if (!len) {
		buf[0] = '/';
		buf[1] = 0;
		len = 1;
	}
	return (long)len;
}

static long append(char *buf, size_t size, long len, const char *text)
{
	size_t text_len = strlen(text);

	if ((size_t)len + text_len >= size)
		return -ENAMETOOLONG;
	memcpy(buf + len, text, text_len + 1);
	return len + (long)text_len;
}

/* d_path(): the name a file was opened by, which renames carry along (file_names_moved());
 * " (deleted)" once that name is gone, even if the file has others (hard links). */
long vfs_file_path(struct file *file, char *buf, size_t size)
{
	struct inode *inode = file->inode;
	long len;

	if (inode->fops && inode->fops->describe)
		return inode->fops->describe(file, buf, size);
	if (S_ISDIR(inode->mode) && inode->nlink) {
		len = vfs_dir_path(inode, buf, size);
		if (len != -ENOENT)
			return len;
	}
	if (!file->name)
		return -ENOENT;
	int deleted = !inode->nlink ||
		      vfs_child(file->dir, file->name, strlen(file->name)) != inode;
	len = vfs_dir_path(file->dir, buf, size);
	if (len == -ENOENT) { /* its directory is gone as well */
		deleted = 1;
		buf[0] = 0;
		len = 0;
	}
	if (len < 0)
		return len;
	if (len != 1)
		len = append(buf, size, len, "/");
	if (len >= 0)
		len = append(buf, size, len, file->name);
	if (len >= 0 && deleted)
		len = append(buf, size, len, " (deleted)");
	return len;
}

/* Walk path from dir. *follows counts symlinks followed so far. */
static int walk(struct inode *dir, const char *path, int flags, int *follows, struct lookup *out)
{
	const char *p = path;

	if (*p == '/')
		dir = ramfs_root();
	for (;;) {
		while (*p == '/')
			p++;
		/* Beneath a mounted host directory, the host resolves the rest (hostfs). */
		if (dir->fs && *p)
			return dir->fs->walk(dir, p, flags, out);
		const char *name = p;
		while (*p && *p != '/')
			p++;
		size_t len = (size_t)(p - name);
		const char *rest = p;
		while (*rest == '/')
			rest++;
		int last = !*rest;

		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (!S_ISDIR(dir->mode))
			return -ENOTDIR;
		struct inode *next;
		if (len == 0) /* the path was "/" or ended in slashes after a "/" */
			next = dir;
		else if (len == 1 && name[0] == '.')
			next = dir;
		else if (len == 2 && name[0] == '.' && name[1] == '.')
			next = dir->parent;
		else
			next = vfs_child(dir, name, len);

		if (last) {
			out->parent = dir;
			memcpy(out->last, name, len);
			out->last[len] = 0;
			out->trailing_slash = *p == '/';
			out->last_type = last_type(name, len);
			if (flags & LOOKUP_PARENT) {
				out->inode = next;
				return 0;
			}
		}
		if (!next) {
			if (!last)
				return -ENOENT;
			out->inode = 0;
			return 0;
		}
		if (S_ISLNK(next->mode) && (!last || (flags & LOOKUP_FOLLOW) || out->trailing_slash)) {
			char target[PATH_MAX];
			struct link_jump jump = { 0, 0 };
			int trailing_slash = last && out->trailing_slash;
			if (++*follows > SYMLINK_MAX_FOLLOW)
				return -ELOOP;
			long target_len = vfs_link_target(next, target, sizeof(target), &jump);
			if (target_len < 0)
				return (int)target_len;
			if (jump.inode) {
				/* A magic link leads to its inode itself, named or not
				 * (nd_jump_link()). */
				next = jump.inode;
				if (last) {
					out->inode = next;
					out->jumped = 1;
					out->link_file = jump.file;
					if (trailing_slash && !S_ISDIR(next->mode))
						return -ENOTDIR;
					return 0;
				}
				dir = next;
				p = rest;
				continue;
			}
			if ((size_t)target_len >= sizeof(target))
				return -ENAMETOOLONG;
			target[target_len] = 0;
			inode_accessed(next);
			int err = walk(dir, target, LOOKUP_FOLLOW, follows, out);
			if (last) {
				/* "link/" asks for a directory whatever the target's spelling */
				out->trailing_slash |= trailing_slash;
				if (!err && trailing_slash && out->inode && !S_ISDIR(out->inode->mode))
					return -ENOTDIR;
				return err;
			}
			if (err)
				return err;
			if (!out->inode)
				return -ENOENT;
			next = out->inode;
		}
		if (last) {
			out->inode = next;
			if (out->trailing_slash && !S_ISDIR(next->mode))
				return -ENOTDIR;
			return 0;
		}
		dir = next;
		p = rest;
	}
}

int vfs_lookup(int dirfd, const char *path, int flags, struct lookup *out)
{
	struct inode *dir;
	int follows = 0;

	memset(out, 0, sizeof(*out));
	if (!*path)
		return -ENOENT;
	int err = start_dir(dirfd, path, &dir);
	return err ? err : walk(dir, path, flags, &follows, out);
}

int vfs_lookup_at(int dirfd, const char *path, int at_flags, struct inode **out)
{
	struct lookup lk;

	if (!path[0] && (at_flags & AT_EMPTY_PATH)) {
		struct file *file = dirfd == AT_FDCWD ? 0 : fd_get(dirfd);
		if (dirfd != AT_FDCWD && !file)
			return -EBADF;
		*out = file ? file->inode : vfs_cwd();
		return 0;
	}
	int err = vfs_lookup(dirfd, path, (at_flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW,
			     &lk);
	if (err)
		return err;
	if (!lk.inode)
		return -ENOENT;
	*out = lk.inode;
	return 0;
}

int vfs_mkdir_p(const char *path, struct inode **out)
{
	struct inode *dir = ramfs_root();

	for (const char *p = path;;) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		const char *name = p;
		while (*p && *p != '/')
			p++;
		struct inode *next = ramfs_lookup(dir, name, (size_t)(p - name));
		if (!next) {
			next = ramfs_new_inode(S_IFDIR | 0755);
			if (!next)
				return -ENOSPC;
			int err = ramfs_link(dir, name, (size_t)(p - name), next);
			if (err) {
				inode_release(next);
				return err;
			}
		}
		if (!S_ISDIR(next->mode))
			return -ENOTDIR;
		dir = next;
	}
	*out = dir;
	return 0;
}

static int may_open(struct inode *inode, int flags)
{
	int acc = flags & O_ACCMODE;

	if (flags & O_PATH)
		return (flags & O_DIRECTORY) && !S_ISDIR(inode->mode) ? -ENOTDIR : 0;
	if (acc == 3)
		return -EINVAL;
	if (S_ISLNK(inode->mode))
		return -ELOOP; /* O_NOFOLLOW on a symlink */
	if (S_ISDIR(inode->mode) && (acc != O_RDONLY || (flags & O_CREAT)))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->mode))
		return -ENOTDIR;
	return 0;
}

/* A new inode in dir takes its group from a set-group-ID directory (inode_init_owner()). */
static void inherit_owner(const struct inode *dir, struct inode *inode)
{
	inode->uid = 0;
	inode->gid = 0;
	if (dir->mode & S_ISGID) {
		inode->gid = dir->gid;
		if (S_ISDIR(inode->mode))
			inode->mode |= S_ISGID;
	}
}

/* Name a new inode dir/name, or free it. */
static int link_new(struct inode *dir, const char *name, struct inode *inode)
{
	int err;

	if (!inode)
		return -ENOSPC;
	inherit_owner(dir, inode);
	err = ramfs_link(dir, name, strlen(name), inode);
	if (err)
		inode_release(inode);
	return err;
}

/* open(2) of what a file system of its own names (hostfs), after vfs_open's checks: the
 * mount's read-only check, then its open. */
static long open_on_fs(const struct lookup *lk, int flags, uint32_t mode)
{
	struct inode *inode = lk->inode;
	struct file *file;
	int err;

	if (!inode) {
		if (vfs_read_only(lk->parent))
			return -EROFS;
		err = lk->parent->fs->open(lk->parent, lk->last, flags, mode & 07777 & ~umask_bits,
					   &file);
	} else {
		/* may_open(): a read-only mount refuses writing and truncating its files. */
		int writes = (flags & O_ACCMODE) != O_RDONLY ||
			     ((flags & O_TRUNC) && S_ISREG(inode->mode));
		if (!(flags & O_PATH) && writes && vfs_read_only(inode))
			return -EROFS;
		err = inode->fs->open(inode, 0, flags, 0, &file);
	}
	if (err)
		return err;
	int fd = fd_install(file, flags & O_CLOEXEC);
	if (fd < 0)
		file_put(file);
	return fd;
}

long vfs_open(int dirfd, const char *path, int flags, uint32_t mode)
{
	struct lookup lk;

	/* O_PATH keeps only these (build_open_flags()): no creation, no truncation. */
	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	/* O_CREAT|O_EXCL never follows a symlink in the last component (open(2)). */
	int exclusive = (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL);
	int err = vfs_lookup(dirfd, path, (flags & O_NOFOLLOW) || exclusive ? 0 : LOOKUP_FOLLOW,
			     &lk);

	/* "file/" with O_CREAT names a directory that cannot be created. */
	if (err == -ENOTDIR && (flags & O_CREAT) && lk.trailing_slash && lk.inode &&
	    !S_ISDIR(lk.inode->mode))
		return -EISDIR;
	if (err)
		return err;
	struct inode *inode = lk.inode;
	int on_fs = inode ? inode->fs != 0 : lk.parent->fs != 0;
	if (!inode) {
		/* procfs makes no names: its lookup of a missing one fails first. */
		if (!(flags & O_CREAT) || (!on_fs && lk.parent->iops))
			return -ENOENT;
		if (lk.trailing_slash)
			return -EISDIR;
	} else {
		if (exclusive)
			return -EEXIST;
		err = may_open(inode, flags);
		if (err)
			return err;
	}
	if (on_fs)
		return open_on_fs(&lk, flags, mode);
	if (!inode) {
		inode = ramfs_new_inode(S_IFREG | (mode & 07777 & ~umask_bits));
		err = link_new(lk.parent, lk.last, inode);
		if (err)
			return err;
	} else {
		/* Linux truncates even for O_RDONLY (open(2): "unspecified"); procfs ignores
		 * sizes. */
		if ((flags & O_TRUNC) && S_ISREG(inode->mode) && !inode->iops)
			ramfs_truncate(inode, 0);
	}
	if (!inode->fops && !(flags & O_PATH))
		return -ENXIO;
	struct file *file = file_new(inode, flags);
	if (!file)
		return -ENOMEM;
	if (lk.link_file && lk.link_file->name)
		err = file_set_name(file, lk.link_file->dir, lk.link_file->name,
				    strlen(lk.link_file->name));
	else if (!lk.jumped && lk.last_type == LAST_NORM)
		err = file_set_name(file, lk.parent, lk.last, strlen(lk.last));
	if (!err && !(flags & O_PATH) && inode->fops->open)
		err = inode->fops->open(file);
	if (err) {
		file_discard(file);
		return err;
	}
	int fd = fd_install(file, flags & O_CLOEXEC);
	if (fd < 0)
		file_put(file);
	return fd;
}

static void fill_stat(const struct inode *inode, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = inode->dev ? inode->dev : S_ISCHR(inode->mode) ? DEVFS_DEV : RAMFS_DEV;
	st->st_ino = inode->ino;
	st->st_nlink = inode->nlink;
	st->st_mode = inode->mode;
	st->st_uid = inode->uid;
	st->st_gid = inode->gid;
	st->st_rdev = inode->rdev;
	st->st_size = S_ISCHR(inode->mode) ? 0 : (long)inode->size;
	st->st_blksize = inode->iops ? 1024 : 4096; /* procfs's is its block size, 1 KiB */
	/* tmpfs counts the pages it holds, in 512-byte blocks. */
	st->st_blocks = S_ISREG(inode->mode) ? (long)((ramfs_stored_bytes(inode) + 4095) / 4096 * 8)
					     : 0;
	st->st_atime = inode->atime.tv_sec;
	st->st_atime_nsec = (unsigned long)inode->atime.tv_nsec;
	st->st_mtime = inode->mtime.tv_sec;
	st->st_mtime_nsec = (unsigned long)inode->mtime.tv_nsec;
	st->st_ctime = inode->ctime.tv_sec;
	st->st_ctime_nsec = (unsigned long)inode->ctime.tv_nsec;
}

int vfs_getattr(struct inode *inode, struct stat *st)
{
	if (inode->fs)
		return inode->fs->getattr(inode, st);
	fill_stat(inode, st);
	return 0;
}

static void statx_time(struct statx_timestamp *to, long sec, unsigned long nsec)
{
	to->tv_sec = sec;
	to->tv_nsec = (uint32_t)nsec;
}

/* A device number's major and minor, as the kernel's new_encode_dev() packs them. */
static uint32_t dev_major(uint64_t dev)
{
	return (uint32_t)(((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull));
}

static uint32_t dev_minor(uint64_t dev)
{
	return (uint32_t)((dev & 0xff) | ((dev >> 12) & ~0xffull));
}

/* What statx(2) gives on tmpfs: the basic fields, the birth time, the mount id; for a host
 * directory what its stat(2) gives. */
int vfs_fill_statx(struct inode *inode, uint32_t mask, struct statx *stx)
{
	struct stat st;
	int err = vfs_getattr(inode, &st);

	if (err)
		return err;
	memset(stx, 0, sizeof(*stx));
	stx->stx_mask = STATX_BASIC_STATS | (inode->fs ? 0 : STATX_BTIME) |
			((mask & STATX_MNT_ID_UNIQUE) ? STATX_MNT_ID_UNIQUE : STATX_MNT_ID);
	stx->stx_blksize = (uint32_t)st.st_blksize;
	/* A mounted host directory's root is the one hostfs inode with a name in the tree. */
	stx->stx_attributes = inode == ramfs_root() || (inode->fs && inode->parent)
				      ? STATX_ATTR_MOUNT_ROOT : 0;
	stx->stx_attributes_mask = inode->fs ? STATX_ATTR_MOUNT_ROOT : TMPFS_STATX_ATTRIBUTES;
	stx->stx_nlink = (uint32_t)st.st_nlink;
	stx->stx_uid = st.st_uid;
	stx->stx_gid = st.st_gid;
	stx->stx_mode = (uint16_t)st.st_mode;
	stx->stx_ino = st.st_ino;
	stx->stx_size = (uint64_t)st.st_size;
	stx->stx_blocks = (uint64_t)st.st_blocks;
	statx_time(&stx->stx_atime, (long)st.st_atime, st.st_atime_nsec);
	if (!inode->fs)
		statx_time(&stx->stx_btime, inode->btime.tv_sec, (unsigned long)inode->btime.tv_nsec);
	statx_time(&stx->stx_ctime, (long)st.st_ctime, st.st_ctime_nsec);
	statx_time(&stx->stx_mtime, (long)st.st_mtime, st.st_mtime_nsec);
	stx->stx_rdev_major = dev_major(st.st_rdev);
	stx->stx_rdev_minor = dev_minor(st.st_rdev);
	stx->stx_dev_major = dev_major(st.st_dev);
	stx->stx_dev_minor = dev_minor(st.st_dev);
	/* Unique mount ids count from 2^31 (fs/namespace.c). */
	uint64_t mount = inode->fs ? inode->dev : st.st_dev;
	stx->stx_mnt_id = (mask & STATX_MNT_ID_UNIQUE) ? 0x80000000ull + mount : mount;
	return 0;
}

/* --- the calls that change names (fs/namei.c) ------------------------------------------- */

/* Is inode on procfs rather than in the tree (a different mount: EXDEV between them)? */
static int on_procfs(const struct inode *inode)
{
	return inode->iops != 0;
}

int vfs_same_mount(const struct inode *a, const struct inode *b)
{
	return on_procfs(a) == on_procfs(b) && !a->fs == !b->fs && (!a->fs || a->dev == b->dev);
}

int vfs_read_only(const struct inode *inode)
{
	return inode->fs && inode->fs->read_only(inode);
}

/* A mount point, which cannot be removed or renamed: /proc, or a host directory's root. */
static int mount_root(const struct inode *inode)
{
	return inode->iops || inode->fs;
}

/* Look up the directory of path's last component, and that component unfollowed. */
static int lookup_parent(int dirfd, const char *path, struct lookup *lk)
{
	return vfs_lookup(dirfd, path, LOOKUP_PARENT, lk);
}

/* filename_create(): the last component must be a new name; a trailing slash only names a
 * directory to be made. */
static int lookup_create(int dirfd, const char *path, int is_dir, struct lookup *lk)
{
	int err = lookup_parent(dirfd, path, lk);

	if (err)
		return err;
	if (lk->last_type != LAST_NORM || lk->inode)
		return -EEXIST;
	if (lk->parent->iops)
		return -ENOENT; /* procfs makes no names: its lookup of a missing one fails */
	if (lk->trailing_slash && !is_dir)
		return -ENOENT;
	return vfs_read_only(lk->parent) ? -EROFS : 0;
}

int vfs_mkdir(int dirfd, const char *path, uint32_t mode)
{
	struct lookup lk;
	int err = lookup_create(dirfd, path, 1, &lk);

	if (err)
		return err;
	mode &= 01777 & ~umask_bits;
	if (lk.parent->fs)
		return lk.parent->fs->mkdir(&lk, mode);
	return link_new(lk.parent, lk.last, ramfs_new_inode(S_IFDIR | mode));
}

int vfs_symlink(const char *target, int dirfd, const char *path)
{
	struct lookup lk;
	int err = lookup_create(dirfd, path, 0, &lk);

	if (err)
		return err;
	if (lk.parent->fs)
		return lk.parent->fs->symlink(&lk, target);
	struct inode *link = ramfs_new_inode(S_IFLNK | 0777);
	if (!link)
		return -ENOSPC;
	err = ramfs_set_data(link, target, strlen(target));
	if (err) {
		inode_release(link);
		return err;
	}
	return link_new(lk.parent, lk.last, link);
}

int vfs_link(int old_dirfd, const char *old_path, int new_dirfd, const char *new_path, int flags)
{
	struct inode *inode;
	struct lookup lk;
	int follow = flags & AT_SYMLINK_FOLLOW;
	int err = vfs_lookup_at(old_dirfd, old_path,
				(flags & AT_EMPTY_PATH) | (follow ? 0 : AT_SYMLINK_NOFOLLOW), &inode);

	if (!err)
		err = lookup_create(new_dirfd, new_path, 0, &lk);
	if (err)
		return err;
	if (!vfs_same_mount(inode, lk.parent))
		return -EXDEV;
	if (lk.parent->fs)
		return lk.parent->fs->link(inode, &lk);
	if (S_ISDIR(inode->mode) || lk.parent->iops)
		return -EPERM;
	if (!inode->nlink)
		return -ENOENT; /* unlinked and open: not linkable again without O_TMPFILE */
	return ramfs_link(lk.parent, lk.last, strlen(lk.last), inode);
}

int vfs_rmdir(int dirfd, const char *path)
{
	struct lookup lk;
	int err = lookup_parent(dirfd, path, &lk);

	if (err)
		return err;
	switch (lk.last_type) {
	case LAST_DOTDOT:
		return -ENOTEMPTY;
	case LAST_DOT:
		return -EINVAL;
	case LAST_ROOT:
		return -EBUSY;
	case LAST_NORM:
		break;
	}
	if (lk.parent->fs)
		return lk.parent->fs->rmdir(&lk);
	if (!lk.inode)
		return -ENOENT;
	if (!S_ISDIR(lk.inode->mode))
		return -ENOTDIR;
	if (lk.parent->iops)
		return -EPERM; /* procfs removes nothing */
	if (mount_root(lk.inode))
		return -EBUSY; /* the mount points /proc and a host directory's */
	if (lk.inode->entries)
		return -ENOTEMPTY;
	ramfs_unlink(lk.parent, ramfs_find(lk.parent, lk.last, strlen(lk.last)));
	return 0;
}

int vfs_unlink(int dirfd, const char *path)
{
	struct lookup lk;
	int err = lookup_parent(dirfd, path, &lk);

	if (err)
		return err;
	if (lk.last_type != LAST_NORM)
		return -EISDIR;
	if (lk.parent->fs)
		return lk.parent->fs->unlink(&lk);
	if (!lk.inode)
		return -ENOENT;
	if (S_ISDIR(lk.inode->mode))
		return -EISDIR;
	if (lk.trailing_slash)
		return -ENOTDIR;
	if (lk.parent->iops)
		return -EPERM;
	ramfs_unlink(lk.parent, ramfs_find(lk.parent, lk.last, strlen(lk.last)));
	return 0;
}

/* lock_rename()'s trap: when one parent is an ancestor of the other, its child on the way
 * down to the other; else NULL. */
static struct inode *child_toward(struct inode *ancestor, struct inode *dir)
{
	for (struct inode *d = dir; d->parent != d; d = d->parent)
		if (d->parent == ancestor)
			return d;
	return 0;
}

static struct inode *rename_trap(struct inode *p1, struct inode *p2)
{
	if (p1 == p2)
		return 0;
	struct inode *trap = child_toward(p2, p1);
	return trap ? trap : child_toward(p1, p2);
}

/* do_renameat2() and vfs_rename(), in their order of checks. */
int vfs_rename(int old_dirfd, const char *old_path, int new_dirfd, const char *new_path,
	       unsigned flags)
{
	struct lookup old, new;
	int exchange = flags & RENAME_EXCHANGE;
	int err = lookup_parent(old_dirfd, old_path, &old);

	if (!err)
		err = lookup_parent(new_dirfd, new_path, &new);
	if (err)
		return err;
	if (!vfs_same_mount(old.parent, new.parent))
		return -EXDEV;
	if (old.last_type != LAST_NORM)
		return -EBUSY;
	if (new.last_type != LAST_NORM)
		return (flags & RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
	if (old.parent->fs)
		return old.parent->fs->rename(&old, &new, flags);
	struct inode *trap = rename_trap(old.parent, new.parent);
	struct inode *moved = old.inode, *target = new.inode;
	if (!moved)
		return -ENOENT;
	if (old.parent->iops)
		return target ? -EPERM : -ENOENT;
	if (mount_root(moved) || (target && mount_root(target)))
		return -EBUSY; /* the mount points /proc and a host directory's */
	if ((flags & RENAME_NOREPLACE) && target)
		return -EEXIST;
	if (exchange) {
		if (!target)
			return -ENOENT;
		if (!S_ISDIR(target->mode) && new.trailing_slash)
			return -ENOTDIR;
	}
	if (!S_ISDIR(moved->mode) && (old.trailing_slash || (!exchange && new.trailing_slash)))
		return -ENOTDIR;
	if (moved == trap)
		return -EINVAL;
	if (target && target == trap)
		return exchange ? -EINVAL : -ENOTEMPTY;
	if (moved == target)
		return 0;
	struct dir_entry *old_entry = ramfs_find(old.parent, old.last, strlen(old.last));
	struct dir_entry *new_entry =
		target ? ramfs_find(new.parent, new.last, strlen(new.last)) : 0;
	if (exchange) {
		ramfs_exchange(old.parent, old_entry, new.parent, new_entry);
		file_names_moved(moved, old.parent, old.last, new.parent, new.last);
		file_names_moved(target, new.parent, new.last, old.parent, old.last);
		return 0;
	}
	if (target && S_ISDIR(moved->mode) && !S_ISDIR(target->mode))
		return -ENOTDIR;
	if (target && !S_ISDIR(moved->mode) && S_ISDIR(target->mode))
		return -EISDIR;
	if (!target && !new.parent->nlink)
		return -ENOENT;
	if (target && S_ISDIR(target->mode) && target->entries)
		return -ENOTEMPTY;
	struct inode *whiteout = 0;
	if (flags & RENAME_WHITEOUT) {
		/* A whiteout is a character device 0:0 (fs/namei.c vfs_whiteout()). */
		whiteout = ramfs_new_inode(S_IFCHR);
		if (!whiteout)
			return -ENOSPC;
		inherit_owner(old.parent, whiteout);
	}
	err = ramfs_rename(old.parent, old_entry, new.parent, new.last, strlen(new.last), new_entry,
			   whiteout);
	if (err && whiteout)
		inode_release(whiteout);
	if (!err)
		file_names_moved(moved, old.parent, old.last, new.parent, new.last);
	return err;
}
