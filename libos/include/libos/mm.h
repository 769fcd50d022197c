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

#endif
