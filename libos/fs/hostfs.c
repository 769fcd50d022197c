/* hostfs: host directories mounted in the tree (struct libos_boot's mounts), served by the
 * monitor's HC_FS_* host calls.
 *
 * The host keeps the names. A path that reaches a mounted directory is handed, as the rest of
 * the path, to the monitor, which resolves it beneath that directory (openat2(2) with
 * RESOLVE_BENEATH): ".." above the mounted directory, absolute symlinks and symlinks that lead
 * out of it fail with the host's EXDEV, a symlink loop with ELOOP. What the host finds comes
 * back as a handle (an O_PATH fd of the monitor's) and its struct stat; the LibOS keeps one
 * inode per host file, found again by its device and inode numbers, for as long as something
 * holds it (an open file, the cwd) and a few more that nothing holds. Files are read and
 * written with pread/pwrite at the open file's own position; directories are listed by the
 * host's getdents64, with the host's positions. A read-only mount refuses changes with EROFS
 * here, in Linux's order of checks, and again in the monitor. */
#include <asm/statfs.h>
#include <linux/fs.h>
#include <uni/boot.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/kmalloc.h>
#include <libos/log.h>
#include <libos/string.h>
#include <libos/vfs.h>

#define HOSTFS_MAX_IDLE_INODES 64 /* inodes nothing holds, kept for the next lookups */
#define HOSTFS_HASH_SIZE 64
#define ST_RDONLY 0x0001 /* statfs(2)'s f_flags */

struct hostfs_mount {
	struct inode *root;
	int read_only;
};

struct hostfs_inode {
	struct inode inode;
	long handle; /* the monitor's handle of the host file: O_PATH, or a dup of an open one */
	int mount;
	uint64_t host_dev;
	int pinned; /* a mounted directory: never goes */
	struct hostfs_inode *hash_next;
	struct hostfs_inode *idle_prev, *idle_next;
	int idle; /* on the idle list */
};

static const struct fs_ops hostfs_ops;
static const struct file_ops hostfs_fops;
static struct hostfs_mount mounts[LIBOS_BOOT_MAX_MOUNTS];
static struct hostfs_inode *hash[HOSTFS_HASH_SIZE];
static struct hostfs_inode *idle_first, *idle_last;
static unsigned idle_count;

static struct hostfs_inode *node(const struct inode *inode)
{
	return inode->device;
}

static long handle_of(const struct inode *inode)
{
	return node(inode)->handle;
}

static int read_only(const struct inode *inode)
{
	return mounts[node(inode)->mount].read_only;
}

static void close_handle(long handle)
{
	hostcall(HC_FS_CLOSE, handle, 0, 0, 0, 0);
}

/* --- the inode cache ---------------------------------------------------------------------- */

static struct hostfs_inode **bucket(uint64_t ino)
{
	return &hash[ino % HOSTFS_HASH_SIZE];
}

static void set_attrs(struct inode *inode, const struct stat *st)
{
	inode->ino = st->st_ino;
	inode->mode = st->st_mode;
	inode->nlink = (uint32_t)st->st_nlink;
	inode->uid = st->st_uid;
	inode->gid = st->st_gid;
	inode->rdev = st->st_rdev;
	inode->size = (uint64_t)st->st_size;
	inode->atime = (struct __kernel_timespec){ (long)st->st_atime, (long)st->st_atime_nsec };
	inode->mtime = (struct __kernel_timespec){ (long)st->st_mtime, (long)st->st_mtime_nsec };
	inode->ctime = (struct __kernel_timespec){ (long)st->st_ctime, (long)st->st_ctime_nsec };
}

static void idle_remove(struct hostfs_inode *h)
{
	if (!h->idle)
		return;
	*(h->idle_prev ? &h->idle_prev->idle_next : &idle_first) = h->idle_next;
	*(h->idle_next ? &h->idle_next->idle_prev : &idle_last) = h->idle_prev;
	h->idle = 0;
	idle_count--;
}

static void free_inode(struct hostfs_inode *h)
{
	struct hostfs_inode **link = bucket(h->inode.ino);

	while (*link != h)
		link = &(*link)->hash_next;
	*link = h->hash_next;
	close_handle(h->handle);
	kfree(h);
}

/* Nothing holds h: keep it among the idle ones, and let the oldest of those go. An inode a
 * call is using holds no reference either, but a call looks up a few paths at most. */
static void idle_add(struct hostfs_inode *h)
{
	if (h->idle || h->pinned)
		return;
	h->idle_prev = idle_last;
	h->idle_next = 0;
	*(idle_last ? &idle_last->idle_next : &idle_first) = h;
	idle_last = h;
	h->idle = 1;
	idle_count++;
	while (idle_count > HOSTFS_MAX_IDLE_INODES) {
		struct hostfs_inode *oldest = idle_first;
		idle_remove(oldest);
		if (!oldest->inode.refs)
			free_inode(oldest);
	}
}

static void hostfs_release(struct inode *inode)
{
	idle_add(node(inode));
}

/* The inode of the host file st describes on mount, with handle as its handle when it is new
 * (else the handle is closed); NULL without memory (the handle closed too). */
static struct inode *inode_for(int mount, long handle, const struct stat *st)
{
	struct hostfs_inode *h;

	for (h = *bucket(st->st_ino); h; h = h->hash_next)
		if (h->mount == mount && h->host_dev == st->st_dev && h->inode.ino == st->st_ino) {
			close_handle(handle);
			set_attrs(&h->inode, st);
			return &h->inode;
		}
	h = kzalloc(sizeof(*h));
	if (!h) {
		close_handle(handle);
		return 0;
	}
	set_attrs(&h->inode, st);
	h->inode.dev = HOSTFS_DEV + (uint32_t)mount;
	h->inode.fops = &hostfs_fops;
	h->inode.fs = &hostfs_ops;
	h->inode.device = h;
	h->handle = handle;
	h->mount = mount;
	h->host_dev = st->st_dev;
	h->hash_next = *bucket(st->st_ino);
	*bucket(st->st_ino) = h;
	idle_add(h);
	return &h->inode;
}

/* path from the directory dir, as the host resolves it beneath the mount: O_NOFOLLOW,
 * O_DIRECTORY in flags. */
static int lookup(struct inode *dir, const char *path, int flags, struct inode **out)
{
	struct stat st;
	long handle = hostcall(HC_FS_LOOKUP, handle_of(dir), (long)path, flags, (long)&st, 0);

	if (handle < 0)
		return (int)handle;
	*out = inode_for(node(dir)->mount, handle, &st);
	return *out ? 0 : -ENOMEM;
}

/* --- path lookup -------------------------------------------------------------------------- */

static enum last_type last_type(const char *name)
{
	if (name[0] == '.' && (!name[1] || (name[1] == '.' && !name[2])))
		return name[1] ? LAST_DOTDOT : LAST_DOT;
	return LAST_NORM;
}

/* The rest of a path, below a mounted directory: the directory of its last component is
 * looked up first, then the last component as flags ask (walk() in vfs.c). */
static int hostfs_walk(struct inode *dir, const char *path, int flags, struct lookup *out)
{
	size_t len = strlen(path), end = len, start;
	struct inode *parent = dir;
	int err;

	while (end && path[end - 1] == '/')
		end--;
	for (start = end; start && path[start - 1] != '/'; start--)
		;
	if (end - start > NAME_MAX)
		return -ENAMETOOLONG;
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	if (start) {
		char dir_part[PATH_MAX];
		memcpy(dir_part, path, start);
		dir_part[start] = 0;
		err = lookup(dir, dir_part, O_DIRECTORY, &parent);
		if (err)
			return err;
	}
	out->parent = parent;
	memcpy(out->last, path + start, end - start);
	out->last[end - start] = 0;
	out->trailing_slash = end < len;
	out->last_type = last_type(out->last);
	if (flags & LOOKUP_PARENT) {
		/* "." and ".." are refused by every caller before their inode matters. */
		if (out->last_type != LAST_NORM) {
			out->inode = parent;
			return 0;
		}
		err = lookup(parent, out->last, O_NOFOLLOW, &out->inode);
	} else {
		/* With its trailing slash: the host then follows it and wants a directory. */
		err = lookup(parent, path + start, (flags & LOOKUP_FOLLOW) ? 0 : O_NOFOLLOW,
			     &out->inode);
	}
	if (err == -ENOENT) {
		out->inode = 0;
		return 0;
	}
	return err;
}

/* --- open files --------------------------------------------------------------------------- */

static long open_handle(const struct file *file)
{
	return file->fs_handle >= 0 ? file->fs_handle : handle_of(file->inode);
}

static long hostfs_read(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	if (*pos > INT64_MAX)
		return -EINVAL;
	/* A directory's position is the host's: its read fails there as on Linux. */
	long at = S_ISDIR(file->inode->mode) ? -1 : (long)*pos;
	long n = hostcall(HC_FS_PREAD, file->fs_handle, (long)buf, (long)len, at, 0);
	if (n > 0)
		*pos += (uint64_t)n;
	return n;
}

static long hostfs_write(struct file *file, const void *buf, size_t len, uint64_t *pos)
{
	struct inode *inode = file->inode;
	int append = (file->flags & O_APPEND) != 0;

	if (!append && *pos > INT64_MAX)
		return -EINVAL;
	long n = hostcall(HC_FS_PWRITE, file->fs_handle, (long)buf, (long)len,
			  append ? -1 : (long)*pos, 0);
	if (n < 0)
		return n;
	if (append) {
		long end = hostcall(HC_FS_LSEEK, file->fs_handle, 0, SEEK_CUR, 0, 0);
		if (end < 0)
			return end;
		*pos = (uint64_t)end;
	} else {
		*pos += (uint64_t)n;
	}
	if (*pos > inode->size)
		inode->size = *pos;
	return n;
}

/* A file's position is the LibOS's (pread and pwrite take it); a directory's is the host's,
 * a getdents64 cookie of its file system. */
static long hostfs_llseek(struct file *file, long offset, int whence)
{
	if (whence == SEEK_CUR && !S_ISDIR(file->inode->mode)) {
		if ((offset > 0 && (long)file->pos > INT64_MAX - offset) ||
		    (long)file->pos + offset < 0)
			return -EINVAL;
		offset += (long)file->pos;
		whence = SEEK_SET;
	}
	long pos = hostcall(HC_FS_LSEEK, file->fs_handle, offset, whence, 0, 0);
	if (pos >= 0)
		file->pos = (uint64_t)pos;
	return pos;
}

static long hostfs_getdents(struct file *file, void *buf, size_t count)
{
	return hostcall(HC_FS_GETDENTS64, file->fs_handle, (long)buf, (long)count, 0, 0);
}

static int hostfs_fsync(struct file *file, int datasync)
{
	return (int)hostcall(HC_FS_FSYNC, file->fs_handle, datasync, 0, 0, 0);
}

static void hostfs_close(struct file *file)
{
	if (file->fs_handle >= 0)
		close_handle(file->fs_handle);
}

/* handle's path below the mount's directory, after the mount's own path in the tree: the
 * length, with " (deleted)" for a file without a name left. */
static long full_path(const struct inode *inode, long handle, char *buf, size_t size)
{
	struct inode *root = mounts[node(inode)->mount].root;
	long len = vfs_tree_path(root, buf, size);
	char rel[PATH_MAX];

	if (len < 0 || node(inode)->pinned)
		return len;
	long rel_len = hostcall(HC_FS_PATH, handle, (long)rel, sizeof(rel) - 1, 0, 0);
	if (rel_len < 0)
		return rel_len;
	if ((size_t)rel_len >= sizeof(rel) || (size_t)len + 1 + (size_t)rel_len >= size)
		return -ENAMETOOLONG;
	if (rel_len) {
		buf[len++] = '/';
		memcpy(buf + len, rel, (size_t)rel_len);
		len += rel_len;
		buf[len] = 0;
	}
	return len;
}

static int hostfs_describe(const struct file *file, char *buf, size_t size)
{
	return (int)full_path(file->inode, open_handle(file), buf, size);
}

static const struct file_ops hostfs_fops = {
	.read = hostfs_read,
	.write = hostfs_write,
	.llseek = hostfs_llseek,
	.release = hostfs_close,
	.describe = hostfs_describe,
	.fsync = hostfs_fsync,
	.getdents = hostfs_getdents,
	.seekable = 1,
};

/* getcwd(2): ENOENT once the directory is gone. */
static long hostfs_dir_path(struct inode *dir, char *buf, size_t size)
{
	static const char deleted[] = " (deleted)";
	long len = full_path(dir, handle_of(dir), buf, size);

	if (len >= (long)strlen(deleted) && !strcmp(buf + len - strlen(deleted), deleted))
		return -ENOENT;
	return len;
}

static int hostfs_open(struct inode *at, const char *name, int flags, uint32_t mode,
		       struct file **out)
{
	struct inode *inode = at;
	struct stat st;
	long handle = -1, err;

	if (!(flags & O_PATH)) {
		handle = hostcall(HC_FS_OPEN, handle_of(at), (long)(name ? name : ""),
				  flags & ~O_CLOEXEC, mode, 0);
		if (handle < 0)
			return (int)handle;
		err = hostcall(HC_FS_FSTAT, handle, (long)&st, 0, 0, 0);
		if (err) {
			close_handle(handle);
			return (int)err;
		}
		if (!name) {
			set_attrs(inode, &st); /* O_TRUNC, or changed on the host */
		} else {
			/* A new file: its inode gets a handle of its own. */
			long path_handle = hostcall(HC_FS_OPEN, handle, (long)"", O_PATH, 0, 0);
			inode = path_handle < 0 ? 0 : inode_for(node(at)->mount, path_handle, &st);
			if (!inode) {
				close_handle(handle);
				return path_handle < 0 ? (int)path_handle : -ENOMEM;
			}
		}
	}
	struct file *file = file_new(inode, flags);
	if (!file) {
		if (handle >= 0)
			close_handle(handle);
		return -ENOMEM;
	}
	file->fs_handle = handle;
	*out = file;
	return 0;
}

/* --- attributes --------------------------------------------------------------------------- */

static int hostfs_getattr(struct inode *inode, struct stat *st)
{
	long err = hostcall(HC_FS_FSTAT, handle_of(inode), (long)st, 0, 0, 0);

	if (!err)
		set_attrs(inode, st);
	return (int)err;
}

static int hostfs_statfs(struct inode *inode, struct statfs *st)
{
	long err = hostcall(HC_FS_STATFS, handle_of(inode), (long)st, 0, 0, 0);

	if (!err && read_only(inode))
		st->f_flags |= ST_RDONLY;
	return (int)err;
}

static int hostfs_chmod(struct inode *inode, uint32_t mode)
{
	if (read_only(inode))
		return -EROFS;
	long err = hostcall(HC_FS_CHMOD, handle_of(inode), mode, 0, 0, 0);
	if (!err)
		inode->mode = (inode->mode & S_IFMT) | mode;
	return (int)err;
}

static int hostfs_utimens(struct inode *inode, const struct __kernel_timespec *times)
{
	if (read_only(inode))
		return -EROFS;
	return (int)hostcall(HC_FS_UTIMENS, handle_of(inode), (long)times, 0, 0, 0);
}

static int hostfs_truncate(struct inode *inode, uint64_t size)
{
	if (read_only(inode))
		return -EROFS;
	long err = hostcall(HC_FS_TRUNCATE, handle_of(inode), (long)size, 0, 0, 0);
	if (!err)
		inode->size = size;
	return (int)err;
}

static long hostfs_readlink(struct inode *link, char *buf, size_t size)
{
	return hostcall(HC_FS_READLINK, handle_of(link), (long)buf, (long)size, 0, 0);
}

static int hostfs_read_only(const struct inode *inode)
{
	return read_only(inode);
}

/* --- the calls that change names --------------------------------------------------------- */

/* The last component as the host's *at() calls take it: with its trailing slash. */
static const char *name_of(const struct lookup *lk, char buf[NAME_MAX + 2])
{
	size_t len = strlen(lk->last);

	memcpy(buf, lk->last, len);
	if (lk->trailing_slash)
		buf[len++] = '/';
	buf[len] = 0;
	return buf;
}

static int hostfs_mkdir(const struct lookup *lk, uint32_t mode)
{
	char name[NAME_MAX + 2];

	if (read_only(lk->parent))
		return -EROFS;
	return (int)hostcall(HC_FS_MKDIRAT, handle_of(lk->parent), (long)name_of(lk, name), mode,
			     0, 0);
}

static int remove_name(const struct lookup *lk, int flags)
{
	char name[NAME_MAX + 2];

	if (read_only(lk->parent))
		return -EROFS;
	return (int)hostcall(HC_FS_UNLINKAT, handle_of(lk->parent), (long)name_of(lk, name), flags,
			     0, 0);
}

static int hostfs_rmdir(const struct lookup *lk)
{
	return remove_name(lk, AT_REMOVEDIR);
}

static int hostfs_unlink(const struct lookup *lk)
{
	return remove_name(lk, 0);
}

static int hostfs_symlink(const struct lookup *lk, const char *target)
{
	char name[NAME_MAX + 2];

	if (read_only(lk->parent))
		return -EROFS;
	return (int)hostcall(HC_FS_SYMLINKAT, (long)target, handle_of(lk->parent),
			     (long)name_of(lk, name), 0, 0);
}

static int hostfs_link(struct inode *inode, const struct lookup *lk)
{
	char name[NAME_MAX + 2];

	if (read_only(lk->parent))
		return -EROFS;
	return (int)hostcall(HC_FS_LINKAT, handle_of(inode), handle_of(lk->parent),
			     (long)name_of(lk, name), 0, 0);
}

static int hostfs_rename(const struct lookup *old, const struct lookup *new, unsigned flags)
{
	char old_name[NAME_MAX + 2], new_name[NAME_MAX + 2];

	if (read_only(old->parent))
		return -EROFS;
	return (int)hostcall(HC_FS_RENAMEAT2, handle_of(old->parent), (long)name_of(old, old_name),
			     handle_of(new->parent), (long)name_of(new, new_name), flags);
}

static const struct fs_ops hostfs_ops = {
	.walk = hostfs_walk,
	.open = hostfs_open,
	.getattr = hostfs_getattr,
	.statfs = hostfs_statfs,
	.chmod = hostfs_chmod,
	.utimens = hostfs_utimens,
	.truncate = hostfs_truncate,
	.readlink = hostfs_readlink,
	.mkdir = hostfs_mkdir,
	.rmdir = hostfs_rmdir,
	.unlink = hostfs_unlink,
	.symlink = hostfs_symlink,
	.link = hostfs_link,
	.rename = hostfs_rename,
	.dir_path = hostfs_dir_path,
	.read_only = hostfs_read_only,
	.release = hostfs_release,
};

/* --- mounting ----------------------------------------------------------------------------- */

/* The directory of the tree that holds path's last component, made as mkdir -p would; the
 * last component in *last. Only the tree's own directories: not /proc, not another mount. */
static int mount_parent(const char *path, struct inode **out, const char **last, size_t *len)
{
	struct inode *dir = ramfs_root();

	for (const char *p = path;;) {
		while (*p == '/')
			p++;
		const char *name = p;
		while (*p && *p != '/')
			p++;
		size_t name_len = (size_t)(p - name);
		while (*p == '/')
			p++;
		if (!*p) {
			*out = dir;
			*last = name;
			*len = name_len;
			return name_len ? 0 : -EINVAL;
		}
		struct inode *next = ramfs_lookup(dir, name, name_len);
		if (!next) {
			next = ramfs_new_inode(S_IFDIR | 0755);
			if (!next)
				return -ENOMEM;
			int err = ramfs_link(dir, name, name_len, next);
			if (err) {
				inode_release(next);
				return err;
			}
		}
		if (!S_ISDIR(next->mode) || next->iops || next->fs)
			return -ENOTDIR;
		dir = next;
	}
}

static int mount_one(const struct libos_boot_mount *m, int index)
{
	struct inode *parent;
	const char *last;
	size_t len;
	struct stat st;
	long err = hostcall(HC_FS_FSTAT, m->handle, (long)&st, 0, 0, 0);

	if (!err && !S_ISDIR(st.st_mode))
		err = -ENOTDIR;
	if (!err)
		err = mount_parent(m->guest, &parent, &last, &len);
	if (err)
		return (int)err;
	/* A directory already there is covered, its contents hidden, as by mount(2). */
	struct dir_entry *old = ramfs_find(parent, last, len);
	if (old && (!S_ISDIR(old->inode->mode) || old->inode->iops || old->inode->fs))
		return -ENOTDIR;
	if (old)
		ramfs_unlink(parent, old);
	struct hostfs_inode *h = kzalloc(sizeof(*h));
	if (!h)
		return -ENOMEM;
	set_attrs(&h->inode, &st);
	h->inode.dev = HOSTFS_DEV + (uint32_t)index;
	h->inode.fops = &hostfs_fops;
	h->inode.fs = &hostfs_ops;
	h->inode.device = h;
	h->handle = m->handle;
	h->mount = index;
	h->host_dev = st.st_dev;
	h->pinned = 1;
	h->hash_next = *bucket(st.st_ino);
	*bucket(st.st_ino) = h;
	mounts[index] = (struct hostfs_mount){ &h->inode, (int)m->read_only };
	return ramfs_link(parent, last, len, &h->inode);
}

int hostfs_init(const struct libos_boot *boot)
{
	if (boot->nmounts > LIBOS_BOOT_MAX_MOUNTS)
		return -EINVAL;
	for (uint32_t i = 0; i < boot->nmounts; i++) {
		const struct libos_boot_mount *m = &boot->mounts[i];
		if (strnlen(m->guest, sizeof(m->guest)) == sizeof(m->guest))
			return -ENAMETOOLONG;
		int err = mount_one(m, (int)i);
		if (err) {
			log_msg("cannot mount the host directory at %s: error %d", m->guest, -err);
			return err;
		}
		log_debug("mounted a host directory at %s%s", m->guest,
			  m->read_only ? " (read-only)" : "");
	}
	return 0;
}
