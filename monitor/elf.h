/*
 * ELF loader of the monitor: validates an x86-64 ET_DYN file held in memory, copies its
 * PT_LOAD segments into a region the monitor has mapped, applies R_X86_64_RELATIVE
 * relocations and looks up dynamic symbols. Every function works on (buf, len) only and
 * reports a malformed file as "offset 0xNN: reason" in err, never by reading past len.
 */

/*
 * This header shares its name with the system's <elf.h>, whose types it needs. With -Imonitor
 * a plain #include would find this file again, so the system one is reached with include_next.
 * It sits outside the guard because a file including "elf.h" from monitor/ makes GCC restart
 * the search at -Imonitor: the nested copy of this header is then the one whose include_next
 * reaches /usr/include, and the guard must not hide that from it.
 */
#include_next <elf.h>

#ifndef UNI_MONITOR_ELF_H
#define UNI_MONITOR_ELF_H

#include <stddef.h>
#include <stdint.h>

#define ELF_MAX_SEGMENTS 16
#define ELF_PAGE_SIZE 4096ULL
/* Top of the x86-64 lower canonical half: no user image lies above, and sums stay far from
 * overflowing uint64_t. */
#define ELF_MAX_VADDR (1ULL << 47)

struct elf_segment {
	uint64_t vaddr, memsz, offset, filesz;
	uint32_t flags; /* PF_R|PF_W|PF_X */
};

struct elf_image {
	const uint8_t *buf;
	size_t len;
	uint64_t entry; /* e_entry, a vaddr; 0 if the file has none (gABI) */
	uint64_t phoff;
	uint16_t phnum, phentsize;
	uint64_t span; /* page-rounded, from the lowest PT_LOAD page to the end of the highest */
	uint64_t min_vaddr; /* page-rounded down vaddr of the first PT_LOAD (usually 0) */
	int nsegments;
	struct elf_segment segments[ELF_MAX_SEGMENTS];
	uint64_t dynamic_vaddr, dynamic_size; /* PT_DYNAMIC, 0 if none */
	uint64_t phdr_vaddr; /* where the program headers are in memory; 0 if not loaded */
};

/* Validate buf and fill img; img->buf points into buf, which must outlive img. 0 or -1. */
int elf_parse(const void *buf, size_t len, struct elf_image *img, char *err, size_t errlen);

/* Copy each PT_LOAD's file bytes to dest + (vaddr - min_vaddr). dest must be zero-filled
 * (fresh anonymous pages): the rest of the span (bss, the gaps between segments) is left
 * as it is. dest_size must be >= img->span. 0 or -1. */
int elf_load(const struct elf_image *img, void *dest, size_t dest_size, char *err, size_t errlen);

/* Apply the DT_RELA and DT_JMPREL relocations of the image loaded at dest, which will run at
 * load_base (the address of vaddr 0). Only R_X86_64_RELATIVE and R_X86_64_NONE are accepted;
 * DT_REL and DT_RELR are rejected as unsupported. 0 or -1. */
int elf_relocate(const struct elf_image *img, void *dest, uint64_t load_base, char *err,
		 size_t errlen);

/* Find a defined global or weak symbol in the .dynsym section. 0 and *vaddr, or -1. */
int elf_symbol(const struct elf_image *img, const char *name, uint64_t *vaddr, char *err,
	       size_t errlen);

/* The function holding vaddr (or the nearest one below it), from .symtab or
 * else .dynsym: 0 with its name (inside the file) and vaddr's offset in it,
 * or -1. */
int elf_symbol_at(const struct elf_image *img, uint64_t vaddr, const char **name,
		  uint64_t *offset);

/* The PT_INTERP path, NUL-terminated inside the file, or NULL if there is none. */
const char *elf_interp(const struct elf_image *img);

/* Call fn for each DT_NEEDED name in order: 0, fn's non-zero value, or -1 with err. */
int elf_needed(const struct elf_image *img, int (*fn)(const char *name, void *ctx), void *ctx,
	       char *err, size_t errlen);

#endif
