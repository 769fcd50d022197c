/* procfs at /proc: the app's process (pid 1, /proc/self) and the few system files programs
 * read. Its directories and files are inodes of their own file system (inode->iops set):
 * names there are never made or removed by the app; /proc/self/fd lists the fd table as it
 * is; the files' text is made when read, through the normal read, pread and lseek paths.
 *
 * /proc/cpuinfo lists the processors the monitor reported at boot, with CPUID's names. */
#include <stdarg.h>
#include <linux/fs.h>
#include <libos/cpu.h>
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/log.h>
#include <libos/mm.h>
#include <libos/string.h>
#include <libos/vfs.h>
#include <asm/mman.h>

#define FD_LINK_SIZE 64 /* what lstat gives for /proc/self/fd/N (proc_fd_link's inode) */
#define MAPS_NAME_COLUMN 73 /* show_map_vma(): the path starts here */

struct text {
	char *buf;
	size_t size, len;
};

struct proc_node {
	const char *name;
	uint32_t mode;
	void (*show)(struct text *out); /* a file's text */
	long (*link)(char *buf, size_t size, struct link_jump *jump); /* a symlink's target */
	const struct proc_node *children; /* a directory's, up to one without a name */
	const struct inode_ops *iops; /* a directory's own, else the node's kind's */
};

static void put(struct text *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct text *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = kvsnprintf(out->buf + (out->len < out->size ? out->len : out->size),
			   out->len < out->size ? out->size - out->len : 0, fmt, ap);
	va_end(ap);
	out->len += (size_t)n;
}

static void put_spaces(struct text *out, size_t n)
{
	while (n--)
		put(out, " ");
}

/* --- generated files -------------------------------------------------------------------- */

static void show_cpuinfo(struct text *out)
{
	for (unsigned cpu = 0; cpu < host_cpus.count; cpu++)
		put(out,
		    "processor\t: %u\nvendor_id\t: %s\nmodel name\t: %s\n"
		    "physical id\t: 0\nsiblings\t: %u\ncore id\t\t: %u\ncpu cores\t: %u\n\n",
		    cpu, host_cpus.vendor, host_cpus.model, host_cpus.count, cpu, host_cpus.count);
}

static void put_kb(struct text *out, const char *key, uint64_t bytes)
{
	put(out, "%s", key);
	put_spaces(out, 16 - strlen(key));
	put(out, "%8lu kB\n", (unsigned long)(bytes >> 10));
}

/* The memory the cVM has: the app's region and the LibOS's heap, which holds the files. */
static void show_meminfo(struct text *out)
{
	uint64_t region, mapped, heap = kmalloc_heap_bytes(), heap_free = kmalloc_free_bytes();

	mm_usage(&region, &mapped);
	uint64_t total = region + heap, free = region - mapped + heap_free;
	put_kb(out, "MemTotal:", total);
	put_kb(out, "MemFree:", free);
	put_kb(out, "MemAvailable:", free);
	put_kb(out, "Buffers:", 0);
	put_kb(out, "Cached:", heap - heap_free);
	put_kb(out, "SwapCached:", 0);
	put_kb(out, "Shmem:", heap - heap_free);
	put_kb(out, "SwapTotal:", 0);
	put_kb(out, "SwapFree:", 0);
}

/* show_map_vma(): a file's mapping has its device, inode and offset. */
static void show_maps(struct text *out)
{
	struct mm_mapping m;

	for (uint64_t at = 0; !mm_mapping_after(at, &m); at = m.end) {
		size_t start = out->len;
		put(out, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu", (unsigned long)m.start,
		    (unsigned long)m.end, (m.prot & PROT_READ) ? 'r' : '-',
		    (m.prot & PROT_WRITE) ? 'w' : '-', (m.prot & PROT_EXEC) ? 'x' : '-',
		    m.shared ? 's' : 'p', (unsigned long)m.offset, 0, m.ino ? 1 : 0,
		    (unsigned long)m.ino);
		if (m.name) {
			size_t used = out->len - start;
			put_spaces(out, used < MAPS_NAME_COLUMN ? MAPS_NAME_COLUMN - used : 1);
			put(out, "%s\n", m.name);
		} else {
			put(out, " \n");
		}
	}
}

static long proc_read(struct file *file, void *buf, size_t len, uint64_t *pos)
{
	const struct proc_node *node = file->inode->device;
	struct text out = { 0, 0, 0 };

	/* Made whole at each read, as large as it turns out to be. */
	for (size_t size = 4096;; size = out.len + 1) {
		out.buf = kmalloc(size);
		if (!out.buf)
			return -ENOMEM;
		out.size = size;
		out.len = 0;
		node->show(&out);
		if (out.len < size)
			break;
		kfree(out.buf);
	}
	long n = 0;
	if (*pos < out.len) {
		n = (long)(out.len - *pos < len ? out.len - *pos : len);
		memcpy(buf, out.buf + *pos, (size_t)n);
		*pos += (uint64_t)n;
	}
	kfree(out.buf);
	return n;
}

static long proc_write(struct file *file, const void *buf, size_t len, uint64_t *pos)
{
	(void)file, (void)buf, (void)len, (void)pos;
	return -EIO;
}

/* seq_lseek(): from the start or the current position only, anywhere not negative. */
static long proc_llseek(struct file *file, long offset, int whence)
{
	switch (whence) {
	case SEEK_CUR:
		if (offset > 0 && (long)file->pos > __LONG_MAX__ - offset)
			return -EINVAL;
		offset += (long)file->pos;
		/* fall through */
	case SEEK_SET:
		if (offset < 0)
			return -EINVAL;
		file->pos = (uint64_t)offset;
		return offset;
	default:
		return -EINVAL;
	}
}

static const struct file_ops proc_file_fops = {
	.read = proc_read, .write = proc_write, .llseek = proc_llseek, .seekable = 1
};

/* --- links -------------------------------------------------------------------------------- */

static long copy_target(char *buf, size_t size, const char *target)
{
	size_t len = strlen(target);

	memcpy(buf, target, len < size ? len : size);
	return (long)len;
}

static long self_link(char *buf, size_t size, struct link_jump *jump)
{
	char pid[16];

	(void)jump;
	ksnprintf(pid, sizeof(pid), "%d", APP_PID);
	return copy_target(buf, size, pid);
}

static long exe_link(char *buf, size_t size, struct link_jump *jump)
{
	const char *exe = mm_exe_path();

	(void)jump;
	return exe ? copy_target(buf, size, exe) : -ENOENT;
}

static long cwd_link(char *buf, size_t size, struct link_jump *jump)
{
	long len = vfs_dir_path(vfs_cwd(), buf, size);

	jump->inode = vfs_cwd();
	return len == -ENOENT ? copy_target(buf, size, "(deleted)") : len;
}

static long node_get_link(struct inode *link, char *buf, size_t size, struct link_jump *jump)
{
	const struct proc_node *node = link->device;

	return node->link(buf, size, jump);
}

/* /proc/self/fd/N: the fd's path, and a jump to its open file. */
static long fd_get_link(struct inode *link, char *buf, size_t size, struct link_jump *jump)
{
	struct file *file = fd_get((int)(uintptr_t)link->device);

	if (!file)
		return -ENOENT;
	long len = vfs_file_path(file, buf, size);
	if (len < 0)
		return len;
	jump->inode = file->inode;
	jump->file = file;
	return len;
}

/* --- /proc/self/fd -------------------------------------------------------------------------- */

static const struct inode_ops proc_iops = { .get_link = node_get_link };
static const struct inode_ops fd_link_iops = { .get_link = fd_get_link };
static struct inode *fd_links[FD_MAX];

/* The link for an open fd, made once; its mode says how the fd is open (tid_fd_update_inode()). */
static struct inode *fd_link(int fd)
{
	struct file *file = fd_get(fd);

	if (!file)
		return 0;
	if (!fd_links[fd]) {
		struct inode *inode = ramfs_new_inode(S_IFLNK);
		if (!inode)
			return 0;
		inode->iops = &fd_link_iops;
		inode->dev = PROCFS_DEV;
		inode->device = (void *)(uintptr_t)fd;
		inode->size = FD_LINK_SIZE;
		inode->nlink = 1;
		fd_links[fd] = inode;
	}
	uint32_t mode = S_IFLNK;
	if (!(file->flags & O_PATH) && (file->flags & O_ACCMODE) != O_WRONLY)
		mode |= S_IRUSR | S_IXUSR;
	if (!(file->flags & O_PATH) && (file->flags & O_ACCMODE) != O_RDONLY)
		mode |= S_IWUSR | S_IXUSR;
	fd_links[fd]->mode = mode;
	return fd_links[fd];
}

/* Names are fds in decimal, without leading zeros (name_to_int()). */
static struct inode *fd_dir_lookup(struct inode *dir, const char *name, size_t len)
{
	unsigned fd = 0;

	(void)dir;
	if (!len || (len > 1 && name[0] == '0'))
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9' || fd >= FD_MAX)
			return 0;
		fd = fd * 10 + (unsigned)(name[i] - '0');
	}
	return fd < FD_MAX ? fd_link((int)fd) : 0;
}

/* Listed by fd, fd N at position N + 2 (proc_readfd_common()). */
static int fd_dir_item(struct inode *dir, int64_t pos, struct dir_item *item)
{
	(void)dir;
	if (pos - DIR_POS_FIRST_ENTRY >= FD_MAX)
		return 0;
	int fd = fd_next_open((int)(pos - DIR_POS_FIRST_ENTRY));
	struct inode *link = fd < 0 ? 0 : fd_link(fd);
	if (!link)
		return 0;
	item->name_len = (size_t)ksnprintf(item->name_buf, sizeof(item->name_buf), "%d", fd);
	item->name = item->name_buf;
	item->inode = link;
	item->next = fd + DIR_POS_FIRST_ENTRY + 1;
	return 1;
}

static const struct inode_ops fd_dir_iops = { .lookup = fd_dir_lookup, .dir_item = fd_dir_item };

/* --- the tree ------------------------------------------------------------------------------ */

static const struct proc_node pid_nodes[] = {
	{ "cwd", S_IFLNK | 0777, 0, cwd_link, 0, 0 },
	{ "exe", S_IFLNK | 0777, 0, exe_link, 0, 0 },
	{ "fd", S_IFDIR | 0500, 0, 0, 0, &fd_dir_iops },
	{ "maps", S_IFREG | 0444, show_maps, 0, 0, 0 },
	{ 0, 0, 0, 0, 0, 0 },
};

static const struct proc_node root_nodes[] = {
	{ "1", S_IFDIR | 0555, 0, 0, pid_nodes, 0 },
	{ "cpuinfo", S_IFREG | 0444, show_cpuinfo, 0, 0, 0 },
	{ "meminfo", S_IFREG | 0444, show_meminfo, 0, 0, 0 },
	{ "self", S_IFLNK | 0777, 0, self_link, 0, 0 },
	{ 0, 0, 0, 0, 0, 0 },
};

static const struct proc_node root_node = { "proc", S_IFDIR | 0555, 0, 0, root_nodes, 0 };

/* Make node's inode as dir's child, and its children below it. */
static int make_node(struct inode *dir, const struct proc_node *node)
{
	struct inode *inode = ramfs_new_inode(node->mode);

	if (!inode)
		return -ENOMEM;
	inode->iops = node->iops ? node->iops : &proc_iops;
	inode->dev = PROCFS_DEV;
	inode->device = (void *)node;
	if (S_ISREG(node->mode))
		inode->fops = &proc_file_fops;
	int err = ramfs_link(dir, node->name, strlen(node->name), inode);
	if (err) {
		inode_release(inode);
		return err;
	}
	for (const struct proc_node *child = node->children; !err && child && child->name; child++)
		err = make_node(inode, child);
	if (S_ISDIR(node->mode))
		inode->size = 0; /* procfs directories have no size */
	return err;
}

/* Mounted over an empty /proc of the root file system, as a kernel mounts it. */
int procfs_init(void)
{
	struct inode *root = ramfs_root();
	struct dir_entry *old = ramfs_find(root, "proc", 4);

	if (old && S_ISDIR(old->inode->mode) && !old->inode->entries) {
		ramfs_unlink(root, old);
	} else if (old) {
		log_msg("/proc is in the root file system and not an empty directory: no procfs");
		return 0;
	}
	return make_node(root, &root_node);
}
