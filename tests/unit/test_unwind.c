/*
 * Unit tests of monitor/unwind.c: this test's own frames (its .eh_frame in memory), the
 * LibOS's .eh_frame read from build/lib/musl-uni/libos.so (or $LIBOS_SO) with made-up stacks
 * (a LibOS fault cannot be caused from an app, so this is how that path is tested), musl's
 * .debug_frame, made up and as build/sysroot/usr/lib/libc.so (or $MUSL_LIBC_SO) has it, and
 * corrupt objects and stacks, which must end the unwinding, not the process.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unwind.h"

#define LIBOS_BASE 0x400000000ULL
#define LIBC_BASE 0x47f000000ULL

static uint8_t *libos;
static size_t libos_len;
static struct elf_image libos_image;
/* NULL when musl's libc.so is not built: its tests are skipped. */
static uint8_t *libc;
static size_t libc_len;
static struct elf_image libc_image;

/* Reads anywhere in [low, high). */
struct stack_window {
	uint64_t low, high;
};

static int read_window(void *ctx, uint64_t addr, uint64_t *value)
{
	const struct stack_window *window = ctx;

	if (addr < window->low || addr > window->high - 8)
		return -1;
	memcpy(value, (const void *)addr, 8);
	return 0;
}

static int read_nothing(void *ctx, uint64_t addr, uint64_t *value)
{
	(void)ctx;
	(void)addr;
	(void)value;
	return -1;
}

static void outer_frame(void);
static void test_own_frames(void **state);

struct find_object {
	uint64_t ip;
	struct unwind_object obj;
	int found;
};

static int find_self(struct dl_phdr_info *info, size_t size, void *ctx)
{
	struct find_object *find = ctx;

	(void)size;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const Elf64_Phdr *ph = &info->dlpi_phdr[i];
		if (ph->p_type == PT_LOAD && find->ip >= info->dlpi_addr + ph->p_vaddr &&
		    find->ip < info->dlpi_addr + ph->p_vaddr + ph->p_memsz) {
			find->found = !unwind_object_from_memory(info->dlpi_phdr, info->dlpi_phnum,
								 info->dlpi_addr, &find->obj);
			return 1;
		}
	}
	return 0;
}

/* From inner's frame, while inner -> outer -> test_own_frames are live:
 * each return address lies just after the function it returns into
 * begins, and the stack grows up. */
static __attribute__((noinline)) void unwind_from(struct unwind_regs *regs)
{
	const uint64_t callers[] = { (uint64_t)outer_frame, (uint64_t)test_own_frames };
	struct stack_window window = { regs->value[UNWIND_RSP], regs->value[UNWIND_RSP] + (1 << 16) };

	for (size_t i = 0; i < sizeof(callers) / sizeof(callers[0]); i++) {
		struct find_object find = { .ip = regs->value[UNWIND_IP] - 1 };
		uint64_t sp = regs->value[UNWIND_RSP];

		dl_iterate_phdr(find_self, &find);
		assert_true(find.found);
		assert_int_equal(unwind_step(&find.obj, regs, 1, read_window, &window), 0);
		assert_true(regs->value[UNWIND_IP] > callers[i]);
		assert_true(regs->value[UNWIND_IP] < callers[i] + 0x400);
		assert_true(regs->value[UNWIND_RSP] > sp);
	}
}

static __attribute__((noinline)) void inner_frame(void)
{
	struct unwind_regs regs;

	unwind_regs_of_caller(&regs);
	assert_true(regs.value[UNWIND_IP] > (uint64_t)inner_frame);
	unwind_from(&regs);
}

static __attribute__((noinline)) void outer_frame(void)
{
	inner_frame();
	__asm__ volatile("" ::: "memory"); /* no tail call */
}

static void test_own_frames(void **state)
{
	(void)state;
	outer_frame();
	__asm__ volatile("" ::: "memory");
}

static int read_whole_file(const char *path, uint8_t **buf, size_t *len)
{
	FILE *file = fopen(path, "rb");
	long size;

	if (!file)
		return -1;
	if (fseek(file, 0, SEEK_END) || (size = ftell(file)) <= 0 || fseek(file, 0, SEEK_SET)) {
		fclose(file);
		return -1;
	}
	*buf = malloc((size_t)size);
	if (!*buf || fread(*buf, 1, (size_t)size, file) != (size_t)size) {
		fclose(file);
		return -1;
	}
	fclose(file);
	*len = (size_t)size;
	return 0;
}

static uint64_t libos_symbol(const char *name)
{
	uint64_t vaddr;
	char err[128];

	assert_int_equal(elf_symbol(&libos_image, name, &vaddr, err, sizeof(err)), 0);
	return vaddr;
}

/* The first return address of a `call *%r11` (41 ff d3) at or after vaddr. */
static uint64_t after_indirect_call(uint64_t vaddr)
{
	for (int i = 0; i < libos_image.nsegments; i++) {
		const struct elf_segment *seg = &libos_image.segments[i];
		if (vaddr < seg->vaddr || vaddr >= seg->vaddr + seg->filesz)
			continue;
		for (uint64_t at = vaddr; at + 3 <= seg->vaddr + seg->filesz && at < vaddr + 256;
		     at++) {
			const uint8_t *p = libos + seg->offset + (at - seg->vaddr);
			if (p[0] == 0x41 && p[1] == 0xff && p[2] == 0xd3)
				return at + 3;
		}
	}
	fail_msg("no call *%%r11 in syscall_gate");
	return 0;
}

/* At a C function's first instruction the CFA is rsp + 8 and the return
 * address is at rsp. */
static void test_libos_function_entry(void **state)
{
	struct unwind_object obj;
	uint64_t stack[4] = { 0x401234567, 0, 0, 0 };
	struct stack_window window = { (uint64_t)stack, (uint64_t)(stack + 4) };
	struct unwind_regs regs = { .known = 1u << UNWIND_IP | 1u << UNWIND_RSP };

	(void)state;
	assert_int_equal(unwind_object_from_file(&libos_image, LIBOS_BASE, &obj), 0);
	regs.value[UNWIND_IP] = LIBOS_BASE + libos_symbol("libos_boot");
	regs.value[UNWIND_RSP] = (uint64_t)stack;
	assert_int_equal(unwind_step(&obj, &regs, 0, read_window, &window), 0);
	assert_int_equal(regs.value[UNWIND_IP], 0x401234567);
	assert_int_equal(regs.value[UNWIND_RSP], (uint64_t)(stack + 1));
	/* The same frame with its stack unreadable. */
	regs.value[UNWIND_IP] = LIBOS_BASE + libos_symbol("libos_boot");
	regs.value[UNWIND_RSP] = (uint64_t)stack;
	assert_int_equal(unwind_step(&obj, &regs, 0, read_nothing, NULL), -1);
}

/* In syscall_gate, after the handler returns: the app's return address is
 * the slot GATE_ENTER pushed rcx into (top of the LibOS stack - 16), the
 * app's rdi the next one, and its rsp is unknown (in the gate block). */
static void test_libos_syscall_gate(void **state)
{
	struct unwind_object obj;
	uint64_t stack[8] = { 0 };
	uint64_t libos_sp = (uint64_t)(stack + 8);
	struct stack_window window = { (uint64_t)stack, libos_sp };
	struct unwind_regs regs = { .known = 1u << UNWIND_IP | 1u << UNWIND_RSP };

	(void)state;
	stack[6] = 0x47f7fb199; /* rcx */
	stack[5] = 42; /* rdi */
	assert_int_equal(unwind_object_from_file(&libos_image, LIBOS_BASE, &obj), 0);
	regs.value[UNWIND_IP] = LIBOS_BASE + after_indirect_call(libos_symbol("syscall_gate"));
	regs.value[UNWIND_RSP] = libos_sp - 64; /* the pad word and seven registers */
	assert_int_equal(unwind_step(&obj, &regs, 1, read_window, &window), 0);
	assert_int_equal(regs.value[UNWIND_IP], 0x47f7fb199);
	assert_int_equal(regs.value[UNWIND_RDI], 42);
	assert_false(regs.known & 1u << UNWIND_RSP);
}

/* signal_fault_gate has no CFI; nor has an address past every FDE. */
static void test_libos_no_fde(void **state)
{
	struct unwind_object obj;
	struct unwind_regs regs = { .known = 1u << UNWIND_IP | 1u << UNWIND_RSP };

	(void)state;
	assert_int_equal(unwind_object_from_file(&libos_image, LIBOS_BASE, &obj), 0);
	regs.value[UNWIND_IP] = LIBOS_BASE + libos_symbol("signal_fault_gate") + 4;
	assert_int_equal(unwind_step(&obj, &regs, 0, read_nothing, NULL), -1);
	regs.value[UNWIND_IP] = LIBOS_BASE + 0x7fffffff;
	assert_int_equal(unwind_step(&obj, &regs, 0, read_nothing, NULL), -1);
	regs.value[UNWIND_IP] = 0;
	assert_int_equal(unwind_step(&obj, &regs, 0, read_nothing, NULL), -1);
}

/* libos.so's CFI segment cut short or overwritten at every offset: each
 * step fails or succeeds, never reads outside the window (ASan). */
static void test_corrupt_object(void **state)
{
	struct unwind_object obj, bad;
	uint64_t stack[64] = { 0 };
	struct stack_window window = { (uint64_t)stack, (uint64_t)(stack + 64) };
	uint64_t ip = LIBOS_BASE + libos_symbol("libos_boot") + 8;

	(void)state;
	assert_int_equal(unwind_object_from_file(&libos_image, LIBOS_BASE, &obj), 0);
	for (uint64_t len = 0; len < obj.len; len += obj.len / 97 + 1) {
		uint8_t *copy = malloc(len ? len : 1);
		memcpy(copy, obj.bytes, len);
		bad = obj;
		bad.bytes = copy;
		bad.len = len;
		struct unwind_regs regs = { .known = 1u << UNWIND_IP | 1u << UNWIND_RSP };
		regs.value[UNWIND_IP] = ip;
		regs.value[UNWIND_RSP] = (uint64_t)(stack + 32);
		unwind_step(&bad, &regs, 0, read_window, &window);
		free(copy);
	}
	uint8_t *copy = malloc(obj.len);
	srand(1);
	for (int round = 0; round < 2000; round++) {
		memcpy(copy, obj.bytes, obj.len);
		for (int n = 0; n < 8; n++)
			copy[(obj.eh_frame_hdr - obj.vaddr + (uint64_t)rand()) % obj.len] =
				(uint8_t)rand();
		bad = obj;
		bad.bytes = copy;
		struct unwind_regs regs = { .known = 1u << UNWIND_IP | 1u << UNWIND_RSP };
		regs.value[UNWIND_IP] = ip + (uint64_t)(rand() % 4096);
		regs.value[UNWIND_RSP] = (uint64_t)(stack + 32);
		unwind_step(&bad, &regs, round & 1, read_window, &window);
	}
	free(copy);
}

/* A .debug_frame made up byte by byte (DWARF 4, 6.4.1 and 7.23). */
struct frame_bytes {
	uint8_t buf[256];
	size_t len;
};

static void put(struct frame_bytes *f, uint64_t value, unsigned size)
{
	assert_true(f->len + size <= sizeof(f->buf));
	for (unsigned i = 0; i < size; i++)
		f->buf[f->len++] = (uint8_t)(value >> (8 * i));
}

static void put_bytes(struct frame_bytes *f, const char *bytes, size_t len)
{
	for (size_t i = 0; i < len; i++)
		put(f, (uint8_t)bytes[i], 1);
}

/* The 4-byte length of the entry whose length field is at `at`. */
static void end_entry(struct frame_bytes *f, size_t at)
{
	uint32_t length = (uint32_t)(f->len - at - 4);

	memcpy(f->buf + at, &length, 4);
}

/* A CIE of version at `at`: code alignment 1, data alignment -8, return address column 16 (a
 * byte in version 1, uleb128 later), CFA rsp + 8 with the return address at CFA - 8. */
static void put_cie(struct frame_bytes *f, uint8_t version, uint8_t address_size)
{
	size_t at = f->len;

	put(f, 0, 4);
	put(f, 0xffffffff, 4);
	put(f, version, 1);
	put(f, 0, 1); /* augmentation "" */
	if (version == 4) {
		put(f, address_size, 1);
		put(f, 0, 1); /* segment_selector_size */
	}
	put_bytes(f, "\x01\x78\x10", 3);
	put_bytes(f, "\x0c\x07\x08\x90\x01", 5); /* def_cfa rsp 8; offset rip 1 */
	end_entry(f, at);
}

/* An FDE for [0x1000, 0x1100) whose CIE is at cie_offset: one byte in, a push (CFA rsp + 16,
 * rbx at CFA - 16); four bytes later CFA rsp + 32. */
static void put_fde(struct frame_bytes *f, uint32_t cie_offset)
{
	size_t at = f->len;

	put(f, 0, 4);
	put(f, cie_offset, 4);
	put(f, 0x1000, 8);
	put(f, 0x100, 8);
	put_bytes(f, "\x41\x0e\x10\x83\x02\x44\x0e\x20", 8);
	end_entry(f, at);
}

/* One step from pc (a vaddr) of an object whose only CFI is frame's; stack[0] is at rsp. */
static int step_debug_frame(const struct frame_bytes *frame, uint64_t pc, uint64_t *stack,
			    struct unwind_regs *regs)
{
	/* A copy of the exact size, so that ASan sees any read past it. */
	uint8_t *bytes = malloc(frame->len);
	struct unwind_object obj = { .debug_frame = bytes, .debug_frame_len = frame->len,
				     .bias = LIBC_BASE };
	struct stack_window window = { (uint64_t)stack, (uint64_t)(stack + 8) };

	memcpy(bytes, frame->buf, frame->len);
	memset(regs, 0, sizeof(*regs));
	regs->known = 1u << UNWIND_IP | 1u << UNWIND_RSP | 1u << UNWIND_RBX;
	regs->value[UNWIND_IP] = LIBC_BASE + pc;
	regs->value[UNWIND_RSP] = (uint64_t)stack;
	regs->value[UNWIND_RBX] = 7;
	int rc = unwind_step(&obj, regs, 0, read_window, &window);
	free(bytes);
	return rc;
}

/* CIE versions 1, 3 and 4 give the same rows; the FDE comes first, so its CIE pointer can
 * only be read as an offset from the section's start. */
static void test_debug_frame_versions(void **state)
{
	static const uint8_t versions[] = { 1, 3, 4 };
	uint64_t stack[8] = { 0x1111, 0x2222, 0x3333, 0x4444 };
	struct unwind_regs regs;

	(void)state;
	for (size_t i = 0; i < sizeof(versions); i++) {
		struct frame_bytes f = { .len = 0 };
		put_fde(&f, 32);
		assert_int_equal(f.len, 32);
		put_cie(&f, versions[i], 8);

		assert_int_equal(step_debug_frame(&f, 0x1000, stack, &regs), 0);
		assert_int_equal(regs.value[UNWIND_IP], 0x1111);
		assert_int_equal(regs.value[UNWIND_RSP], (uint64_t)(stack + 1));
		assert_int_equal(regs.value[UNWIND_RBX], 7);

		assert_int_equal(step_debug_frame(&f, 0x1001, stack, &regs), 0);
		assert_int_equal(regs.value[UNWIND_IP], 0x2222);
		assert_int_equal(regs.value[UNWIND_RSP], (uint64_t)(stack + 2));
		assert_int_equal(regs.value[UNWIND_RBX], 0x1111);

		assert_int_equal(step_debug_frame(&f, 0x10ff, stack, &regs), 0);
		assert_int_equal(regs.value[UNWIND_IP], 0x4444);
		assert_int_equal(regs.value[UNWIND_RSP], (uint64_t)(stack + 4));
		assert_int_equal(regs.value[UNWIND_RBX], 0x3333);

		assert_int_equal(step_debug_frame(&f, 0xfff, stack, &regs), -1);
		assert_int_equal(step_debug_frame(&f, 0x1100, stack, &regs), -1);
	}
}

/* Entries after others, CIE first: the scan goes on past an FDE that does not cover pc. */
static void test_debug_frame_scan(void **state)
{
	uint64_t stack[8] = { 0x1111 };
	struct unwind_regs regs;
	struct frame_bytes f = { .len = 0 };

	(void)state;
	put_cie(&f, 3, 8);
	size_t second = f.len;
	put_fde(&f, 0);
	put_fde(&f, 0);
	f.buf[second + 8 + 1] = 0x20; /* the first FDE covers [0x2000, 0x2100) instead */
	assert_int_equal(step_debug_frame(&f, 0x1000, stack, &regs), 0);
	assert_int_equal(regs.value[UNWIND_IP], 0x1111);
	assert_int_equal(step_debug_frame(&f, 0x2000, stack, &regs), 0);
	assert_int_equal(step_debug_frame(&f, 0x3000, stack, &regs), -1);
}

/* What the format allows but this unwinder does not read ends the step cleanly. */
static void test_debug_frame_rejected(void **state)
{
	uint64_t stack[8] = { 0x1111 };
	struct unwind_regs regs;
	struct frame_bytes f;

	(void)state;
	/* Version 2 does not exist; version 4 with 4-byte addresses. */
	f.len = 0;
	put_fde(&f, 32);
	put_cie(&f, 2, 8);
	assert_int_equal(step_debug_frame(&f, 0x1000, stack, &regs), -1);
	f.len = 0;
	put_fde(&f, 32);
	put_cie(&f, 4, 4);
	assert_int_equal(step_debug_frame(&f, 0x1000, stack, &regs), -1);
	/* .eh_frame's CIE id (0): read as an FDE, its CIE pointer is 0, itself. */
	f.len = 0;
	put_cie(&f, 1, 8);
	memset(f.buf + 4, 0, 4);
	put_fde(&f, 0);
	assert_int_equal(step_debug_frame(&f, 0x1000, stack, &regs), -1);
	/* A CIE pointer past the section, and to the middle of an entry. */
	f.len = 0;
	put_cie(&f, 1, 8);
	put_fde(&f, 0x7ffffff0);
	assert_int_equal(step_debug_frame(&f, 0x1000, stack, &regs), -1);
	f.len = 0;
	put_cie(&f, 1, 8);
	put_fde(&f, 2);
	assert_int_equal(step_debug_frame(&f, 0x1000, stack, &regs), -1);
	/* The 64-bit DWARF format: length 0xffffffff, then 8 bytes. */
	f.len = 0;
	put(&f, 0xffffffff, 4);
	put(&f, 16, 8);
	put(&f, 0xffffffffffffffffULL, 8);
	put_bytes(&f, "\x01\x00\x01\x78\x10\x0c\x07\x08", 8);
	put(&f, 0xffffffff, 4);
	put(&f, 24, 8);
	put(&f, 0, 8);
	put(&f, 0x1000, 8);
	put(&f, 0x100, 8);
	assert_int_equal(step_debug_frame(&f, 0x1000, stack, &regs), -1);
	/* A zero length ends the section: what follows is not read. */
	f.len = 0;
	put(&f, 0, 4);
	put_cie(&f, 1, 8);
	put_fde(&f, 4);
	assert_int_equal(step_debug_frame(&f, 0x1000, stack, &regs), -1);
	/* An entry longer than the section. */
	f.len = 0;
	put_cie(&f, 1, 8);
	put_fde(&f, 0);
	f.buf[24] = 0xff;
	assert_int_equal(step_debug_frame(&f, 0x1000, stack, &regs), -1);
}

static uint64_t libc_symbol(const char *name)
{
	uint64_t vaddr;
	char err[128];

	assert_int_equal(elf_symbol(&libc_image, name, &vaddr, err, sizeof(err)), 0);
	return vaddr;
}

/* musl's C functions have CFI only in .debug_frame: at each one's first instruction the
 * return address is at rsp, found through .debug_frame and not without it. */
static void test_libc_debug_frame(void **state)
{
	static const char *const functions[] = { "abort", "raise", "qsort", "printf", "malloc" };
	struct unwind_object obj;
	uint64_t stack[4] = { 0x401234567, 0, 0, 0 };
	struct stack_window window = { (uint64_t)stack, (uint64_t)(stack + 4) };

	(void)state;
	if (!libc)
		skip();
	assert_int_equal(unwind_object_from_file(&libc_image, LIBC_BASE, &obj), 0);
	assert_non_null(obj.bytes);
	assert_non_null(obj.debug_frame);
	for (size_t i = 0; i < sizeof(functions) / sizeof(functions[0]); i++) {
		uint64_t entry = LIBC_BASE + libc_symbol(functions[i]);
		struct unwind_regs regs = { .known = 1u << UNWIND_IP | 1u << UNWIND_RSP };

		regs.value[UNWIND_IP] = entry;
		regs.value[UNWIND_RSP] = (uint64_t)stack;
		assert_int_equal(unwind_step(&obj, &regs, 0, read_window, &window), 0);
		assert_int_equal(regs.value[UNWIND_IP], 0x401234567);
		assert_int_equal(regs.value[UNWIND_RSP], (uint64_t)(stack + 1));

		struct unwind_object eh_frame_only = obj;
		eh_frame_only.debug_frame = NULL;
		regs.value[UNWIND_IP] = entry;
		regs.value[UNWIND_RSP] = (uint64_t)stack;
		assert_int_equal(unwind_step(&eh_frame_only, &regs, 0, read_window, &window), -1);
	}
}

/* A copy of libc.so with its section headers (or the string table they name) damaged: the
 * object keeps its .eh_frame and loses .debug_frame, never reading outside the file. */
static void test_libc_section_headers(void **state)
{
	Elf64_Ehdr eh;
	Elf64_Shdr names;
	struct elf_image image;
	struct unwind_object obj;

	(void)state;
	if (!libc)
		skip();
	memcpy(&eh, libc, sizeof(eh));
	memcpy(&names, libc + eh.e_shoff + eh.e_shstrndx * sizeof(names), sizeof(names));
	const struct {
		size_t at, size;
		uint64_t value;
	} damage[] = {
		{ offsetof(Elf64_Ehdr, e_shnum), 2, 0 },
		{ offsetof(Elf64_Ehdr, e_shoff), 8, libc_len - 8 },
		{ offsetof(Elf64_Ehdr, e_shoff), 8, ~0ULL - 16 },
		{ offsetof(Elf64_Ehdr, e_shentsize), 2, 40 },
		{ offsetof(Elf64_Ehdr, e_shstrndx), 2, eh.e_shnum },
		{ offsetof(Elf64_Ehdr, e_shstrndx), 2, 0 },
		/* the string table's offset and size */
		{ eh.e_shoff + eh.e_shstrndx * sizeof(names) + 24, 8, libc_len },
		{ eh.e_shoff + eh.e_shstrndx * sizeof(names) + 32, 8, 5 },
		/* its ".debug_frame" renamed */
		{ names.sh_offset, 0, 0 },
	};
	uint8_t *copy = malloc(libc_len);

	for (size_t i = 0; i < sizeof(damage) / sizeof(damage[0]); i++) {
		memcpy(copy, libc, libc_len);
		if (damage[i].size) {
			memcpy(copy + damage[i].at, &damage[i].value, damage[i].size);
		} else {
			for (size_t n = 0; n + 12 <= names.sh_size; n++)
				if (!memcmp(copy + names.sh_offset + n, ".debug_frame", 12))
					copy[names.sh_offset + n + 1] = 'D';
		}
		assert_int_equal(elf_parse(copy, libc_len, &image, NULL, 0), 0);
		assert_int_equal(unwind_object_from_file(&image, LIBC_BASE, &obj), 0);
		assert_non_null(obj.bytes);
		assert_null(obj.debug_frame);
	}
	/* The section's range past the end of the file, then nothing else to unwind with. */
	for (uint64_t index = 1; index < eh.e_shnum; index++) {
		Elf64_Shdr sh;
		memcpy(copy, libc, libc_len);
		memcpy(&sh, copy + eh.e_shoff + index * sizeof(sh), sizeof(sh));
		if (sh.sh_name + 13 > names.sh_size ||
		    memcmp(copy + names.sh_offset + sh.sh_name, ".debug_frame", 13))
			continue;
		sh.sh_size = libc_len;
		memcpy(copy + eh.e_shoff + index * sizeof(sh), &sh, sizeof(sh));
		assert_int_equal(elf_parse(copy, libc_len, &image, NULL, 0), 0);
		assert_int_equal(unwind_object_from_file(&image, LIBC_BASE, &obj), 0);
		assert_null(obj.debug_frame);
		obj.bytes = NULL;
	}
	free(copy);
}

/* libc.so's .debug_frame cut short or overwritten at every offset, looked up at pcs all over
 * its code: each step fails or succeeds, never reads outside the section (ASan). */
static void test_corrupt_debug_frame(void **state)
{
	struct unwind_object obj, bad;
	uint64_t stack[64] = { 0 };
	struct stack_window window = { (uint64_t)stack, (uint64_t)(stack + 64) };
	(void)state;
	if (!libc)
		skip();
	uint64_t text = libc_symbol("qsort");
	assert_int_equal(unwind_object_from_file(&libc_image, LIBC_BASE, &obj), 0);
	uint64_t len = obj.debug_frame_len;
	for (uint64_t cut = 0; cut < len; cut += len / 97 + 1) {
		uint8_t *copy = malloc(cut ? cut : 1);
		memcpy(copy, obj.debug_frame, cut);
		bad = obj;
		bad.bytes = NULL;
		bad.debug_frame = copy;
		bad.debug_frame_len = cut;
		struct unwind_regs regs = { .known = 1u << UNWIND_IP | 1u << UNWIND_RSP };
		regs.value[UNWIND_IP] = LIBC_BASE + text + 8;
		regs.value[UNWIND_RSP] = (uint64_t)(stack + 32);
		unwind_step(&bad, &regs, 0, read_window, &window);
		free(copy);
	}
	uint8_t *copy = malloc(len);
	srand(2);
	for (int round = 0; round < 400; round++) {
		memcpy(copy, obj.debug_frame, len);
		for (int n = 0; n < 8; n++)
			copy[(uint64_t)rand() % len] = (uint8_t)rand();
		bad = obj;
		bad.debug_frame = copy;
		struct unwind_regs regs = { .known = 1u << UNWIND_IP | 1u << UNWIND_RSP };
		regs.value[UNWIND_IP] = LIBC_BASE + 0x15000 + (uint64_t)rand() % 0x50000;
		regs.value[UNWIND_RSP] = (uint64_t)(stack + 32);
		unwind_step(&bad, &regs, round & 1, read_window, &window);
	}
	free(copy);
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : getenv("LIBOS_SO");
	const char *libc_path = getenv("MUSL_LIBC_SO");
	char err[256];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_frames),
		cmocka_unit_test(test_libos_function_entry),
		cmocka_unit_test(test_libos_syscall_gate),
		cmocka_unit_test(test_libos_no_fde),
		cmocka_unit_test(test_corrupt_object),
		cmocka_unit_test(test_debug_frame_versions),
		cmocka_unit_test(test_debug_frame_scan),
		cmocka_unit_test(test_debug_frame_rejected),
		cmocka_unit_test(test_libc_debug_frame),
		cmocka_unit_test(test_libc_section_headers),
		cmocka_unit_test(test_corrupt_debug_frame),
	};

	if (!path)
		path = "build/lib/musl-uni/libos.so";
	if (read_whole_file(path, &libos, &libos_len) ||
	    elf_parse(libos, libos_len, &libos_image, err, sizeof(err))) {
		fprintf(stderr, "test_unwind: cannot read %s\n", path);
		return 1;
	}
	if (!libc_path)
		libc_path = "build/sysroot/usr/lib/libc.so";
	if (read_whole_file(libc_path, &libc, &libc_len) ||
	    elf_parse(libc, libc_len, &libc_image, err, sizeof(err))) {
		fprintf(stderr, "test_unwind: no %s, its tests skipped\n", libc_path);
		free(libc);
		libc = NULL;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
