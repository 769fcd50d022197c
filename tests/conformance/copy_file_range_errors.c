/* copy_file_range(2)'s checks in Linux's order: fds, offsets, flags, then the files' kinds and
 * modes, overflows, and overlapping ranges in one file. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int in, out, ro, wo, app, dir, path, null, p[2];
	loff_t a, b;

	umask(022);
	SHOW(chdir(test_dir("copy_file_range_errors", 0)));
	make_file("in", "0123456789abcdef");
	SHOW(in = open("in", O_RDWR));
	SHOW(out = open("out", O_CREAT | O_RDWR, 0644));
	SHOW(ro = open("out", O_RDONLY));
	SHOW(wo = open("in", O_WRONLY));
	SHOW(app = open("out", O_WRONLY | O_APPEND));
	SHOW(dir = open(".", O_RDONLY | O_DIRECTORY));
	SHOW(path = open("in", O_PATH));
	null = open("/dev/null", O_RDWR); /* an fd past 9: not printed */
	SHOW(null < 0);
	SHOW(pipe(p));
	a = 0;
	b = 0;
	SHOW(copy_file_range(99, &a, out, &b, 1, 0));
	SHOW(copy_file_range(in, &a, 99, &b, 1, 0));
	SHOW(copy_file_range(path, &a, out, &b, 1, 0));
	SHOW(syscall(SYS_copy_file_range, in, (void *)0x1000, out, &b, 1, 0));
	SHOW(syscall(SYS_copy_file_range, in, &a, out, (void *)0x1000, 1, 0));
	SHOW(copy_file_range(in, &a, out, &b, 1, 1));
	SHOW(copy_file_range(in, &a, out, &b, 1, -1));
	SHOW(copy_file_range(dir, NULL, out, NULL, 1, 0));
	SHOW(copy_file_range(in, NULL, dir, NULL, 1, 0));
	SHOW(copy_file_range(p[0], NULL, dir, NULL, 1, 0));
	SHOW(copy_file_range(p[0], NULL, out, NULL, 1, 0));
	SHOW(copy_file_range(in, NULL, p[1], NULL, 1, 0));
	SHOW(copy_file_range(null, NULL, out, NULL, 1, 0));
	SHOW(copy_file_range(in, NULL, null, NULL, 1, 0));
	SHOW(copy_file_range(wo, NULL, out, NULL, 1, 0));
	SHOW(copy_file_range(in, NULL, ro, NULL, 1, 0));
	SHOW(copy_file_range(in, NULL, app, NULL, 1, 0));
	SHOW(copy_file_range(in, NULL, app, NULL, 0, 0));
	a = -1;
	SHOW(copy_file_range(in, &a, out, NULL, 5, 0));
	SHOW(copy_file_range(in, &a, out, NULL, 0, 0));
	a = -5;
	SHOW(copy_file_range(in, &a, out, NULL, 3, 0));
	a = 0;
	b = -1;
	SHOW(copy_file_range(in, &a, out, &b, 5, 0));
	b = 0;
	SHOW(copy_file_range(in, &a, out, &b, SIZE_MAX, 0));
	a = 1;
	SHOW(copy_file_range(in, &a, out, &b, SIZE_MAX, 0));
	a = INT64_MAX - 2;
	SHOW(copy_file_range(in, &a, out, &b, 5, 0));
	printf("offsets %ld %ld\n", (long)a, (long)b);
	/* Overlapping ranges of one file, after the count stops at its end. */
	a = 0;
	b = 2;
	SHOW(copy_file_range(in, &a, in, &b, 5, 0));
	a = 2;
	b = 0;
	SHOW(copy_file_range(in, &a, in, &b, 100, 0));
	a = 10;
	b = 0;
	SHOW(copy_file_range(in, &a, in, &b, 100, 0));
	printf("offsets %ld %ld\n", (long)a, (long)b);
	SHOW(copy_file_range(in, NULL, in, NULL, 1, 0));
	show_contents("in");
	SHOW(close(in));
	SHOW(close(out));
	SHOW(close(ro));
	SHOW(close(wo));
	SHOW(close(app));
	SHOW(close(dir));
	SHOW(close(path));
	SHOW(close(null));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	SHOW(chdir("/"));
	remove_tree(test_dir("copy_file_range_errors", 0));
	return 0;
}
