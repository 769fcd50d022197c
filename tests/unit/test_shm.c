/*
 * Unit tests for monitor/shm.c, the monitor's side of HC_SHM_*: the same pages at two
 * addresses, sizes, and the checks that keep a LibOS to its own handles and to its own and its
 * app's regions. Two areas of the test process stand for the regions.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <cmocka.h>

#include "shm.h"

#define REGION_SIZE (1UL << 20)
#define PG 4096L
#define RW (PROT_READ | PROT_WRITE)

static struct gate_block gate;
static char *libos_region, *app_region, *outside;

static struct uni_cap region_cap(char *base)
{
	return (struct uni_cap){ .base = (uintptr_t)base, .length = REGION_SIZE,
				 .perms = UNI_CAP_LOAD | UNI_CAP_STORE };
}

static int set_up(void **state)
{
	(void)state;
	char *all = mmap(NULL, 3 * REGION_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (all == MAP_FAILED)
		return -1;
	libos_region = all;
	app_region = all + REGION_SIZE;
	outside = all + 2 * REGION_SIZE;
	memset(&gate, 0, sizeof(gate));
	gate.libos_ddc = region_cap(libos_region);
	gate.app_ddc = region_cap(app_region);
	gate.cvm_id = 1;
	return 0;
}

static int tear_down(void **state)
{
	(void)state;
	shm_release_all(1);
	shm_release_all(2);
	return munmap(libos_region, 3 * REGION_SIZE);
}

static void test_same_pages_at_two_addresses(void **state)
{
	long handle;

	(void)state;
	handle = shm_new(&gate, 2 * PG);
	assert_true(handle >= 0);
	assert_int_equal(shm_map(&gate, handle, 0, (long)libos_region, 2 * PG, RW), 0);
	assert_int_equal(shm_map(&gate, handle, PG, (long)app_region, PG, RW), 0);
	assert_int_equal(libos_region[PG], 0);
	libos_region[PG + 1] = 'L';
	assert_int_equal(app_region[1], 'L');
	app_region[2] = 'A';
	assert_int_equal(libos_region[PG + 2], 'A');
	/* Growing keeps the pages; the new ones are zeros. */
	assert_int_equal(shm_resize(&gate, handle, 4 * PG), 0);
	assert_int_equal(shm_map(&gate, handle, 0, (long)libos_region, 4 * PG, RW), 0);
	assert_int_equal(libos_region[PG + 2], 'A');
	assert_int_equal(libos_region[3 * PG], 0);
	/* Freed, the handle is gone but the mappings stay. */
	assert_int_equal(shm_free(&gate, handle), 0);
	assert_int_equal(app_region[2], 'A');
	assert_int_equal(shm_map(&gate, handle, 0, (long)app_region, PG, RW), -EBADF);
}

static void test_map_checks(void **state)
{
	long handle;

	(void)state;
	handle = shm_new(&gate, PG);
	assert_true(handle >= 0);
	/* Only inside the caller's regions: never the monitor's memory. */
	assert_int_equal(shm_map(&gate, handle, 0, (long)outside, PG, RW), -EINVAL);
	assert_int_equal(shm_map(&gate, handle, 0, (long)(app_region + REGION_SIZE - PG), 2 * PG,
				 RW),
			 -EINVAL);
	assert_int_equal(shm_map(&gate, handle, 0, (long)(libos_region + REGION_SIZE - PG), 2 * PG,
				 RW),
			 -EINVAL); /* across both regions */
	assert_int_equal(shm_map(&gate, handle, 0, (long)app_region + 1, PG, RW), -EINVAL);
	assert_int_equal(shm_map(&gate, handle, 1, (long)app_region, PG, RW), -EINVAL);
	assert_int_equal(shm_map(&gate, handle, 0, (long)app_region, 0, RW), -EINVAL);
	assert_int_equal(shm_map(&gate, handle, 0, (long)app_region, -PG, RW), -EINVAL);
	assert_int_equal(shm_map(&gate, handle, -PG, (long)app_region, PG, RW), -EINVAL);
	assert_int_equal(shm_map(&gate, handle, 0, (long)app_region, PG, 0x100), -EINVAL);
	assert_int_equal(shm_map(&gate, handle, 0, -PG, 2 * PG, RW), -EINVAL); /* wraps around */
	assert_int_equal(shm_resize(&gate, handle, -1), -EINVAL);
	assert_int_equal(shm_new(&gate, -1), -EINVAL);
}

static void test_handles_are_the_callers(void **state)
{
	struct gate_block other = gate;
	long handle;

	(void)state;
	handle = shm_new(&gate, PG);
	assert_true(handle >= 0);
	other.cvm_id = 2;
	assert_int_equal(shm_map(&other, handle, 0, (long)app_region, PG, RW), -EBADF);
	assert_int_equal(shm_resize(&other, handle, 2 * PG), -EBADF);
	assert_int_equal(shm_free(&other, handle), -EBADF);
	assert_int_equal(shm_map(&gate, handle + 1000, 0, (long)app_region, PG, RW), -EBADF);
	assert_int_equal(shm_map(&gate, -1, 0, (long)app_region, PG, RW), -EBADF);
	/* The end of its cVM closes what it left. */
	shm_release_all(1);
	assert_int_equal(shm_map(&gate, handle, 0, (long)app_region, PG, RW), -EBADF);
}

static void test_many_objects(void **state)
{
	long handles[40];

	(void)state;
	for (int i = 0; i < 40; i++) {
		handles[i] = shm_new(&gate, PG);
		assert_true(handles[i] >= 0);
		for (int j = 0; j < i; j++)
			assert_true(handles[j] != handles[i]);
	}
	assert_int_equal(shm_free(&gate, handles[7]), 0);
	assert_int_equal(shm_new(&gate, PG), handles[7]); /* a free slot is reused */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown(name, set_up, tear_down)
		TEST(test_same_pages_at_two_addresses),
		TEST(test_map_checks),
		TEST(test_handles_are_the_callers),
		TEST(test_many_objects),
#undef TEST
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
