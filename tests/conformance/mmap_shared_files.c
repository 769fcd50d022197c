/* Several files mapped shared at once: each mapping is its own file's, and unlinking one
 * leaves the others alone. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("mmap-shared-files", 1);
	char path[300], buf[8];
	char *maps[5];
	int fds[5];

	for (int i = 0; i < 5; i++) {
		snprintf(path, sizeof(path), "%s/file%d", dir, i);
		fds[i] = open(path, O_CREAT | O_RDWR, 0644);
		SHOW(ftruncate(fds[i], 4096 * (i + 1)));
		maps[i] = mmap(NULL, 4096 * (i + 1), PROT_READ | PROT_WRITE, MAP_SHARED, fds[i], 0);
		SHOW(maps[i] != MAP_FAILED);
		snprintf(maps[i] + 4096 * i, 8, "file%d", i);
	}
	snprintf(path, sizeof(path), "%s/file2", dir);
	SHOW(unlink(path));
	for (int i = 0; i < 5; i++) {
		SHOW(pread(fds[i], buf, 6, 4096 * i));
		printf("file %d: %s\n", i, buf);
		SHOW(munmap(maps[i], 4096 * (i + 1)));
		SHOW(close(fds[i]));
	}
	remove_tree(dir);
	return 0;
}
