/* Path lookup and open, as Linux does them (path_resolution(7)). */
#include <libos/errno.h>
#include <libos/string.h>
#include <libos/vfs.h>

static struct inode *cwd;
static uint32_t umask_bits = 022;

struct inode *vfs_cwd(void)
{
	return cwd ? cwd : (cwd = ramfs_root());
}

int vfs_chdir(struct inode *dir)
{
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	cwd = dir;
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

/* Walk path from dir. *follows counts symlinks followed so far. */
static int walk(struct inode *dir, const char *path, int flags, int *follows, struct lookup *out)
{
	const char *p = path;

	if (*p == '/')
		dir = ramfs_root();
	for (;;) {
		while (*p == '/')
			p++;
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
			next = ramfs_lookup(dir, name, len);

		if (last) {
			out->parent = dir;
			memcpy(out->last, name, len);
			out->last[len] = 0;
			out->trailing_slash = *p == '/';
		}
		if (!next) {
			if (!last)
				return -ENOENT;
			out->inode = 0;
			return 0;
		}
		if (S_ISLNK(next->mode) && (!last || (flags & LOOKUP_FOLLOW) || out->trailing_slash)) {
			char target[PATH_MAX];
			int trailing_slash = last && out->trailing_slash;
			if (++*follows > SYMLINK_MAX_FOLLOW)
				return -ELOOP;
			if (next->size >= sizeof(target))
				return -ENAMETOOLONG;
			memcpy(target, next->data, next->size);
			target[next->size] = 0;
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
			if (err)
				return err;
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

long vfs_open(int dirfd, const char *path, int flags, uint32_t mode)
{
	struct lookup lk;
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
	if (!inode) {
		if (!(flags & O_CREAT))
			return -ENOENT;
		if (lk.trailing_slash)
			return -EISDIR;
		inode = ramfs_new_inode(S_IFREG | (mode & 07777 & ~umask_bits));
		if (!inode)
			return -ENOSPC;
		err = ramfs_link(lk.parent, lk.last, strlen(lk.last), inode);
		if (err)
			return err;
	} else {
		if (exclusive)
			return -EEXIST;
		err = may_open(inode, flags);
		if (err)
			return err;
		/* Linux truncates even for O_RDONLY (open(2): "unspecified"). */
		if ((flags & O_TRUNC) && S_ISREG(inode->mode))
			ramfs_truncate(inode, 0);
	}
	if (!inode->fops)
		return -ENXIO;
	struct file *file = file_new(inode, flags);
	if (!file)
		return -ENOMEM;
	int fd = fd_install(file, flags & O_CLOEXEC);
	if (fd < 0)
		file_put(file);
	return fd;
}

void vfs_fill_stat(const struct inode *inode, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = S_ISCHR(inode->mode) ? 5 : 1;
	st->st_ino = inode->ino;
	st->st_nlink = inode->nlink;
	st->st_mode = inode->mode;
	st->st_uid = inode->uid;
	st->st_gid = inode->gid;
	st->st_rdev = inode->rdev;
	st->st_size = S_ISCHR(inode->mode) ? 0 : (long)inode->size;
	st->st_blksize = 4096;
	/* tmpfs counts whole pages of 512-byte blocks. */
	st->st_blocks = S_ISREG(inode->mode) ? (long)((inode->size + 4095) / 4096 * 8) : 0;
	st->st_atime = inode->atime.tv_sec;
	st->st_atime_nsec = (unsigned long)inode->atime.tv_nsec;
	st->st_mtime = inode->mtime.tv_sec;
	st->st_mtime_nsec = (unsigned long)inode->mtime.tv_nsec;
	st->st_ctime = inode->ctime.tv_sec;
	st->st_ctime_nsec = (unsigned long)inode->ctime.tv_nsec;
}
