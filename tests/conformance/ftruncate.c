/* ftruncate(2): through a writable fd only; the offset does not move; the errors. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char buf[32] = { 0 };
	struct stat st;
	int fd, ro, dfd;

	umask(022);
	SHOW(chdir(test_dir("ftruncate", 0)));
	SHOW(fd = open("f", O_CREAT | O_RDWR, 0644));
	SHOW(write(fd, "abcdefgh", 8));
	SHOW(ftruncate(fd, 2));
	SHOW(lseek(fd, 0, SEEK_CUR));
	SHOW(write(fd, "Z", 1));
	SHOW(fstat(fd, &st));
	printf("size %ld\n", (long)st.st_size);
	SHOW(pread(fd, buf, sizeof(buf), 0));
	for (int i = 0; i < 9; i++)
		printf("%02x", (unsigned char)buf[i]);
	printf("\n");
	SHOW(ftruncate(fd, 0));
	SHOW(ftruncate(fd, -1));
	SHOW(ftruncate(fd, 100));
	show_node("f");
	SHOW(ro = open("f", O_RDONLY));
	SHOW(ftruncate(ro, 0));
	SHOW(close(ro));
	SHOW(ro = open("f", O_WRONLY | O_APPEND));
	SHOW(ftruncate(ro, 1));
	SHOW(close(ro));
	show_node("f");
	SHOW(ro = open("f", O_PATH));
	SHOW(ftruncate(ro, 0));
	SHOW(close(ro));
	SHOW(mkdir("d", 0755));
	SHOW(dfd = open("d", O_RDONLY | O_DIRECTORY));
	SHOW(ftruncate(dfd, 0));
	SHOW(close(dfd));
	SHOW(dfd = open("/dev/null", O_WRONLY));
	SHOW(ftruncate(dfd, 0));
	SHOW(close(dfd));
	SHOW(ftruncate(99, 0));
	SHOW(ftruncate(-1, 0));
	SHOW(close(fd));
	SHOW(ftruncate(fd, 0));
	SHOW(chdir("/"));
	remove_tree(test_dir("ftruncate", 0));
	return 0;
}
