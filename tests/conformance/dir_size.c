/* A tmpfs directory's st_size is 20 bytes per entry plus 40 (BOGO_DIRENT_SIZE), its
 * st_blocks 0, its st_nlink 2 plus its subdirectories. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static void show_dir(const char *path)
{
	struct stat st;

	if (stat(path, &st))
		printf("%s: %s\n", path, errno_name(errno));
	else
		printf("%s: size %ld blocks %ld nlink %ld\n", path, (long)st.st_size,
		       (long)st.st_blocks, (long)st.st_nlink);
}

int main(void)
{
	umask(022);
	SHOW(chdir(test_dir("dir_size", 1)));
	SHOW(mkdir("d", 0755));
	show_dir("d");
	make_file("d/f", "");
	show_dir("d");
	SHOW(mkdir("d/sub", 0755));
	show_dir("d");
	SHOW(symlink("f", "d/link"));
	SHOW(link("d/f", "d/hard"));
	show_dir("d");
	SHOW(rename("d/f", "d/g"));
	show_dir("d");
	SHOW(rename("d/g", "d/hard"));
	show_dir("d");
	SHOW(mkdir("e", 0755));
	SHOW(rename("d/sub", "e/sub"));
	show_dir("d");
	show_dir("e");
	SHOW(unlink("d/link"));
	SHOW(unlink("d/hard"));
	show_dir("d");
	SHOW(rmdir("e/sub"));
	show_dir("e");
	SHOW(chdir("/"));
	remove_tree(test_dir("dir_size", 1));
	return 0;
}
