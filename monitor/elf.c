/*
 * ELF loader of the monitor. The file is untrusted input: every offset and size is checked
 * against img->len before the bytes behind it are read, and structures are copied out with
 * memcpy because nothing guarantees the file keeps them aligned.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "elf.h"

#define HEX "0x%" PRIx64

__attribute__((format(printf, 3, 4))) static int fail(char *err, size_t errlen, const char *fmt,
						      ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static uint64_t page_down(uint64_t value)
{
	return value & ~(ELF_PAGE_SIZE - 1);
}

static uint64_t page_up(uint64_t value)
{
	return page_down(value + ELF_PAGE_SIZE - 1);
}

/* The PT_LOAD holding all of [vaddr, vaddr + size) with every bit of flags set; in_file asks
 * for the part backed by file bytes, so that the range can also be read from img->buf. */
static const struct elf_segment *find_segment(const struct elf_image *img, uint64_t vaddr,
					      uint64_t size, int in_file, uint32_t flags)
{
	int i;

	for (i = 0; i < img->nsegments; i++) {
		const struct elf_segment *seg = &img->segments[i];
		uint64_t limit = in_file ? seg->filesz : seg->memsz;

		if ((seg->flags & flags) != flags || vaddr < seg->vaddr)
			continue;
		if (size <= limit && vaddr - seg->vaddr <= limit - size)
			return seg;
	}
	return NULL;
}

/* File offset of [vaddr, vaddr + size), or -1 if it is not all in the file part of a PT_LOAD. */
static int vaddr_to_offset(const struct elf_image *img, uint64_t vaddr, uint64_t size,
			   uint64_t *offset)
{
	const struct elf_segment *seg = find_segment(img, vaddr, size, 1, 0);

	if (!seg)
		return -1;
	*offset = seg->offset + (vaddr - seg->vaddr);
	return 0;
}

static int parse_load(struct elf_image *img, const Elf64_Phdr *ph, uint64_t off, char *err,
		      size_t errlen)
{
	struct elf_segment *seg;

	if (img->nsegments == ELF_MAX_SEGMENTS)
		return fail(err, errlen,
			    "offset " HEX ": more than %d PT_LOAD segments (ELF_MAX_SEGMENTS)", off,
			    ELF_MAX_SEGMENTS);
	if (ph->p_filesz > ph->p_memsz)
		return fail(err, errlen, "offset " HEX ": PT_LOAD filesz " HEX " > memsz " HEX, off,
			    ph->p_filesz, ph->p_memsz);
	if (ph->p_offset > img->len || ph->p_filesz > img->len - ph->p_offset)
		return fail(err, errlen,
			    "offset " HEX ": PT_LOAD file range " HEX "-" HEX
			    " beyond end of file (0x%zx bytes)",
			    off, ph->p_offset, ph->p_offset + ph->p_filesz, img->len);
	if (ph->p_vaddr > ELF_MAX_VADDR || ph->p_memsz > ELF_MAX_VADDR - ph->p_vaddr)
		return fail(err, errlen,
			    "offset " HEX ": PT_LOAD vaddr " HEX " memsz " HEX " ends beyond " HEX
			    " (ELF_MAX_VADDR)",
			    off, ph->p_vaddr, ph->p_memsz, (uint64_t)ELF_MAX_VADDR);
	if (ph->p_align & (ph->p_align - 1))
		return fail(err, errlen,
			    "offset " HEX ": PT_LOAD alignment " HEX " is not a power of two", off,
			    ph->p_align);
	/* A file mapped page by page needs this; copying does not, but the linker guarantees it,
	 * so a file without it was not made by one. */
	if ((ph->p_offset - ph->p_vaddr) % ELF_PAGE_SIZE)
		return fail(err, errlen,
			    "offset " HEX ": PT_LOAD offset " HEX " and vaddr " HEX
			    " differ modulo the page size",
			    off, ph->p_offset, ph->p_vaddr);
	if (img->nsegments > 0) {
		const struct elf_segment *prev = &img->segments[img->nsegments - 1];

		if (ph->p_vaddr < prev->vaddr + prev->memsz)
			return fail(err, errlen,
				    "offset " HEX ": PT_LOAD vaddr " HEX
				    " overlaps or precedes the previous segment ending at " HEX,
				    off, ph->p_vaddr, prev->vaddr + prev->memsz);
	}
	seg = &img->segments[img->nsegments++];
	seg->vaddr = ph->p_vaddr;
	seg->memsz = ph->p_memsz;
	seg->offset = ph->p_offset;
	seg->filesz = ph->p_filesz;
	seg->flags = ph->p_flags & (PF_R | PF_W | PF_X);
	return 0;
}

static int parse_header(const Elf64_Ehdr *eh, size_t len, char *err, size_t errlen)
{
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0)
		return fail(err, errlen, "offset 0x0: bad ELF magic");
	if (eh->e_ident[EI_CLASS] != ELFCLASS64)
		return fail(err, errlen, "offset 0x%x: not a 64-bit ELF file (class %u)", EI_CLASS,
			    eh->e_ident[EI_CLASS]);
	if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return fail(err, errlen, "offset 0x%x: not little-endian (data encoding %u)",
			    EI_DATA, eh->e_ident[EI_DATA]);
	if (eh->e_ident[EI_VERSION] != EV_CURRENT)
		return fail(err, errlen, "offset 0x%x: unknown ELF version %u", EI_VERSION,
			    eh->e_ident[EI_VERSION]);
	if (eh->e_type != ET_DYN)
		return fail(err, errlen,
			    "offset 0x%zx: ELF type %u is not ET_DYN (position-independent)",
			    offsetof(Elf64_Ehdr, e_type), eh->e_type);
	if (eh->e_machine != EM_X86_64)
		return fail(err, errlen, "offset 0x%zx: machine %u is not EM_X86_64 (%u)",
			    offsetof(Elf64_Ehdr, e_machine), eh->e_machine, EM_X86_64);
	if (eh->e_version != EV_CURRENT)
		return fail(err, errlen, "offset 0x%zx: unknown ELF version %u",
			    offsetof(Elf64_Ehdr, e_version), eh->e_version);
	if (eh->e_phentsize != sizeof(Elf64_Phdr))
		return fail(err, errlen, "offset 0x%zx: program header size %u, expected %zu",
			    offsetof(Elf64_Ehdr, e_phentsize), eh->e_phentsize, sizeof(Elf64_Phdr));
	/* With PN_XNUM the real count hides in section header 0; no file we load needs that. */
	if (eh->e_phnum == PN_XNUM)
		return fail(err, errlen, "offset 0x%zx: extended program header numbering",
			    offsetof(Elf64_Ehdr, e_phnum));
	if (eh->e_phoff > len || (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr) > len - eh->e_phoff)
		return fail(err, errlen,
			    "offset 0x%zx: program headers " HEX "-" HEX
			    " beyond end of file (0x%zx bytes)",
			    offsetof(Elf64_Ehdr, e_phoff), eh->e_phoff,
			    eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr), len);
	return 0;
}

int elf_parse(const void *buf, size_t len, struct elf_image *img, char *err, size_t errlen)
{
	uint64_t phdr_off, dynamic_off = 0, pt_phdr_off = 0, phdrs_size;
	const struct elf_segment *last;
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	int i;

	memset(img, 0, sizeof(*img));
	if (len < sizeof(eh))
		return fail(err, errlen,
			    "offset 0x0: file too short for an ELF header (%zu of %zu bytes)", len,
			    sizeof(eh));
	memcpy(&eh, buf, sizeof(eh));
	if (parse_header(&eh, len, err, errlen))
		return -1;

	img->buf = buf;
	img->len = len;
	img->entry = eh.e_entry;
	img->phoff = eh.e_phoff;
	img->phnum = eh.e_phnum;
	img->phentsize = eh.e_phentsize;
	for (i = 0; i < eh.e_phnum; i++) {
		phdr_off = eh.e_phoff + (uint64_t)i * sizeof(ph);
		memcpy(&ph, img->buf + phdr_off, sizeof(ph));
		if (ph.p_type == PT_LOAD) {
			if (parse_load(img, &ph, phdr_off, err, errlen))
				return -1;
		} else if (ph.p_type == PT_DYNAMIC) {
			if (dynamic_off)
				return fail(err, errlen, "offset " HEX ": second PT_DYNAMIC",
					    phdr_off);
			dynamic_off = phdr_off;
			img->dynamic_vaddr = ph.p_vaddr;
			img->dynamic_size = ph.p_memsz;
		} else if (ph.p_type == PT_PHDR) {
			pt_phdr_off = phdr_off;
			img->phdr_vaddr = ph.p_vaddr;
		}
	}
	if (img->nsegments == 0)
		return fail(err, errlen, "offset " HEX ": no PT_LOAD segment", eh.e_phoff);

	last = &img->segments[img->nsegments - 1];
	img->min_vaddr = page_down(img->segments[0].vaddr);
	img->span = page_up(last->vaddr + last->memsz) - img->min_vaddr;

	/* elf_relocate and elf_symbol read the dynamic table from the file, not from memory. */
	if (img->dynamic_size && !find_segment(img, img->dynamic_vaddr, img->dynamic_size, 1, 0))
		return fail(err, errlen,
			    "offset " HEX ": PT_DYNAMIC " HEX "+" HEX
			    " not inside the file part of a PT_LOAD",
			    dynamic_off, img->dynamic_vaddr, img->dynamic_size);

	/* Otherwise phdr_vaddr would point at memory that is never loaded. */
	phdrs_size = (uint64_t)eh.e_phnum * sizeof(ph);
	if (img->phdr_vaddr) {
		if (!find_segment(img, img->phdr_vaddr, phdrs_size, 0, 0))
			return fail(err, errlen,
				    "offset " HEX ": PT_PHDR " HEX " not inside a PT_LOAD",
				    pt_phdr_off, img->phdr_vaddr);
	} else {
		for (i = 0; i < img->nsegments; i++) {
			const struct elf_segment *seg = &img->segments[i];

			if (eh.e_phoff >= seg->offset && phdrs_size <= seg->filesz &&
			    eh.e_phoff - seg->offset <= seg->filesz - phdrs_size) {
				img->phdr_vaddr = seg->vaddr + (eh.e_phoff - seg->offset);
				break;
			}
		}
	}

	/* gABI: "If the file has no associated entry point, this member holds zero", as in a
	 * shared object linked without _start. */
	if (img->entry && !find_segment(img, img->entry, 1, 0, PF_X))
		return fail(err, errlen,
			    "offset 0x%zx: entry point " HEX " not inside an executable segment",
			    offsetof(Elf64_Ehdr, e_entry), img->entry);
	return 0;
}

int elf_load(const struct elf_image *img, void *dest, size_t dest_size, char *err, size_t errlen)
{
	uint8_t *base = dest;
	int i;

	if (dest_size < img->span)
		return fail(err, errlen,
			    "destination size 0x%zx is smaller than the image span " HEX, dest_size,
			    img->span);
	/* Only the file bytes: .bss and the gaps are the fresh pages' zeros, and
	 * stay untouched (no memory) until the cVM writes them. */
	for (i = 0; i < img->nsegments; i++) {
		const struct elf_segment *seg = &img->segments[i];

		memcpy(base + (seg->vaddr - img->min_vaddr), img->buf + seg->offset, seg->filesz);
	}
	return 0;
}

/* Value of the first tag entry of the dynamic table: 1, *value and the entry's file offset;
 * 0 if absent. */
static int dynamic_find(const struct elf_image *img, int64_t tag, uint64_t *value, uint64_t *offset)
{
	uint64_t base, entry_off, i;
	Elf64_Dyn dyn;

	if (!img->dynamic_size ||
	    vaddr_to_offset(img, img->dynamic_vaddr, img->dynamic_size, &base))
		return 0;
	for (i = 0; i < img->dynamic_size / sizeof(dyn); i++) {
		entry_off = base + i * sizeof(dyn);
		memcpy(&dyn, img->buf + entry_off, sizeof(dyn));
		if (dyn.d_tag == DT_NULL)
			return 0;
		if (dyn.d_tag == tag) {
			*value = dyn.d_un.d_val;
			if (offset)
				*offset = entry_off;
			return 1;
		}
	}
	return 0;
}

static const char *reloc_name(uint32_t type)
{
	switch (type) {
	case R_X86_64_64:
		return " (R_X86_64_64)";
	case R_X86_64_COPY:
		return " (R_X86_64_COPY)";
	case R_X86_64_GLOB_DAT:
		return " (R_X86_64_GLOB_DAT)";
	case R_X86_64_JUMP_SLOT:
		return " (R_X86_64_JUMP_SLOT)";
	case R_X86_64_DTPMOD64:
		return " (R_X86_64_DTPMOD64)";
	case R_X86_64_DTPOFF64:
		return " (R_X86_64_DTPOFF64)";
	case R_X86_64_TPOFF64:
		return " (R_X86_64_TPOFF64)";
	case R_X86_64_IRELATIVE:
		return " (R_X86_64_IRELATIVE)";
	}
	return "";
}

/* table/size come from the dynamic entry at tag_off, which the errors about the table name. */
static int apply_rela(const struct elf_image *img, uint8_t *dest, uint64_t load_base,
		      uint64_t table, uint64_t size, uint64_t tag_off, char *err, size_t errlen)
{
	uint64_t base, off, value, i;
	Elf64_Rela rela;
	uint32_t type;

	if (size % sizeof(rela))
		return fail(err, errlen,
			    "offset " HEX ": relocation table size " HEX
			    " is not a multiple of %zu",
			    tag_off, size, sizeof(rela));
	if (vaddr_to_offset(img, table, size, &base))
		return fail(err, errlen,
			    "offset " HEX ": relocation table " HEX "+" HEX
			    " not inside the file part of a PT_LOAD",
			    tag_off, table, size);
	for (i = 0; i < size / sizeof(rela); i++) {
		off = base + i * sizeof(rela);
		memcpy(&rela, img->buf + off, sizeof(rela));
		type = ELF64_R_TYPE(rela.r_info);
		if (type == R_X86_64_NONE)
			continue;
		/* libos.so is linked -Bsymbolic and imports nothing, so RELATIVE is all it needs;
		 * anything else means a symbol the monitor has no way to resolve. */
		if (type != R_X86_64_RELATIVE)
			return fail(err, errlen,
				    "offset " HEX ": unsupported relocation type %" PRIu32
				    "%s at r_offset " HEX,
				    off, type, reloc_name(type), rela.r_offset);
		if (!find_segment(img, rela.r_offset, sizeof(value), 0, PF_W))
			return fail(err, errlen,
				    "offset " HEX ": relocation target " HEX
				    " outside any writable segment",
				    off, rela.r_offset);
		value = load_base + (uint64_t)rela.r_addend;
		memcpy(dest + (rela.r_offset - img->min_vaddr), &value, sizeof(value));
	}
	return 0;
}

int elf_relocate(const struct elf_image *img, void *dest, uint64_t load_base, char *err,
		 size_t errlen)
{
	uint64_t table, size, value, off;

	if (dynamic_find(img, DT_REL, &value, &off))
		return fail(err, errlen,
			    "offset " HEX
			    ": DT_REL relocations are not supported (x86-64 uses DT_RELA)",
			    off);
	if (dynamic_find(img, DT_RELR, &value, &off))
		return fail(err, errlen,
			    "offset " HEX ": DT_RELR relocations are not supported "
			    "(link without -z pack-relative-relocs)",
			    off);
	if (dynamic_find(img, DT_RELA, &table, &off)) {
		if (!dynamic_find(img, DT_RELASZ, &size, NULL))
			return fail(err, errlen, "offset " HEX ": DT_RELA without DT_RELASZ", off);
		if (!dynamic_find(img, DT_RELAENT, &value, NULL) || value != sizeof(Elf64_Rela))
			return fail(err, errlen, "offset " HEX ": DT_RELAENT missing or not %zu",
				    off, sizeof(Elf64_Rela));
		if (apply_rela(img, dest, load_base, table, size, off, err, errlen))
			return -1;
	}
	if (dynamic_find(img, DT_JMPREL, &table, &off)) {
		if (!dynamic_find(img, DT_PLTRELSZ, &size, NULL))
			return fail(err, errlen, "offset " HEX ": DT_JMPREL without DT_PLTRELSZ",
				    off);
		if (!dynamic_find(img, DT_PLTREL, &value, NULL) || value != DT_RELA)
			return fail(err, errlen, "offset " HEX ": DT_PLTREL missing or not DT_RELA",
				    off);
		if (apply_rela(img, dest, load_base, table, size, off, err, errlen))
			return -1;
	}
	return 0;
}

/* Read section header index into sh; its offset goes to *off for error messages. */
static int read_section(const struct elf_image *img, const Elf64_Ehdr *eh, uint32_t index,
			Elf64_Shdr *sh, uint64_t *off, char *err, size_t errlen)
{
	*off = eh->e_shoff + (uint64_t)index * sizeof(*sh);
	memcpy(sh, img->buf + *off, sizeof(*sh));
	if (sh->sh_offset > img->len || sh->sh_size > img->len - sh->sh_offset)
		return fail(err, errlen,
			    "offset " HEX ": section %" PRIu32 " range " HEX "-" HEX
			    " beyond end of file (0x%zx bytes)",
			    *off, index, sh->sh_offset, sh->sh_offset + sh->sh_size, img->len);
	return 0;
}

static int name_matches(const struct elf_image *img, const Elf64_Shdr *strtab, uint32_t st_name,
			const char *name, size_t name_len)
{
	const uint8_t *str;

	if (st_name >= strtab->sh_size || name_len >= strtab->sh_size - st_name)
		return 0;
	str = img->buf + strtab->sh_offset + st_name;
	return memcmp(str, name, name_len) == 0 && str[name_len] == '\0';
}

/* The symbol table of type (SHT_DYNSYM or SHT_SYMTAB) and its string table. */
static int find_symbol_table(const struct elf_image *img, uint32_t type, Elf64_Shdr *symtab,
			     Elf64_Shdr *strtab, char *err, size_t errlen)
{
	const char *table = type == SHT_DYNSYM ? ".dynsym" : ".symtab";
	uint64_t symtab_off, strtab_off;
	Elf64_Ehdr eh;
	uint32_t index;

	memcpy(&eh, img->buf, sizeof(eh));
	if (eh.e_shnum == 0)
		return fail(err, errlen, "offset 0x%zx: no section headers to find %s in",
			    offsetof(Elf64_Ehdr, e_shnum), table);
	if (eh.e_shentsize != sizeof(Elf64_Shdr))
		return fail(err, errlen, "offset 0x%zx: section header size %u, expected %zu",
			    offsetof(Elf64_Ehdr, e_shentsize), eh.e_shentsize, sizeof(Elf64_Shdr));
	if (eh.e_shoff > img->len ||
	    (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr) > img->len - eh.e_shoff)
		return fail(err, errlen,
			    "offset 0x%zx: section headers at " HEX
			    " beyond end of file (0x%zx bytes)",
			    offsetof(Elf64_Ehdr, e_shoff), eh.e_shoff, img->len);

	for (index = 0; index < eh.e_shnum; index++) {
		memcpy(symtab, img->buf + eh.e_shoff + (uint64_t)index * sizeof(*symtab),
		       sizeof(*symtab));
		if (symtab->sh_type == type)
			break;
	}
	if (index == eh.e_shnum)
		return fail(err, errlen, "offset " HEX ": no %s section", eh.e_shoff,
			    type == SHT_DYNSYM ? "SHT_DYNSYM" : "SHT_SYMTAB");
	if (read_section(img, &eh, index, symtab, &symtab_off, err, errlen))
		return -1;
	if (symtab->sh_entsize != sizeof(Elf64_Sym))
		return fail(err, errlen, "offset " HEX ": %s entry size " HEX ", expected %zu",
			    symtab_off, table, symtab->sh_entsize, sizeof(Elf64_Sym));
	if (symtab->sh_link >= eh.e_shnum)
		return fail(err, errlen, "offset " HEX ": %s links to section %" PRIu32 " of %u",
			    symtab_off, table, symtab->sh_link, eh.e_shnum);
	if (read_section(img, &eh, symtab->sh_link, strtab, &strtab_off, err, errlen))
		return -1;
	if (strtab->sh_type != SHT_STRTAB)
		return fail(err, errlen, "offset " HEX ": %s string table is not SHT_STRTAB",
			    strtab_off, table);
	return 0;
}

int elf_symbol(const struct elf_image *img, const char *name, uint64_t *vaddr, char *err,
	       size_t errlen)
{
	Elf64_Shdr symtab, strtab;
	size_t name_len = strlen(name);
	Elf64_Sym sym;

	if (find_symbol_table(img, SHT_DYNSYM, &symtab, &strtab, err, errlen))
		return -1;
	/* Entry 0 is the reserved undefined symbol. */
	for (uint64_t i = 1; i < symtab.sh_size / sizeof(sym); i++) {
		memcpy(&sym, img->buf + symtab.sh_offset + i * sizeof(sym), sizeof(sym));
		if (sym.st_shndx == SHN_UNDEF)
			continue;
		if (ELF64_ST_BIND(sym.st_info) != STB_GLOBAL &&
		    ELF64_ST_BIND(sym.st_info) != STB_WEAK)
			continue;
		/* A TLS symbol's value is an offset in the TLS block, not a vaddr. */
		if (ELF64_ST_TYPE(sym.st_info) == STT_TLS)
			continue;
		if (name_matches(img, &strtab, sym.st_name, name, name_len)) {
			*vaddr = sym.st_value;
			return 0;
		}
	}
	return fail(err, errlen, "symbol '%s' not found", name);
}

/* Section shndx holds code (its headers were checked by find_symbol_table). */
static int code_section(const struct elf_image *img, uint16_t shndx)
{
	Elf64_Ehdr eh;
	Elf64_Shdr sh;

	memcpy(&eh, img->buf, sizeof(eh));
	if (shndx >= eh.e_shnum)
		return 0;
	memcpy(&sh, img->buf + eh.e_shoff + (uint64_t)shndx * sizeof(sh), sizeof(sh));
	return (sh.sh_flags & SHF_EXECINSTR) != 0;
}

/* A function, or a label in code without a type (an assembly entry point
 * such as _start). */
static int names_code(const struct elf_image *img, const Elf64_Sym *sym)
{
	int type = ELF64_ST_TYPE(sym->st_info);

	if (sym->st_shndx == SHN_UNDEF)
		return 0;
	return type == STT_FUNC ||
	       (type == STT_NOTYPE && ELF64_ST_BIND(sym->st_info) != STB_LOCAL &&
		code_section(img, sym->st_shndx));
}

int elf_symbol_at(const struct elf_image *img, uint64_t vaddr, const char **name,
		  uint64_t *offset)
{
	Elf64_Shdr symtab, strtab;
	uint64_t best_value = 0;
	int found = 0;
	Elf64_Sym sym;

	if (find_symbol_table(img, SHT_SYMTAB, &symtab, &strtab, NULL, 0) &&
	    find_symbol_table(img, SHT_DYNSYM, &symtab, &strtab, NULL, 0))
		return -1;
	/* The function whose range holds vaddr, or else the nearest one below. */
	for (uint64_t i = 1; i < symtab.sh_size / sizeof(sym); i++) {
		memcpy(&sym, img->buf + symtab.sh_offset + i * sizeof(sym), sizeof(sym));
		if (!names_code(img, &sym) || sym.st_value > vaddr || sym.st_name >= strtab.sh_size ||
		    !memchr(img->buf + strtab.sh_offset + sym.st_name, 0,
			    strtab.sh_size - sym.st_name))
			continue;
		if (found && sym.st_value < best_value)
			continue;
		best_value = sym.st_value;
		*name = (const char *)img->buf + strtab.sh_offset + sym.st_name;
		found = 1;
		if (vaddr - sym.st_value < sym.st_size)
			break; /* inside this function */
	}
	if (!found)
		return -1;
	*offset = vaddr - best_value;
	return 0;
}

const char *elf_interp(const struct elf_image *img)
{
	for (uint16_t i = 0; i < img->phnum; i++) {
		Elf64_Phdr ph;
		memcpy(&ph, img->buf + img->phoff + (uint64_t)i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_INTERP)
			continue;
		if (ph.p_offset > img->len || ph.p_filesz > img->len - ph.p_offset || !ph.p_filesz ||
		    img->buf[ph.p_offset + ph.p_filesz - 1] != 0)
			return NULL;
		return (const char *)img->buf + ph.p_offset;
	}
	return NULL;
}

int elf_needed(const struct elf_image *img, int (*fn)(const char *name, void *ctx), void *ctx,
	       char *err, size_t errlen)
{
	uint64_t strtab, strsz, base, str_off;
	Elf64_Dyn dyn;

	if (!dynamic_find(img, DT_STRTAB, &strtab, NULL) || !dynamic_find(img, DT_STRSZ, &strsz, NULL))
		return 0; /* no dynamic strings: nothing needed */
	if (vaddr_to_offset(img, strtab, strsz, &str_off) ||
	    vaddr_to_offset(img, img->dynamic_vaddr, img->dynamic_size, &base)) {
		snprintf(err, errlen, "dynamic string table outside the file");
		return -1;
	}
	for (uint64_t i = 0; i < img->dynamic_size / sizeof(dyn); i++) {
		memcpy(&dyn, img->buf + base + i * sizeof(dyn), sizeof(dyn));
		if (dyn.d_tag == DT_NULL)
			break;
		if (dyn.d_tag != DT_NEEDED)
			continue;
		const char *name = (const char *)img->buf + str_off + dyn.d_un.d_val;
		if (dyn.d_un.d_val >= strsz || !memchr(name, 0, strsz - dyn.d_un.d_val)) {
			snprintf(err, errlen, "offset 0x%lx: DT_NEEDED name outside the string table",
				 (unsigned long)(base + i * sizeof(dyn)));
			return -1;
		}
		int ret = fn(name, ctx);
		if (ret)
			return ret;
	}
	return 0;
}
