/* Host directories mounted in a LibOS: the HC_FS_* host calls.
 *
 * The LibOS names host files by handles, indexes into its table here, whose first entries are
 * its mounted directories; it never sees a host fd. Every path it passes is resolved by the
 * kernel beneath the mounted directory of the handle it starts from (openat2(2) with
 * RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS): "..", symlinks and absolute paths cannot leave it.
 * The calls that add or remove a name take one component of a directory so resolved and act
 * with the *at() calls there; the calls on a file act on its handle (AT_EMPTY_PATH, or the
 * handle's /proc/self/fd link, which leads to that very file). A read-only mount refuses every
 * change with EROFS here, whatever the LibOS checked before. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/openat2.h>
#include <uni/hostcall.h>
#include "hostfs.h"

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

/* The flags of open(2) a LibOS may pass on: no O_TMPFILE (not served), no O_CLOEXEC (every host
 * fd here has it). */
#define OPEN_FLAGS                                                                                 \
	(O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK | O_DSYNC |     \
	 O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_SYNC | O_PATH)

struct host_file {
	int fd; /* -1: a free slot */
	int mount; /* the index of the mount it lies beneath */
	int flags; /* as opened: O_PATH for a lookup's handle */
	int append; /* O_APPEND is set on fd */
};

struct hostfs {
	int nmounts; /* handles 0 to nmounts - 1 are the mounted directories */
	int read_only[CONFIG_MAX_MOUNTS];
	int nfiles; /* slots in files */
	struct host_file *files;
};

int hostfs_open(const struct cvm_config *cc, struct hostfs **out, char *err, size_t errlen,
		int *line)
{
	struct hostfs *fs;

	*out = NULL;
	if (!cc->nmounts)
		return 0;
	fs = calloc(1, sizeof(*fs));
	if (fs)
		fs->files = calloc((size_t)cc->nmounts + 16, sizeof(*fs->files));
	if (!fs || !fs->files) {
		free(fs);
		snprintf(err, errlen, "mount %s: %s", cc->mounts[0].host, strerror(ENOMEM));
		*line = cc->mounts[0].line;
		return -1;
	}
	fs->nfiles = cc->nmounts + 16;
	for (int i = 0; i < fs->nfiles; i++)
		fs->files[i].fd = -1;
	/* Each open host file takes a host fd, and so does each file the LibOS keeps an inode
	 * of: as many as the hard limit allows, not the usual soft 1024. */
	struct rlimit files;
	if (!getrlimit(RLIMIT_NOFILE, &files) && files.rlim_cur < files.rlim_max) {
		files.rlim_cur = files.rlim_max;
		setrlimit(RLIMIT_NOFILE, &files);
	}
	for (int i = 0; i < cc->nmounts; i++) {
		int fd = open(cc->mounts[i].host, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (fd < 0) {
			snprintf(err, errlen, "mount %s: %s", cc->mounts[i].host, strerror(errno));
			*line = cc->mounts[i].line;
			hostfs_close(fs);
			return -1;
		}
		fs->files[i] = (struct host_file){ fd, i, O_PATH | O_DIRECTORY, 0 };
		fs->read_only[i] = cc->mounts[i].read_only;
		fs->nmounts = i + 1;
	}
	*out = fs;
	return 0;
}

void hostfs_fill_boot(const struct hostfs *fs, const struct cvm_config *cc,
		      struct libos_boot *boot)
{
	boot->nmounts = fs ? (uint32_t)fs->nmounts : 0;
	for (uint32_t i = 0; i < boot->nmounts; i++) {
		snprintf(boot->mounts[i].guest, sizeof(boot->mounts[i].guest), "%s",
			 cc->mounts[i].guest);
		boot->mounts[i].handle = i;
		boot->mounts[i].read_only = (uint32_t)fs->read_only[i];
	}
}

void hostfs_close(struct hostfs *fs)
{
	if (!fs)
		return;
	for (int i = 0; i < fs->nfiles; i++)
		if (fs->files[i].fd >= 0)
			close(fs->files[i].fd);
	free(fs->files);
	free(fs);
}

/* --- what the LibOS passes ----------------------------------------------------------------- */

/* Memory the LibOS names must be its own or its app's. */
static int caller_may_use(const struct gate_block *gate, long ptr, long len)
{
	return len >= 0 && (uni_cap_covers(&gate->libos_ddc, (uint64_t)ptr, (uint64_t)len) ||
			    uni_cap_covers(&gate->app_ddc, (uint64_t)ptr, (uint64_t)len));
}

/* Copy the NUL-terminated string at ptr, of at most size - 1 bytes, into buf: its length,
 * -EFAULT or -ENAMETOOLONG. */
static long string_arg(const struct gate_block *gate, long ptr, char *buf, size_t size)
{
	const struct uni_cap *caps[] = { &gate->libos_ddc, &gate->app_ddc };

	for (int i = 0; i < 2; i++) {
		if (!uni_cap_covers(caps[i], (uint64_t)ptr, 1))
			continue;
		uint64_t room = caps[i]->base + caps[i]->length - (uint64_t)ptr;
		size_t max = room < size ? (size_t)room : size;
		size_t len = strnlen((const char *)ptr, max);
		if (len == max)
			return max == size ? -ENAMETOOLONG : -EFAULT;
		memcpy(buf, (const char *)ptr, len + 1);
		return (long)len;
	}
	return -EFAULT;
}

/* One component of a directory, perhaps with trailing slashes ("name", "dir/"). */
static long name_arg(const struct gate_block *gate, long ptr, char *buf)
{
	long len = string_arg(gate, ptr, buf, NAME_MAX + 2);

	if (len < 0)
		return len;
	size_t end = (size_t)len;
	while (end > 1 && buf[end - 1] == '/')
		end--;
	return !len || memchr(buf, '/', end) ? -EINVAL : 0;
}

static struct host_file *file_of(struct hostfs *fs, long handle)
{
	if (!fs || handle < 0 || handle >= fs->nfiles || fs->files[handle].fd < 0)
		return NULL;
	return &fs->files[handle];
}

/* A handle for fd, or -EMFILE (fd closed) past HOSTFS_MAX_HANDLES. */
static long new_handle(struct hostfs *fs, int fd, int mount, int flags)
{
	long slot = fs->nmounts;

	while (slot < fs->nfiles && fs->files[slot].fd >= 0)
		slot++;
	if (slot == fs->nfiles) {
		int grown = fs->nfiles * 2;
		if (grown > HOSTFS_MAX_HANDLES)
			grown = HOSTFS_MAX_HANDLES;
		struct host_file *more = grown > fs->nfiles
			? realloc(fs->files, (size_t)grown * sizeof(*more)) : NULL;
		if (!more) {
			close(fd);
			return grown > fs->nfiles ? -ENOMEM : -EMFILE;
		}
		for (int i = fs->nfiles; i < grown; i++)
			more[i].fd = -1;
		fs->files = more;
		fs->nfiles = grown;
	}
	fs->files[slot] = (struct host_file){ fd, mount, flags, (flags & O_APPEND) != 0 };
	return slot;
}

static long result(long ret)
{
	return ret < 0 ? -errno : ret;
}

/* /proc/self/fd/N: the file itself, whatever its names are now. */
static void fd_link(const struct host_file *file, char buf[32])
{
	snprintf(buf, 32, "/proc/self/fd/%d", file->fd);
}

/* Where a file is below its mount's directory ("" for the directory itself), as the kernel
 * knows it now; *deleted when it has no name left. 0, or -ENOENT when it is no longer below. */
static int path_in_mount(const struct hostfs *fs, const struct host_file *file, char *out,
			 size_t size, int *deleted)
{
	static const char suffix[] = " (deleted)";
	char link[32], root[PATH_MAX], path[PATH_MAX];
	ssize_t root_len, len;

	fd_link(&fs->files[file->mount], link);
	root_len = readlink(link, root, sizeof(root) - 1);
	fd_link(file, link);
	len = readlink(link, path, sizeof(path) - 1);
	if (root_len <= 0 || len <= 0 || root[0] != '/')
		return -ENOENT;
	path[len] = 0;
	*deleted = (size_t)len > strlen(suffix) && !strcmp(path + len - strlen(suffix), suffix);
	if (*deleted)
		path[len -= (ssize_t)strlen(suffix)] = 0;
	if (root_len == 1) /* the host's root directory */
		root_len = 0;
	if (len == root_len && !strncmp(path, root, (size_t)root_len)) {
		out[0] = 0;
		return 0;
	}
	if (len > root_len && !strncmp(path, root, (size_t)root_len) && path[root_len] == '/')
		return snprintf(out, size, "%s", path + root_len + 1) >= (int)size ? -ENAMETOOLONG
										    : 0;
	return -ENOENT;
}

/* openat2 of path from base's directory, beneath its mount: an fd, or -errno. */
static int resolve(const struct hostfs *fs, const struct host_file *base, const char *path,
		   int flags, unsigned mode)
{
	struct open_how how = {
		.flags = (uint64_t)(flags | O_CLOEXEC),
		.mode = (flags & O_CREAT) ? mode : 0,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
	};
	char rel[PATH_MAX], full[PATH_MAX];
	int deleted;
	int fd = (int)syscall(SYS_openat2, base->fd, path, &how, sizeof(how));

	if (fd >= 0 || errno != EXDEV || base == &fs->files[base->mount] || path[0] == '/')
		return fd >= 0 ? fd : -errno;
	/* ".." or a symlink climbed above base: go on from the mount's directory, by base's path
	 * there, as Linux would; above the mount's directory it fails as before. */
	if (path_in_mount(fs, base, rel, sizeof(rel), &deleted) || deleted)
		return -EXDEV;
	if (snprintf(full, sizeof(full), "%s/%s", rel, path) >= (int)sizeof(full))
		return -ENAMETOOLONG;
	fd = (int)syscall(SYS_openat2, fs->files[base->mount].fd, full, &how, sizeof(how));
	return fd >= 0 ? fd : -errno;
}

/* Only regular files and directories are opened: a device is refused as on a nodev mount, a
 * FIFO or socket as having no one to talk to (a FIFO's open would wait for the other end). */
static int type_allowed(int fd)
{
	struct stat st;

	if (fstat(fd, &st))
		return -errno;
	if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
		return 0;
	return S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? -EACCES : -ENXIO;
}

static int writes(int flags)
{
	return (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC));
}

/* --- the host calls ------------------------------------------------------------------------- */

static long fs_lookup(struct hostfs *fs, const struct gate_block *gate, const long *a)
{
	struct host_file *base = file_of(fs, a[0]);
	char path[PATH_MAX];
	struct stat st;
	long err = string_arg(gate, a[1], path, sizeof(path));

	if (!base)
		return -EBADF;
	if (err < 0)
		return err;
	if (!caller_may_use(gate, a[3], sizeof(st)))
		return -EFAULT;
	int fd = resolve(fs, base, path, O_PATH | ((int)a[2] & (O_NOFOLLOW | O_DIRECTORY)), 0);
	if (fd < 0)
		return fd;
	if (fstat(fd, &st)) {
		err = -errno;
		close(fd);
		return err;
	}
	memcpy((void *)a[3], &st, sizeof(st));
	return new_handle(fs, fd, base->mount, O_PATH);
}

static long fs_open(struct hostfs *fs, const struct gate_block *gate, const long *a)
{
	struct host_file *base = file_of(fs, a[0]);
	int flags = (int)a[2] & OPEN_FLAGS, fd, err;
	char path[PATH_MAX], link[32];
	long len = string_arg(gate, a[1], path, sizeof(path));

	if (!base)
		return -EBADF;
	if (len < 0)
		return len;
	if (flags & O_PATH) {
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW;
		fd = len ? resolve(fs, base, path, flags, 0) : fcntl(base->fd, F_DUPFD_CLOEXEC, 0);
		if (fd < 0)
			return len ? fd : -errno;
		return new_handle(fs, fd, base->mount, flags);
	}
	if (!len) {
		/* The handle's own file, anew. */
		flags &= ~(O_CREAT | O_EXCL | O_NOFOLLOW);
		err = type_allowed(base->fd);
		if (err)
			return err;
		if (fs->read_only[base->mount] && writes(flags))
			return -EROFS;
		fd_link(base, link);
		fd = open(link, flags | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
		if (fd < 0)
			return -errno;
	} else {
		if (fs->read_only[base->mount] && writes(flags))
			return -EROFS;
		/* The mode is the LibOS's, its umask applied: not the monitor's umask too. */
		mode_t old_umask = umask(0);
		fd = resolve(fs, base, path, flags | O_NOCTTY | O_NONBLOCK, (unsigned)a[3] & 07777);
		umask(old_umask);
		if (fd < 0)
			return fd;
		err = type_allowed(fd);
		if (err) {
			close(fd);
			return err;
		}
	}
	return new_handle(fs, fd, base->mount, flags);
}

static long fs_close(struct hostfs *fs, long handle)
{
	struct host_file *file = file_of(fs, handle);

	if (!file || handle < fs->nmounts)
		return -EBADF;
	close(file->fd);
	file->fd = -1;
	return 0;
}

/* A handle whose file may be changed: 0, -EBADF or -EROFS (a read-only mount). */
static long changeable_file(struct hostfs *fs, long handle, struct host_file **file)
{
	*file = file_of(fs, handle);
	if (!*file)
		return -EBADF;
	return fs->read_only[(*file)->mount] ? -EROFS : 0;
}

static long fs_pwrite(struct hostfs *fs, const struct gate_block *gate, const long *a)
{
	struct host_file *file;
	long err = changeable_file(fs, a[0], &file);

	if (err)
		return err;
	if (!caller_may_use(gate, a[1], a[2]))
		return -EFAULT;
	/* pwrite(2) of an O_APPEND fd appends whatever the offset: the flag follows each call. */
	int append = a[3] == -1;
	if (append != file->append) {
		int flags = fcntl(file->fd, F_GETFL);
		flags = append ? flags | O_APPEND : flags & ~O_APPEND;
		if (flags < 0 || fcntl(file->fd, F_SETFL, flags))
			return -errno;
		file->append = append;
	}
	if (append)
		return result(write(file->fd, (const void *)a[1], (size_t)a[2]));
	return result(pwrite(file->fd, (const void *)a[1], (size_t)a[2], (off_t)a[3]));
}

static long fs_truncate(struct hostfs *fs, long handle, long size)
{
	struct host_file *file;
	char link[32];
	long err = changeable_file(fs, handle, &file);

	if (err)
		return err;
	if (!(file->flags & O_PATH) && (file->flags & O_ACCMODE) != O_RDONLY)
		return result(ftruncate(file->fd, (off_t)size));
	fd_link(file, link);
	return result(truncate(link, (off_t)size));
}

/* A directory handle and one name in it, of a mount that may change: the directory's fd. */
static int name_in(struct hostfs *fs, const struct gate_block *gate, long handle, long name_ptr,
		   char name[NAME_MAX + 2], int *mount)
{
	struct host_file *dir = file_of(fs, handle);
	long err = name_arg(gate, name_ptr, name);

	if (!dir)
		return -EBADF;
	if (err)
		return (int)err;
	if (fs->read_only[dir->mount])
		return -EROFS;
	if (mount)
		*mount = dir->mount;
	return dir->fd;
}

static long fs_rename(struct hostfs *fs, const struct gate_block *gate, const long *a)
{
	char old_name[NAME_MAX + 2], new_name[NAME_MAX + 2];
	int old_mount, new_mount;
	int old_dir = name_in(fs, gate, a[0], a[1], old_name, &old_mount);
	int new_dir = name_in(fs, gate, a[2], a[3], new_name, &new_mount);

	if (old_dir < 0 || new_dir < 0)
		return old_dir < 0 ? old_dir : new_dir;
	if (old_mount != new_mount)
		return -EXDEV;
	return result(renameat2(old_dir, old_name, new_dir, new_name, (unsigned)a[4]));
}

static long fs_link(struct hostfs *fs, const struct gate_block *gate, const long *a)
{
	struct host_file *file = file_of(fs, a[0]);
	char name[NAME_MAX + 2], link[32];
	int mount, dir = name_in(fs, gate, a[1], a[2], name, &mount);

	if (!file)
		return -EBADF;
	if (dir < 0)
		return dir;
	if (file->mount != mount)
		return -EXDEV;
	fd_link(file, link);
	return result(linkat(AT_FDCWD, link, dir, name, AT_SYMLINK_FOLLOW));
}

static long fs_chmod(struct hostfs *fs, long handle, long mode)
{
	struct host_file *file;
	char link[32];
	long err = changeable_file(fs, handle, &file);

	if (err)
		return err;
	if (!syscall(SYS_fchmodat2, file->fd, "", (mode_t)mode & 07777, AT_EMPTY_PATH))
		return 0;
	if (errno != ENOSYS)
		return -errno;
	fd_link(file, link); /* before Linux 6.6 */
	return result(chmod(link, (mode_t)mode & 07777));
}

static long fs_utimens(struct hostfs *fs, const struct gate_block *gate, long handle, long times)
{
	struct host_file *file;
	long err = changeable_file(fs, handle, &file);

	if (err)
		return err;
	if (times && !caller_may_use(gate, times, 2 * sizeof(struct timespec)))
		return -EFAULT;
	/* The handle is the file to change: a symlink's own when it was looked up so. */
	return result(utimensat(file->fd, "", (const struct timespec *)times,
				AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW));
}

static long fs_path(struct hostfs *fs, const struct gate_block *gate, const long *a)
{
	struct host_file *file = file_of(fs, a[0]);
	char path[PATH_MAX + 16];
	int deleted;

	if (!file)
		return -EBADF;
	if (!caller_may_use(gate, a[1], a[2]))
		return -EFAULT;
	int err = path_in_mount(fs, file, path, PATH_MAX, &deleted);
	if (err)
		return err;
	if (deleted)
		strcat(path, " (deleted)");
	size_t len = strlen(path);
	memcpy((void *)a[1], path, len < (size_t)a[2] ? len : (size_t)a[2]);
	return (long)len;
}

long hostfs_serve(struct hostfs *fs, const struct gate_block *gate, long nr, const long a[5])
{
	struct host_file *file = nr == HC_FS_LOOKUP || nr == HC_FS_OPEN || nr == HC_FS_SYMLINKAT
		? NULL : file_of(fs, a[0]);
	char name[NAME_MAX + 2], target[PATH_MAX];
	long err;
	int dir;

	switch (nr) {
	case HC_FS_LOOKUP:
		return fs_lookup(fs, gate, a);
	case HC_FS_OPEN:
		return fs_open(fs, gate, a);
	case HC_FS_CLOSE:
		return fs_close(fs, a[0]);
	case HC_FS_PWRITE:
		return fs_pwrite(fs, gate, a);
	case HC_FS_TRUNCATE:
		return fs_truncate(fs, a[0], a[1]);
	case HC_FS_RENAMEAT2:
		return fs_rename(fs, gate, a);
	case HC_FS_LINKAT:
		return fs_link(fs, gate, a);
	case HC_FS_CHMOD:
		return fs_chmod(fs, a[0], a[1]);
	case HC_FS_UTIMENS:
		return fs_utimens(fs, gate, a[0], a[1]);
	case HC_FS_PATH:
		return fs_path(fs, gate, a);
	case HC_FS_MKDIRAT:
		dir = name_in(fs, gate, a[0], a[1], name, NULL);
		if (dir < 0)
			return dir;
		mode_t old_umask = umask(0);
		err = result(mkdirat(dir, name, (mode_t)a[2] & 07777));
		umask(old_umask);
		return err;
	case HC_FS_UNLINKAT:
		if (a[2] & ~(long)AT_REMOVEDIR)
			return -EINVAL;
		dir = name_in(fs, gate, a[0], a[1], name, NULL);
		return dir < 0 ? dir : result(unlinkat(dir, name, (int)a[2]));
	case HC_FS_SYMLINKAT:
		err = string_arg(gate, a[0], target, sizeof(target));
		if (err < 0)
			return err;
		dir = name_in(fs, gate, a[1], a[2], name, NULL);
		return dir < 0 ? dir : result(symlinkat(target, dir, name));
	}
	if (!file)
		return -EBADF;
	switch (nr) {
	case HC_FS_PREAD:
		if (!caller_may_use(gate, a[1], a[2]))
			return -EFAULT;
		if (a[3] == -1)
			return result(read(file->fd, (void *)a[1], (size_t)a[2]));
		return result(pread(file->fd, (void *)a[1], (size_t)a[2], (off_t)a[3]));
	case HC_FS_LSEEK:
		return result(lseek(file->fd, (off_t)a[1], (int)a[2]));
	case HC_FS_FSTAT:
		if (!caller_may_use(gate, a[1], sizeof(struct stat)))
			return -EFAULT;
		return result(fstat(file->fd, (struct stat *)a[1]));
	case HC_FS_GETDENTS64:
		if (!caller_may_use(gate, a[1], a[2]))
			return -EFAULT;
		return result(syscall(SYS_getdents64, file->fd, (void *)a[1], (size_t)a[2]));
	case HC_FS_FSYNC:
		return result(a[1] ? fdatasync(file->fd) : fsync(file->fd));
	case HC_FS_READLINK:
		if (!caller_may_use(gate, a[1], a[2]))
			return -EFAULT;
		return result(readlinkat(file->fd, "", (char *)a[1], (size_t)a[2]));
	case HC_FS_STATFS:
		if (!caller_may_use(gate, a[1], sizeof(struct statfs)))
			return -EFAULT;
		return result(fstatfs(file->fd, (struct statfs *)a[1]));
	default:
		return -ENOSYS;
	}
}
