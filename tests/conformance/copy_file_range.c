/* copy_file_range(2) between files and within one: positions or offsets, the end of the
 * input, and growing the output. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	loff_t off_in, off_out;
	int in, out;

	umask(022);
	SHOW(chdir(test_dir("copy_file_range", 0)));
	make_file("in", "0123456789abcdef");
	SHOW(in = open("in", O_RDWR));
	SHOW(out = open("out", O_CREAT | O_RDWR, 0644));
	SHOW(copy_file_range(in, NULL, out, NULL, 4, 0));
	SHOW(lseek(in, 0, SEEK_CUR));
	SHOW(lseek(out, 0, SEEK_CUR));
	off_in = 10;
	SHOW(copy_file_range(in, &off_in, out, NULL, 100, 0));
	printf("in offset %ld\n", (long)off_in);
	SHOW(lseek(in, 0, SEEK_CUR));
	off_out = 20;
	SHOW(copy_file_range(in, NULL, out, &off_out, 2, 0));
	printf("out offset %ld\n", (long)off_out);
	SHOW(lseek(in, 0, SEEK_CUR));
	SHOW(lseek(out, 0, SEEK_CUR));
	off_in = 16;
	SHOW(copy_file_range(in, &off_in, out, NULL, 5, 0));
	off_in = 100;
	SHOW(copy_file_range(in, &off_in, out, NULL, 5, 0));
	printf("in offset %ld\n", (long)off_in);
	SHOW(copy_file_range(in, NULL, out, NULL, 0, 0));
	show_node("out");
	show_contents("out");
	/* Within one file: ranges that do not overlap. */
	off_in = 0;
	off_out = 5;
	SHOW(copy_file_range(in, &off_in, in, &off_out, 5, 0));
	off_in = 0;
	off_out = 16;
	SHOW(copy_file_range(in, &off_in, in, &off_out, 4, 0));
	show_contents("in");
	SHOW(close(in));
	SHOW(close(out));
	SHOW(unlink("in"));
	SHOW(unlink("out"));
	SHOW(chdir("/"));
	remove_tree(test_dir("copy_file_range", 0));
	return 0;
}
