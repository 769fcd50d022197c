/* dlopen(3) and friends on libraries in the LibOS's ramfs (/usr/lib, where musl's ld.so
 * looks): dependencies, constructors and destructors, RTLD_NOW, RTLD_LAZY, RTLD_GLOBAL,
 * RTLD_LOCAL, RTLD_NOLOAD, dlsym, dladdr, dlclose and dlerror's exact messages. The same
 * program built with Debian's musl-gcc and run on Linux prints the same. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* dlerror(), with directories left out: musl names a library by the path it was found at,
 * which is /usr/lib here and another directory on the host. */
static void show_error(const char *what)
{
	const char *text = dlerror();
	char shown[512];
	size_t out = 0;

	if (!text) {
		printf("%s: no error\n", what);
		return;
	}
	for (const char *p = text; *p && out < sizeof(shown) - 1; p++) {
		/* A path starts a word: keep what follows its last slash. */
		if (*p == '/' && (p == text || p[-1] == ' ')) {
			const char *end = p + strcspn(p, ": "), *name = p;
			for (const char *q = p; q < end; q++)
				if (*q == '/')
					name = q + 1;
			p = name;
		}
		shown[out++] = *p;
	}
	shown[out] = 0;
	printf("%s: %s\n", what, shown);
}

static const char *base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : 0;

	return slash ? slash + 1 : path ? path : "(null)";
}

int main(void)
{
	printf("main: start\n");
	void *missing = dlopen("libmissing.so", RTLD_NOW);
	printf("dlopen(libmissing.so): %s\n", missing ? "loaded" : "NULL");
	show_error("dlerror");
	show_error("dlerror again");

	void *plugin = dlopen("libplugin.so", RTLD_NOW | RTLD_LOCAL);
	printf("dlopen(libplugin.so, RTLD_NOW | RTLD_LOCAL): %s\n", plugin ? "loaded" : "NULL");
	int (*answer)(void) = (int (*)(void))dlsym(plugin, "plugin_answer");
	printf("plugin_answer() = %d\n", answer ? answer() : -1);
	int *value = dlsym(plugin, "plugin_value");
	printf("plugin_value = %d\n", value ? *value : -1);
	int (*twice)(int) = (int (*)(int))dlsym(plugin, "helper_twice");
	printf("helper_twice through the plugin's handle: %d\n", twice ? twice(5) : -1);
	printf("dlsym(plugin, no_such_symbol): %p\n", dlsym(plugin, "no_such_symbol"));
	show_error("dlerror");
	printf("dlsym(RTLD_DEFAULT, plugin_value) while RTLD_LOCAL: %s\n",
	       dlsym(RTLD_DEFAULT, "plugin_value") ? "found" : "NULL");
	show_error("dlerror");

	Dl_info info;
	if (dladdr(value, &info))
		printf("dladdr(&plugin_value): %s, %s, offset %ld\n", base_name(info.dli_fname),
		       info.dli_sname, (long)((char *)value - (char *)info.dli_saddr));
	if (dladdr((char *)answer + 1, &info))
		printf("dladdr(plugin_answer + 1): %s, %s, offset %ld\n", base_name(info.dli_fname),
		       info.dli_sname, (long)((char *)answer + 1 - (char *)info.dli_saddr));
	printf("dladdr(a stack address): %d\n", dladdr(&info, &info));

	void *again = dlopen("libplugin.so", RTLD_NOW | RTLD_GLOBAL);
	printf("dlopen again, RTLD_GLOBAL: %s\n", again == plugin ? "the same handle" : "another");
	printf("dlsym(RTLD_DEFAULT, plugin_value) now: %s\n",
	       dlsym(RTLD_DEFAULT, "plugin_value") ? "found" : "NULL");
	printf("dlopen(libhelper.so, RTLD_NOLOAD): %s\n",
	       dlopen("libhelper.so", RTLD_NOW | RTLD_NOLOAD) ? "already loaded" : "NULL");
	printf("dlopen(libprovider.so, RTLD_NOLOAD): %s\n",
	       dlopen("libprovider.so", RTLD_NOW | RTLD_NOLOAD) ? "already loaded" : "NULL");
	show_error("dlerror");

	printf("dlopen(liblazy.so, RTLD_NOW): %s\n",
	       dlopen("liblazy.so", RTLD_NOW) ? "loaded" : "NULL");
	show_error("dlerror");
	void *lazy = dlopen("liblazy.so", RTLD_LAZY);
	printf("dlopen(liblazy.so, RTLD_LAZY): %s\n", lazy ? "loaded" : "NULL");
	void *provider = dlopen("libprovider.so", RTLD_LAZY | RTLD_GLOBAL);
	printf("dlopen(libprovider.so, RTLD_LAZY | RTLD_GLOBAL): %s\n",
	       provider ? "loaded" : "NULL");
	int (*lazy_call)(void) = (int (*)(void))dlsym(lazy, "lazy_call");
	printf("lazy_call() = %d\n", lazy_call ? lazy_call() : -1);

	FILE *junk = fopen("/tmp/libjunk.so", "w");
	if (junk) {
		fputs("not an ELF file\n", junk);
		fclose(junk);
	}
	printf("dlopen(/tmp/libjunk.so): %s\n",
	       dlopen("/tmp/libjunk.so", RTLD_NOW) ? "loaded" : "NULL");
	show_error("dlerror");
	remove("/tmp/libjunk.so");

	printf("dlclose(plugin) = %d\n", dlclose(plugin));
	printf("dlclose(plugin) = %d\n", dlclose(again));
	printf("plugin_answer() after dlclose = %d\n", answer());
	printf("dlclose(lazy) = %d, dlclose(provider) = %d\n", dlclose(lazy), dlclose(provider));
	printf("main: end\n");
	return 0;
}
