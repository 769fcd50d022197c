/* mmap, munmap, mprotect, madvise and brk for the app cVM. Pages come from
 * the monitor (HC_MAP gives fresh zeroed pages, HC_PROTECT sets the MMU's
 * protection), always inside the app's region. */
#include <linux/mman.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/kmalloc.h>
#include <libos/log.h>
#include <libos/mm.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/vfs.h>
#include "vma.h"

#define PROT_ALL (PROT_READ | PROT_WRITE | PROT_EXEC)

static struct {
	uint64_t region_base, region_end; /* the app cVM */
	uint64_t mmap_base, mmap_end; /* where mmap places mappings */
	uint64_t brk_base, brk_limit, brk; /* the program break's reserved area */
	const char *exe; /* the first file mapped executable: the program */
} mm;

static const char heap_name[] = "[heap]", stack_name[] = "[stack]";

/* The paths of mapped files, kept for the life of the cVM: the VMA list points at them. */
struct mapped_name {
	struct mapped_name *next;
	char path[];
};
static struct mapped_name *mapped_names;

static const char *intern(const char *path)
{
	struct mapped_name *n;
	size_t len = strlen(path);

	for (n = mapped_names; n; n = n->next)
		if (!strcmp(n->path, path))
			return n->path;
	n = kmalloc(sizeof(*n) + len + 1);
	if (!n)
		return 0;
	memcpy(n->path, path, len + 1);
	n->next = mapped_names;
	mapped_names = n;
	return n->path;
}

/* The name a file mapping shows, or NULL when it cannot be had (then it looks anonymous). */
static const char *file_name(struct file *file)
{
	char path[PATH_MAX];

	return vfs_file_path(file, path, sizeof(path)) < 0 ? 0 : intern(path);
}

const char *mm_exe_path(void)
{
	return mm.exe;
}

int mm_mapping_after(uint64_t addr, struct mm_mapping *out)
{
	const struct vma *v = vma_next(addr);

	if (!v)
		return -ENOENT;
	*out = (struct mm_mapping){ v->start, v->end, v->prot, v->name, v->ino, v->offset };
	return 0;
}

void mm_usage(uint64_t *region_bytes, uint64_t *mapped_bytes)
{
	uint64_t mapped = 0;

	for (const struct vma *v = vma_next(0); v; v = vma_next(v->end))
		mapped += v->end - v->start;
	*region_bytes = mm.region_end - mm.region_base;
	*mapped_bytes = mapped;
}

int mm_init(const struct libos_boot *boot)
{
	mm.region_base = boot->app_base;
	mm.region_end = boot->app_base + boot->app_size;
	mm.brk_base = mm.brk = boot->app_brk;
	/* The break may grow to an eighth of the free space, at most 1 GiB
	 * (musl's malloc falls back to mmap when brk fails). */
	uint64_t room = (boot->app_mmap_end - boot->app_mmap_base) / 8;
	mm.brk_limit = mm.brk_base + (room < (1UL << 30) ? room : (1UL << 30));
	mm.brk_limit &= ~(PAGE_SIZE - 1);
	mm.mmap_base = mm.brk_limit;
	mm.mmap_end = boot->app_mmap_end;
	/* The stack is what the monitor mapped above the mmap area. */
	for (uint32_t i = 0; i < boot->app_nvmas && i < LIBOS_BOOT_MAX_VMAS; i++)
		if (vma_insert_named(boot->app_vmas[i].start, boot->app_vmas[i].end,
				     (int)boot->app_vmas[i].prot,
				     boot->app_vmas[i].start >= mm.mmap_end ? stack_name : 0, 0, 0))
			return -ENOMEM;
	return 0;
}

int mm_check_access(uint64_t addr, uint64_t len, int prot)
{
	uint64_t end = addr + len;

	while (addr < end) {
		const struct vma *v = vma_find(addr);
		if (!v || (v->prot & prot) != prot)
			return -EFAULT;
		addr = v->end;
	}
	return 0;
}

uint64_t mm_readable_span(uint64_t addr, uint64_t max)
{
	uint64_t at = addr;

	while (at - addr < max) {
		const struct vma *v = vma_find(at);
		if (!v || !(v->prot & PROT_READ))
			break;
		at = v->end;
	}
	return at - addr < max ? at - addr : max;
}

static int inside_region(uint64_t addr, uint64_t len)
{
	return addr >= mm.region_base && addr <= mm.region_end && len <= mm.region_end - addr;
}

static int map_pages(uint64_t addr, uint64_t len, int prot, const char *name)
{
	long err = hostcall(HC_MAP, (long)addr, (long)len, prot, 0, 0);

	return err ? (int)err : vma_insert_named(addr, addr + len, prot, name, 0, 0);
}

static long fill_from_file(struct file *file, uint64_t addr, uint64_t len, uint64_t offset)
{
	uint64_t done = 0;

	while (done < len) {
		uint64_t pos = offset + done;
		long n = file->inode->fops->read(file, (void *)(addr + done), len - done, &pos);
		if (n < 0)
			return n;
		if (n == 0)
			break;
		done += (uint64_t)n;
	}
	return 0;
}

long sys_mmap(long addr_arg, long len_arg, long prot, long flags, long fd, long offset)
{
	uint64_t addr = (uint64_t)addr_arg, len = (uint64_t)len_arg;
	struct file *file = 0;
	long err;

	/* Linux ignores prot bits it does not know in mmap (not in mprotect). */
	prot &= PROT_ALL;
	if (!len || (offset & (PAGE_SIZE - 1)))
		return -EINVAL;
	if (len > mm.region_end - mm.region_base)
		return -ENOMEM;
	len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	switch (flags & MAP_TYPE) {
	case MAP_PRIVATE:
	case MAP_SHARED:
	case MAP_SHARED_VALIDATE:
		break;
	default:
		return -EINVAL;
	}
	if ((flags & MAP_ANONYMOUS) && (flags & MAP_TYPE) == MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fd_get_io((int)fd);
		if (!file)
			return -EBADF;
		if (!S_ISREG(file->inode->mode))
			return -ENODEV;
		/* procfs's files have no mmap method: proc_reg_mmap() answers EIO. */
		if (file->inode->iops)
			return -EIO;
		if ((file->flags & O_ACCMODE) == O_WRONLY)
			return -EACCES;
		if ((flags & MAP_TYPE) != MAP_PRIVATE) {
			/* Writes through the mapping would not reach the file. */
			log_once("mmap: MAP_SHARED of a file is not supported yet (ENODEV)");
			return -ENODEV;
		}
	}

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr & (PAGE_SIZE - 1))
			return -EINVAL;
		if (!inside_region(addr, len))
			return -ENOMEM;
		if ((flags & MAP_FIXED_NOREPLACE) &&
		    !vma_range_free(addr, addr + len))
			return -EEXIST;
	} else {
		addr &= ~(PAGE_SIZE - 1);
		if (!addr || addr < mm.mmap_base || !inside_region(addr, len) ||
		    addr + len > mm.mmap_end || !vma_range_free(addr, addr + len))
			addr = vma_find_gap(mm.mmap_base, mm.mmap_end, len);
		if (!addr)
			return -ENOMEM;
	}

	const char *name = file ? file_name(file) : 0;
	err = map_pages(addr, len, PROT_READ | PROT_WRITE, 0);
	if (!err && file)
		err = fill_from_file(file, addr, len, (uint64_t)offset);
	if (!err && prot != (PROT_READ | PROT_WRITE))
		err = hostcall(HC_PROTECT, (long)addr, (long)len, prot, 0, 0);
	if (!err)
		err = vma_insert_named(addr, addr + len, (int)prot, name,
				       file && name ? file->inode->ino : 0, (uint64_t)offset);
	if (err) {
		hostcall(HC_MAP, (long)addr, (long)len, PROT_NONE, 0, 0);
		vma_remove(addr, addr + len);
		return err;
	}
	/* ld.so maps the program's code before any library's: that is /proc/self/exe. */
	if (file && (prot & PROT_EXEC) && !mm.exe)
		mm.exe = name;
	return (long)addr;
}

long sys_munmap(long addr_arg, long len_arg)
{
	uint64_t addr = (uint64_t)addr_arg, len = (uint64_t)len_arg;

	if ((addr & (PAGE_SIZE - 1)) || !len)
		return -EINVAL;
	len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	if (!inside_region(addr, len))
		return -EINVAL;
	long err = hostcall(HC_MAP, (long)addr, (long)len, PROT_NONE, 0, 0);
	return err ? err : vma_remove(addr, addr + len);
}

long sys_mprotect(long addr_arg, long len_arg, long prot)
{
	uint64_t addr = (uint64_t)addr_arg, len = (uint64_t)len_arg;

	if ((addr & (PAGE_SIZE - 1)) || (prot & ~PROT_ALL))
		return -EINVAL;
	len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	if (!len)
		return 0;
	if (!inside_region(addr, len) || !vma_range_mapped(addr, addr + len))
		return -ENOMEM;
	long err = hostcall(HC_PROTECT, (long)addr, (long)len, prot, 0, 0);
	return err ? err : vma_protect(addr, addr + len, (int)prot);
}

long sys_madvise(long addr_arg, long len_arg, long advice)
{
	uint64_t addr = (uint64_t)addr_arg, len = (uint64_t)len_arg;

	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	switch (advice) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_FREE: /* contents may be kept until written: keeping them is allowed */
		return vma_range_mapped(addr, addr + len) ? 0 : -ENOMEM;
	case MADV_DONTNEED:
		if (!vma_range_mapped(addr, addr + len))
			return -ENOMEM;
		/* Anonymous private pages read back as zeros afterwards. */
		for (uint64_t at = addr; at < addr + len;) {
			const struct vma *v = vma_find(at);
			uint64_t end = v->end < addr + len ? v->end : addr + len;
			long err = hostcall(HC_MAP, (long)at, (long)(end - at), v->prot, 0, 0);
			if (err)
				return err;
			at = end;
		}
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_brk(long requested_arg)
{
	uint64_t requested = (uint64_t)requested_arg;
	uint64_t old_end = (mm.brk + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	uint64_t new_end = (requested + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);

	/* Like Linux, a request that cannot be met returns the old break. */
	if (requested < mm.brk_base || requested > mm.brk_limit)
		return (long)mm.brk;
	if (new_end > old_end &&
	    (!vma_range_free(old_end, new_end) ||
	     map_pages(old_end, new_end - old_end, PROT_READ | PROT_WRITE, heap_name)))
		return (long)mm.brk;
	if (new_end < old_end) {
		hostcall(HC_MAP, (long)new_end, (long)(old_end - new_end), PROT_NONE, 0, 0);
		vma_remove(new_end, old_end);
	}
	mm.brk = requested;
	return (long)mm.brk;
}
