/*
 * Unit tests for the app cVM's address space: libos/mm/vma.c (the VMA list) and the memory
 * system calls of libos/mm/mman.c, against the fake monitor. The fake app region is reserved
 * PROT_NONE in the test process and HC_MAP / HC_PROTECT really map and protect its pages, so
 * the tests read and write mapped memory directly. Expected results are Linux's.
 */

/* The LibOS's headers come before glibc's: see test_vfs.c. */
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/mm.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/vfs.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include "../../libos/mm/vma.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "shim/fake_monitor.h"

#define HEAP_SIZE (4u << 20)
#define RW (PROT_READ | PROT_WRITE)
#define PG(n) ((uint64_t)(n) * PAGE_SIZE)

static struct libos_boot boot;
static unsigned char *heap_area;

static long map_anon(uint64_t addr, uint64_t len, int prot, int flags)
{
	return sys_mmap((long)addr, (long)len, prot, MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);
}

static int accessible(uint64_t addr, uint64_t len, int prot)
{
	return cvm_ptr_ok((const void *)addr, len, prot) == 0;
}

static int all_bytes_are(uint64_t addr, uint64_t len, unsigned char c)
{
	const unsigned char *bytes = (const unsigned char *)addr;

	for (uint64_t i = 0; i < len; i++)
		if (bytes[i] != c)
			return 0;
	return 1;
}

static char pattern(uint64_t offset)
{
	return (char)('a' + offset % 26);
}

static int matches_pattern(uint64_t addr, uint64_t len, uint64_t from_offset)
{
	const char *bytes = (const char *)addr;

	for (uint64_t i = 0; i < len; i++)
		if (bytes[i] != pattern(from_offset + i))
			return 0;
	return 1;
}

/* A ramfs file of size bytes of pattern(), opened with flags. */
static int file_with_pattern(const char *path, size_t size, int flags)
{
	char *data = malloc(size);
	long fd = vfs_open(AT_FDCWD, path, O_CREAT | flags, 0644);

	assert_non_null(data);
	assert_true(fd >= 0);
	for (size_t i = 0; i < size; i++)
		data[i] = pattern(i);
	assert_int_equal(ramfs_set_data(fd_get((int)fd)->inode, data, size), 0);
	free(data);
	return (int)fd;
}

/* The entry holding start is exactly [start, end) with prot. */
static void assert_vma(uint64_t start, uint64_t end, int prot)
{
	const struct vma *v = vma_find(start);

	assert_non_null(v);
	assert_int_equal(v->start, start);
	assert_int_equal(v->end, end);
	assert_int_equal(v->prot, prot);
}

static void assert_last_memory_call(long nr, uint64_t addr, uint64_t len, long prot)
{
	const struct fake_memory_call *call = fake_last_memory_call();

	assert_non_null(call);
	assert_int_equal(call->nr, nr);
	assert_int_equal(call->addr, addr);
	assert_int_equal(call->len, len);
	assert_int_equal(call->prot, prot);
}

static int boot_libos(void **state)
{
	(void)state;
	heap_area = aligned_alloc(4096, HEAP_SIZE);
	if (!heap_area || !fake_monitor_boot(&boot))
		return -1;
	fake_monitor_libos_region(heap_area, HEAP_SIZE);
	kmalloc_init(heap_area, HEAP_SIZE);
	return ramfs_init();
}

static int shut_down(void **state)
{
	(void)state;
	kmalloc_init(NULL, 0);
	free(heap_area);
	return 0;
}

/* Every test starts from the address space the monitor handed over at boot. */
static int fresh_address_space(void **state)
{
	(void)state;
	if (fake_hostcall(HC_MAP, (long)boot.app_mmap_base,
			  (long)(boot.app_mmap_end - boot.app_mmap_base), PROT_NONE, 0, 0))
		return -1;
	if (vma_remove(0, UINT64_MAX) || mm_init(&boot))
		return -1;
	memset(&fake, 0, sizeof(fake));
	return 0;
}

static int end_test(void **state)
{
	(void)state;
	for (int fd = 0; fd < FD_MAX; fd++)
		if (fd_get(fd))
			fd_close(fd);
	return kmalloc_check();
}

/* libos/mm/vma.c, on page numbers far below the app region. */

static void test_vma_insert_merges_neighbours(void **state)
{
	(void)state;
	assert_int_equal(vma_insert(PG(1), PG(2), RW), 0);
	assert_int_equal(vma_insert(PG(3), PG(4), RW), 0);
	assert_int_equal(vma_insert(PG(2), PG(3), RW), 0);
	assert_vma(PG(1), PG(4), RW);
	assert_int_equal(vma_insert(PG(4), PG(5), PROT_READ), 0);
	assert_vma(PG(1), PG(4), RW);
	assert_vma(PG(4), PG(5), PROT_READ);
	assert_int_equal(vma_insert(PG(0), PG(1), PROT_READ), 0);
	assert_vma(PG(0), PG(1), PROT_READ);
	assert_vma(PG(1), PG(4), RW);
}

static void test_vma_insert_replaces(void **state)
{
	(void)state;
	assert_int_equal(vma_insert(PG(1), PG(10), RW), 0);
	assert_int_equal(vma_insert(PG(4), PG(6), PROT_READ), 0);
	assert_vma(PG(1), PG(4), RW);
	assert_vma(PG(4), PG(6), PROT_READ);
	assert_vma(PG(6), PG(10), RW);
	assert_int_equal(vma_insert(PG(4), PG(6), RW), 0);
	assert_vma(PG(1), PG(10), RW);

	assert_int_equal(vma_insert(PG(20), PG(22), PROT_READ), 0);
	assert_int_equal(vma_insert(PG(23), PG(25), PROT_WRITE), 0);
	assert_int_equal(vma_insert(PG(26), PG(28), PROT_READ), 0);
	assert_int_equal(vma_insert(PG(21), PG(27), PROT_EXEC), 0);
	assert_vma(PG(20), PG(21), PROT_READ);
	assert_vma(PG(21), PG(27), PROT_EXEC);
	assert_vma(PG(27), PG(28), PROT_READ);
}

static void test_vma_remove(void **state)
{
	(void)state;
	assert_int_equal(vma_insert(PG(1), PG(10), RW), 0);
	assert_int_equal(vma_remove(PG(4), PG(6)), 0);
	assert_vma(PG(1), PG(4), RW);
	assert_vma(PG(6), PG(10), RW);
	assert_int_equal(vma_remove(PG(0), PG(2)), 0);
	assert_int_equal(vma_remove(PG(8), PG(20)), 0);
	assert_vma(PG(2), PG(4), RW);
	assert_vma(PG(6), PG(8), RW);
	assert_int_equal(vma_remove(PG(3), PG(7)), 0);
	assert_vma(PG(2), PG(3), RW);
	assert_vma(PG(7), PG(8), RW);
	assert_int_equal(vma_remove(PG(4), PG(6)), 0); /* nothing there */
	assert_int_equal(vma_remove(PG(0), PG(100)), 0);
	assert_true(vma_range_free(PG(0), PG(100)));
}

static void test_vma_find(void **state)
{
	(void)state;
	assert_int_equal(vma_insert(PG(2), PG(4), RW), 0);
	assert_null(vma_find(PG(2) - 1));
	assert_non_null(vma_find(PG(2)));
	assert_non_null(vma_find(PG(4) - 1));
	assert_null(vma_find(PG(4))); /* the end is exclusive */
}

static void test_vma_range_free_and_mapped(void **state)
{
	(void)state;
	assert_int_equal(vma_insert(PG(1), PG(3), RW), 0);
	assert_int_equal(vma_insert(PG(3), PG(5), PROT_READ), 0);
	assert_int_equal(vma_insert(PG(7), PG(8), RW), 0);
	assert_true(vma_range_mapped(PG(1), PG(5))); /* across two entries */
	assert_false(vma_range_mapped(PG(1), PG(6)));
	assert_false(vma_range_mapped(PG(4), PG(8)));
	assert_false(vma_range_mapped(PG(0), PG(2)));
	assert_true(vma_range_mapped(PG(6), PG(6)));
	assert_true(vma_range_free(PG(5), PG(7)));
	assert_true(vma_range_free(PG(0), PG(1)));
	assert_true(vma_range_free(PG(8), PG(100)));
	assert_false(vma_range_free(PG(4), PG(6)));
	assert_false(vma_range_free(PG(6), PG(8)));
	assert_false(vma_range_free(PG(0), PG(100)));
}

static void test_vma_find_gap_top_down(void **state)
{
	(void)state;
	assert_int_equal(vma_find_gap(PG(5), PG(9), PG(4)), PG(5));
	assert_int_equal(vma_find_gap(PG(5), PG(9), PG(5)), 0);

	assert_int_equal(vma_insert(PG(10), PG(20), RW), 0);
	assert_int_equal(vma_insert(PG(30), PG(40), RW), 0);
	assert_int_equal(vma_find_gap(PG(0), PG(50), PG(5)), PG(45));
	assert_int_equal(vma_find_gap(PG(0), PG(40), PG(5)), PG(25));
	assert_int_equal(vma_find_gap(PG(0), PG(40), PG(10)), PG(20)); /* an exact fit */
	assert_int_equal(vma_find_gap(PG(0), PG(40), PG(11)), 0);
	assert_int_equal(vma_find_gap(PG(12), PG(35), PG(2)), PG(28)); /* high inside a mapping */
	assert_int_equal(vma_find_gap(PG(22), PG(30), PG(8)), PG(22));
	assert_int_equal(vma_find_gap(PG(22), PG(30), PG(9)), 0);
	assert_int_equal(vma_find_gap(PG(15), PG(20), PG(1)), 0); /* all mapped */
	assert_int_equal(vma_find_gap(PG(0), PG(60), PG(20)), PG(40));
	assert_int_equal(vma_find_gap(PG(0), PG(60), PG(21)), 0);
}

/* libos/mm/mman.c */

static void test_mmap_argument_errors(void **state)
{
	uint64_t at = boot.app_mmap_end - PG(8);

	(void)state;
	assert_int_equal(map_anon(0, 0, RW, 0), -EINVAL);
	assert_int_equal(sys_mmap(0, (long)PG(1), RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1), -EINVAL);
	assert_int_equal(sys_mmap(0, (long)PG(1), RW, MAP_ANONYMOUS, -1, 0), -EINVAL);
	assert_int_equal(map_anon(at + 1, PG(1), RW, MAP_FIXED), -EINVAL);
	assert_int_equal(map_anon(at + 1, PG(1), RW, MAP_FIXED_NOREPLACE), -EINVAL);
	assert_int_equal(sys_mmap(0, (long)PG(1), PROT_READ, MAP_PRIVATE, FD_MAX - 1, 0), -EBADF);
	assert_int_equal(map_anon(0, boot.app_size + 1, RW, 0), -ENOMEM);
	assert_int_equal(map_anon(0, boot.app_mmap_end - boot.app_mmap_base, RW, 0), -ENOMEM);
	assert_int_equal(fake.ncalls, 0);
}

static void test_mmap_ignores_unknown_prot_bits(void **state)
{
	(void)state;
	/* BUG: sys_mmap answers EINVAL for prot bits other than PROT_READ | PROT_WRITE | PROT_EXEC;
	 * Linux's mmap ignores unknown bits (do_mmap never checks them; only mprotect calls
	 * arch_validate_prot), and both accept PROT_SEM (0x8) on x86. */
	assert_true(map_anon(0, PG(1), PROT_READ | 0x100, 0) > 0);
	assert_true(map_anon(0, PG(1), PROT_READ | 0x8, 0) > 0);
}

static void test_mmap_shared_validate_anonymous(void **state)
{
	(void)state;
	/* BUG: an anonymous mapping with MAP_SHARED_VALIDATE is accepted; Linux answers EINVAL
	 * (do_mmap's switch for anonymous mappings knows MAP_SHARED and MAP_PRIVATE only). */
	assert_int_equal(sys_mmap(0, (long)PG(1), RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0),
			 -EINVAL);
}

static void test_mmap_top_down_placement(void **state)
{
	long first, second;

	(void)state;
	first = map_anon(0, PG(3), RW, 0);
	assert_int_equal(first + PG(3), boot.app_mmap_end);
	assert_vma(first, first + PG(3), RW);
	assert_true(all_bytes_are(first, PG(3), 0));
	assert_true(accessible(first, PG(3), RW));
	memset((void *)first, 0x5a, PG(3));

	second = map_anon(0, 100, PROT_READ, 0); /* a whole page */
	assert_int_equal(second + PG(1), first);
	assert_true(second > (long)boot.app_brk);
	assert_vma(second, second + PG(1), PROT_READ);
	assert_last_memory_call(HC_PROTECT, second, PG(1), PROT_READ);
	assert_true(accessible(second, PG(1), PROT_READ));
	assert_false(accessible(second, PG(1), PROT_WRITE));
	assert_true(all_bytes_are(first, PG(3), 0x5a));
}

static void test_mmap_hint(void **state)
{
	uint64_t hint = boot.app_mmap_end - PG(100);

	(void)state;
	assert_int_equal(map_anon(hint + 1, PG(2), RW, 0), hint); /* rounded down, as Linux does */
	assert_int_equal(map_anon(hint, PG(1), RW, 0), boot.app_mmap_end - PG(1)); /* taken */
	assert_int_equal(map_anon(boot.app_base, PG(1), RW, 0), boot.app_mmap_end - PG(2));
}

static void test_mmap_fixed(void **state)
{
	uint64_t at = boot.app_mmap_end - PG(10);
	uint64_t region_end = boot.app_base + boot.app_size;

	(void)state;
	assert_int_equal(map_anon(at, PG(2), RW, MAP_FIXED), at);
	memset((void *)at, 0x5a, PG(2));
	assert_int_equal(map_anon(at + PG(1), PG(1), PROT_READ, MAP_FIXED), at + PG(1));
	assert_vma(at, at + PG(1), RW);
	assert_vma(at + PG(1), at + PG(2), PROT_READ);
	assert_true(all_bytes_are(at, PG(1), 0x5a));
	assert_true(all_bytes_are(at + PG(1), PG(1), 0)); /* replaced by fresh pages */

	assert_int_equal(map_anon(boot.app_base - PG(1), PG(1), RW, MAP_FIXED), -ENOMEM);
	assert_int_equal(map_anon(region_end, PG(1), RW, MAP_FIXED), -ENOMEM);
	assert_int_equal(map_anon(region_end - PG(1), PG(2), RW, MAP_FIXED), -ENOMEM);

	assert_int_equal(map_anon(at, PG(1), RW, MAP_FIXED_NOREPLACE), -EEXIST);
	assert_int_equal(map_anon(at - PG(1), PG(2), RW, MAP_FIXED_NOREPLACE), -EEXIST);
	assert_true(all_bytes_are(at, PG(1), 0x5a));
	assert_int_equal(map_anon(at - PG(1), PG(1), RW, MAP_FIXED_NOREPLACE), at - PG(1));
	assert_vma(at - PG(1), at + PG(1), RW);
}

static void test_munmap(void **state)
{
	long at;

	(void)state;
	at = map_anon(0, PG(3), RW, 0);
	assert_int_equal(sys_munmap(at + (long)PG(1), (long)PG(1)), 0);
	assert_last_memory_call(HC_MAP, at + PG(1), PG(1), PROT_NONE);
	assert_int_equal(cvm_ptr_ok((void *)(at + PG(1)), 1, PROT_READ), -EFAULT);
	assert_int_equal(cvm_ptr_ok((void *)at, PG(3), PROT_READ), -EFAULT);
	assert_true(accessible(at, PG(1), RW));
	assert_true(accessible(at + PG(2), PG(1), RW));
	assert_vma(at, at + PG(1), RW);
	assert_vma(at + PG(2), at + PG(3), RW);

	assert_int_equal(sys_munmap(at + 1, (long)PG(1)), -EINVAL);
	assert_int_equal(sys_munmap(at, 0), -EINVAL);
	/* Outside the region nothing is mapped: nothing to do. Past user space: EINVAL. */
	assert_int_equal(sys_munmap((long)(boot.app_base + boot.app_size), (long)PG(1)), 0);
	assert_int_equal(sys_munmap((long)0xffff800000000000, (long)PG(1)), -EINVAL);
	assert_int_equal(sys_munmap(at + (long)PG(1), (long)PG(1)), 0); /* already unmapped */
	assert_int_equal(sys_munmap(at + (long)PG(2), 100), 0); /* a whole page */
	assert_false(accessible(at + PG(2), 1, PROT_READ));
	assert_int_equal(map_anon(0, PG(2), RW, 0), at + PG(1)); /* the hole is reused */
}

static void test_mprotect(void **state)
{
	long at;

	(void)state;
	at = map_anon(0, PG(2), RW, 0);
	assert_int_equal(sys_mprotect(at, (long)PG(1), PROT_READ), 0);
	assert_last_memory_call(HC_PROTECT, at, PG(1), PROT_READ);
	assert_vma(at, at + PG(1), PROT_READ);
	assert_vma(at + PG(1), at + PG(2), RW);
	assert_false(accessible(at, 1, PROT_WRITE));
	assert_true(accessible(at, 1, PROT_READ));
	assert_true(accessible(at + PG(1), 1, PROT_WRITE));
	assert_int_equal(sys_mprotect(at, (long)PG(1), RW), 0);
	assert_vma(at, at + PG(2), RW);

	assert_int_equal(sys_mprotect(at + 1, (long)PG(1), PROT_READ), -EINVAL);
	assert_int_equal(sys_mprotect(at, (long)PG(1), 0x100), -EINVAL);
	assert_int_equal(sys_mprotect(at, 0, PROT_READ), 0);
	assert_int_equal(sys_mprotect(at, (long)PG(3), PROT_READ), -ENOMEM); /* partly mapped */
	assert_int_equal(sys_mprotect(at - (long)PG(4), (long)PG(1), PROT_READ), -ENOMEM);
	assert_vma(at, at + PG(2), RW);
}

static void test_mmap_prot_none(void **state)
{
	long at;

	(void)state;
	at = map_anon(0, PG(1), PROT_NONE, 0);
	assert_vma(at, at + PG(1), PROT_NONE);
	assert_false(accessible(at, 1, PROT_READ));
	assert_false(vma_range_free(at, at + PG(1)));
	assert_int_equal(sys_mprotect(at, (long)PG(1), RW), 0);
	assert_true(accessible(at, PG(1), RW));
	assert_true(all_bytes_are(at, PG(1), 0));
}

static void test_brk(void **state)
{
	uint64_t start = boot.app_brk;

	(void)state;
	assert_int_equal(sys_brk(0), start);
	assert_int_equal(sys_brk(start + 10000), start + 10000);
	assert_true(accessible(start, PG(3), RW));
	assert_true(all_bytes_are(start, PG(3), 0));
	memset((void *)start, 0x11, 10000);

	assert_int_equal(sys_brk(start + 100), start + 100);
	assert_true(accessible(start, PG(1), RW));
	assert_false(accessible(start + PG(1), 1, PROT_READ));
	/* A break that cannot be set leaves the old one, which is returned. */
	assert_int_equal(sys_brk(boot.app_mmap_end), start + 100);
	assert_int_equal(sys_brk(start - 1), start + 100);
	assert_int_equal(sys_brk(0), start + 100);
	assert_int_equal(sys_brk(start), start);
	assert_false(accessible(start, 1, PROT_READ));
}

static void test_brk_stops_at_a_mapping(void **state)
{
	uint64_t start = boot.app_brk, in_the_way = boot.app_brk + PG(2);

	(void)state;
	/* BUG: sys_brk maps over whatever lies above the break (here a MAP_FIXED mapping),
	 * replacing its pages with fresh ones; Linux refuses to grow the break into an existing
	 * mapping (mm/mmap.c brk: find_vma_intersection) and returns the old break. */
	assert_int_equal(map_anon(in_the_way, PG(1), RW, MAP_FIXED), in_the_way);
	memset((void *)in_the_way, 0x77, PG(1));
	assert_int_equal(sys_brk(start + PG(4)), start);
	assert_true(all_bytes_are(in_the_way, PG(1), 0x77));
}

static void test_madvise(void **state)
{
	long at;

	(void)state;
	at = map_anon(0, PG(2), RW, 0);
	memset((void *)at, 0x33, PG(2));
	assert_int_equal(sys_mprotect(at, (long)PG(1), PROT_READ), 0);
	assert_int_equal(sys_madvise(at, (long)PG(2), MADV_DONTNEED), 0);
	assert_true(all_bytes_are(at, PG(2), 0)); /* private anonymous pages read back as zeros */
	assert_vma(at, at + PG(1), PROT_READ);
	assert_vma(at + PG(1), at + PG(2), RW);
	assert_last_memory_call(HC_MAP, at + PG(1), PG(1), RW);

	assert_int_equal(sys_madvise(at, (long)PG(2), MADV_NORMAL), 0);
	assert_int_equal(sys_madvise(at, (long)PG(2), MADV_WILLNEED), 0);
	assert_int_equal(sys_madvise(at, 0, MADV_DONTNEED), 0);
	assert_int_equal(sys_madvise(at + 1, (long)PG(1), MADV_DONTNEED), -EINVAL);
	assert_int_equal(sys_madvise(at, (long)PG(1), 999), -EINVAL);
	assert_int_equal(sys_madvise(at, (long)PG(3), MADV_DONTNEED), -ENOMEM);
	assert_int_equal(sys_madvise(at - (long)PG(1), (long)PG(1), MADV_NORMAL), -ENOMEM);
}

static void test_mmap_file_private(void **state)
{
	int fd;
	long at;

	(void)state;
	fd = file_with_pattern("/mapped", PG(1) + 100, O_RDWR);
	at = sys_mmap(0, (long)PG(2), PROT_READ, MAP_PRIVATE, fd, 0);
	assert_true(at > 0);
	assert_true(matches_pattern(at, PG(1) + 100, 0));
	assert_true(all_bytes_are(at + PG(1) + 100, PG(1) - 100, 0));
	assert_vma(at, at + PG(2), PROT_READ);
	assert_false(accessible(at, 1, PROT_WRITE));
	assert_int_equal(sys_lseek(fd, 0, SEEK_CUR), 0);

	at = sys_mmap(0, (long)PG(1), RW, MAP_PRIVATE, fd, (long)PG(1));
	assert_true(at > 0);
	assert_true(matches_pattern(at, 100, PG(1)));
	assert_true(all_bytes_are(at + 100, PG(1) - 100, 0));
	/* Writes to a private mapping stay in it. */
	memset((void *)at, 'X', 100);
	assert_true(matches_pattern((uint64_t)(uintptr_t)fd_get(fd)->inode->data, PG(1) + 100, 0));
	assert_int_equal(sys_close(fd), 0);
}

static void test_mmap_file_errors(void **state)
{
	int fd, write_only, dir;

	(void)state;
	fd = file_with_pattern("/unmappable", 10, O_RDONLY);
	assert_int_equal(sys_mmap(0, (long)PG(1), RW, MAP_SHARED, fd, 0), -EACCES);
	assert_int_equal(sys_mmap(0, (long)PG(1), PROT_READ, MAP_SHARED_VALIDATE | 0x800000, fd, 0),
			 -EOPNOTSUPP);
	assert_int_equal(sys_mmap(0, (long)PG(1), PROT_READ, MAP_SHARED, fd, -(long)PG(1)),
			 -EOVERFLOW);
	write_only = (int)vfs_open(AT_FDCWD, "/unmappable", O_WRONLY, 0);
	assert_int_equal(sys_mmap(0, (long)PG(1), PROT_READ, MAP_PRIVATE, write_only, 0), -EACCES);
	dir = (int)vfs_open(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY, 0);
	assert_int_equal(sys_mmap(0, (long)PG(1), PROT_READ, MAP_PRIVATE, dir, 0), -ENODEV);
	assert_int_equal(fake.ncalls, 0);
}

/* A page of app memory for read and write buffers. */
static char *app_buffer(void)
{
	long at = map_anon(0, PG(1), RW, 0);

	assert_true(at > 0);
	return (char *)at;
}

static void test_mmap_file_shared(void **state)
{
	int fd, live = fake_shm_live();
	char *buf = app_buffer();
	struct inode *inode;
	long at;

	(void)state;
	fd = file_with_pattern("/shared", PG(1) + 100, O_RDWR);
	inode = fd_get(fd)->inode;
	at = sys_mmap(0, (long)PG(2), RW, MAP_SHARED, fd, 0);
	assert_true(at > 0);
	assert_int_equal(fake_shm_live(), live + 1);
	assert_true(matches_pattern(at, PG(1) + 100, 0));
	assert_true(all_bytes_are(at + PG(1) + 100, PG(1) - 100, 0));

	/* A write through the mapping is the file's at once, and a write() is the mapping's. */
	((char *)at)[5] = 'X';
	assert_int_equal(sys_pread64(fd, (long)buf, 10, 0), 10);
	assert_int_equal(buf[5], 'X');
	memcpy(buf, "written", 7);
	assert_int_equal(sys_pwrite64(fd, (long)buf, 7, (long)PG(1)), 7);
	assert_memory_equal((char *)at + PG(1), "written", 7);

	/* The file grows: the window may move, the mapping shows the same pages. */
	assert_int_equal(sys_ftruncate(fd, (long)PG(8)), 0);
	assert_int_equal(inode->size, PG(8));
	assert_memory_equal(inode->data + PG(1), "written", 7);
	((char *)at)[PG(1) + 200] = 'Y';
	assert_int_equal(inode->data[PG(1) + 200], 'Y');
	assert_int_equal(sys_pwrite64(fd, (long)buf, 7, (long)PG(6)), 7);
	assert_memory_equal(inode->data + PG(6), "written", 7);

	/* A shrink zeros the rest of the page holding the end, as tmpfs does. */
	assert_int_equal(sys_ftruncate(fd, 10), 0);
	assert_true(all_bytes_are(at + 10, PG(1) - 10, 0));
	assert_int_equal(sys_ftruncate(fd, 20), 0);
	assert_true(all_bytes_are(at + 10, 10, 0));

	/* MADV_DONTNEED keeps a shared mapping's data. */
	assert_int_equal(sys_madvise(at, (long)PG(1), MADV_DONTNEED), 0);
	assert_int_equal(((char *)at)[5], 'X');
	assert_vma(at, at + PG(2), RW);
	assert_int_equal(sys_msync(at, (long)PG(1), MS_SYNC), 0);

	assert_int_equal(sys_munmap(at, (long)PG(2)), 0);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(fake_shm_live(), live + 1); /* the file keeps its pages */
	assert_int_equal(vfs_unlink(AT_FDCWD, "/shared"), 0);
	assert_int_equal(fake_shm_live(), live);
}

static void test_shared_mapping_outlives_its_file(void **state)
{
	int fd, live = fake_shm_live();
	long at;

	(void)state;
	fd = file_with_pattern("/doomed", 100, O_RDWR);
	at = sys_mmap(0, (long)PG(3), RW, MAP_SHARED, fd, 0);
	assert_true(at > 0);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(vfs_unlink(AT_FDCWD, "/doomed"), 0);
	assert_int_equal(fake_shm_live(), live + 1);
	assert_true(matches_pattern(at, 100, 0));
	((char *)at)[0] = 'Z';
	/* Pieces go one at a time; the pages with the last. */
	assert_int_equal(sys_munmap(at + (long)PG(1), (long)PG(1)), 0);
	assert_int_equal(sys_mprotect(at, (long)PG(1), PROT_READ), 0);
	assert_int_equal(fake_shm_live(), live + 1);
	assert_int_equal(sys_munmap(at, (long)PG(1)), 0);
	assert_int_equal(fake_shm_live(), live + 1);
	assert_int_equal(sys_munmap(at + (long)PG(2), (long)PG(1)), 0);
	assert_int_equal(fake_shm_live(), live);
}

static void test_mmap_shared_read_only_file(void **state)
{
	int fd;
	long at;

	(void)state;
	fd = file_with_pattern("/read-only", 10, O_RDONLY);
	at = sys_mmap(0, (long)PG(1), PROT_READ, MAP_SHARED, fd, 0);
	assert_true(at > 0);
	/* VM_MAYWRITE is not set: the mapping never becomes writable. */
	assert_int_equal(sys_mprotect(at, (long)PG(1), RW), -EACCES);
	assert_int_equal(sys_mprotect(at, (long)PG(1), PROT_READ | PROT_EXEC), 0);
	assert_int_equal(sys_munmap(at, (long)PG(1)), 0);
	/* A private mapping may be made writable. */
	at = sys_mmap(0, (long)PG(1), PROT_READ, MAP_PRIVATE, fd, 0);
	assert_int_equal(sys_mprotect(at, (long)PG(1), RW), 0);
}

static void test_mmap_shared_anonymous(void **state)
{
	int live = fake_shm_live();
	long at;

	(void)state;
	at = sys_mmap(0, (long)PG(2), RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	assert_true(at > 0);
	assert_int_equal(fake_shm_live(), live + 1);
	memset((void *)at, 0x44, PG(2));
	assert_int_equal(sys_madvise(at, (long)PG(2), MADV_DONTNEED), 0);
	assert_true(all_bytes_are(at, PG(2), 0x44)); /* shmem keeps them */
	assert_int_equal(sys_munmap(at, (long)PG(2)), 0);
	assert_int_equal(fake_shm_live(), live);
}

static void test_mremap_in_place(void **state)
{
	long at;

	(void)state;
	at = map_anon(0, PG(4), RW, 0);
	assert_int_equal(sys_munmap(at + (long)PG(1), (long)PG(3)), 0);
	memset((void *)at, 0x21, PG(1));
	/* The pages after it are free: it grows where it is, the new ones zeros. */
	assert_int_equal(sys_mremap(at, (long)PG(1), (long)PG(3), 0, 0), at);
	assert_vma(at, at + PG(3), RW);
	assert_true(all_bytes_are(at, PG(1), 0x21));
	assert_true(all_bytes_are(at + PG(1), PG(2), 0));
	/* Shrinking unmaps the tail. */
	assert_int_equal(sys_mremap(at, (long)PG(3), (long)PG(2), 0, 0), at);
	assert_vma(at, at + PG(2), RW);
	assert_false(accessible(at + PG(2), 1, PROT_READ));
	assert_int_equal(sys_mremap(at, (long)PG(2), (long)PG(2), 0, 0), at);
}

static void test_mremap_moves(void **state)
{
	long at, moved;

	(void)state;
	at = map_anon(0, PG(2), PROT_READ | PROT_WRITE, 0);
	map_anon(0, PG(1), PROT_NONE, 0); /* below it */
	memset((void *)at, 0x31, PG(2));
	assert_int_equal(sys_mprotect(at, (long)PG(2), PROT_READ), 0);
	assert_int_equal(map_anon((uint64_t)at + PG(2), PG(1), RW, MAP_FIXED), at + (long)PG(2));
	/* Blocked above: without MREMAP_MAYMOVE it cannot grow. */
	assert_int_equal(sys_mremap(at, (long)PG(2), (long)PG(4), 0, 0), -ENOMEM);
	moved = sys_mremap(at, (long)PG(2), (long)PG(4), MREMAP_MAYMOVE, 0);
	assert_true(moved > 0 && moved != at);
	assert_vma(moved, moved + PG(4), PROT_READ);
	assert_true(all_bytes_are(moved, PG(2), 0x31));
	assert_true(all_bytes_are(moved + PG(2), PG(2), 0));
	assert_false(accessible(at, 1, PROT_READ));
	assert_true(vma_range_free(at, at + PG(2)));

	/* MREMAP_DONTUNMAP: the old range stays mapped, its private pages zeros again. */
	assert_int_equal(sys_mprotect(moved, (long)PG(4), RW), 0);
	memset((void *)moved, 0x32, PG(1));
	long again =
		sys_mremap(moved, (long)PG(1), (long)PG(1), MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	assert_true(again > 0 && again != moved);
	assert_true(all_bytes_are(again, PG(1), 0x32));
	assert_true(all_bytes_are(moved, PG(1), 0));
	assert_vma(moved, moved + PG(4), RW);

	/* MREMAP_FIXED replaces what is at the target. */
	uint64_t target = boot.app_mmap_end - PG(200);
	assert_int_equal(map_anon(target, PG(1), RW, MAP_FIXED), target);
	memset((void *)target, 0x77, PG(1));
	assert_int_equal(sys_mremap(again, (long)PG(1), (long)PG(2), MREMAP_MAYMOVE | MREMAP_FIXED,
				    (long)target),
			 target);
	assert_true(all_bytes_are(target, PG(1), 0x32));
	assert_true(all_bytes_are(target + PG(1), PG(1), 0));
	assert_false(accessible(again, 1, PROT_READ));
}

static void test_mremap_errors(void **state)
{
	long at;

	(void)state;
	at = map_anon(0, PG(2), RW, 0);
	assert_int_equal(sys_mremap(at, (long)PG(1), (long)PG(1), 8, 0), -EINVAL);
	assert_int_equal(sys_mremap(at, (long)PG(1), (long)PG(1), MREMAP_FIXED, at + (long)PG(8)),
			 -EINVAL);
	assert_int_equal(sys_mremap(at, (long)PG(1), (long)PG(1), MREMAP_DONTUNMAP, 0), -EINVAL);
	assert_int_equal(sys_mremap(at, (long)PG(1), (long)PG(2),
				    MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0),
			 -EINVAL);
	assert_int_equal(sys_mremap(at + 1, (long)PG(1), (long)PG(1), 0, 0), -EINVAL);
	assert_int_equal(sys_mremap(at, (long)PG(1), 0, 0, 0), -EINVAL);
	assert_int_equal(sys_mremap(at, 0, (long)PG(1), MREMAP_MAYMOVE, 0), -EINVAL);
	assert_int_equal(sys_mremap(at - (long)PG(1), (long)PG(1), (long)PG(2), 0, 0), -EFAULT);
	assert_int_equal(sys_mremap(at, (long)PG(3), (long)PG(4), 0, 0), -EFAULT);
	assert_int_equal(sys_mremap(at, (long)PG(2), (long)PG(2), MREMAP_MAYMOVE | MREMAP_FIXED,
				    at + (long)PG(1)),
			 -EINVAL); /* overlapping */
	assert_int_equal(sys_mremap(at, (long)PG(1), (long)PG(1), MREMAP_MAYMOVE | MREMAP_FIXED,
				    at + 1),
			 -EINVAL);
	assert_vma(at, at + PG(2), RW);
}

static void test_mremap_shared(void **state)
{
	int fd;
	long at, moved, twin;

	(void)state;
	fd = file_with_pattern("/remapped", PG(4), O_RDWR);
	at = sys_mmap(0, (long)PG(1), RW, MAP_SHARED, fd, (long)PG(1));
	assert_true(at > 0);
	moved = sys_mremap(at, (long)PG(1), (long)PG(3), MREMAP_MAYMOVE, 0);
	assert_true(moved > 0);
	/* Still the file's pages, from the same offset. */
	assert_true(matches_pattern(moved, PG(3), PG(1)));
	((char *)moved)[PG(2)] = '!';
	assert_int_equal(fd_get(fd)->inode->data[PG(3)], '!');
	/* A length of 0: a second mapping of the same pages. */
	twin = sys_mremap(moved, 0, (long)PG(1), MREMAP_MAYMOVE, 0);
	assert_true(twin > 0 && twin != moved);
	((char *)twin)[1] = '?';
	assert_int_equal(((char *)moved)[1], '?');
	assert_int_equal(sys_munmap(moved, (long)PG(3)), 0);
	assert_int_equal(sys_munmap(twin, (long)PG(1)), 0);
	assert_int_equal(sys_close(fd), 0);
}

static void test_msync(void **state)
{
	long at;

	(void)state;
	at = map_anon(0, PG(2), RW, 0);
	assert_int_equal(sys_msync(at, (long)PG(2), MS_SYNC), 0);
	assert_int_equal(sys_msync(at, (long)PG(2), MS_SYNC | MS_ASYNC), -EINVAL);
	assert_int_equal(sys_msync(at + 1, (long)PG(1), MS_ASYNC), -EINVAL);
	assert_int_equal(sys_msync(at, (long)PG(1), 8), -EINVAL);
	assert_int_equal(sys_msync(at, 0, MS_SYNC), 0);
	assert_int_equal(sys_msync(at, (long)PG(3), MS_INVALIDATE), -ENOMEM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown(name, fresh_address_space, end_test)
		TEST(test_vma_insert_merges_neighbours),
		TEST(test_vma_insert_replaces),
		TEST(test_vma_remove),
		TEST(test_vma_find),
		TEST(test_vma_range_free_and_mapped),
		TEST(test_vma_find_gap_top_down),
		TEST(test_mmap_argument_errors),
		TEST(test_mmap_ignores_unknown_prot_bits),
		TEST(test_mmap_shared_validate_anonymous),
		TEST(test_mmap_top_down_placement),
		TEST(test_mmap_hint),
		TEST(test_mmap_fixed),
		TEST(test_munmap),
		TEST(test_mprotect),
		TEST(test_mmap_prot_none),
		TEST(test_brk),
		TEST(test_brk_stops_at_a_mapping),
		TEST(test_madvise),
		TEST(test_mmap_file_private),
		TEST(test_mmap_file_errors),
		TEST(test_mmap_file_shared),
		TEST(test_shared_mapping_outlives_its_file),
		TEST(test_mmap_shared_read_only_file),
		TEST(test_mmap_shared_anonymous),
		TEST(test_mremap_in_place),
		TEST(test_mremap_moves),
		TEST(test_mremap_errors),
		TEST(test_mremap_shared),
		TEST(test_msync),
#undef TEST
	};

	return cmocka_run_group_tests(tests, boot_libos, shut_down);
}
