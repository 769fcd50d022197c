/* A removed directory that is still the cwd or open: stat works with nlink 0, nothing can
 * be created in it, reading it gives ENOENT, getcwd gives ENOENT, ".." still leads out. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char buf[512];
	struct stat st;
	int fd;

	umask(022);
	const char *dir = test_dir("dead_dir", 1);
	SHOW(chdir(dir));
	SHOW(mkdir("gone", 0755));
	SHOW(chdir("gone"));
	SHOW(fd = open(".", O_RDONLY | O_DIRECTORY));
	SHOW(rmdir("../gone"));
	SHOW(stat(".", &st));
	printf("nlink %ld size %ld\n", (long)st.st_nlink, (long)st.st_size);
	SHOW(fstat(fd, &st));
	printf("nlink %ld\n", (long)st.st_nlink);
	SHOW(open("f", O_CREAT | O_WRONLY, 0644));
	SHOW(mkdir("sub", 0755));
	SHOW(symlink("x", "sym"));
	SHOW(open("f", O_RDONLY));
	SHOW(syscall(SYS_getdents64, fd, buf, sizeof(buf)));
	SHOW(getcwd(buf, sizeof(buf)) ? 0 : -1);
	SHOW(openat(fd, "f", O_CREAT | O_WRONLY, 0644));
	SHOW(mkdirat(fd, "sub", 0755));
	SHOW(rmdir("."));
	SHOW(stat("..", &st));
	SHOW(chdir(".."));
	SHOW(getcwd(buf, sizeof(buf)) ? 0 : -1);
	SHOW(access("gone", F_OK));
	SHOW(fchdir(fd));
	SHOW(close(fd));
	SHOW(chdir(dir));
	SHOW(chdir("/"));
	remove_tree(dir);
	return 0;
}
