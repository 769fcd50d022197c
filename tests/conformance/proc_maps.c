/* /proc/self/maps lists the mappings: the program's code executable and named by its path,
 * the stack, the heap, and a file mapped here with its offset. Only those lines are checked:
 * the rest differs with the loader and libc. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static char maps[65536];

static void read_maps(void)
{
	int fd = open("/proc/self/maps", O_RDONLY);
	size_t len = 0;
	ssize_t n;

	while (fd >= 0 && (n = read(fd, maps + len, sizeof(maps) - 1 - len)) > 0)
		len += (size_t)n;
	maps[len] = 0;
	if (fd >= 0)
		close(fd);
}

/* The line of the mapping holding addr: its permissions, offset and name. */
static int find(const void *addr, char *perms, unsigned long *offset, char *name)
{
	for (char *line = maps; *line;) {
		char *end = strchr(line, '\n');
		unsigned long start, stop, off, ino;
		char dev[16];
		int used = 0;
		if (sscanf(line, "%lx-%lx %4s %lx %15s %lu%n", &start, &stop, perms, &off, dev,
			   &ino, &used) >= 6 &&
		    (uintptr_t)addr >= start && (uintptr_t)addr < stop) {
			while (line[used] == ' ')
				used++;
			size_t n = end ? (size_t)(end - line - used) : strlen(line + used);
			memcpy(name, line + used, n);
			name[n] = 0;
			*offset = off;
			return 1;
		}
		if (!end)
			break;
		line = end + 1;
	}
	return 0;
}

static void show(const char *what, const void *addr)
{
	char perms[8] = "", name[4096] = "";
	unsigned long offset = 0;

	if (!find(addr, perms, &offset, name)) {
		printf("%s: not listed\n", what);
		return;
	}
	printf("%s: %s, named \"%s\"\n", what, perms, base_name(name));
}

int main(int argc, char **argv)
{
	char perms[8], name[4096];
	unsigned long offset;
	int stack_variable = argc, fd;
	/* Moved before anything allocates: libc's malloc may keep its own idea of the break. */
	char *heap = (char *)syscall(SYS_brk, 0);
	int grown = (char *)syscall(SYS_brk, heap + 8192) == heap + 8192;

	read_maps();
	printf("lines end in newlines: %d\n", maps[0] && maps[strlen(maps) - 1] == '\n');
	show("code of main", (void *)main);
	printf("code is the program: %d\n", find((void *)main, perms, &offset, name) &&
						   !strcmp(base_name(name), base_name(argv[0])));
	show("stack", &stack_variable);
	printf("break moved: %d\n", grown);
	show("heap", heap + 100);

	umask(022);
	SHOW(chdir(test_dir("proc_maps", 0)));
	SHOW(fd = open("data", O_CREAT | O_RDWR, 0644));
	SHOW(ftruncate(fd, 3 * 4096));
	char *file = mmap(NULL, 2 * 4096, PROT_READ, MAP_PRIVATE, fd, 4096);
	char *anon = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(mprotect(file + 4096, 4096, PROT_READ | PROT_WRITE));
	read_maps();
	show("file", file);
	printf("offset %lx\n", find(file, perms, &offset, name) ? offset : 0);
	show("file, second page", file + 4096);
	printf("offset %lx\n", find(file + 4096, perms, &offset, name) ? offset : 0);
	printf("full path: %d\n", find(file, perms, &offset, name) && name[0] == '/');
	show("anonymous", anon);
	SHOW(munmap(file, 4096));
	read_maps();
	show("unmapped", file);
	show("file after munmap", file + 4096);
	SHOW(close(fd));
	SHOW(unlink("data"));
	SHOW(chdir("/"));
	remove_tree(test_dir("proc_maps", 0));
	return 0;
}
