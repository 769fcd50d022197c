/*
 * Unit tests of monitor/unwind.c: this test's own frames (its .eh_frame in memory), the
 * LibOS's .eh_frame read from build/lib/musl-uni/libos.so (or $LIBOS_SO) with made-up stacks
 * (a LibOS fault cannot be caused from an app, so this is how that path is tested), and
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

static uint8_t *libos;
static size_t libos_len;
static struct elf_image libos_image;

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

/* As monitor/crash.c's regs_of_caller: the caller's registers at the return address. */
__attribute__((naked, noinline)) static void regs_of_caller(struct unwind_regs *regs)
{
	(void)regs;
	__asm__("mov (%rsp), %rax\n\t"
		"mov %rax, 128(%rdi)\n\t"
		"lea 8(%rsp), %rax\n\t"
		"mov %rax, 56(%rdi)\n\t"
		"mov %rbp, 48(%rdi)\n\t"
		"mov %rbx, 24(%rdi)\n\t"
		"movl $0x100c8, 136(%rdi)\n\t"
		"ret");
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

	regs_of_caller(&regs);
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

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : getenv("LIBOS_SO");
	char err[256];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_frames),
		cmocka_unit_test(test_libos_function_entry),
		cmocka_unit_test(test_libos_syscall_gate),
		cmocka_unit_test(test_libos_no_fde),
		cmocka_unit_test(test_corrupt_object),
	};

	if (!path)
		path = "build/lib/musl-uni/libos.so";
	if (read_whole_file(path, &libos, &libos_len) ||
	    elf_parse(libos, libos_len, &libos_image, err, sizeof(err))) {
		fprintf(stderr, "test_unwind: cannot read %s\n", path);
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
