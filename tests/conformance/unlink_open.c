/* An unlinked file that is still open keeps its data, and stays usable until closed. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char buf[64] = { 0 };
	struct stat st, other;
	int fd, fd2;

	umask(022);
	SHOW(chdir(test_dir("unlink_open", 0)));
	SHOW(fd = open("f", O_CREAT | O_RDWR, 0600));
	SHOW(write(fd, "hello", 5));
	SHOW(fd2 = open("f", O_RDONLY));
	SHOW(unlink("f"));
	show_node("f");
	SHOW(fstat(fd, &st));
	printf("nlink %ld size %ld mode %o\n", (long)st.st_nlink, (long)st.st_size, st.st_mode);
	SHOW(write(fd, ", world", 7));
	SHOW(pread(fd2, buf, sizeof(buf) - 1, 0));
	printf("read back: %s\n", buf);
	SHOW(ftruncate(fd, 3));
	SHOW(fstat(fd2, &st));
	printf("size after ftruncate %ld\n", (long)st.st_size);
	make_file("f", "new");
	SHOW(stat("f", &other));
	printf("same inode as the unlinked one: %d\n", other.st_ino == st.st_ino);
	show_contents("f");
	SHOW(linkat(fd, "", AT_FDCWD, "back", AT_EMPTY_PATH));
	show_node("back");
	SHOW(close(fd));
	memset(buf, 0, sizeof(buf));
	SHOW(pread(fd2, buf, sizeof(buf) - 1, 0));
	printf("still readable: %s\n", buf);
	SHOW(close(fd2));

	/* A file with a second name survives losing the first. */
	make_file("a", "kept");
	SHOW(link("a", "b"));
	SHOW(fd = open("a", O_RDONLY));
	SHOW(unlink("a"));
	SHOW(fstat(fd, &st));
	printf("nlink %ld\n", (long)st.st_nlink);
	SHOW(linkat(fd, "", AT_FDCWD, "c", AT_EMPTY_PATH));
	show_node("c");
	show_contents("c");
	SHOW(close(fd));
	SHOW(unlink("b"));
	SHOW(unlink("c"));
	SHOW(unlink("f"));
	SHOW(chdir("/"));
	remove_tree(test_dir("unlink_open", 0));
	return 0;
}
