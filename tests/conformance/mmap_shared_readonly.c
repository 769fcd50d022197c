/* A shared mapping of a file opened read-only can never be written: mprotect refuses
 * PROT_WRITE (no VM_MAYWRITE); a private one may become writable, and its writes stay in it. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("mmap-shared-readonly", 1);
	char path[300], buf[8] = { 0 };
	int fd;

	snprintf(path, sizeof(path), "%s/file", dir);
	make_file(path, "abcdef");
	SHOW(fd = open(path, O_RDONLY));
	char *shared = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	SHOW(shared != MAP_FAILED);
	printf("shared: %.6s\n", shared);
	SHOW(mprotect(shared, 4096, PROT_READ | PROT_WRITE));
	SHOW(mprotect(shared, 4096, PROT_WRITE));
	SHOW(mprotect(shared, 4096, PROT_READ | PROT_EXEC));
	SHOW(mprotect(shared, 4096, PROT_NONE));
	SHOW(mprotect(shared, 4096, PROT_READ));
	printf("shared: %.6s\n", shared);

	char *private = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	SHOW(private != MAP_FAILED);
	SHOW(mprotect(private, 4096, PROT_READ | PROT_WRITE));
	private[0] = 'X';
	printf("private: %.6s shared: %.6s\n", private, shared);
	SHOW(pread(fd, buf, 6, 0));
	printf("file: %s\n", buf);
	SHOW(munmap(private, 4096));
	SHOW(munmap(shared, 4096));
	SHOW(close(fd));
	remove_tree(dir);
	return 0;
}
