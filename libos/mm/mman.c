/* mmap, munmap, mremap, mprotect, madvise, msync and brk for the app cVM. Pages come from
 * the monitor (HC_MAP gives fresh zeroed pages, HC_PROTECT sets the MMU's protection), always
 * inside the app's region; a MAP_SHARED mapping shows shared pages (libos/shm.h): a ramfs
 * file's own, or for an anonymous one, pages of its own. */
#include <linux/mman.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/kmalloc.h>
#include <libos/log.h>
#include <libos/mm.h>
#include <libos/shm.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/vfs.h>
#include "vma.h"

#define PROT_ALL (PROT_READ | PROT_WRITE | PROT_EXEC)
/* The flags mmap(2) knows (LEGACY_MAP_MASK): MAP_SHARED_VALIDATE refuses any other. */
#define MAP_KNOWN                                                                                  \
	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE | MAP_EXECUTABLE |  \
	 MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE |           \
	 MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB)

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
	*out = (struct mm_mapping){ v->start, v->end, v->prot, v->name, v->ino, v->offset,
				    v->pages != 0 };
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

static uint64_t page_up(uint64_t n)
{
	return (n + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}

static int inside_region(uint64_t addr, uint64_t len)
{
	return addr >= mm.region_base && addr <= mm.region_end && len <= mm.region_end - addr;
}

/* Where mmap may place what it chooses the address of: the mmap area, which leaves the
 * program break's reserved area and the stack alone. */
static int in_mmap_area(uint64_t addr, uint64_t len)
{
	return addr >= mm.mmap_base && addr <= mm.mmap_end && len <= mm.mmap_end - addr;
}

/* get_unmapped_area(): the hint if [hint, hint + len) is free in the mmap area, else the
 * highest gap that fits; 0 if none does. */
static uint64_t place(uint64_t hint, uint64_t len)
{
	hint &= ~(PAGE_SIZE - 1);
	if (hint && in_mmap_area(hint, len) && vma_range_free(hint, hint + len))
		return hint;
	return vma_find_gap(mm.mmap_base, mm.mmap_end, len);
}

static int map_pages(uint64_t addr, uint64_t len, int prot, const char *name)
{
	long err = hostcall(HC_MAP, (long)addr, (long)len, prot, 0, 0);

	return err ? (int)err : vma_insert_named(addr, addr + len, prot, name, 0, 0);
}

/* Give [addr, addr + len) back: fresh inaccessible pages, and no entry. */
static int unmap_range(uint64_t addr, uint64_t len)
{
	long err = hostcall(HC_MAP, (long)addr, (long)len, PROT_NONE, 0, 0);

	return err ? (int)err : vma_remove(addr, addr + len);
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

/* /dev/zero (1:5) maps anonymous memory (mmap_zero()); no other device can be mapped. */
static int dev_zero(const struct file *file)
{
	return S_ISCHR(file->inode->mode) && file->inode->rdev == (1 << 8 | 5);
}

/* The checks do_mmap() makes of a file mapping, in its order: 0 or -E..., and in *max_prot
 * what mprotect may grant the mapping later. */
static long check_file_mapping(struct file *file, long prot, long flags, uint64_t len,
			       uint64_t offset, int *max_prot)
{
	int readable = (file->flags & O_ACCMODE) != O_WRONLY;
	int writable = (file->flags & O_ACCMODE) != O_RDONLY;

	/* file_mmap_ok(): the mapping must end within the largest file offset. */
	if (len > INT64_MAX || offset > (uint64_t)INT64_MAX - len)
		return -EOVERFLOW;
	*max_prot = PROT_ALL;
	if ((flags & MAP_TYPE) != MAP_PRIVATE) {
		if ((flags & MAP_TYPE) == MAP_SHARED_VALIDATE && (flags & ~MAP_KNOWN))
			return -EOPNOTSUPP;
		if ((prot & PROT_WRITE) && !writable)
			return -EACCES;
		if (!writable)
			*max_prot &= ~PROT_WRITE;
	}
	if (!readable)
		return -EACCES;
	if (!S_ISREG(file->inode->mode) && !dev_zero(file))
		return -ENODEV;
	/* procfs's files have no mmap method: proc_reg_mmap() answers EIO. */
	if (file->inode->iops)
		return -EIO;
	if (flags & MAP_GROWSDOWN)
		return -EINVAL;
	return 0;
}

/* The pages of a MAP_SHARED mapping: the file's, or new ones for an anonymous mapping, which
 * go with its last mapping. */
static int shared_pages_for(struct file *file, uint64_t len, struct shared_pages **pages)
{
	if (!file)
		return shared_pages_new(len, 0, pages);
	int err = ramfs_shared_pages(file->inode, pages);
	if (err == -ENODEV)
		log_once("mmap: MAP_SHARED of a file outside the ramfs is not supported (ENODEV)");
	return err;
}

long sys_mmap(long addr_arg, long len_arg, long prot, long flags, long fd, long offset_arg)
{
	uint64_t addr = (uint64_t)addr_arg, len = (uint64_t)len_arg, offset = (uint64_t)offset_arg;
	int shared = (flags & MAP_TYPE) != MAP_PRIVATE, max_prot = PROT_ALL;
	struct shared_pages *pages = 0;
	struct file *file = 0;
	long err;

	/* Linux ignores prot bits it does not know in mmap (not in mprotect). */
	prot &= PROT_ALL;
	if (offset & (PAGE_SIZE - 1))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fd_get_io((int)fd);
		if (!file)
			return -EBADF;
	}
	if (!len)
		return -EINVAL;
	if (len > mm.region_end - mm.region_base)
		return -ENOMEM;
	len = page_up(len);
	switch (flags & MAP_TYPE) {
	case MAP_PRIVATE:
	case MAP_SHARED:
		break;
	case MAP_SHARED_VALIDATE:
		if (file)
			break;
		return -EINVAL;
	default:
		return -EINVAL;
	}
	if (shared && !file && (flags & MAP_GROWSDOWN))
		return -EINVAL;
	if (file) {
		err = check_file_mapping(file, prot, flags, len, offset, &max_prot);
		if (err)
			return err;
		if (dev_zero(file))
			file = 0;
	}

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr & (PAGE_SIZE - 1))
			return -EINVAL;
		if (!inside_region(addr, len))
			return -ENOMEM;
		if ((flags & MAP_FIXED_NOREPLACE) && !vma_range_free(addr, addr + len))
			return -EEXIST;
	} else {
		addr = place(addr, len);
		if (!addr)
			return -ENOMEM;
	}

	const char *name = file ? file_name(file) : 0;
	struct vma entry = { .start = addr, .end = addr + len, .prot = (int)prot, .name = name,
			     .ino = file && name ? file->inode->ino : 0,
			     .offset = file ? offset : 0, .max_prot = max_prot };
	if (shared) {
		err = shared_pages_for(file, len, &pages);
		if (err)
			return err;
		entry.pages = pages;
		err = shared_pages_map(pages, entry.offset, addr, len, (int)prot);
		if (!err)
			err = vma_insert_entry(&entry);
		if (!file)
			shared_pages_disown(pages); /* its mapping holds it now, if it was made */
	} else {
		err = hostcall(HC_MAP, (long)addr, (long)len, PROT_READ | PROT_WRITE, 0, 0);
		if (!err && file)
			err = fill_from_file(file, addr, len, offset);
		if (!err && prot != (PROT_READ | PROT_WRITE))
			err = hostcall(HC_PROTECT, (long)addr, (long)len, prot, 0, 0);
		if (!err)
			err = vma_insert_entry(&entry);
	}
	if (err) {
		unmap_range(addr, len);
		return err;
	}
	/* ld.so maps the program's code before any library's: that is /proc/self/exe. */
	if (file && (prot & PROT_EXEC) && !mm.exe)
		mm.exe = name;
	return (long)addr;
}

/* x86-64's TASK_SIZE with 4-level page tables: the end of user space. */
#define TASK_SIZE 0x7ffffffff000UL

/* Outside the app's region nothing of the app is mapped: that part has nothing to unmap, as a
 * hole has not. Only what is past user space is EINVAL. */
long sys_munmap(long addr_arg, long len_arg)
{
	uint64_t addr = (uint64_t)addr_arg, len = (uint64_t)len_arg;

	if ((addr & (PAGE_SIZE - 1)) || !len)
		return -EINVAL;
	len = page_up(len);
	if (!len || addr > TASK_SIZE || len > TASK_SIZE - addr)
		return -EINVAL;
	uint64_t start = addr > mm.region_base ? addr : mm.region_base;
	uint64_t end = addr + len < mm.region_end ? addr + len : mm.region_end;
	return start < end ? unmap_range(start, end - start) : 0;
}

long sys_mprotect(long addr_arg, long len_arg, long prot)
{
	uint64_t addr = (uint64_t)addr_arg, len = (uint64_t)len_arg;

	if ((addr & (PAGE_SIZE - 1)) || (prot & ~PROT_ALL))
		return -EINVAL;
	len = page_up(len);
	if (!len)
		return 0;
	if (!inside_region(addr, len) || !vma_range_mapped(addr, addr + len))
		return -ENOMEM;
	/* A shared mapping of a file opened read-only stays read-only (VM_MAYWRITE). */
	for (const struct vma *v = vma_find(addr); v && v->start < addr + len; v = vma_next(v->end))
		if (prot & ~v->max_prot)
			return -EACCES;
	long err = hostcall(HC_PROTECT, (long)addr, (long)len, prot, 0, 0);
	return err ? err : vma_protect(addr, addr + len, (int)prot);
}

/* madvise_walk_vmas(): the mapped parts are emptied, then a hole is ENOMEM. Private pages read
 * back as zeros afterwards; shared ones are the file's (or the shared anonymous object's) and
 * read back as they were. */
static long madvise_dontneed(uint64_t addr, uint64_t len)
{
	long result = vma_range_mapped(addr, addr + len) ? 0 : -ENOMEM;

	for (const struct vma *v = vma_next(addr); v && v->start < addr + len;) {
		uint64_t start = v->start > addr ? v->start : addr;
		uint64_t end = v->end < addr + len ? v->end : addr + len;
		if (!v->pages) {
			long err = hostcall(HC_MAP, (long)start, (long)(end - start), v->prot, 0, 0);
			if (err)
				return err;
		}
		v = end < addr + len ? vma_next(end) : 0;
	}
	return result;
}

long sys_madvise(long addr_arg, long len_arg, long advice)
{
	uint64_t addr = (uint64_t)addr_arg, len = (uint64_t)len_arg;

	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	len = page_up(len);
	switch (advice) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_FREE: /* contents may be kept until written: keeping them is allowed */
		return vma_range_mapped(addr, addr + len) ? 0 : -ENOMEM;
	case MADV_DONTNEED:
		return madvise_dontneed(addr, len);
	default:
		return -EINVAL;
	}
}

/* Nothing is ever written back: ramfs files are their pages. What is left is msync(2)'s
 * checks, and ENOMEM when part of the range is not mapped. */
long sys_msync(long addr_arg, long len_arg, long flags)
{
	uint64_t addr = (uint64_t)addr_arg, len = (uint64_t)len_arg;

	if ((flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) || (addr & (PAGE_SIZE - 1)) ||
	    ((flags & MS_ASYNC) && (flags & MS_SYNC)))
		return -EINVAL;
	len = page_up(len);
	if (addr + len < addr)
		return -ENOMEM;
	if (!len)
		return 0;
	return vma_range_mapped(addr, addr + len) ? 0 : -ENOMEM;
}

/* A mapping at new_addr of new_len bytes, showing what [old, old + old_len) of entry v showed
 * (the rest of a private one zeros), entered in the list like v. The old range is left as it
 * is. */
static long remap_copy(const struct vma *v, uint64_t old, uint64_t old_len, uint64_t new_addr,
		       uint64_t new_len)
{
	struct vma entry = *v;
	long err;

	entry.start = new_addr;
	entry.end = new_addr + new_len;
	if (entry.ino || entry.pages)
		entry.offset = v->offset + (old - v->start);
	if (v->pages) {
		err = shared_pages_map(v->pages, entry.offset, new_addr, new_len, v->prot);
		return err ? err : vma_insert_entry(&entry);
	}
	/* Private pages are copied: the monitor has no call that moves pages. A page the app
	 * cannot read is made readable for the copy. */
	uint64_t copied = old_len < new_len ? old_len : new_len;
	err = hostcall(HC_MAP, (long)new_addr, (long)new_len, PROT_READ | PROT_WRITE, 0, 0);
	if (!err && copied && !(v->prot & PROT_READ))
		err = hostcall(HC_PROTECT, (long)old, (long)copied, v->prot | PROT_READ, 0, 0);
	if (!err) {
		memcpy((void *)new_addr, (const void *)old, copied);
		if (!(v->prot & PROT_READ))
			err = hostcall(HC_PROTECT, (long)old, (long)copied, v->prot, 0, 0);
	}
	if (!err && v->prot != (PROT_READ | PROT_WRITE))
		err = hostcall(HC_PROTECT, (long)new_addr, (long)new_len, v->prot, 0, 0);
	return err ? err : vma_insert_entry(&entry);
}

/* move_vma(): the pages of [old, old + old_len) at new_addr, then the old range unmapped, or
 * with MREMAP_DONTUNMAP emptied: private pages there read as zeros again, shared ones show
 * the same pages still. */
static long remap_move(const struct vma *v, uint64_t old, uint64_t old_len, uint64_t new_addr,
		       uint64_t new_len, long flags)
{
	long err = remap_copy(v, old, old_len, new_addr, new_len);

	if (err) {
		unmap_range(new_addr, new_len);
		return err;
	}
	if (!old_len) /* a second mapping of shared pages */
		err = 0;
	else if (!(flags & MREMAP_DONTUNMAP))
		err = unmap_range(old, old_len);
	else if (!v->pages)
		err = hostcall(HC_MAP, (long)old, (long)old_len, v->prot, 0, 0);
	return err ? err : (long)new_addr;
}

/* vma_to_resize(): the entry [old, old + old_len) lies in, if it may become new_len long. */
static long resizable(uint64_t old, uint64_t old_len, uint64_t new_len, struct vma *out)
{
	const struct vma *v = vma_find(old);

	if (!v)
		return -EFAULT;
	/* A length of 0 asks for a second mapping of the same pages: shared ones only. */
	if (!old_len && !v->pages)
		return -EINVAL;
	if (old_len > v->end - old)
		return -EFAULT;
	if (new_len != old_len && (v->ino || v->pages)) {
		uint64_t offset = v->offset + (old - v->start);
		if (offset + new_len < offset)
			return -EINVAL;
	}
	*out = *v;
	return 0;
}

/* mremap_to(): MREMAP_FIXED, or MREMAP_DONTUNMAP with new_addr as a hint. */
static long remap_to(uint64_t old, uint64_t old_len, uint64_t new_addr, uint64_t new_len,
		     long flags)
{
	struct vma v;
	long err;

	if (new_addr & (PAGE_SIZE - 1))
		return -EINVAL;
	if (old + old_len > new_addr && new_addr + new_len > old)
		return -EINVAL;
	if (flags & MREMAP_FIXED) {
		if (!inside_region(new_addr, new_len))
			return -ENOMEM;
		err = unmap_range(new_addr, new_len);
		if (err)
			return err;
	}
	if (old_len > new_len) {
		err = unmap_range(old + new_len, old_len - new_len);
		if (err)
			return err;
		old_len = new_len;
	}
	err = resizable(old, old_len, new_len, &v);
	if (err)
		return err;
	if (!(flags & MREMAP_FIXED)) {
		new_addr = place(new_addr, new_len);
		if (!new_addr)
			return -ENOMEM;
	}
	return remap_move(&v, old, old_len, new_addr, new_len, flags);
}

/* mremap(2) as Linux orders its checks: shrinking unmaps the tail, growing takes the free pages
 * after the mapping when it ends there, and otherwise moves it (MREMAP_MAYMOVE). */
long sys_mremap(long old_arg, long old_len_arg, long new_len_arg, long flags, long new_arg)
{
	uint64_t old = (uint64_t)old_arg, old_len = (uint64_t)old_len_arg;
	uint64_t new_len = (uint64_t)new_len_arg, new_addr = (uint64_t)new_arg;
	struct vma v;
	long err;

	if (flags & ~(long)(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	/* MREMAP_DONTUNMAP always moves, and never resizes. */
	if ((flags & MREMAP_DONTUNMAP) && (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if (old & (PAGE_SIZE - 1))
		return -EINVAL;
	old_len = page_up(old_len);
	new_len = page_up(new_len);
	if (!new_len)
		return -EINVAL;
	if (!vma_find(old))
		return -EFAULT;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		return remap_to(old, old_len, new_addr, new_len, flags);
	if (old_len >= new_len) {
		if (old_len > new_len) {
			err = unmap_range(old + new_len, old_len - new_len);
			if (err)
				return err;
		}
		return (long)old;
	}
	err = resizable(old, old_len, new_len, &v);
	if (err)
		return err;
	/* Grow in place: the range after the entry is free, and the mapping ends with it. */
	uint64_t delta = new_len - old_len;
	if (old_len == v.end - old && in_mmap_area(v.end, delta) &&
	    vma_range_free(v.end, v.end + delta)) {
		struct vma tail = v;
		tail.start = v.end;
		tail.end = v.end + delta;
		if (tail.ino || tail.pages)
			tail.offset = v.offset + (v.end - v.start);
		err = remap_copy(&tail, tail.start, 0, tail.start, delta);
		if (err) {
			unmap_range(tail.start, delta);
			return err;
		}
		return (long)old;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	new_addr = place(0, new_len);
	if (!new_addr)
		return -ENOMEM;
	return remap_move(&v, old, old_len, new_addr, new_len, flags);
}

long sys_brk(long requested_arg)
{
	uint64_t requested = (uint64_t)requested_arg;
	uint64_t old_end = page_up(mm.brk);
	uint64_t new_end = page_up(requested);

	/* Like Linux, a request that cannot be met returns the old break. */
	if (requested < mm.brk_base || requested > mm.brk_limit)
		return (long)mm.brk;
	if (new_end > old_end &&
	    (!vma_range_free(old_end, new_end) ||
	     map_pages(old_end, new_end - old_end, PROT_READ | PROT_WRITE, heap_name)))
		return (long)mm.brk;
	if (new_end < old_end)
		unmap_range(new_end, old_end - new_end);
	mm.brk = requested;
	return (long)mm.brk;
}
