/* ramfs: the in-memory tree every path of the LibOS lives in. It keeps the books as tmpfs
 * does: link counts, directory sizes, times, and inodes that outlive their names while open. */
#include <linux/falloc.h>
#include <libos/clock.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/kmalloc.h>
#include <libos/shm.h>
#include <libos/string.h>
#include <libos/vfs.h>

/* relatime: an atime older than this is updated even when it is after mtime and ctime. */
#define RELATIME_MAX_AGE (24 * 60 * 60)

static struct inode *root;
static uint64_t next_ino = 1;
static uint64_t live_inodes;

uint64_t ramfs_stored_bytes(const struct inode *inode)
{
	return inode->size < inode->capacity ? inode->size : inode->capacity;
}

static long file_read(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	struct inode *inode = file->inode;
	uint64_t stored = ramfs_stored_bytes(inode);

	if (!len)
		return 0;
	if (!(file->flags & O_NOATIME))
		inode_accessed(inode);
	if (*pos >= inode->size)
		return 0;
	if (len > inode->size - *pos)
		len = inode->size - *pos;
	size_t copied = *pos >= stored ? 0 : (size_t)(stored - *pos < len ? stored - *pos : len);
	memcpy(buf, inode->data + *pos, copied);
	memset((char *)buf + copied, 0, len - copied);
	*pos += len;
	return (long)len;
}

/* A file with shared pages (a MAP_SHARED mapping) keeps its bytes in them: their size is the
 * file's, so that a mapping faults with SIGBUS past the page holding its end, as on Linux, and
 * capacity follows it. */
static int resize_shared(struct inode *inode, uint64_t size)
{
	struct shared_pages *pages = inode->pages;
	int err = shared_pages_resize(pages, size);

	if (err)
		return err;
	inode->data = pages->window;
	inode->capacity = size;
	return 0;
}

/* Room for size bytes. The zeros past the old capacity that the new one now stores are
 * written; bytes past the file's size are left for the caller to fill. */
static int grow(struct inode *inode, uint64_t size)
{
	uint64_t stored = ramfs_stored_bytes(inode);

	if (size <= inode->capacity)
		return 0;
	if (inode->pages)
		return size > INT64_MAX ? -EFBIG : resize_shared(inode, size);
	uint64_t capacity = inode->capacity ? inode->capacity : 64;
	while (capacity < size) {
		if (capacity > UINT64_MAX / 2)
			return -EFBIG;
		capacity *= 2;
	}
	char *data = krealloc(inode->data, capacity);
	if (!data)
		return -ENOSPC;
	inode->data = data;
	inode->capacity = capacity;
	memset(data + stored, 0, ramfs_stored_bytes(inode) - stored);
	return 0;
}

static long file_write(struct file *file, const void *buf, size_t len, uint64_t *pos)
{
	struct inode *inode = file->inode;

	/* A write of nothing changes nothing, not even the times (generic_write_checks). */
	if (!len)
		return 0;
	if (file->flags & O_APPEND)
		*pos = inode->size;
	if (*pos + len < *pos || *pos + len > INT64_MAX)
		return -EFBIG;
	int err = grow(inode, *pos + len);
	if (err)
		return err;
	/* Shared pages past the end are zeros but for what a mapping stored in the page holding
	 * the end, which Linux leaves to be read (tmpfs zeros nothing when a file grows). */
	uint64_t stored = ramfs_stored_bytes(inode);
	if (*pos > stored && !inode->pages)
		memset(inode->data + stored, 0, *pos - stored);
	memcpy(inode->data + *pos, buf, len);
	*pos += len;
	if (*pos > inode->size)
		inode->size = *pos;
	inode_touch(inode, 0, 1);
	return (long)len;
}

static long dir_read(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	(void)file, (void)buf, (void)len, (void)pos;
	return -EISDIR;
}

static const struct file_ops regular_fops = {
	.read = file_read, .write = file_write, .seekable = 1
};
static const struct file_ops dir_fops = { .read = dir_read, .seekable = 1 };

/* Linux stamps inodes with the coarse clock (current_time()): so does the
 * ramfs, which is also what keeps a read's relatime check cheap. */
static int now(struct __kernel_timespec *ts)
{
	return clock_now(5 /* CLOCK_REALTIME_COARSE */, ts);
}

void inode_touch(struct inode *inode, int atime, int mtime_ctime)
{
	struct __kernel_timespec ts;

	if (now(&ts))
		return;
	if (atime)
		inode->atime = ts;
	if (mtime_ctime)
		inode->mtime = inode->ctime = ts;
}

void inode_touch_ctime(struct inode *inode)
{
	struct __kernel_timespec ts;

	if (!now(&ts))
		inode->ctime = ts;
}

static int time_before_or_equal(const struct __kernel_timespec *a,
				const struct __kernel_timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec <= b->tv_nsec);
}

/* fs/inode.c relatime_need_update(): the mounts Linux makes by default are relatime. */
void inode_accessed(struct inode *inode)
{
	struct __kernel_timespec ts;

	if (now(&ts))
		return;
	if (time_before_or_equal(&inode->atime, &inode->mtime) ||
	    time_before_or_equal(&inode->atime, &inode->ctime) ||
	    ts.tv_sec - inode->atime.tv_sec >= RELATIME_MAX_AGE)
		inode->atime = ts;
}

struct inode *ramfs_new_inode(uint32_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode));

	if (!inode)
		return 0;
	inode->ino = next_ino++;
	inode->mode = mode;
	if (S_ISDIR(mode)) {
		inode->fops = &dir_fops;
		inode->size = 2 * DIR_ENTRY_SIZE;
		inode->next_cookie = DIR_POS_FIRST_ENTRY + 1;
	} else if (S_ISREG(mode)) {
		inode->fops = &regular_fops;
	}
	inode_touch(inode, 1, 1);
	inode->btime = inode->ctime;
	live_inodes++;
	return inode;
}

uint64_t ramfs_inode_count(void)
{
	return live_inodes;
}

void inode_get(struct inode *inode)
{
	inode->refs++;
}

void inode_put(struct inode *inode)
{
	inode->refs--;
	inode_release(inode);
}

void inode_release(struct inode *inode)
{
	/* A host directory's inodes go when hostfs says (they are its cache). */
	if (inode->fs) {
		if (!inode->refs)
			inode->fs->release(inode);
		return;
	}
	if (inode->nlink || inode->refs || inode == root)
		return;
	/* Unlinked and closed: its locks went with its last open file. */
	if (S_ISDIR(inode->mode) && inode->parent)
		inode_put(inode->parent);
	if (inode->pages)
		shared_pages_disown(inode->pages); /* its mappings keep the pages */
	else
		kfree(inode->data);
	kfree(inode);
	live_inodes--;
}

int ramfs_init(void)
{
	root = ramfs_new_inode(S_IFDIR | 0755);
	if (!root)
		return -ENOMEM;
	root->nlink = 2;
	root->parent = root;
	return 0;
}

struct inode *ramfs_root(void)
{
	return root;
}

struct dir_entry *ramfs_find(struct inode *dir, const char *name, size_t len)
{
	for (struct dir_entry *e = dir->entries; e; e = e->next)
		if (e->name_len == len && !memcmp(e->name, name, len))
			return e;
	return 0;
}

struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len)
{
	struct dir_entry *e = ramfs_find(dir, name, len);

	return e ? e->inode : 0;
}

static struct dir_entry *new_entry(struct inode *dir, const char *name, size_t len,
				   struct inode *inode)
{
	struct dir_entry *e = kmalloc(sizeof(*e) + len);

	if (!e)
		return 0;
	e->inode = inode;
	e->cookie = dir->next_cookie++;
	e->name_len = len;
	memcpy(e->name, name, len);
	return e;
}

/* A new entry goes first: the list stays sorted by cookie, newest first. */
static void insert_entry(struct inode *dir, struct dir_entry *e)
{
	e->next = dir->entries;
	dir->entries = e;
	dir->size += DIR_ENTRY_SIZE;
}

static void remove_entry(struct inode *dir, struct dir_entry *entry)
{
	struct dir_entry **link = &dir->entries;

	while (*link != entry)
		link = &(*link)->next;
	*link = entry->next;
	dir->size -= DIR_ENTRY_SIZE;
}

/* A directory's ".." is its parent: a name there, and a reference. */
static void set_parent(struct inode *child, struct inode *dir)
{
	struct inode *old = child->parent;

	inode_get(dir);
	child->parent = dir;
	if (old)
		inode_put(old);
}

int ramfs_link(struct inode *dir, const char *name, size_t len, struct inode *child)
{
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (ramfs_find(dir, name, len))
		return -EEXIST;
	/* A removed directory takes no new names (IS_DEADDIR in may_create()). */
	if (!dir->nlink)
		return -ENOENT;
	struct dir_entry *e = new_entry(dir, name, len, child);
	if (!e)
		return -ENOSPC;
	insert_entry(dir, e);
	if (S_ISDIR(child->mode)) {
		set_parent(child, dir);
		child->nlink = 2;
		dir->nlink++;
	} else {
		child->nlink++;
	}
	inode_touch(dir, 0, 1);
	inode_touch_ctime(child);
	return 0;
}

/* The inode of a removed name loses a link; a directory loses both of its own. */
static void drop_name(struct inode *dir, struct inode *inode)
{
	if (S_ISDIR(inode->mode)) {
		inode->nlink = 0;
		dir->nlink--;
	} else {
		inode->nlink--;
	}
}

void ramfs_unlink(struct inode *dir, struct dir_entry *entry)
{
	struct inode *inode = entry->inode;

	remove_entry(dir, entry);
	kfree(entry);
	drop_name(dir, inode);
	inode_touch(dir, 0, 1);
	inode_touch_ctime(inode);
	inode_release(inode);
}

/* fs/libfs.c simple_rename_timestamp(). */
static void rename_times(struct inode *old_dir, struct inode *new_dir, struct inode *moved,
			 struct inode *other)
{
	inode_touch(old_dir, 0, 1);
	if (new_dir != old_dir)
		inode_touch(new_dir, 0, 1);
	inode_touch_ctime(moved);
	if (other)
		inode_touch_ctime(other);
}

int ramfs_rename(struct inode *old_dir, struct dir_entry *entry, struct inode *new_dir,
		 const char *new_name, size_t new_len, struct dir_entry *victim,
		 struct inode *whiteout)
{
	struct inode *moved = entry->inode, *replaced = victim ? victim->inode : 0;

	if (new_len > NAME_MAX)
		return -ENAMETOOLONG;
	if (!new_dir->nlink)
		return -ENOENT;
	struct dir_entry *e = new_entry(new_dir, new_name, new_len, moved);
	if (!e)
		return -ENOSPC;
	if (victim) {
		remove_entry(new_dir, victim);
		kfree(victim);
		drop_name(new_dir, replaced);
	}
	if (whiteout) {
		entry->inode = whiteout;
		whiteout->nlink = 1;
	} else {
		remove_entry(old_dir, entry);
		kfree(entry);
	}
	insert_entry(new_dir, e);
	if (S_ISDIR(moved->mode) && new_dir != old_dir) {
		old_dir->nlink--;
		new_dir->nlink++;
		set_parent(moved, new_dir);
	}
	rename_times(old_dir, new_dir, moved, replaced);
	if (replaced)
		inode_release(replaced);
	return 0;
}

void ramfs_exchange(struct inode *dir1, struct dir_entry *entry1, struct inode *dir2,
		    struct dir_entry *entry2)
{
	struct inode *one = entry1->inode, *two = entry2->inode;

	entry1->inode = two;
	entry2->inode = one;
	if (dir1 != dir2) {
		if (S_ISDIR(one->mode)) {
			dir1->nlink--;
			dir2->nlink++;
			set_parent(one, dir2);
		}
		if (S_ISDIR(two->mode)) {
			dir2->nlink--;
			dir1->nlink++;
			set_parent(two, dir1);
		}
	}
	rename_times(dir1, dir2, one, two);
}

struct dir_entry *ramfs_dir_at(const struct inode *dir, int64_t pos)
{
	struct dir_entry *e = dir->entries;

	if (pos == DIR_POS_FIRST_ENTRY)
		return e;
	while (e && e->cookie > pos)
		e = e->next;
	return e;
}

int ramfs_truncate(struct inode *inode, uint64_t size)
{
	if (size > INT64_MAX)
		return -EFBIG;
	if (inode->pages) {
		/* shmem_setattr(): a shrink zeros the rest of the page holding the new end, a
		 * growth zeros nothing. */
		int err = resize_shared(inode, size);
		if (err)
			return err;
	} else if (!size) {
		kfree(inode->data);
		inode->data = 0;
		inode->capacity = 0;
	} else if (size > inode->size) {
		uint64_t stored = ramfs_stored_bytes(inode);
		uint64_t end = size < inode->capacity ? size : inode->capacity;
		if (end > stored)
			memset(inode->data + stored, 0, end - stored);
	}
	inode->size = size;
	inode_touch(inode, 0, 1);
	return 0;
}

int ramfs_shared_pages(struct inode *inode, struct shared_pages **out)
{
	struct shared_pages *pages;

	if (inode->fops != &regular_fops)
		return -ENODEV;
	if (!inode->pages) {
		int err = shared_pages_new(inode->size, 1, &pages);
		if (err)
			return err;
		if (ramfs_stored_bytes(inode))
			memcpy(pages->window, inode->data, ramfs_stored_bytes(inode));
		kfree(inode->data);
		inode->data = pages->window;
		inode->capacity = inode->size;
		inode->pages = pages;
	}
	*out = inode->pages;
	return 0;
}

int ramfs_set_data(struct inode *inode, const void *data, uint64_t size)
{
	int err = grow(inode, size);

	if (err)
		return err;
	memcpy(inode->data, data, size);
	inode->size = size;
	return 0;
}

/* shmem_fallocate(): the range is allocated (the zeros a file grows by are stored) or
 * zeroed; the size grows to its end without FALLOC_FL_KEEP_SIZE. Allocating past the size
 * shows nowhere here, so with FALLOC_FL_KEEP_SIZE alone nothing is done. */
int ramfs_fallocate(struct inode *inode, int mode, uint64_t offset, uint64_t len)
{
	uint64_t end = offset + len, size = inode->size;
	int keep_size = mode & FALLOC_FL_KEEP_SIZE;

	if (mode & (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE)) {
		uint64_t stored = ramfs_stored_bytes(inode);
		uint64_t zero_end = end < stored ? end : stored;
		if (offset < zero_end)
			memset(inode->data + offset, 0, zero_end - offset);
	}
	if (keep_size || end <= size) {
		inode_touch(inode, 0, 1);
		return 0;
	}
	uint64_t stored = ramfs_stored_bytes(inode);
	int err = grow(inode, end);
	if (err)
		return err;
	if (!inode->pages)
		memset(inode->data + stored, 0, end - stored);
	inode->size = end;
	inode_touch(inode, 0, 1);
	return 0;
}
