/* getdents64(2): a directory's entries as tmpfs lists them. Positions are stable cookies
 * (see DIR_POS_* in vfs.h): names added or removed while a directory is read never make
 * it skip or repeat the others. */
#include <stddef.h>
#include <asm/mman.h>
#include <libos/errno.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/vfs.h>

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off; /* the position of the next entry */
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#define DIRENT_ALIGN 8
#define DIRENT_MAX (offsetof(struct linux_dirent64, d_name) + NAME_MAX + 1 + DIRENT_ALIGN)

static int item_at(struct inode *dir, int64_t pos, struct dir_item *item)
{
	int made_up = dir->iops && dir->iops->dir_item;

	if (pos == 0 || pos == 1) {
		item->name = "..";
		item->name_len = (size_t)pos + 1;
		item->inode = pos ? dir->parent : dir;
		/* After "..": the newest entry, or the end; procfs's entries are counted from
		 * DIR_POS_FIRST_ENTRY. */
		item->next = pos ? (made_up	     ? DIR_POS_FIRST_ENTRY
				    : dir->entries ? dir->entries->cookie
						   : DIR_POS_END)
				 : 1;
		return 1;
	}
	if (made_up)
		return dir->iops->dir_item(dir, pos, item);
	const struct dir_entry *e = ramfs_dir_at(dir, pos);
	if (!e)
		return 0;
	item->name = e->name;
	item->name_len = e->name_len;
	item->inode = e->inode;
	item->next = e->next ? e->next->cookie : DIR_POS_END;
	return 1;
}

long sys_getdents64(long fd, long dirp, long count)
{
	struct file *file = fd_get_io((int)fd);
	unsigned size = (unsigned)count, used = 0;
	union {
		struct linux_dirent64 d;
		char bytes[DIRENT_MAX];
	} rec;
	struct dir_item item;
	long result = 0;

	if (!file)
		return -EBADF;
	struct inode *dir = file->inode;
	/* A host directory is listed by the host, into the app's buffer. */
	if (dir->fops && dir->fops->getdents)
		return cvm_ptr_ok((void *)dirp, size, PROT_WRITE)
			       ?: dir->fops->getdents(file, (void *)dirp, size);
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	/* A removed directory lists nothing, not even "." (iterate_dir()). */
	if (!dir->nlink)
		return -ENOENT;
	while ((int64_t)file->pos != DIR_POS_END && item_at(dir, (int64_t)file->pos, &item)) {
		size_t reclen = (offsetof(struct linux_dirent64, d_name) + item.name_len + 1 +
				 DIRENT_ALIGN - 1) & ~(size_t)(DIRENT_ALIGN - 1);
		if (reclen > size - used) {
			if (!used)
				result = -EINVAL; /* not even one entry fits */
			break;
		}
		memset(&rec, 0, reclen);
		rec.d.d_ino = item.inode->ino;
		rec.d.d_off = item.next;
		rec.d.d_reclen = (unsigned short)reclen;
		rec.d.d_type = (unsigned char)((item.inode->mode & S_IFMT) >> 12);
		memcpy(rec.d.d_name, item.name, item.name_len);
		if (copy_to_cvm((char *)dirp + used, &rec, reclen)) {
			if (!used)
				result = -EFAULT;
			break;
		}
		used += (unsigned)reclen;
		file->pos = (uint64_t)item.next;
	}
	inode_accessed(dir);
	return result ?: (long)used;
}
