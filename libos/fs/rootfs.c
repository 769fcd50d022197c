/* Unpacking root.cpio into the ramfs at boot. */
#include <libos/cpio.h>
#include <libos/errno.h>
#include <libos/log.h>
#include <libos/string.h>
#include <libos/vfs.h>

struct unpack {
	const char *archive; /* for messages */
	unsigned files, dirs, links;
};

/* Make the directories above name; *last points at the final component. */
static int make_parents(const char *name, size_t len, struct inode **dir, const char **last,
			size_t *last_len)
{
	char path[PATH_MAX];
	size_t cut = len;

	while (cut && name[cut - 1] != '/')
		cut--;
	*last = name + cut;
	*last_len = len - cut;
	if (cut >= sizeof(path))
		return -ENAMETOOLONG;
	memcpy(path, name, cut);
	path[cut] = 0;
	return vfs_mkdir_p(path, dir);
}

static int add_entry(const struct cpio_entry *e, void *ctx)
{
	struct unpack *u = ctx;
	struct inode *dir, *inode;
	const char *last;
	size_t last_len;
	int err;

	while (e->name_len && e->name[e->name_len - 1] == '/')
		((struct cpio_entry *)e)->name_len--;
	if (!e->name_len)
		return 0; /* the root itself */
	err = make_parents(e->name, e->name_len, &dir, &last, &last_len);
	if (err)
		goto fail;
	inode = ramfs_lookup(dir, last, last_len);
	if (S_ISDIR(e->mode)) {
		if (!inode) {
			inode = ramfs_new_inode(e->mode);
			if (!inode)
				return -ENOMEM;
			err = ramfs_link(dir, last, last_len, inode);
		} else if (!S_ISDIR(inode->mode)) {
			err = -EEXIST;
		}
		inode->mode = e->mode;
		u->dirs++;
	} else if (S_ISREG(e->mode) || S_ISLNK(e->mode)) {
		if (inode) {
			err = -EEXIST;
			goto fail;
		}
		inode = ramfs_new_inode(e->mode);
		if (!inode)
			return -ENOMEM;
		err = ramfs_set_data(inode, e->data, e->size);
		if (!err)
			err = ramfs_link(dir, last, last_len, inode);
		S_ISREG(e->mode) ? u->files++ : u->links++;
	} else {
		log_debug("%s: skipping '%.*s': device and fifo nodes are not unpacked", u->archive,
			  (int)e->name_len, e->name);
		return 0;
	}
	if (err)
		goto fail;
	inode->uid = e->uid;
	inode->gid = e->gid;
	inode->mtime.tv_sec = inode->ctime.tv_sec = inode->atime.tv_sec = (long long)e->mtime;
	inode->mtime.tv_nsec = inode->ctime.tv_nsec = inode->atime.tv_nsec = 0;
	return 0;
fail:
	log_msg("%s: cannot unpack '%.*s': error %d", u->archive, (int)e->name_len, e->name, -err);
	return err;
}

int rootfs_unpack(const void *archive, size_t size, const char *name)
{
	struct unpack u = { name, 0, 0, 0 };
	struct cpio_error error = { 0, 0 };
	int err = cpio_parse(archive, size, add_entry, &u, &error);

	if (err == -EINVAL && error.reason) {
		log_msg("%s: offset %lu: %s", name, (unsigned long)error.offset, error.reason);
		return err;
	}
	if (!err)
		log_debug("%s: %u files, %u directories, %u symlinks", name, u.files, u.dirs,
			  u.links);
	return err;
}
