/* The LibOS's file system: inodes in one tree (ramfs, with device nodes
 * from devfs, procfs at /proc and host directories mounted by hostfs), open
 * file descriptions and the fd table. Functions return a value or -E...;
 * path and buffer arguments are LibOS memory, already checked or copied by
 * the syscall layer. */
#ifndef LIBOS_VFS_H
#define LIBOS_VFS_H

#include <stddef.h>
#include <stdint.h>
#include <asm/fcntl.h>
#include <asm/stat.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include <linux/time_types.h>
#include <libos/wait.h>

#define NAME_MAX 255
#define PATH_MAX 4096
#define SYMLINK_MAX_FOLLOW 40 /* Linux's limit, then ELOOP */
#define FD_MAX 1024 /* RLIMIT_NOFILE's usual soft limit */
/* tmpfs's BOGO_DIRENT_SIZE: a directory's st_size is this per entry, "." and ".." included. */
#define DIR_ENTRY_SIZE 20
/* getdents64 positions, as tmpfs numbers them: 0 is ".", 1 is "..", 2 the newest entry, then
 * each entry's cookie; DIR_POS_END is past the oldest. */
#define DIR_POS_FIRST_ENTRY 2
#define DIR_POS_END INT64_MAX
#define APP_PID 1 /* the app's process id (core/process.c), which owns its POSIX locks */
/* st_dev of the file systems that are not the tree (st_dev 0:1) or /dev's nodes (0:5). */
#define PROCFS_DEV 0x16
#define PIPEFS_DEV 0x0e
#define ANON_INODE_DEV 0x0f
#define HOSTFS_DEV 0x40 /* inode->dev of hostfs mount i is HOSTFS_DEV + i (not its st_dev) */

struct file;
struct inode;
struct iovec;
struct lookup;
struct shared_pages;
struct statfs;

struct file_ops {
	long (*read)(struct file *file, void *buf, size_t len, uint64_t *pos);
	long (*write)(struct file *file, const void *buf, size_t len, uint64_t *pos);
	/* readv and writev as one operation (a pipe's atomic writes): the segments' pointers
	 * are checked already. Without them each segment is one read or write. */
	long (*read_iter)(struct file *file, const struct iovec *iov, int count);
	long (*write_iter)(struct file *file, const struct iovec *iov, int count);
	/* arg is the app's raw argument: pointers go through uaccess. */
	long (*ioctl)(struct file *file, unsigned long request, unsigned long arg);
	/* F_GETPIPE_SZ and F_SETPIPE_SZ; a file without it answers EBADF. */
	long (*pipe_fcntl)(struct file *file, int cmd, unsigned arg);
	/* lseek(2) when the file has its own rules (procfs's generated files, eventfd). */
	long (*llseek)(struct file *file, long offset, int whence);
	/* poll(2): the POLL* bits that hold now; without it a file is always readable and
	 * writable (the kernel's DEFAULT_POLLMASK). */
	unsigned (*poll)(struct file *file);
	/* A new open file description of the inode, before it gets an fd (the pipe it reopens,
	 * /dev/tty's terminal): 0 or -E..., and then nothing is left to undo. */
	int (*open)(struct file *file);
	/* Its last reference is gone, O_PATH ones included. */
	void (*release)(struct file *file);
	/* What /proc/self/fd/N names for a file without a path: "pipe:[7]". */
	int (*describe)(const struct file *file, char *buf, size_t size);
	int seekable; /* else lseek gives ESPIPE */
	int seek_stays_at_zero; /* lseek succeeds and returns 0 (/dev/null, /dev/zero) */
	/* What only the host makes ready (console input): a wait without end takes it as ready,
	 * as it will be when the wait ends. */
	unsigned (*poll_host)(struct file *file);
	int no_splice_write; /* sendfile(2) cannot write to it (no splice_write): EINVAL */
	/* fsync(2) and fdatasync(2) of a file with something to write back (hostfs's). */
	int (*fsync)(struct file *file, int datasync);
	/* getdents64(2) of a directory another system lists (hostfs's): buf is the app's,
	 * checked for count bytes. */
	long (*getdents)(struct file *file, void *buf, size_t count);
};

/* getdents64's view of one directory entry: its name, inode and the position after it. */
struct dir_item {
	const char *name;
	size_t name_len;
	const struct inode *inode;
	int64_t next;
	char name_buf[24]; /* a name made up when listed (procfs's fd numbers) */
};

/* Where a magic link (/proc/self/fd/N, /proc/self/cwd) leads: straight to an inode, and for
 * an fd the open file whose path a reopen inherits. */
struct link_jump {
	struct inode *inode;
	const struct file *file;
};

/* A file system other than the tree's ramfs (procfs): its inodes carry these. */
struct inode_ops {
	/* A directory whose names are made when asked: the child called name, or NULL. */
	struct inode *(*lookup)(struct inode *dir, const char *name, size_t len);
	/* Its entry at getdents64 position pos, or the first after it: 1, or 0 at the end. */
	int (*dir_item)(struct inode *dir, int64_t pos, struct dir_item *item);
	/* A symlink whose target is made when read: the target's length (at most size bytes
	 * copied to buf), and for a magic link where it leads (jump). */
	long (*get_link)(struct inode *link, char *buf, size_t size, struct link_jump *jump);
};

/* A file system whose names the LibOS does not keep (hostfs: a host directory, where the host
 * resolves paths): all its inodes carry these, and the VFS hands it what names them. Each
 * returns 0, a length or -E... */
struct fs_ops {
	/* Resolve path (relative, not empty) from its directory dir, as vfs_lookup would with
	 * flags: fill out. */
	int (*walk)(struct inode *dir, const char *path, int flags, struct lookup *out);
	/* A new open file: of at itself (name NULL), or made as name in the directory at
	 * (O_CREAT; name may end in a slash). */
	int (*open)(struct inode *at, const char *name, int flags, uint32_t mode,
		    struct file **out);
	int (*getattr)(struct inode *inode, struct stat *st);
	int (*statfs)(struct inode *inode, struct statfs *st);
	int (*chmod)(struct inode *inode, uint32_t mode);
	/* times as utimensat(2) takes them (UTIME_NOW, UTIME_OMIT), or NULL for now. */
	int (*utimens)(struct inode *inode, const struct __kernel_timespec *times);
	int (*truncate)(struct inode *inode, uint64_t size);
	long (*readlink)(struct inode *link, char *buf, size_t size);
	/* The calls that change names, after a LOOKUP_PARENT lookup: lk->last in lk->parent. */
	int (*mkdir)(const struct lookup *lk, uint32_t mode);
	int (*rmdir)(const struct lookup *lk);
	int (*unlink)(const struct lookup *lk);
	int (*symlink)(const struct lookup *lk, const char *target);
	int (*link)(struct inode *inode, const struct lookup *lk);
	int (*rename)(const struct lookup *old, const struct lookup *new, unsigned flags);
	/* A directory's absolute path (vfs_dir_path). */
	long (*dir_path)(struct inode *dir, char *buf, size_t size);
	/* Changes fail with EROFS. */
	int (*read_only)(const struct inode *inode);
	/* Its last reference is gone (inode_release): the file system decides when it goes. */
	void (*release)(struct inode *inode);
};

struct dir_entry {
	struct dir_entry *next;
	struct inode *inode;
	int64_t cookie; /* its getdents64 position: a new name gets a larger one than any before */
	size_t name_len;
	char name[];
};

/* A record lock (fcntl(2)): of the process (owner NULL) or of one open file description. */
struct file_lock {
	struct file_lock *next; /* the inode's, by start */
	const struct file *owner;
	short type; /* F_RDLCK or F_WRLCK */
	int64_t start, end; /* bytes start to end, both included; end INT64_MAX: to end of file */
};

/* An inode lives while it has a name (nlink) or a reference (refs: open files, the cwd, and
 * for a directory each of its subdirectories, whose ".." leads to it). */
struct inode {
	uint64_t ino;
	uint32_t mode, nlink, uid, gid;
	uint32_t refs;
	uint64_t rdev;
	uint64_t size; /* bytes of a file, length of a symlink's target */
	uint32_t dev; /* st_dev, when not the tree's or /dev's (PROCFS_DEV, PIPEFS_DEV ...) */
	struct __kernel_timespec atime, mtime, ctime, btime;
	const struct file_ops *fops;
	/* A file's contents, a symlink's target. A file's bytes from capacity up to its size
	 * are zeros not stored: a truncate that grows allocates nothing, as on tmpfs. */
	char *data;
	uint64_t capacity;
	/* A file that has had a MAP_SHARED mapping: data is these pages' window, and capacity
	 * its size (libos/shm.h). */
	struct shared_pages *pages;
	struct dir_entry *entries; /* a directory's, newest (largest cookie) first */
	int64_t next_cookie; /* a directory's: the cookie of its next new name */
	struct inode *parent; /* a directory's; the root's is itself */
	struct file_lock *locks;
	/* flock(2): the description holding the exclusive lock, or how many hold a shared one;
	 * flock_wait is woken whenever one goes. */
	const struct file *flock_exclusive;
	uint32_t flock_shared;
	struct waitq flock_wait;
	void *device; /* a device's, pipe's or procfs node's own state */
	const struct inode_ops *iops; /* procfs's inodes; NULL in the tree's ramfs */
	/* hostfs's inodes, the whole mount: the VFS hands them to their file system, and dev
	 * tells one mount from another (HOSTFS_DEV + its index; stat shows the host's). */
	const struct fs_ops *fs;
};

struct file {
	struct inode *inode; /* holds a reference */
	uint64_t pos; /* a directory's: its getdents64 position */
	int flags; /* O_ACCMODE, O_APPEND, O_NONBLOCK ... as given to open */
	int refs;
	/* The name it was opened by, for /proc/self/fd: the directory (a reference) and the
	 * last component there; NULL for files that never had one (pipes). */
	struct inode *dir;
	char *name;
	long fs_handle; /* hostfs: the monitor's handle of this open host file, or -1 */
	short flock_type; /* its flock(2) lock: LOCK_SH, LOCK_EX or 0 */
};

/* ramfs.c */
int ramfs_init(void);
struct inode *ramfs_root(void);
/* A new inode without a name (nlink 0) or a reference: ramfs_link names it, inode_release
 * frees it when that fails. */
struct inode *ramfs_new_inode(uint32_t mode);
struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len);
struct dir_entry *ramfs_find(struct inode *dir, const char *name, size_t len);
/* Add a name for child in dir: -EEXIST, -ENOENT when dir was removed, -ENAMETOOLONG, -ENOSPC. */
int ramfs_link(struct inode *dir, const char *name, size_t len, struct inode *child);
/* Remove entry (of dir); its inode goes when nothing else holds it. */
void ramfs_unlink(struct inode *dir, struct dir_entry *entry);
/* Move entry (of old_dir) to the name new_name in new_dir, replacing victim (that name's
 * entry in new_dir, or NULL); whiteout, if not NULL, takes the old name. */
int ramfs_rename(struct inode *old_dir, struct dir_entry *entry, struct inode *new_dir,
		 const char *new_name, size_t new_len, struct dir_entry *victim,
		 struct inode *whiteout);
/* Swap the inodes two entries name. */
void ramfs_exchange(struct inode *dir1, struct dir_entry *entry1, struct inode *dir2,
		    struct dir_entry *entry2);
/* The entry getdents64 returns at position pos (at least DIR_POS_FIRST_ENTRY), or NULL. */
struct dir_entry *ramfs_dir_at(const struct inode *dir, int64_t pos);
int ramfs_truncate(struct inode *inode, uint64_t size);
int ramfs_set_data(struct inode *inode, const void *data, uint64_t size);
/* fallocate(2) of a ramfs file, its arguments checked: mode is 0 or FALLOC_FL_KEEP_SIZE,
 * optionally with FALLOC_FL_PUNCH_HOLE or FALLOC_FL_ZERO_RANGE. */
int ramfs_fallocate(struct inode *inode, int mode, uint64_t offset, uint64_t len);
/* The pages a MAP_SHARED mapping of a ramfs file shows: its bytes move into them the first
 * time, and stay. -ENODEV for an inode that is not a ramfs file. */
int ramfs_shared_pages(struct inode *inode, struct shared_pages **out);
uint64_t ramfs_stored_bytes(const struct inode *inode);
uint64_t ramfs_inode_count(void);
void inode_touch(struct inode *inode, int atime, int mtime_ctime);
void inode_touch_ctime(struct inode *inode);
/* Reading it: atime as a relatime mount updates it. */
void inode_accessed(struct inode *inode);
void inode_get(struct inode *inode);
void inode_put(struct inode *inode);
/* Free inode if it has neither a name nor a reference. */
void inode_release(struct inode *inode);

/* devfs.c */
int devfs_init(void);
struct file *console_open(int host_fd);

/* pipe.c */
/* Is file one end of a pipe? */
int pipe_file(const struct file *file);
/* sendfile(2) into a pipe: up to len bytes of in from *pos, as the page cache gives them (one
 * pipe buffer per page of the file), waiting only while the pipe is full: the bytes moved,
 * -EAGAIN, -EPIPE (and SIGPIPE) or -EDEADLK (a wait with no other thread). */
long pipe_splice_from_file(struct file *pipe, struct file *in, uint64_t *pos, size_t len);

/* procfs.c */
int procfs_init(void);

/* hostfs.c: the host directories of struct libos_boot, each mounted at its guest path. */
struct libos_boot;
int hostfs_init(const struct libos_boot *boot);

/* vfs.c: path lookup */
enum last_type { LAST_NORM, LAST_DOT, LAST_DOTDOT, LAST_ROOT };
struct lookup {
	struct inode *parent; /* directory holding the last component */
	struct inode *inode; /* the result; NULL if the last component is missing */
	char last[NAME_MAX + 1];
	int trailing_slash;
	enum last_type last_type; /* "name", ".", ".." or the "/" of a path naming the root */
	int jumped; /* the result came through a magic link (/proc/self/fd/N) */
	const struct file *link_file; /* for an fd's link, the open file it named */
};
#define LOOKUP_FOLLOW 1 /* follow a symlink in the last component */
/* Stop at the last component, as the calls that add or remove a name do: never follow it,
 * even with a trailing slash, and leave the trailing slash to the caller. */
#define LOOKUP_PARENT 2
int vfs_lookup(int dirfd, const char *path, int flags, struct lookup *out);
/* The inode a path names, or with AT_EMPTY_PATH and "" the one dirfd names. */
int vfs_lookup_at(int dirfd, const char *path, int at_flags, struct inode **out);
int vfs_mkdir_p(const char *path, struct inode **out);
long vfs_open(int dirfd, const char *path, int flags, uint32_t mode);
/* stat(2) and statx(2) of an inode: the tree's own books, or a file system's (hostfs: the
 * host's). */
int vfs_getattr(struct inode *inode, struct stat *st);
int vfs_fill_statx(struct inode *inode, uint32_t mask, struct statx *stx);
/* Are two inodes on one mount (else a rename or link between them fails with EXDEV)? */
int vfs_same_mount(const struct inode *a, const struct inode *b);
/* Does a change of inode fail with EROFS (a read-only hostfs mount)? */
int vfs_read_only(const struct inode *inode);
struct inode *vfs_cwd(void);
int vfs_chdir(struct inode *dir);
uint32_t vfs_umask(void);
uint32_t vfs_set_umask(uint32_t mask); /* returns the old mask */
/* The calls that change names; paths are LibOS memory. */
int vfs_mkdir(int dirfd, const char *path, uint32_t mode);
int vfs_rmdir(int dirfd, const char *path);
int vfs_unlink(int dirfd, const char *path);
int vfs_link(int old_dirfd, const char *old_path, int new_dirfd, const char *new_path, int flags);
int vfs_symlink(const char *target, int dirfd, const char *path);
int vfs_rename(int old_dirfd, const char *old_path, int new_dirfd, const char *new_path,
	       unsigned flags);
/* The child called name in dir, in the tree or in a procfs directory; NULL if none. */
struct inode *vfs_child(struct inode *dir, const char *name, size_t len);
/* A symlink's target: its length, at most size bytes copied to buf (no NUL); a magic link
 * also says where it leads in *jump (which may be NULL). */
long vfs_link_target(struct inode *link, char *buf, size_t size, struct link_jump *jump);
/* A directory's absolute path, as getcwd(2) gives it: its length, -ENOENT when one of the
 * directories on the way has lost its name, -ENAMETOOLONG. */
long vfs_dir_path(struct inode *dir, char *buf, size_t size);
/* The same for an inode with a name in the tree (a mount point's root, too). */
long vfs_tree_path(struct inode *dir, char *buf, size_t size);
/* What readlink(/proc/self/fd/N) gives for file: its path, "PATH (deleted)", "pipe:[7]".
 * Its length, NUL-terminated in buf. */
long vfs_file_path(struct file *file, char *buf, size_t size);

/* fdtable.c */
struct file *file_new(struct inode *inode, int flags);
void file_put(struct file *file);
/* Free a file whose open method failed: no release. */
void file_discard(struct file *file);
/* Record the name a file was opened by (dir/name): -ENOMEM. */
int file_set_name(struct file *file, struct inode *dir, const char *name, size_t len);
/* A rename moved inode from old_dir/old_name to new_dir/new_name: the open files that were
 * opened by that name follow it, as a dentry would. */
void file_names_moved(const struct inode *inode, struct inode *old_dir, const char *old_name,
		      struct inode *new_dir, const char *new_name);
/* The lowest fd that is open and at least min, or -1. */
int fd_next_open(int min);
/* Any open fd, O_PATH ones too (Linux's fget_raw). */
struct file *fd_get(int fd);
/* An fd for I/O and changes: NULL for O_PATH ones, which only name a file (fget). */
struct file *fd_get_io(int fd);
int fd_install(struct file *file, int cloexec);
/* The lowest free fd at least min: -EMFILE when there is none. */
int fd_install_from(struct file *file, int min, int cloexec);
int fd_install_at(struct file *file, int fd);
/* Install file at fd, closing what was there (dup2): -EBADF if fd is out of range. */
int fd_replace(struct file *file, int fd, int cloexec);
/* RLIMIT_NOFILE: new fds are below it (at most FD_MAX). */
int fd_limit(void);
void fd_set_limit(int limit);
int fd_close(int fd);
/* Set FD_CLOEXEC (set >= 0) or read it (set < 0): the flag or -EBADF. */
int fd_cloexec(int fd, int set);
/* Record locks: the first lock of another owner that conflicts with a lock of type on
 * [start, end], or NULL. */
const struct file_lock *lock_conflict(const struct inode *inode, const struct file *owner,
				      short type, int64_t start, int64_t end);
/* The first of owner's own locks on [start, end], or NULL. */
const struct file_lock *lock_held(const struct inode *inode, const struct file *owner,
				  int64_t start, int64_t end);
/* Lock (F_RDLCK, F_WRLCK) or unlock (F_UNLCK) [start, end] for owner: -EAGAIN on a conflict,
 * -ENOLCK without memory. */
int lock_set(struct inode *inode, const struct file *owner, short type, int64_t start,
	     int64_t end);
/* flock(2) locks (sys_lock.c): file_put drops the lock of a description that holds one. */
void flock_release(struct file *file);

#endif
