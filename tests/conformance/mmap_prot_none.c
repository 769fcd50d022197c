/* PROT_NONE memory: mapped (msync sees it) but not accessible to the kernel either (EFAULT);
 * mprotect later shows its pages, zeros for a fresh anonymous mapping, the file's for a file
 * mapping. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("mmap-prot-none", 1);
	char path[300];
	int fd;

	char *p = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	SHOW(p != MAP_FAILED);
	SHOW(msync(p, 4096, MS_ASYNC));
	SHOW(write(1, p, 1));
	SHOW(mprotect(p, 4096, PROT_READ));
	printf("fresh: %d\n", p[0]);
	SHOW(munmap(p, 4096));

	snprintf(path, sizeof(path), "%s/file", dir);
	make_file(path, "file data");
	SHOW(fd = open(path, O_RDONLY));
	char *f = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE, fd, 0);
	SHOW(f != MAP_FAILED);
	SHOW(mprotect(f, 4096, PROT_READ));
	printf("file: %.9s\n", f);
	char *s = mmap(NULL, 4096, PROT_NONE, MAP_SHARED, fd, 0);
	SHOW(s != MAP_FAILED);
	SHOW(mprotect(s, 4096, PROT_READ));
	printf("shared: %.9s\n", s);
	SHOW(munmap(f, 4096));
	SHOW(munmap(s, 4096));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
