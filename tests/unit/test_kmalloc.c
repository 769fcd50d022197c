/* Unit tests for libos/mm/kmalloc.c, on a heap area taken from the host's malloc. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libos/errno.h>
#include <libos/kmalloc.h>

#define HEAP_SIZE (1u << 20)
#define BLOCK_OVERHEAD 24 /* header and footer around each allocation */

static unsigned char *heap_area;
static size_t initial_free;

static uint64_t rng = 0x243f6a8885a308d3ull;

static uint64_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int setup(void **state)
{
	(void)state;
	heap_area = aligned_alloc(4096, HEAP_SIZE);
	if (!heap_area)
		return -1;
	kmalloc_init(heap_area, HEAP_SIZE);
	initial_free = kmalloc_free_bytes();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	kmalloc_init(NULL, 0);
	free(heap_area);
	return 0;
}

static void fill(void *ptr, size_t size, unsigned int seed)
{
	unsigned char *bytes = ptr;

	for (size_t i = 0; i < size; i++)
		bytes[i] = (unsigned char)(seed * 131 + i * 7);
}

static int intact(const void *ptr, size_t size, unsigned int seed)
{
	const unsigned char *bytes = ptr;

	for (size_t i = 0; i < size; i++)
		if (bytes[i] != (unsigned char)(seed * 131 + i * 7))
			return 0;
	return 1;
}

static void test_no_heap(void **state)
{
	unsigned char small[32];

	(void)state;
	kmalloc_init(NULL, 0);
	assert_null(kmalloc(1));
	assert_int_equal(kmalloc_free_bytes(), 0);
	assert_int_equal(kmalloc_check(), 0);
	kmalloc_init(small, sizeof(small)); /* too small for one block */
	assert_null(kmalloc(0));
	assert_int_equal(kmalloc_check(), 0);
	kfree(small + 16);
	assert_null(krealloc(small + 16, 4));
}

static void test_alloc_free(void **state)
{
	static const size_t sizes[] = { 0, 0, 1, 15, 16, 17, 24, 100, 4096, 65536 };
	void *ptr[sizeof(sizes) / sizeof(sizes[0])];
	const size_t count = sizeof(sizes) / sizeof(sizes[0]);

	(void)state;
	assert_int_equal(initial_free, HEAP_SIZE);
	for (size_t i = 0; i < count; i++) {
		ptr[i] = kmalloc(sizes[i]);
		assert_non_null(ptr[i]);
		assert_int_equal((uintptr_t)ptr[i] % 16, 0);
		assert_true((unsigned char *)ptr[i] >= heap_area &&
			    (unsigned char *)ptr[i] + sizes[i] <= heap_area + HEAP_SIZE);
		fill(ptr[i], sizes[i], i);
	}
	assert_ptr_not_equal(ptr[0], ptr[1]); /* kmalloc(0) is unique */
	assert_int_equal(kmalloc_check(), 0);
	for (size_t i = 0; i < count; i++)
		assert_true(intact(ptr[i], sizes[i], i));
	for (size_t i = 0; i < count; i += 2)
		kfree(ptr[i]);
	assert_int_equal(kmalloc_check(), 0);
	for (size_t i = 1; i < count; i += 2) {
		assert_true(intact(ptr[i], sizes[i], i));
		kfree(ptr[i]);
	}
	kfree(NULL);
	assert_int_equal(kmalloc_check(), 0);
	assert_int_equal(kmalloc_free_bytes(), initial_free);
}

static void test_unaligned_area(void **state)
{
	(void)state;
	kmalloc_init(heap_area + 3, 1000);
	assert_int_equal(kmalloc_free_bytes(), 976); /* [heap_area + 16, heap_area + 992) */
	for (int i = 0; i < 5; i++) {
		void *ptr = kmalloc(i * 7);

		assert_non_null(ptr);
		assert_int_equal((uintptr_t)ptr % 16, 0);
	}
	assert_int_equal(kmalloc_check(), 0);
}

/* Freeing everything in any order must leave one block as large as the whole heap. */
static void test_coalescing(void **state)
{
	enum { COUNT = 300 };
	void *ptr[COUNT];
	int order[COUNT];

	(void)state;
	for (int round = 0; round < 20; round++) {
		for (int i = 0; i < COUNT; i++) {
			ptr[i] = kmalloc(next_random() % 2000);
			assert_non_null(ptr[i]);
			order[i] = i;
		}
		for (int i = COUNT - 1; i > 0; i--) {
			int j = next_random() % (i + 1), swap = order[i];

			order[i] = order[j];
			order[j] = swap;
		}
		for (int i = 0; i < COUNT; i++) {
			kfree(ptr[order[i]]);
			if (i % 16 == 0)
				assert_int_equal(kmalloc_check(), 0);
		}
		assert_int_equal(kmalloc_check(), 0);
		assert_int_equal(kmalloc_free_bytes(), initial_free);
	}
	assert_null(kmalloc(initial_free - BLOCK_OVERHEAD + 1));
	ptr[0] = kmalloc(initial_free - BLOCK_OVERHEAD);
	assert_non_null(ptr[0]);
	assert_int_equal(kmalloc_free_bytes(), 0);
	assert_int_equal(kmalloc_check(), 0);
	kfree(ptr[0]);
	assert_int_equal(kmalloc_free_bytes(), initial_free);
}

static void test_krealloc(void **state)
{
	void *a, *b, *blocker, *moved;

	(void)state;
	a = krealloc(NULL, 100);
	assert_non_null(a);
	fill(a, 100, 1);
	b = kmalloc(100);
	/* Shrink, then grow in place into the tail the shrink freed. */
	assert_ptr_equal(krealloc(a, 40), a);
	assert_true(intact(a, 40, 1));
	assert_ptr_equal(krealloc(a, 100), a);
	assert_true(intact(a, 40, 1));
	fill(a, 100, 2);
	/* b blocks growth in place: the contents move. */
	moved = krealloc(a, 5000);
	assert_non_null(moved);
	assert_ptr_not_equal(moved, a);
	assert_true(intact(moved, 100, 2));
	fill(moved, 5000, 3);
	/* Grow in place into the free block a left behind. */
	blocker = kmalloc(10);
	kfree(b);
	assert_int_equal(kmalloc_check(), 0);
	assert_ptr_equal(krealloc(blocker, 150), blocker);
	/* Failure leaves the block as it was. */
	assert_null(krealloc(moved, SIZE_MAX));
	assert_null(krealloc(moved, HEAP_SIZE));
	assert_true(intact(moved, 5000, 3));
	/* Size 0 keeps a minimal, valid allocation. */
	moved = krealloc(moved, 0);
	assert_non_null(moved);
	assert_int_equal(kmalloc_check(), 0);
	kfree(moved);
	kfree(blocker);
	assert_int_equal(kmalloc_check(), 0);
	assert_int_equal(kmalloc_free_bytes(), initial_free);
}

static void test_kzalloc(void **state)
{
	unsigned char *ptr;

	(void)state;
	ptr = kmalloc(4000);
	memset(ptr, 0xaa, 4000);
	kfree(ptr);
	ptr = kzalloc(3000);
	assert_non_null(ptr);
	for (int i = 0; i < 3000; i++)
		assert_int_equal(ptr[i], 0);
	kfree(ptr);
	assert_null(kzalloc(SIZE_MAX));
}

static void test_exhaustion(void **state)
{
	enum { MAX = HEAP_SIZE / 1000 };
	void *ptr[MAX];
	int count = 0;

	(void)state;
	assert_null(kmalloc(SIZE_MAX));
	assert_null(kmalloc(SIZE_MAX - 15));
	assert_null(kmalloc(SIZE_MAX - BLOCK_OVERHEAD));
	assert_null(kmalloc(HEAP_SIZE));
	while ((ptr[count] = kmalloc(1000)) != NULL) {
		fill(ptr[count], 1000, count);
		count++;
		assert_true(count < MAX);
	}
	assert_true(count > MAX - 40);
	assert_int_equal(kmalloc_check(), 0);
	assert_true(kmalloc_free_bytes() < 1000 + BLOCK_OVERHEAD);
	assert_null(kmalloc(1000));
	assert_null(krealloc(ptr[0], 2000));
	for (int i = 0; i < count; i++) {
		assert_true(intact(ptr[i], 1000, i));
		kfree(ptr[i]);
	}
	assert_int_equal(kmalloc_check(), 0);
	assert_int_equal(kmalloc_free_bytes(), initial_free);
}

static void test_bad_free(void **state)
{
	unsigned char *a, *b, *c, outside[64] = { 0 };
	size_t free_bytes;

	(void)state;
	a = kzalloc(64);
	b = kzalloc(64);
	c = kzalloc(64);
	kfree(a + 16); /* inside a block */
	kfree(a + 1); /* misaligned */
	kfree(outside + 16);
	kfree(heap_area + HEAP_SIZE);
	assert_null(krealloc(a + 16, 10));
	assert_int_equal(kmalloc_check(), 0);
	kfree(b);
	free_bytes = kmalloc_free_bytes();
	kfree(b); /* double free */
	assert_int_equal(kmalloc_free_bytes(), free_bytes);
	kfree(c); /* merges with b, and b's header loses its magic */
	free_bytes = kmalloc_free_bytes();
	kfree(c);
	kfree(b);
	assert_int_equal(kmalloc_free_bytes(), free_bytes);
	assert_int_equal(kmalloc_check(), 0);
	/* A corrupted footer is caught by the check. */
	a[64 + 8] ^= 1;
	assert_int_equal(kmalloc_check(), -EINVAL);
	a[64 + 8] ^= 1;
	kfree(a);
	assert_int_equal(kmalloc_check(), 0);
	assert_int_equal(kmalloc_free_bytes(), initial_free);
}

static size_t random_size(void)
{
	uint64_t r = next_random();

	switch (r % 8) {
	case 0:
		return (r >> 8) % 16384;
	case 1:
	case 2:
		return (r >> 8) % 1024;
	default:
		return (r >> 8) % 128;
	}
}

static void test_stress(void **state)
{
	enum { SLOTS = 512, OPERATIONS = 100000 };
	static struct {
		unsigned char *ptr;
		size_t size;
		unsigned int seed;
	} slot[SLOTS];
	unsigned int seed = 0;
	int failures = 0;

	(void)state;
	memset(slot, 0, sizeof(slot));
	for (int op = 0; op < OPERATIONS; op++) {
		int i = next_random() % SLOTS;
		size_t size = random_size();

		if (op % 1000 == 0)
			assert_int_equal(kmalloc_check(), 0);
		if (slot[i].ptr)
			assert_true(intact(slot[i].ptr, slot[i].size, slot[i].seed));
		if (slot[i].ptr && next_random() % 3 == 0) {
			kfree(slot[i].ptr);
			slot[i].ptr = NULL;
		} else if (slot[i].ptr) {
			unsigned char *grown = krealloc(slot[i].ptr, size);

			if (!grown) {
				failures++;
				continue;
			}
			assert_true(intact(grown, size < slot[i].size ? size : slot[i].size,
					   slot[i].seed));
			slot[i].ptr = grown;
		} else {
			slot[i].ptr = kmalloc(size);
			if (!slot[i].ptr) {
				failures++;
				continue;
			}
		}
		if (slot[i].ptr) {
			assert_int_equal((uintptr_t)slot[i].ptr % 16, 0);
			slot[i].size = size;
			slot[i].seed = ++seed;
			fill(slot[i].ptr, size, seed);
		}
	}
	assert_int_equal(kmalloc_check(), 0);
	for (int i = 0; i < SLOTS; i++) {
		if (slot[i].ptr)
			assert_true(intact(slot[i].ptr, slot[i].size, slot[i].seed));
		kfree(slot[i].ptr);
	}
	assert_int_equal(kmalloc_check(), 0);
	assert_int_equal(kmalloc_free_bytes(), initial_free);
	print_message("stress: %d of %d operations ran out of memory\n", failures, OPERATIONS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_heap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alloc_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unaligned_area, setup, teardown),
		cmocka_unit_test_setup_teardown(test_coalescing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_krealloc, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kzalloc, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exhaustion, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stress, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
