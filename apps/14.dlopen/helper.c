/* libhelper.so: what libplugin.so needs (its DT_NEEDED), loaded with it and before it. */
#include <stdio.h>

__attribute__((constructor)) static void helper_loaded(void)
{
	printf("helper: constructor\n");
}

__attribute__((destructor)) static void helper_unloaded(void)
{
	printf("helper: destructor\n");
}

int helper_twice(int n)
{
	return 2 * n;
}
