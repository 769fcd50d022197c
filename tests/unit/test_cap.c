/* The software capabilities: bounds, sealing and the pair check the gates
 * rely on. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "cap.h"

static void test_covers_bounds(void **state)
{
	struct uni_cap cap = cap_make(0x1000, 0x2000, 0x1000, UNI_CAP_LOAD);

	(void)state;
	assert_true(uni_cap_covers(&cap, 0x1000, 0x2000));
	assert_true(uni_cap_covers(&cap, 0x2fff, 1));
	assert_true(uni_cap_covers(&cap, 0x3000, 0)); /* an empty range at the end */
	assert_false(uni_cap_covers(&cap, 0xfff, 1));
	assert_false(uni_cap_covers(&cap, 0x2fff, 2));
	assert_false(uni_cap_covers(&cap, 0x3000, 1));
	assert_false(uni_cap_covers(&cap, 0x1000, 0x2001));
}

static void test_covers_no_overflow(void **state)
{
	struct uni_cap cap = cap_make(0x1000, 0x2000, 0, UNI_CAP_LOAD);

	(void)state;
	assert_false(uni_cap_covers(&cap, 0x1800, UINT64_MAX));
	assert_false(uni_cap_covers(&cap, UINT64_MAX, 2));
	assert_false(uni_cap_covers(&cap, UINT64_MAX - 0x10, 0x20));
}

static void test_seal_and_pair(void **state)
{
	uint32_t a = cap_new_otype(), b = cap_new_otype();
	struct uni_cap code = cap_make(0x1000, 0x1000, 0x1800,
				       UNI_CAP_LOAD | UNI_CAP_EXECUTE | UNI_CAP_INVOKE);
	struct uni_cap data = cap_make(0x1000, 0x10000, 0x1000, UNI_CAP_LOAD | UNI_CAP_STORE);

	(void)state;
	assert_int_not_equal(a, b);
	assert_int_not_equal(a, 0);
	assert_false(uni_cap_is_sealed(&code));
	assert_int_equal(cap_check_pair(&code, &data), -1); /* unsealed */

	struct uni_cap pcc = cap_seal(code, a), ddc = cap_seal(data, a);
	assert_true(uni_cap_is_sealed(&pcc));
	assert_int_equal(cap_check_pair(&pcc, &ddc), 0);

	struct uni_cap other = cap_seal(data, b);
	assert_int_equal(cap_check_pair(&pcc, &other), -1); /* types differ */

	struct uni_cap no_invoke = cap_seal(cap_make(0x1000, 0x1000, 0x1800,
						     UNI_CAP_LOAD | UNI_CAP_EXECUTE), a);
	assert_int_equal(cap_check_pair(&no_invoke, &ddc), -1);

	struct uni_cap outside = pcc;
	outside.cursor = 0x2000; /* one past the end */
	assert_int_equal(cap_check_pair(&outside, &ddc), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_covers_bounds),
		cmocka_unit_test(test_covers_no_overflow),
		cmocka_unit_test(test_seal_and_pair),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
