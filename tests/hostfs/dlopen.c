/* dlopen(3) of a library in a mounted host directory: musl's ld.so opens it, maps it
 * MAP_PRIVATE and relocates it. argv[1] is the library's path. */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	void *lib = dlopen(argv[1], RTLD_NOW);
	if (!lib) {
		printf("dlopen: %s\n", dlerror());
		return 1;
	}
	const char *(*greeting)(void) = (const char *(*)(void))dlsym(lib, "hfs_greeting");
	printf("dlsym: %s\n", greeting ? "found" : "missing");
	if (greeting) {
		printf("%s\n", greeting());
		printf("%s\n", greeting());
	}
	printf("dlclose: %d\n", dlclose(lib));
	void *missing = dlopen("/data/lib/nothing.so", RTLD_NOW);
	printf("missing library: %s\n", missing ? "loaded" : "not loaded");
	return 0;
}
