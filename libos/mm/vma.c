#include <asm/mman.h>
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/shm.h>
#include <libos/string.h>
#include "vma.h"

static struct vma *vmas;
static int nvmas, capacity;

static int reserve(int extra)
{
	if (nvmas + extra <= capacity)
		return 0;
	int want = capacity ? capacity * 2 : 64;
	while (want < nvmas + extra)
		want *= 2;
	struct vma *grown = krealloc(vmas, (size_t)want * sizeof(*vmas));
	if (!grown)
		return -ENOMEM;
	vmas = grown;
	capacity = want;
	return 0;
}

/* Index of the first entry whose end is above addr. */
static int first_ending_after(uint64_t addr)
{
	int lo = 0, hi = nvmas;

	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (vmas[mid].end <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void open_slot(int i)
{
	memmove(&vmas[i + 1], &vmas[i], (size_t)(nvmas - i) * sizeof(*vmas));
	nvmas++;
}

static void close_slot(int i)
{
	memmove(&vmas[i], &vmas[i + 1], (size_t)(nvmas - i - 1) * sizeof(*vmas));
	nvmas--;
}

static int has_offset(const struct vma *v)
{
	return v->ino || v->pages;
}

/* An entry now begins at start: a file mapping's offset follows. */
static void move_start(struct vma *v, uint64_t start)
{
	if (has_offset(v))
		v->offset += start - v->start;
	v->start = start;
}

/* May b, which begins where a ends, become part of a? */
static int mergeable(const struct vma *a, const struct vma *b)
{
	return a->prot == b->prot && a->name == b->name && a->ino == b->ino &&
	       a->pages == b->pages && a->max_prot == b->max_prot &&
	       (!has_offset(a) || a->offset + (a->end - a->start) == b->offset);
}

/* Bytes of v's shared pages no longer shown: [start, end) of it is forgotten. */
static void forget(const struct vma *v, uint64_t start, uint64_t end)
{
	if (v->pages)
		shared_pages_mapped(v->pages, -(int64_t)(end - start));
}

int vma_remove(uint64_t start, uint64_t end)
{
	int i = first_ending_after(start);

	if (reserve(1))
		return -ENOMEM;
	while (i < nvmas && vmas[i].start < end) {
		struct vma *v = &vmas[i];
		if (v->start < start && v->end > end) {
			forget(v, start, end);
			open_slot(i + 1);
			vmas[i + 1] = vmas[i];
			move_start(&vmas[i + 1], end);
			vmas[i].end = start;
			return 0;
		}
		if (v->start < start) {
			forget(v, start, v->end);
			v->end = start;
			i++;
		} else if (v->end > end) {
			forget(v, v->start, end);
			move_start(v, end);
			i++;
		} else {
			struct vma gone = *v;
			close_slot(i);
			forget(&gone, gone.start, gone.end);
		}
	}
	return 0;
}

int vma_insert_entry(const struct vma *fresh)
{
	uint64_t start = fresh->start, end = fresh->end;

	if (reserve(2))
		return -ENOMEM;
	/* Counted before what it replaces goes: the same pages must not be freed on the way. */
	if (fresh->pages)
		shared_pages_mapped(fresh->pages, (int64_t)(end - start));
	if (vma_remove(start, end))
		return -ENOMEM; /* not reached: reserve() made the room */
	int i = first_ending_after(start);
	if (i > 0 && vmas[i - 1].end == start && mergeable(&vmas[i - 1], fresh)) {
		vmas[i - 1].end = end;
		i--;
	} else {
		open_slot(i);
		vmas[i] = *fresh;
	}
	if (i + 1 < nvmas && vmas[i + 1].start == end && mergeable(&vmas[i], &vmas[i + 1])) {
		vmas[i].end = vmas[i + 1].end;
		close_slot(i + 1);
	}
	return 0;
}

int vma_insert_named(uint64_t start, uint64_t end, int prot, const char *name, uint64_t ino,
		     uint64_t offset)
{
	struct vma fresh = { .start = start, .end = end, .prot = prot, .name = name, .ino = ino,
			     .offset = ino ? offset : 0,
			     .max_prot = PROT_READ | PROT_WRITE | PROT_EXEC };

	return vma_insert_entry(&fresh);
}

int vma_insert(uint64_t start, uint64_t end, int prot)
{
	return vma_insert_named(start, end, prot, 0, 0, 0);
}

int vma_protect(uint64_t start, uint64_t end, int prot)
{
	for (uint64_t at = start; at < end;) {
		const struct vma *v = vma_find(at);
		if (!v)
			return -ENOMEM;
		struct vma piece = *v;
		uint64_t piece_end = v->end < end ? v->end : end;
		move_start(&piece, at);
		piece.end = piece_end;
		piece.prot = prot;
		int err = vma_insert_entry(&piece);
		if (err)
			return err;
		at = piece_end;
	}
	return 0;
}

const struct vma *vma_next(uint64_t addr)
{
	int i = first_ending_after(addr);

	return i < nvmas ? &vmas[i] : 0;
}

const struct vma *vma_find(uint64_t addr)
{
	int i = first_ending_after(addr);

	return i < nvmas && vmas[i].start <= addr ? &vmas[i] : 0;
}

int vma_range_free(uint64_t start, uint64_t end)
{
	int i = first_ending_after(start);

	return i >= nvmas || vmas[i].start >= end;
}

int vma_range_mapped(uint64_t start, uint64_t end)
{
	int i = first_ending_after(start);

	for (uint64_t at = start; at < end; i++) {
		if (i >= nvmas || vmas[i].start > at)
			return 0;
		at = vmas[i].end;
	}
	return 1;
}

uint64_t vma_find_gap(uint64_t low, uint64_t high, uint64_t len)
{
	uint64_t top = high;

	for (int i = nvmas - 1; i >= 0; i--) {
		if (vmas[i].start >= top)
			continue;
		uint64_t gap_low = vmas[i].end > low ? vmas[i].end : low;
		if (gap_low < top && top - gap_low >= len)
			return top - len;
		top = vmas[i].start;
		if (top <= low)
			return 0;
	}
	return top > low && top - low >= len ? top - len : 0;
}
