/*
 * Unit tests of monitor/elf.c. The fixture (tests/unit/elf_fixture.c, built as a shared object
 * before this runs) is named by argv[1] or $ELF_FIXTURE; bad inputs are made by corrupting a
 * private copy of it, so the tests follow whatever layout the toolchain gives it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf.h"

#define HEX "0x%" PRIx64
#define LOAD_BASE 0x7f1234000000ULL

static const char *fixture_path;
static uint8_t *fixture;
static size_t fixture_len;

static int read_whole_file(const char *path, uint8_t **buf, size_t *len)
{
	FILE *file = fopen(path, "rb");
	long size;

	if (!file)
		return -1;
	if (fseek(file, 0, SEEK_END) || (size = ftell(file)) < 0 || fseek(file, 0, SEEK_SET))
		goto fail_close;
	*buf = malloc(size ? size : 1);
	if (!*buf)
		goto fail_close;
	if (fread(*buf, 1, size, file) != (size_t)size)
		goto fail_free;
	*len = size;
	fclose(file);
	return 0;
fail_free:
	free(*buf);
fail_close:
	fclose(file);
	return -1;
}

static int group_setup(void **state)
{
	(void)state;
	if (read_whole_file(fixture_path, &fixture, &fixture_len)) {
		fprintf(stderr, "cannot read fixture %s\n", fixture_path);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	free(fixture);
	return 0;
}

static uint8_t *fixture_copy(void)
{
	uint8_t *copy = malloc(fixture_len);

	assert_non_null(copy);
	memcpy(copy, fixture, fixture_len);
	return copy;
}

static void parse_ok(const uint8_t *buf, size_t len, struct elf_image *img)
{
	char err[256] = "";

	if (elf_parse(buf, len, img, err, sizeof(err)))
		fail_msg("elf_parse: %s", err);
}

static void expect_parse_error(const uint8_t *buf, size_t len, const char *expected)
{
	struct elf_image img;
	char err[256] = "";

	assert_int_equal(elf_parse(buf, len, &img, err, sizeof(err)), -1);
	assert_string_equal(err, expected);
}

static uint64_t symbol(const struct elf_image *img, const char *name)
{
	char err[256] = "";
	uint64_t vaddr = 0;

	if (elf_symbol(img, name, &vaddr, err, sizeof(err)))
		fail_msg("elf_symbol: %s", err);
	return vaddr;
}

static Elf64_Ehdr *header(uint8_t *buf)
{
	return (Elf64_Ehdr *)buf;
}

/* File offset of the n-th (from 0) program header of type, or 0 if there is none. */
static uint64_t phdr_offset(uint8_t *buf, uint32_t type, int n)
{
	Elf64_Phdr ph;
	int i;

	for (i = 0; i < header(buf)->e_phnum; i++) {
		uint64_t off = header(buf)->e_phoff + i * sizeof(ph);

		memcpy(&ph, buf + off, sizeof(ph));
		if (ph.p_type == type && n-- == 0)
			return off;
	}
	return 0;
}

static Elf64_Phdr *phdr(uint8_t *buf, uint32_t type, int n)
{
	uint64_t off = phdr_offset(buf, type, n);

	assert_true(off != 0);
	return (Elf64_Phdr *)(buf + off);
}

/* File offset of the first entry of the first SHT_RELA section (.rela.dyn). */
static uint64_t rela_offset(uint8_t *buf)
{
	Elf64_Shdr *sh = (Elf64_Shdr *)(buf + header(buf)->e_shoff);
	int i;

	for (i = 0; i < header(buf)->e_shnum; i++)
		if (sh[i].sh_type == SHT_RELA && sh[i].sh_size >= sizeof(Elf64_Rela))
			return sh[i].sh_offset;
	fail_msg("fixture has no relocations");
	return 0;
}

static void test_parse_fixture(void **state)
{
	const struct elf_segment *text = NULL, *data = NULL;
	struct elf_image img;
	int i;

	(void)state;
	parse_ok(fixture, fixture_len, &img);
	assert_ptr_equal(img.buf, fixture);
	assert_int_equal(img.len, fixture_len);
	assert_int_equal(img.phentsize, sizeof(Elf64_Phdr));
	assert_int_equal(img.min_vaddr, 0);
	assert_in_range(img.nsegments, 2, ELF_MAX_SEGMENTS);
	for (i = 0; i < img.nsegments; i++) {
		if (img.segments[i].flags & PF_X)
			text = &img.segments[i];
		if (img.segments[i].flags & PF_W)
			data = &img.segments[i];
	}
	assert_non_null(text);
	assert_non_null(data);
	assert_true(data->memsz > data->filesz); /* fixture_bss */
	assert_int_equal(img.span % ELF_PAGE_SIZE, 0);
	assert_true(img.span >= data->vaddr + data->memsz);
	assert_true(img.span - ELF_PAGE_SIZE < data->vaddr + data->memsz);
	assert_int_equal(img.entry, symbol(&img, "fixture_entry"));
	assert_in_range(img.entry, text->vaddr, text->vaddr + text->memsz - 1);
	assert_true(img.dynamic_vaddr >= data->vaddr);
	assert_true(img.dynamic_size > 0);
	/* The first PT_LOAD starts at file offset 0, so it maps the program headers. */
	assert_int_equal(img.phdr_vaddr, img.phoff);
}

static void test_load_and_relocate(void **state)
{
	uint64_t value_vaddr, pointer_vaddr, function_vaddr, bss_vaddr, word;
	struct elf_image img;
	char err[256] = "";
	uint8_t *dest;
	int i, value;

	(void)state;
	parse_ok(fixture, fixture_len, &img);
	dest = calloc(1, img.span); /* as fresh pages are */
	assert_non_null(dest);
	assert_int_equal(elf_load(&img, dest, img.span, err, sizeof(err)), 0);
	for (i = 0; i < img.nsegments; i++) {
		const struct elf_segment *seg = &img.segments[i];

		assert_memory_equal(dest + seg->vaddr - img.min_vaddr, fixture + seg->offset,
				    seg->filesz);
	}
	bss_vaddr = symbol(&img, "fixture_bss");
	for (i = 0; i < 256 * (int)sizeof(int); i++)
		assert_int_equal(dest[bss_vaddr + i], 0);

	assert_int_equal(elf_relocate(&img, dest, LOAD_BASE, err, sizeof(err)), 0);
	value_vaddr = symbol(&img, "fixture_value");
	pointer_vaddr = symbol(&img, "fixture_pointer");
	function_vaddr = symbol(&img, "fixture_function");
	memcpy(&value, dest + value_vaddr, sizeof(value));
	assert_int_equal(value, 42);
	memcpy(&word, dest + pointer_vaddr, sizeof(word));
	assert_int_equal(word, LOAD_BASE + value_vaddr);
	memcpy(&word, dest + function_vaddr, sizeof(word));
	assert_int_equal(word, LOAD_BASE + symbol(&img, "fixture_entry"));
	free(dest);
}

static void test_symbol(void **state)
{
	struct elf_image img;
	char err[256] = "";
	uint64_t vaddr = 0;

	(void)state;
	parse_ok(fixture, fixture_len, &img);
	assert_int_equal(elf_symbol(&img, "fixture_entry", &vaddr, err, sizeof(err)), 0);
	assert_int_equal(vaddr, img.entry);
	assert_int_equal(elf_symbol(&img, "fixture_missing", &vaddr, err, sizeof(err)), -1);
	assert_string_equal(err, "symbol 'fixture_missing' not found");
	/* A prefix of a real name is not that name. */
	assert_int_equal(elf_symbol(&img, "fixture", &vaddr, err, sizeof(err)), -1);
	assert_string_equal(err, "symbol 'fixture' not found");
}

static void test_symbol_at(void **state)
{
	struct elf_image img;
	const char *name = NULL;
	uint64_t offset = 0;

	(void)state;
	parse_ok(fixture, fixture_len, &img);
	assert_int_equal(elf_symbol_at(&img, img.entry, &name, &offset), 0);
	assert_string_equal(name, "fixture_entry");
	assert_int_equal(offset, 0);
	assert_int_equal(elf_symbol_at(&img, img.entry + 1, &name, &offset), 0);
	assert_string_equal(name, "fixture_entry");
	assert_int_equal(offset, 1);
	/* Below every function: nothing. */
	assert_int_equal(elf_symbol_at(&img, 0, &name, &offset), -1);
}

static void test_parse_host_libc(void **state)
{
	const char *path = "/usr/lib/x86_64-linux-gnu/libc.so.6";
	struct elf_image img;
	uint8_t *buf;
	size_t len;

	(void)state;
	if (read_whole_file(path, &buf, &len))
		skip();
	parse_ok(buf, len, &img);
	assert_true(img.nsegments >= 2);
	assert_true(img.dynamic_vaddr != 0);
	assert_true(symbol(&img, "printf") < img.span);
	free(buf);
}

static void test_short_header(void **state)
{
	(void)state;
	expect_parse_error(fixture, 0,
			   "offset 0x0: file too short for an ELF header (0 of 64 bytes)");
	expect_parse_error(fixture, 63,
			   "offset 0x0: file too short for an ELF header (63 of 64 bytes)");
}

static void test_bad_identity(void **state)
{
	uint8_t *buf = fixture_copy();

	(void)state;
	buf[EI_MAG1] = 'X';
	expect_parse_error(buf, fixture_len, "offset 0x0: bad ELF magic");
	buf[EI_MAG1] = ELFMAG1;
	buf[EI_CLASS] = ELFCLASS32;
	expect_parse_error(buf, fixture_len, "offset 0x4: not a 64-bit ELF file (class 1)");
	buf[EI_CLASS] = ELFCLASS64;
	buf[EI_DATA] = ELFDATA2MSB;
	expect_parse_error(buf, fixture_len, "offset 0x5: not little-endian (data encoding 2)");
	buf[EI_DATA] = ELFDATA2LSB;
	header(buf)->e_machine = EM_AARCH64;
	expect_parse_error(buf, fixture_len, "offset 0x12: machine 183 is not EM_X86_64 (62)");
	header(buf)->e_machine = EM_X86_64;
	header(buf)->e_type = ET_EXEC;
	expect_parse_error(buf, fixture_len,
			   "offset 0x10: ELF type 2 is not ET_DYN (position-independent)");
	free(buf);
}

static void test_phdrs_beyond_file(void **state)
{
	uint8_t *buf = fixture_copy();
	uint64_t phoff = fixture_len - 8;
	char expected[256];

	(void)state;
	header(buf)->e_phoff = phoff;
	snprintf(expected, sizeof(expected),
		 "offset 0x20: program headers " HEX "-" HEX " beyond end of file (0x%zx bytes)",
		 phoff, phoff + header(buf)->e_phnum * sizeof(Elf64_Phdr), fixture_len);
	expect_parse_error(buf, fixture_len, expected);
	free(buf);
}

static void test_bad_segments(void **state)
{
	uint64_t off = phdr_offset(fixture, PT_LOAD, 0);
	uint8_t *buf = fixture_copy();
	Elf64_Phdr *load = phdr(buf, PT_LOAD, 0), saved = *load;
	char expected[256];

	(void)state;
	load->p_filesz = load->p_memsz = fixture_len - load->p_offset + 1;
	snprintf(expected, sizeof(expected),
		 "offset " HEX ": PT_LOAD file range " HEX "-" HEX
		 " beyond end of file (0x%zx bytes)",
		 off, load->p_offset, (uint64_t)fixture_len + 1, fixture_len);
	expect_parse_error(buf, fixture_len, expected);

	*load = saved;
	load->p_memsz = load->p_filesz - 1;
	snprintf(expected, sizeof(expected), "offset " HEX ": PT_LOAD filesz " HEX " > memsz " HEX,
		 off, load->p_filesz, load->p_memsz);
	expect_parse_error(buf, fixture_len, expected);

	*load = saved;
	load->p_align = 0x1001;
	snprintf(expected, sizeof(expected),
		 "offset " HEX ": PT_LOAD alignment 0x1001 is not a power of two", off);
	expect_parse_error(buf, fixture_len, expected);

	*load = saved;
	load->p_vaddr += 0x10;
	snprintf(expected, sizeof(expected),
		 "offset " HEX ": PT_LOAD offset " HEX " and vaddr " HEX
		 " differ modulo the page size",
		 off, load->p_offset, load->p_vaddr);
	expect_parse_error(buf, fixture_len, expected);

	*load = saved;
	load->p_vaddr = ELF_MAX_VADDR;
	load->p_offset = 0;
	snprintf(expected, sizeof(expected),
		 "offset " HEX ": PT_LOAD vaddr 0x800000000000 memsz " HEX
		 " ends beyond 0x800000000000 (ELF_MAX_VADDR)",
		 off, load->p_memsz);
	expect_parse_error(buf, fixture_len, expected);
	free(buf);
}

static void test_overlapping_segments(void **state)
{
	uint8_t *buf = fixture_copy();
	Elf64_Phdr *first = phdr(buf, PT_LOAD, 0), *second = phdr(buf, PT_LOAD, 1);
	char expected[256];

	(void)state;
	/* Keep offset and vaddr congruent so that only the overlap is wrong. */
	second->p_vaddr -= ELF_PAGE_SIZE;
	second->p_offset -= ELF_PAGE_SIZE;
	snprintf(expected, sizeof(expected),
		 "offset " HEX ": PT_LOAD vaddr " HEX
		 " overlaps or precedes the previous segment ending at " HEX,
		 phdr_offset(buf, PT_LOAD, 1), second->p_vaddr, first->p_vaddr + first->p_memsz);
	expect_parse_error(buf, fixture_len, expected);
	free(buf);
}

static void test_no_load_segment(void **state)
{
	uint8_t *buf = fixture_copy();
	char expected[256];

	(void)state;
	while (phdr_offset(buf, PT_LOAD, 0))
		phdr(buf, PT_LOAD, 0)->p_type = PT_NULL;
	snprintf(expected, sizeof(expected), "offset " HEX ": no PT_LOAD segment",
		 header(buf)->e_phoff);
	expect_parse_error(buf, fixture_len, expected);
	free(buf);
}

/* A header and nloads one-page PT_LOADs, all mapping the start of the file. */
static size_t synthetic_elf(uint8_t *buf, int nloads)
{
	Elf64_Ehdr eh = {
		.e_ident = {ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64, ELFDATA2LSB,
			    EV_CURRENT},
		.e_type = ET_DYN,
		.e_machine = EM_X86_64,
		.e_version = EV_CURRENT,
		.e_phoff = sizeof(Elf64_Ehdr),
		.e_ehsize = sizeof(Elf64_Ehdr),
		.e_phentsize = sizeof(Elf64_Phdr),
		.e_phnum = nloads,
	};
	int i;

	memcpy(buf, &eh, sizeof(eh));
	for (i = 0; i < nloads; i++) {
		Elf64_Phdr ph = {
			.p_type = PT_LOAD,
			.p_flags = PF_R | PF_X,
			.p_vaddr = i * ELF_PAGE_SIZE,
			.p_filesz = sizeof(eh),
			.p_memsz = ELF_PAGE_SIZE,
			.p_align = ELF_PAGE_SIZE,
		};
		memcpy(buf + sizeof(eh) + i * sizeof(ph), &ph, sizeof(ph));
	}
	return sizeof(eh) + nloads * sizeof(Elf64_Phdr);
}

static void test_segment_limit(void **state)
{
	uint8_t buf[sizeof(Elf64_Ehdr) + (ELF_MAX_SEGMENTS + 1) * sizeof(Elf64_Phdr)];
	struct elf_image img;
	size_t len;

	(void)state;
	len = synthetic_elf(buf, ELF_MAX_SEGMENTS);
	parse_ok(buf, len, &img);
	assert_int_equal(img.nsegments, ELF_MAX_SEGMENTS);
	assert_int_equal(img.span, ELF_MAX_SEGMENTS * ELF_PAGE_SIZE);
	assert_int_equal(img.entry, 0);

	len = synthetic_elf(buf, ELF_MAX_SEGMENTS + 1);
	expect_parse_error(buf, len,
			   "offset 0x3c0: more than 16 PT_LOAD segments (ELF_MAX_SEGMENTS)");
}

static void test_entry_not_executable(void **state)
{
	uint8_t *buf = fixture_copy();
	struct elf_image img;
	char expected[256];
	uint64_t entry;

	(void)state;
	parse_ok(fixture, fixture_len, &img);
	entry = symbol(&img, "fixture_value");
	header(buf)->e_entry = entry;
	snprintf(expected, sizeof(expected),
		 "offset 0x18: entry point " HEX " not inside an executable segment", entry);
	expect_parse_error(buf, fixture_len, expected);
	free(buf);
}

static void test_dest_too_small(void **state)
{
	struct elf_image img;
	char err[256] = "", expected[256];
	uint8_t *dest;

	(void)state;
	parse_ok(fixture, fixture_len, &img);
	dest = calloc(1, img.span);
	assert_non_null(dest);
	assert_int_equal(elf_load(&img, dest, img.span - 1, err, sizeof(err)), -1);
	snprintf(expected, sizeof(expected),
		 "destination size " HEX " is smaller than the image span " HEX, img.span - 1,
		 img.span);
	assert_string_equal(err, expected);
	free(dest);
}

/* Parse and load buf, then expect elf_relocate to fail with expected. */
static void expect_relocate_error(const uint8_t *buf, const char *expected)
{
	struct elf_image img;
	char err[256] = "";
	uint8_t *dest;

	parse_ok(buf, fixture_len, &img);
	dest = calloc(1, img.span);
	assert_non_null(dest);
	assert_int_equal(elf_load(&img, dest, img.span, err, sizeof(err)), 0);
	assert_int_equal(elf_relocate(&img, dest, LOAD_BASE, err, sizeof(err)), -1);
	assert_string_equal(err, expected);
	free(dest);
}

static void test_unsupported_relocation(void **state)
{
	uint8_t *buf = fixture_copy();
	uint64_t off = rela_offset(buf);
	Elf64_Rela *rela = (Elf64_Rela *)(buf + off);
	char expected[256];

	(void)state;
	assert_int_equal(ELF64_R_TYPE(rela->r_info), R_X86_64_RELATIVE);
	rela->r_info = ELF64_R_INFO(0, R_X86_64_64);
	snprintf(expected, sizeof(expected),
		 "offset " HEX ": unsupported relocation type 1 (R_X86_64_64) at r_offset " HEX,
		 off, rela->r_offset);
	expect_relocate_error(buf, expected);
	free(buf);
}

static void test_relocation_outside_image(void **state)
{
	uint8_t *buf = fixture_copy();
	uint64_t off = rela_offset(buf);
	Elf64_Rela *rela = (Elf64_Rela *)(buf + off);
	Elf64_Phdr *data;
	char expected[256];
	int n = 0;

	(void)state;
	while (!((data = phdr(buf, PT_LOAD, n))->p_flags & PF_W))
		n++;
	rela->r_offset = 0x10000000;
	snprintf(expected, sizeof(expected),
		 "offset " HEX ": relocation target 0x10000000 outside any writable segment", off);
	expect_relocate_error(buf, expected);

	/* The last 4 bytes of the writable segment: the 8-byte write would cross its end. */
	rela->r_offset = data->p_vaddr + data->p_memsz - 4;
	snprintf(expected, sizeof(expected),
		 "offset " HEX ": relocation target " HEX " outside any writable segment", off,
		 rela->r_offset);
	expect_relocate_error(buf, expected);

	/* Code is not writable. */
	rela->r_offset = phdr(buf, PT_LOAD, 1)->p_vaddr;
	snprintf(expected, sizeof(expected),
		 "offset " HEX ": relocation target " HEX " outside any writable segment", off,
		 rela->r_offset);
	expect_relocate_error(buf, expected);
	free(buf);
}

static void test_rel_rejected(void **state)
{
	uint8_t *buf = fixture_copy();
	Elf64_Phdr *dynamic = phdr(buf, PT_DYNAMIC, 0);
	Elf64_Dyn *dyn = (Elf64_Dyn *)(buf + dynamic->p_offset);
	char expected[256];

	(void)state;
	while (dyn->d_tag != DT_RELA) {
		assert_true(dyn->d_tag != DT_NULL);
		dyn++;
	}
	dyn->d_tag = DT_REL;
	snprintf(expected, sizeof(expected),
		 "offset 0x%tx: DT_REL relocations are not supported (x86-64 uses DT_RELA)",
		 (uint8_t *)dyn - buf);
	expect_relocate_error(buf, expected);
	free(buf);
}

/* Run every entry point on buf (its own allocation of exactly len bytes, so that ASan sees any
 * read past it); errors are expected, crashes and overreads are the failure. */
static void exercise(const uint8_t *buf, size_t len)
{
	struct elf_image img;
	uint64_t vaddr;
	uint8_t *dest;
	char err[128];

	if (elf_parse(buf, len, &img, err, sizeof(err)))
		return;
	elf_symbol(&img, "fixture_entry", &vaddr, err, sizeof(err));
	if (img.span > (1 << 20))
		return;
	dest = calloc(1, img.span);
	assert_non_null(dest);
	if (elf_load(&img, dest, img.span, err, sizeof(err)) == 0)
		elf_relocate(&img, dest, LOAD_BASE, err, sizeof(err));
	free(dest);
}

static void test_every_truncation(void **state)
{
	size_t len;

	(void)state;
	for (len = 0; len <= fixture_len; len++) {
		uint8_t *buf = malloc(len ? len : 1);

		assert_non_null(buf);
		memcpy(buf, fixture, len);
		exercise(buf, len);
		free(buf);
	}
}

static void test_every_byte_corrupted(void **state)
{
	static const uint8_t values[] = {0x00, 0x80, 0xff};
	uint8_t *buf = fixture_copy();
	size_t pos, i;

	(void)state;
	for (pos = 0; pos < fixture_len; pos++) {
		for (i = 0; i < sizeof(values); i++) {
			buf[pos] = values[i];
			exercise(buf, fixture_len);
		}
		buf[pos] = fixture[pos];
	}
	free(buf);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_fixture),
		cmocka_unit_test(test_load_and_relocate),
		cmocka_unit_test(test_symbol),
		cmocka_unit_test(test_symbol_at),
		cmocka_unit_test(test_parse_host_libc),
		cmocka_unit_test(test_short_header),
		cmocka_unit_test(test_bad_identity),
		cmocka_unit_test(test_phdrs_beyond_file),
		cmocka_unit_test(test_bad_segments),
		cmocka_unit_test(test_overlapping_segments),
		cmocka_unit_test(test_no_load_segment),
		cmocka_unit_test(test_segment_limit),
		cmocka_unit_test(test_entry_not_executable),
		cmocka_unit_test(test_dest_too_small),
		cmocka_unit_test(test_unsupported_relocation),
		cmocka_unit_test(test_relocation_outside_image),
		cmocka_unit_test(test_rel_rejected),
		cmocka_unit_test(test_every_truncation),
		cmocka_unit_test(test_every_byte_corrupted),
	};

	fixture_path = argc > 1 ? argv[1] : getenv("ELF_FIXTURE");
	if (!fixture_path) {
		fprintf(stderr, "usage: %s FIXTURE.so (or set ELF_FIXTURE)\n", argv[0]);
		return 2;
	}
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
