/* The sorted, non-overlapping list of mapped ranges of the app region. */
#ifndef LIBOS_MM_VMA_H
#define LIBOS_MM_VMA_H

#include <stdint.h>

struct shared_pages;

struct vma {
	uint64_t start, end;
	int prot;
	/* What /proc/self/maps shows: a file mapping's path (ino not 0) and the file offset of
	 * start, or a name such as "[heap]"; NULL for anonymous memory. Names are never freed
	 * and compared by address: entries merge only with the same name (and, for a file,
	 * contiguous offsets). */
	const char *name;
	uint64_t ino, offset;
	/* A MAP_SHARED mapping shows these pages (offset is theirs too, for an anonymous one);
	 * the list counts the bytes of each entry that shows them (shared_pages_mapped). */
	struct shared_pages *pages;
	/* What mprotect may grant (VM_MAYREAD ...): a shared mapping of a file opened read-only
	 * never becomes writable. */
	int max_prot;
};

/* Forget [start, end): entries are trimmed or split. -ENOMEM if a split
 * needs memory that is not there. */
int vma_remove(uint64_t start, uint64_t end);
/* Record [start, end) with prot, replacing whatever was there: anonymous memory. */
int vma_insert(uint64_t start, uint64_t end, int prot);
/* The same for a named range: a file's (ino not 0, offset of start) or "[heap]". */
int vma_insert_named(uint64_t start, uint64_t end, int prot, const char *name, uint64_t ino,
		     uint64_t offset);
/* Record fresh (its start, end, prot, name, ino, offset, pages, max_prot), replacing whatever
 * was there. */
int vma_insert_entry(const struct vma *fresh);
/* Give every entry of [start, end) the protection prot, keeping names and offsets. The
 * range must be mapped. */
int vma_protect(uint64_t start, uint64_t end, int prot);
/* The iterator: the first entry that ends above addr, or NULL. */
const struct vma *vma_next(uint64_t addr);
/* The entry containing addr, or NULL. */
const struct vma *vma_find(uint64_t addr);
/* Is [start, end) free of any entry? */
int vma_range_free(uint64_t start, uint64_t end);
/* Is every page of [start, end) mapped? */
int vma_range_mapped(uint64_t start, uint64_t end);
/* The highest free gap of len bytes inside [low, high), or 0. */
uint64_t vma_find_gap(uint64_t low, uint64_t high, uint64_t len);

#endif
