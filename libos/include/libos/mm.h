/* The app cVM's address space as the LibOS manages it: which pages of the
 * region are mapped, with which protection (the VMA list), mmap placement
 * and the program break. */
#ifndef LIBOS_MM_H
#define LIBOS_MM_H

#include <stdint.h>
#include <uni/boot.h>

#define PAGE_SIZE 4096UL

int mm_init(const struct libos_boot *boot);

/* 0 if [addr, addr + len) is mapped in the app cVM with at least prot
 * (PROT_READ / PROT_WRITE), else -EFAULT. */
int mm_check_access(uint64_t addr, uint64_t len, int prot);

/* How many bytes from addr on are mapped readable, contiguously (at most
 * max): for NUL-terminated strings. */
uint64_t mm_readable_span(uint64_t addr, uint64_t max);

/* One mapping of the app, as /proc/self/maps lists it. */
struct mm_mapping {
	uint64_t start, end;
	int prot;
	const char *name; /* a file's path, "[heap]", "[stack]", or NULL */
	uint64_t ino, offset; /* a file's inode number and the offset of start */
	int shared; /* MAP_SHARED */
};

/* The mappings in address order: the first that ends above addr, or -ENOENT past the last. */
int mm_mapping_after(uint64_t addr, struct mm_mapping *out);
/* The app region's size, and how much of it is mapped. */
void mm_usage(uint64_t *region_bytes, uint64_t *mapped_bytes);
/* The program ld.so loaded: the first file mapped executable, or NULL before that. */
const char *mm_exe_path(void);

#endif
