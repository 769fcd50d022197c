/* The sorted, non-overlapping list of mapped ranges of the app region. */
#ifndef LIBOS_MM_VMA_H
#define LIBOS_MM_VMA_H

#include <stdint.h>

struct vma {
	uint64_t start, end;
	int prot;
};

/* Forget [start, end): entries are trimmed or split. -ENOMEM if a split
 * needs memory that is not there. */
int vma_remove(uint64_t start, uint64_t end);
/* Record [start, end) with prot, replacing whatever was there. */
int vma_insert(uint64_t start, uint64_t end, int prot);
/* The entry containing addr, or NULL. */
const struct vma *vma_find(uint64_t addr);
/* Is [start, end) free of any entry? */
int vma_range_free(uint64_t start, uint64_t end);
/* Is every page of [start, end) mapped? */
int vma_range_mapped(uint64_t start, uint64_t end);
/* The highest free gap of len bytes inside [low, high), or 0. */
uint64_t vma_find_gap(uint64_t low, uint64_t high, uint64_t len);

#endif
