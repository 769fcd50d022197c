/* renameat2(2): RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT and bad flags. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#define RENAME_WHITEOUT 4
#endif

static long rename2(const char *from, const char *to, unsigned flags)
{
	return syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, flags);
}

int main(void)
{
	struct stat st;

	umask(022);
	SHOW(chdir(test_dir("renameat2", 0)));
	make_file("a", "A");
	make_file("b", "B");
	SHOW(rename2("a", "b", RENAME_NOREPLACE));
	SHOW(rename2("a", "a", RENAME_NOREPLACE));
	SHOW(rename2("a", "c", RENAME_NOREPLACE));
	SHOW(rename2("c", "a", 0));
	SHOW(rename2("a", "b", RENAME_EXCHANGE));
	show_contents("a");
	show_contents("b");
	SHOW(rename2("a", "a", RENAME_EXCHANGE));
	SHOW(rename2("a", "missing", RENAME_EXCHANGE));
	SHOW(rename2("missing", "a", RENAME_EXCHANGE));
	SHOW(rename2("a", "b", RENAME_EXCHANGE | RENAME_NOREPLACE));
	SHOW(rename2("a", "b", RENAME_EXCHANGE | RENAME_WHITEOUT));
	SHOW(rename2("a", "b", 8));
	SHOW(rename2("a", "b", 0x80000000u));
	SHOW(rename2((const char *)0x1000, "b", 8));

	SHOW(mkdir("p", 0755));
	SHOW(mkdir("q", 0755));
	SHOW(mkdir("p/dir", 0755));
	make_file("q/file", "F");
	SHOW(rename2("p/dir", "q/file", RENAME_EXCHANGE));
	show_node("p");
	show_node("q");
	show_node("p/dir");
	show_node("q/file");
	printf("q/file/.. is q: %d\n", same_inode("q/file/..", "q"));
	SHOW(rename2("q/file", "q/file/x", RENAME_EXCHANGE));
	SHOW(mkdir("q/file/x", 0755));
	SHOW(rename2("q/file", "q/file/x", RENAME_EXCHANGE));
	SHOW(rename2("q/file/x", "q/file", RENAME_EXCHANGE));
	SHOW(rename2("q/file/x", "q", RENAME_EXCHANGE));
	SHOW(rename2("p/dir/", "q/file/", RENAME_EXCHANGE));
	SHOW(rename2("p/dir", "q/file/", RENAME_EXCHANGE));
	SHOW(rename2("q/file/", "p/dir", RENAME_EXCHANGE));
	SHOW(rename2(".", "a", RENAME_EXCHANGE));
	SHOW(rename2("a", "..", RENAME_NOREPLACE));
	SHOW(rename2("a", "..", 0));

	SHOW(rename2("a", "w", RENAME_WHITEOUT));
	SHOW(lstat("a", &st));
	printf("whiteout: chr %d rdev %lx mode %o\n", S_ISCHR(st.st_mode),
	       (unsigned long)st.st_rdev, st.st_mode & 07777);
	SHOW(open("a", O_RDONLY));
	show_contents("w");
	SHOW(rename2("b", "w", RENAME_WHITEOUT | RENAME_NOREPLACE));
	SHOW(chdir("/"));
	remove_tree(test_dir("renameat2", 0));
	return 0;
}
