/* ramfs: the in-memory tree every path of the LibOS lives in. */
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/kmalloc.h>
#include <libos/string.h>
#include <libos/vfs.h>

static struct inode *root;
static uint64_t next_ino = 1;

static long file_read(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	struct inode *inode = file->inode;

	if (*pos >= inode->size)
		return 0;
	if (len > inode->size - *pos)
		len = inode->size - *pos;
	memcpy(buf, inode->data + *pos, len);
	*pos += len;
	return (long)len;
}

static int grow(struct inode *inode, uint64_t size)
{
	if (size <= inode->capacity)
		return 0;
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
	return 0;
}

static long file_write(struct file *file, const void *buf, size_t len, uint64_t *pos)
{
	struct inode *inode = file->inode;

	if (file->flags & O_APPEND)
		*pos = inode->size;
	if (*pos + len < *pos)
		return -EFBIG;
	int err = grow(inode, *pos + len);
	if (err)
		return err;
	if (*pos > inode->size)
		memset(inode->data + inode->size, 0, *pos - inode->size);
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

static const struct file_ops regular_fops = { .read = file_read, .write = file_write, .seekable = 1 };
static const struct file_ops dir_fops = { .read = dir_read, .seekable = 1 };

void inode_touch(struct inode *inode, int atime, int mtime_ctime)
{
	struct __kernel_timespec now;

	if (hostcall(HC_CLOCK_GETTIME, 0 /* CLOCK_REALTIME */, (long)&now, 0, 0, 0))
		return;
	if (atime)
		inode->atime = now;
	if (mtime_ctime)
		inode->mtime = inode->ctime = now;
}

struct inode *ramfs_new_inode(uint32_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode));

	if (!inode)
		return 0;
	inode->ino = next_ino++;
	inode->mode = mode;
	inode->nlink = S_ISDIR(mode) ? 2 : 1;
	if (S_ISDIR(mode))
		inode->fops = &dir_fops;
	else if (S_ISREG(mode))
		inode->fops = &regular_fops;
	inode_touch(inode, 1, 1);
	return inode;
}

int ramfs_init(void)
{
	root = ramfs_new_inode(S_IFDIR | 0755);
	if (!root)
		return -ENOMEM;
	root->parent = root;
	return 0;
}

struct inode *ramfs_root(void)
{
	return root;
}

struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len)
{
	for (struct dir_entry *e = dir->entries; e; e = e->next)
		if (e->name_len == len && !memcmp(e->name, name, len))
			return e->inode;
	return 0;
}

int ramfs_link(struct inode *dir, const char *name, size_t len, struct inode *child)
{
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (ramfs_lookup(dir, name, len))
		return -EEXIST;
	struct dir_entry *e = kmalloc(sizeof(*e) + len);
	if (!e)
		return -ENOSPC;
	e->inode = child;
	e->name_len = len;
	memcpy(e->name, name, len);
	e->next = dir->entries;
	dir->entries = e;
	if (S_ISDIR(child->mode)) {
		child->parent = dir;
		dir->nlink++;
	}
	dir->size++;
	inode_touch(dir, 0, 1);
	return 0;
}

int ramfs_truncate(struct inode *inode, uint64_t size)
{
	int err = grow(inode, size);

	if (err)
		return err;
	if (size > inode->size)
		memset(inode->data + inode->size, 0, size - inode->size);
	inode->size = size;
	inode_touch(inode, 0, 1);
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
