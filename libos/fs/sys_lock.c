/* flock(2): whole-file locks of open file descriptions, as fs/locks.c keeps them. They are
 * independent of fcntl(2)'s record locks (fdtable.c). */
#include <libos/errno.h>
#include <libos/log.h>
#include <libos/signal.h>
#include <libos/syscalls.h>
#include <libos/vfs.h>
#include <libos/wait.h>

#ifndef LOCK_MAND
#define LOCK_MAND 32
#endif

/* flock_locks_conflict(): another description's exclusive lock, or for an exclusive request
 * another's shared one. */
static int flock_conflict(const struct inode *inode, const struct file *file, short type)
{
	if (inode->flock_exclusive && inode->flock_exclusive != file)
		return 1;
	uint32_t others = inode->flock_shared - (file->flock_type == LOCK_SH);
	return type == LOCK_EX && others;
}

void flock_release(struct file *file)
{
	struct inode *inode = file->inode;

	if (file->flock_type == LOCK_EX)
		inode->flock_exclusive = 0;
	else if (file->flock_type == LOCK_SH)
		inode->flock_shared--;
	file->flock_type = 0;
	waitq_wake(&inode->flock_wait);
}

static void flock_take(struct file *file, short type)
{
	struct inode *inode = file->inode;

	if (type == LOCK_EX)
		inode->flock_exclusive = file;
	else
		inode->flock_shared++;
	file->flock_type = type;
}

static long would_wait(void)
{
	log_once("flock: a blocking flock would wait for this very thread (the app has no other, "
		 "no signal handler, no timer): -EDEADLK");
	return -EDEADLK;
}

/* flock_lock_inode_wait(): a conversion drops the old lock first, so a conversion that fails
 * leaves none (flock(2): "not guaranteed to be atomic"). */
static long flock_lock(struct file *file, short type, int can_sleep)
{
	struct inode *inode = file->inode;

	if (file->flock_type == type)
		return 0;
	if (file->flock_type)
		flock_release(file);
	if (type == LOCK_UN)
		return 0;
	while (flock_conflict(inode, file, type)) {
		if (!can_sleep)
			return -EWOULDBLOCK;
		if (wait_would_deadlock())
			return would_wait();
		if (waitq_wait(&inode->flock_wait, 0) == -EINTR)
			return -ERESTARTSYS;
		if (file->flock_type == type)
			return 0; /* the lock came while waiting (another thread's flock on file) */
		if (file->flock_type)
			flock_release(file);
	}
	flock_take(file, type);
	return 0;
}

/* sys_flock(): LOCK_MAND is ignored (Linux 5.17); the operation is checked before the fd. */
long sys_flock(long fd, long cmd)
{
	unsigned op = (unsigned)cmd;
	unsigned type = op & ~(unsigned)LOCK_NB;

	if (op & LOCK_MAND)
		return 0;
	if (type != LOCK_SH && type != LOCK_EX && type != LOCK_UN)
		return -EINVAL;
	struct file *file = fd_get_io((int)fd);
	if (!file)
		return -EBADF;
	/* The caller holds the description for the whole call: another thread may close the fd
	 * while it waits, and the lock then goes with the last reference. */
	file->refs++;
	long ret = flock_lock(file, (short)type, !(op & LOCK_NB));
	file_put(file);
	return ret;
}
