/*
 * First-fit allocator with boundary tags. The heap is a row of blocks that covers it exactly.
 * Each block starts with a header (size and a magic telling used from free) and ends with a
 * footer repeating the size, so a block being freed finds its left neighbour without a search.
 * Free blocks keep the links of a doubly-linked free list in their payload. Allocating takes
 * the first free block large enough and gives back the unused tail; freeing merges the block
 * with whichever neighbours are free, so no two free blocks are ever adjacent.
 */
#include <stdint.h>
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/string.h>

#define KMALLOC_ALIGN 16
#define MAGIC_USED ((size_t)0xa110c8ed)
#define MAGIC_FREE ((size_t)0xf4eeb10c)

struct block_header {
	size_t size; /* whole block, header and footer included; a multiple of KMALLOC_ALIGN */
	size_t magic;
};

struct free_block {
	struct block_header header;
	struct free_block *next, *prev;
};

#define FOOTER_SIZE sizeof(size_t)
#define BLOCK_OVERHEAD (sizeof(struct block_header) + FOOTER_SIZE)
#define ALIGN_UP(n) (((n) + KMALLOC_ALIGN - 1) & ~(size_t)(KMALLOC_ALIGN - 1))
#define MIN_BLOCK ALIGN_UP(sizeof(struct free_block) + FOOTER_SIZE)

_Static_assert(sizeof(struct block_header) == KMALLOC_ALIGN, "payloads must stay aligned");

/* All the allocator's state, in one place so that a lock can join it later. */
struct kmalloc_heap {
	uintptr_t start, end; /* start == end: no heap */
	struct free_block *free_list;
	size_t free_bytes;
};

static struct kmalloc_heap heap;

static size_t *footer(struct block_header *block)
{
	return (size_t *)((char *)block + block->size - FOOTER_SIZE);
}

static void set_block(struct block_header *block, size_t size, size_t magic)
{
	block->size = size;
	block->magic = magic;
	*footer(block) = size;
}

static struct block_header *next_block(struct block_header *block)
{
	uintptr_t next = (uintptr_t)block + block->size;

	return next == heap.end ? NULL : (struct block_header *)next;
}

static struct block_header *prev_block(struct block_header *block)
{
	if ((uintptr_t)block == heap.start)
		return NULL;
	return (struct block_header *)((char *)block - ((size_t *)block)[-1]);
}

static void *payload(struct block_header *block)
{
	return block + 1;
}

static void list_insert(struct block_header *block)
{
	struct free_block *node = (struct free_block *)block;

	node->prev = NULL;
	node->next = heap.free_list;
	if (heap.free_list)
		heap.free_list->prev = node;
	heap.free_list = node;
	heap.free_bytes += block->size;
}

static void list_remove(struct block_header *block)
{
	struct free_block *node = (struct free_block *)block;

	if (node->prev)
		node->prev->next = node->next;
	else
		heap.free_list = node->next;
	if (node->next)
		node->next->prev = node->prev;
	heap.free_bytes -= block->size;
}

/* Block size for a request, or 0 when it cannot be represented. */
static size_t block_size_for(size_t size)
{
	if (size > SIZE_MAX - BLOCK_OVERHEAD - (KMALLOC_ALIGN - 1))
		return 0;
	size = ALIGN_UP(size + BLOCK_OVERHEAD);
	return size < MIN_BLOCK ? MIN_BLOCK : size;
}

/*
 * Frees a block, merging it with free neighbours. Headers swallowed by a merge lose their
 * magic so that a stale pointer to them is not taken for a live block.
 */
static void release(struct block_header *block)
{
	struct block_header *next = next_block(block), *prev = prev_block(block);
	size_t size = block->size;

	if (next && next->magic == MAGIC_FREE) {
		list_remove(next);
		next->magic = 0;
		size += next->size;
	}
	if (prev && prev->magic == MAGIC_FREE) {
		list_remove(prev);
		block->magic = 0;
		size += prev->size;
		block = prev;
	}
	set_block(block, size, MAGIC_FREE);
	list_insert(block);
}

/* Shrinks a used block to size bytes, freeing the tail when it can hold a block. */
static void split(struct block_header *block, size_t size)
{
	size_t rest = block->size - size;
	struct block_header *tail;

	if (rest < MIN_BLOCK)
		return;
	set_block(block, size, MAGIC_USED);
	tail = (struct block_header *)((char *)block + size);
	set_block(tail, rest, MAGIC_USED);
	release(tail);
}

/* The block of a pointer kmalloc returned, or NULL if ptr does not look like one. */
static struct block_header *used_block(void *ptr)
{
	uintptr_t address = (uintptr_t)ptr;
	struct block_header *block;

	if (address % KMALLOC_ALIGN || address < heap.start + sizeof(*block) ||
	    address >= heap.end)
		return NULL;
	block = (struct block_header *)ptr - 1;
	if (block->magic != MAGIC_USED || block->size < MIN_BLOCK ||
	    block->size % KMALLOC_ALIGN || block->size > heap.end - (uintptr_t)block ||
	    *footer(block) != block->size)
		return NULL;
	return block;
}

void kmalloc_init(void *base, size_t size)
{
	uintptr_t start = ALIGN_UP((uintptr_t)base), end;

	heap = (struct kmalloc_heap){ 0 };
	if (!base || size > UINTPTR_MAX - (uintptr_t)base)
		return;
	end = ((uintptr_t)base + size) & ~(uintptr_t)(KMALLOC_ALIGN - 1);
	if (end < start || end - start < MIN_BLOCK)
		return;
	heap.start = start;
	heap.end = end;
	set_block((struct block_header *)start, end - start, MAGIC_FREE);
	list_insert((struct block_header *)start);
}

void *kmalloc(size_t size)
{
	size_t need = block_size_for(size);

	if (!need)
		return NULL;
	for (struct free_block *node = heap.free_list; node; node = node->next) {
		struct block_header *block = &node->header;

		if (block->size < need)
			continue;
		list_remove(block);
		set_block(block, block->size, MAGIC_USED);
		split(block, need);
		return payload(block);
	}
	return NULL;
}

void *kzalloc(size_t size)
{
	void *ptr = kmalloc(size);

	if (ptr)
		memset(ptr, 0, size);
	return ptr;
}

void *krealloc(void *ptr, size_t size)
{
	struct block_header *block, *next;
	size_t need;
	void *moved;

	if (!ptr)
		return kmalloc(size);
	block = used_block(ptr);
	need = block_size_for(size);
	if (!block || !need)
		return NULL;
	if (need <= block->size) {
		split(block, need);
		return ptr;
	}
	/* Grow in place into a free right neighbour when it is large enough. */
	next = next_block(block);
	if (next && next->magic == MAGIC_FREE && next->size >= need - block->size) {
		list_remove(next);
		next->magic = 0;
		set_block(block, block->size + next->size, MAGIC_USED);
		split(block, need);
		return ptr;
	}
	moved = kmalloc(size);
	if (!moved)
		return NULL;
	memcpy(moved, ptr, block->size - BLOCK_OVERHEAD);
	release(block);
	return moved;
}

void kfree(void *ptr)
{
	struct block_header *block = ptr ? used_block(ptr) : NULL;

	if (block)
		release(block);
}

size_t kmalloc_free_bytes(void)
{
	return heap.free_bytes;
}

size_t kmalloc_heap_bytes(void)
{
	return heap.end - heap.start;
}

int kmalloc_check(void)
{
	size_t free_blocks = 0, free_bytes = 0, listed = 0;
	struct free_block *node, *prev = NULL;
	int prev_was_free = 0;

	for (uintptr_t at = heap.start; at != heap.end; at += ((struct block_header *)at)->size) {
		struct block_header *block = (struct block_header *)at;

		if (block->size < MIN_BLOCK || block->size % KMALLOC_ALIGN ||
		    block->size > heap.end - at || *footer(block) != block->size)
			return -EINVAL;
		if (block->magic == MAGIC_FREE) {
			if (prev_was_free)
				return -EINVAL;
			free_blocks++;
			free_bytes += block->size;
		} else if (block->magic != MAGIC_USED) {
			return -EINVAL;
		}
		prev_was_free = block->magic == MAGIC_FREE;
	}
	for (node = heap.free_list; node; prev = node, node = node->next) {
		uintptr_t at = (uintptr_t)node;

		if (++listed > free_blocks || at % KMALLOC_ALIGN || at < heap.start ||
		    at >= heap.end || heap.end - at < MIN_BLOCK ||
		    node->header.magic != MAGIC_FREE || node->prev != prev)
			return -EINVAL;
	}
	if (listed != free_blocks || free_bytes != heap.free_bytes)
		return -EINVAL;
	return 0;
}
