/*
 * The LibOS's own heap, carved from the area the monitor hands over at boot. Not thread-safe
 * yet: the LibOS is single-threaded for now.
 */
#ifndef LIBOS_KMALLOC_H
#define LIBOS_KMALLOC_H

#include <stddef.h>

/* Once, at boot, before any other call; before it every allocation fails. */
void kmalloc_init(void *base, size_t size);

/*
 * Returns 16-byte aligned memory, or NULL when no free block is large enough. kmalloc(0)
 * returns a unique, minimal allocation (to be kfree'd), so NULL always means out of memory.
 */
void *kmalloc(size_t size);
void *kzalloc(size_t size);

/*
 * Like realloc: keeps the contents up to the smaller size, krealloc(NULL, n) is kmalloc(n),
 * and on failure returns NULL leaving ptr allocated. krealloc(ptr, 0) shrinks to a minimal
 * allocation, as kmalloc(0) does, and does not free.
 */
void *krealloc(void *ptr, size_t size);

/*
 * NULL is ignored. A pointer kmalloc did not return, or one already freed, is ignored when it
 * is recognised as such, but this is a best-effort check callers must not rely on.
 */
void kfree(void *ptr);

/* Bytes in free blocks, block headers included: back to its initial value when all is freed. */
size_t kmalloc_free_bytes(void);

/* The whole heap, in bytes: 0 before kmalloc_init. */
size_t kmalloc_heap_bytes(void);

/* Walks the whole heap: 0 if every block and the free list are consistent, else -EINVAL. */
int kmalloc_check(void);

#endif
