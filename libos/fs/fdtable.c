/* Open file descriptions, the process's file descriptor table, and the record locks they
 * hold (fcntl(2)). */
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/string.h>
#include <libos/vfs.h>

static struct file *fds[FD_MAX];
static unsigned char cloexec[FD_MAX];
static int nofile = FD_MAX; /* RLIMIT_NOFILE's soft limit: fds from 0 to nofile - 1 */

static void lock_release(struct inode *inode, const struct file *owner);

struct file *file_new(struct inode *inode, int flags)
{
	struct file *file = kzalloc(sizeof(*file));

	if (file) {
		file->inode = inode;
		/* x86-64 Linux forces O_LARGEFILE on every open file, but for O_PATH ones,
		 * which keep only their O_PATH flags (build_open_flags()). */
		file->flags = (flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)) |
			      ((flags & O_PATH) ? 0 : O_LARGEFILE);
		file->refs = 1;
		file->fs_handle = -1;
		inode_get(inode);
	}
	return file;
}

static void forget_name(struct file *file)
{
	if (file->dir)
		inode_put(file->dir);
	kfree(file->name);
	file->dir = 0;
	file->name = 0;
}

int file_set_name(struct file *file, struct inode *dir, const char *name, size_t len)
{
	char *copy = kmalloc(len + 1);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, name, len);
	copy[len] = 0;
	inode_get(dir);
	forget_name(file);
	file->dir = dir;
	file->name = copy;
	return 0;
}

void file_names_moved(const struct inode *inode, struct inode *old_dir, const char *old_name,
		      struct inode *new_dir, const char *new_name)
{
	for (int fd = 0; fd < FD_MAX; fd++) {
		struct file *file = fds[fd];
		if (file && file->inode == inode && file->dir == old_dir && file->name &&
		    !strcmp(file->name, old_name) &&
		    file_set_name(file, new_dir, new_name, strlen(new_name)))
			forget_name(file); /* no memory for the new name: no name at all */
	}
}

void file_discard(struct file *file)
{
	forget_name(file);
	inode_put(file->inode);
	kfree(file);
}

void file_put(struct file *file)
{
	if (--file->refs)
		return;
	if (file->inode->fops && file->inode->fops->release)
		file->inode->fops->release(file);
	/* Open file description locks go with the description (locks_remove_file()). */
	lock_release(file->inode, file);
	if (file->flock_type)
		flock_release(file);
	file_discard(file);
}

struct file *fd_get(int fd)
{
	return fd >= 0 && fd < FD_MAX ? fds[fd] : 0;
}

struct file *fd_get_io(int fd)
{
	struct file *file = fd_get(fd);

	return file && !(file->flags & O_PATH) ? file : 0;
}

int fd_next_open(int min)
{
	for (int fd = min < 0 ? 0 : min; fd < FD_MAX; fd++)
		if (fds[fd])
			return fd;
	return -1;
}

int fd_install_from(struct file *file, int min, int close_on_exec)
{
	for (int fd = min; fd < nofile; fd++)
		if (!fds[fd]) {
			fds[fd] = file;
			cloexec[fd] = !!close_on_exec;
			return fd;
		}
	return -EMFILE;
}

int fd_install(struct file *file, int close_on_exec)
{
	return fd_install_from(file, 0, close_on_exec);
}

/* Any close drops the process's POSIX locks on the file (close(2), NOTES); an O_PATH fd
 * never had a say in locks (filp_flush()). */
static void release(struct file *file)
{
	if (!(file->flags & O_PATH))
		lock_release(file->inode, 0);
	file_put(file);
}

int fd_replace(struct file *file, int fd, int close_on_exec)
{
	if (fd < 0 || fd >= nofile)
		return -EBADF;
	struct file *old = fds[fd];
	fds[fd] = file;
	cloexec[fd] = !!close_on_exec;
	if (old)
		release(old);
	return fd;
}

int fd_install_at(struct file *file, int fd)
{
	return fd_replace(file, fd, 0);
}

int fd_close(int fd)
{
	struct file *file = fd_get(fd);

	if (!file)
		return -EBADF;
	fds[fd] = 0;
	release(file);
	return 0;
}

int fd_cloexec(int fd, int set)
{
	if (!fd_get(fd))
		return -EBADF;
	if (set >= 0)
		cloexec[fd] = !!set;
	return set >= 0 ? 0 : cloexec[fd];
}

/* --- record locks, as fs/locks.c keeps POSIX and OFD locks ------------------------------ */

static int overlap(const struct file_lock *l, int64_t start, int64_t end)
{
	return l->start <= end && start <= l->end;
}

const struct file_lock *lock_conflict(const struct inode *inode, const struct file *owner,
				      short type, int64_t start, int64_t end)
{
	for (const struct file_lock *l = inode->locks; l; l = l->next)
		if (l->owner != owner && overlap(l, start, end) &&
		    (type == F_WRLCK || l->type == F_WRLCK))
			return l;
	return 0;
}

const struct file_lock *lock_held(const struct inode *inode, const struct file *owner,
				  int64_t start, int64_t end)
{
	for (const struct file_lock *l = inode->locks; l; l = l->next)
		if (l->owner == owner && overlap(l, start, end))
			return l;
	return 0;
}

static void lock_release(struct inode *inode, const struct file *owner)
{
	struct file_lock **link = &inode->locks;

	while (*link) {
		struct file_lock *l = *link;
		if (l->owner == owner) {
			*link = l->next;
			kfree(l);
		} else {
			link = &l->next;
		}
	}
}

static void insert_lock(struct inode *inode, struct file_lock *lock)
{
	struct file_lock **link = &inode->locks;

	while (*link && (*link)->start <= lock->start)
		link = &(*link)->next;
	lock->next = *link;
	*link = lock;
}

/* posix_lock_inode(): the owner's locks of the same type that overlap or touch the new range
 * merge into it; its locks of the other type give up the range, split in two if need be. */
int lock_set(struct inode *inode, const struct file *owner, short type, int64_t start,
	     int64_t end)
{
	struct file_lock *fresh = 0, *spare = 0;

	if (type != F_UNLCK && lock_conflict(inode, owner, type, start, end))
		return -EAGAIN;
	/* Allocated first: past this point nothing may fail. */
	fresh = kmalloc(sizeof(*fresh));
	spare = kmalloc(sizeof(*spare));
	if (!fresh || !spare) {
		kfree(fresh);
		kfree(spare);
		return -ENOLCK;
	}
	if (type != F_UNLCK)
		for (struct file_lock *l = inode->locks; l; l = l->next)
			if (l->owner == owner && l->type == type &&
			    l->start <= (end == INT64_MAX ? end : end + 1) &&
			    start <= (l->end == INT64_MAX ? l->end : l->end + 1)) {
				start = l->start < start ? l->start : start;
				end = l->end > end ? l->end : end;
			}
	struct file_lock **link = &inode->locks;
	while (*link) {
		struct file_lock *l = *link;
		if (l->owner != owner || !overlap(l, start, end)) {
			link = &l->next;
			continue;
		}
		*link = l->next;
		if (l->start < start && l->end > end) {
			*spare = *l;
			spare->start = end + 1;
			insert_lock(inode, spare);
			spare = 0;
		}
		if (l->start < start) {
			l->end = start - 1;
			insert_lock(inode, l);
		} else if (l->end > end) {
			l->start = end + 1;
			insert_lock(inode, l);
		} else {
			kfree(l);
		}
		link = &inode->locks; /* the list changed: start over */
	}
	if (type != F_UNLCK) {
		fresh->owner = owner;
		fresh->type = type;
		fresh->start = start;
		fresh->end = end;
		insert_lock(inode, fresh);
		fresh = 0;
	}
	kfree(fresh);
	kfree(spare);
	return 0;
}

int fd_limit(void)
{
	return nofile;
}

void fd_set_limit(int limit)
{
	nofile = limit < FD_MAX ? limit : FD_MAX;
}
