/* libplugin.so: a library the app only knows by name, with a dependency of its own. */
#include <stdio.h>

int helper_twice(int n);

int plugin_value = 21;

__attribute__((constructor)) static void plugin_loaded(void)
{
	printf("plugin: constructor, helper_twice(%d) = %d\n", plugin_value,
	       helper_twice(plugin_value));
}

__attribute__((destructor)) static void plugin_unloaded(void)
{
	printf("plugin: destructor\n");
}

int plugin_answer(void)
{
	return helper_twice(plugin_value);
}
