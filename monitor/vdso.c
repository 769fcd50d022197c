#include <elf.h>
#include <string.h>
#include <sys/auxv.h>
#include "elf.h"
#include "vdso.h"

uint64_t vdso_function(const char *name)
{
	const Elf64_Ehdr *header = (const Elf64_Ehdr *)getauxval(AT_SYSINFO_EHDR);
	struct elf_image image;
	uint64_t vaddr;
	char err[256];

	if (!header || memcmp(header->e_ident, ELFMAG, SELFMAG))
		return 0;
	/* The image ends with its section headers. */
	size_t len = header->e_shoff + (size_t)header->e_shnum * header->e_shentsize;
	if (elf_parse(header, len, &image, err, sizeof(err)) ||
	    elf_symbol(&image, name, &vaddr, err, sizeof(err)))
		return 0;
	return (uint64_t)header - image.min_vaddr + vaddr;
}
