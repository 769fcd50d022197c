/* The LibOS's file system: inodes in one tree (ramfs, with device nodes
 * from devfs), open file descriptions and the fd table. Functions return a
 * value or -E...; path and buffer arguments are LibOS memory, already
 * checked or copied by the syscall layer. */
#ifndef LIBOS_VFS_H
#define LIBOS_VFS_H

#include <stddef.h>
#include <stdint.h>
#include <asm/fcntl.h>
#include <asm/stat.h>
#include <linux/fcntl.h>
#include <linux/stat.h>
#include <linux/time_types.h>

#define NAME_MAX 255
#define PATH_MAX 4096
#define SYMLINK_MAX_FOLLOW 40 /* Linux's limit, then ELOOP */
#define FD_MAX 1024 /* RLIMIT_NOFILE's usual soft limit */

struct file;
struct inode;

struct file_ops {
	long (*read)(struct file *file, void *buf, size_t len, uint64_t *pos);
	long (*write)(struct file *file, const void *buf, size_t len, uint64_t *pos);
	/* arg is the app's raw argument: pointers go through uaccess. */
	long (*ioctl)(struct file *file, unsigned long request, unsigned long arg);
	int seekable; /* else lseek gives ESPIPE */
	int seek_stays_at_zero; /* lseek succeeds and returns 0 (/dev/null, /dev/zero) */
};

struct dir_entry {
	struct dir_entry *next;
	struct inode *inode;
	size_t name_len;
	char name[];
};

struct inode {
	uint64_t ino;
	uint32_t mode, nlink, uid, gid;
	uint64_t rdev;
	uint64_t size; /* bytes of a file, length of a symlink's target */
	struct __kernel_timespec atime, mtime, ctime;
	const struct file_ops *fops;
	char *data; /* a file's contents, a symlink's target */
	uint64_t capacity;
	struct dir_entry *entries; /* a directory's, newest first */
	struct inode *parent; /* a directory's; the root's is itself */
	void *device; /* a device's own state */
};

struct file {
	struct inode *inode;
	uint64_t pos;
	int flags; /* O_ACCMODE, O_APPEND, O_NONBLOCK ... as given to open */
	int refs;
};

/* ramfs.c */
int ramfs_init(void);
struct inode *ramfs_root(void);
struct inode *ramfs_new_inode(uint32_t mode);
struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len);
int ramfs_link(struct inode *dir, const char *name, size_t len, struct inode *child);
int ramfs_truncate(struct inode *inode, uint64_t size);
int ramfs_set_data(struct inode *inode, const void *data, uint64_t size);
void inode_touch(struct inode *inode, int atime, int mtime_ctime);

/* devfs.c */
int devfs_init(void);
struct file *console_open(int host_fd);

/* vfs.c: path lookup */
struct lookup {
	struct inode *parent; /* directory holding the last component */
	struct inode *inode; /* the result; NULL if the last component is missing */
	char last[NAME_MAX + 1];
	int trailing_slash;
};
#define LOOKUP_FOLLOW 1 /* follow a symlink in the last component */
int vfs_lookup(int dirfd, const char *path, int flags, struct lookup *out);
int vfs_mkdir_p(const char *path, struct inode **out);
long vfs_open(int dirfd, const char *path, int flags, uint32_t mode);
void vfs_fill_stat(const struct inode *inode, struct stat *st);
struct inode *vfs_cwd(void);
int vfs_chdir(struct inode *dir);
uint32_t vfs_umask(void);
uint32_t vfs_set_umask(uint32_t mask); /* returns the old mask */

/* fdtable.c */
struct file *file_new(struct inode *inode, int flags);
void file_put(struct file *file);
struct file *fd_get(int fd);
int fd_install(struct file *file, int cloexec);
int fd_install_at(struct file *file, int fd);
int fd_close(int fd);
/* Set FD_CLOEXEC (set >= 0) or read it (set < 0): the flag or -EBADF. */
int fd_cloexec(int fd, int set);

#endif
