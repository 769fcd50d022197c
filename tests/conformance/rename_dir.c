/* rename(2) of directories: link counts, replacing, moving under another parent, loops. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	struct stat st;
	int fd;

	umask(022);
	SHOW(chdir(test_dir("rename_dir", 0)));
	SHOW(mkdir("p1", 0755));
	SHOW(mkdir("p2", 0755));
	SHOW(mkdir("p1/d", 0755));
	SHOW(mkdir("p1/d/sub", 0755));
	make_file("p1/d/f", "in d");
	show_node("p1");
	show_node("p2");
	SHOW(rename("p1/d", "p2/d"));
	show_node("p1");
	show_node("p2");
	show_node("p2/d");
	show_contents("p2/d/f");
	printf("p2/d/.. is p2: %d\n", same_inode("p2/d/..", "p2"));
	SHOW(rename("p2/d", "p2/e/"));
	SHOW(rename("p2/e/", "p2/d"));
	SHOW(mkdir("p1/empty", 0755));
	SHOW(fd = open("p1/empty", O_RDONLY | O_DIRECTORY));
	SHOW(rename("p2/d", "p1/empty"));
	SHOW(fstat(fd, &st));
	printf("replaced directory: nlink %ld\n", (long)st.st_nlink);
	SHOW(close(fd));
	show_node("p1");
	show_node("p2");
	show_node("p1/empty");
	SHOW(mkdir("full", 0755));
	make_file("full/x", "");
	SHOW(rename("p1/empty", "full"));
	make_file("file", "");
	SHOW(rename("p1/empty", "file"));
	SHOW(rename("file", "full"));
	SHOW(rename("file", "p1/empty"));
	SHOW(rename("p1/empty", "p1/empty/sub/inside"));
	SHOW(rename("p1/empty", "p1/empty/new"));
	SHOW(rename("p1/empty/sub", "p1/empty"));
	SHOW(rename("p1/empty/sub", "p1"));
	SHOW(rename("p1/empty/sub", "."));
	SHOW(rename("p1", "p1/"));
	SHOW(rename("p1/", "p1"));
	SHOW(rename("p1/./empty", "p1/empty/../moved"));
	show_node("p1/moved");
	SHOW(symlink("p1", "p1link"));
	SHOW(rename("p1link/", "p3"));
	SHOW(rename("p1link", "p3"));
	show_node("p3");
	SHOW(chdir("p1/moved/sub"));
	SHOW(rename("../../../p1", "../../../renamed"));
	char cwd[4096];
	SHOW(getcwd(cwd, sizeof(cwd)) != NULL);
	const char *tail = strstr(cwd, "/uni-rename_dir/");
	printf("cwd: %s\n", tail ? tail : "?");
	SHOW(chdir("/"));
	remove_tree(test_dir("rename_dir", 0));
	return 0;
}
