/* sendfile(2)'s checks, in Linux's order: the input fd and its offset, then the output. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	int in, out, ro, app, dir, path, efd, p[2];
	off_t off;

	umask(022);
	SHOW(chdir(test_dir("sendfile_errors", 0)));
	make_file("in", "0123456789");
	SHOW(in = open("in", O_RDWR));
	SHOW(out = open("out", O_CREAT | O_RDWR, 0644));
	SHOW(ro = open("out", O_RDONLY));
	SHOW(app = open("out", O_WRONLY | O_APPEND));
	SHOW(dir = open(".", O_RDONLY | O_DIRECTORY));
	SHOW(path = open("in", O_PATH));
	SHOW(efd = eventfd(0, 0));
	SHOW(pipe(p));
	SHOW(sendfile(out, 99, NULL, 1));
	SHOW(sendfile(99, in, NULL, 1));
	SHOW(sendfile(99, 99, NULL, 1));
	SHOW(sendfile(out, app, NULL, 1));
	SHOW(sendfile(ro, in, NULL, 1));
	SHOW(sendfile(out, path, NULL, 1));
	SHOW(sendfile(path, in, NULL, 1));
	SHOW(sendfile(dir, in, NULL, 1));
	SHOW(sendfile(out, dir, NULL, 1));
	SHOW(sendfile(app, in, NULL, 1));
	SHOW(sendfile(efd, in, NULL, 1));
	SHOW(sendfile(out, efd, NULL, 8));
	SHOW(sendfile(out, p[0], NULL, 1));
	off = 0;
	SHOW(sendfile(out, p[0], &off, 1));
	SHOW(sendfile(p[1], p[0], NULL, 1));
	off = -1;
	SHOW(sendfile(out, in, &off, 1));
	printf("offset now %ld\n", (long)off);
	SHOW(sendfile(99, in, &off, 1));
	off = INT64_MAX - 5;
	SHOW(sendfile(out, in, &off, 10));
	SHOW(sendfile(out, in, NULL, (size_t)-1));
	SHOW(syscall(SYS_sendfile, out, in, (void *)0x1000, 1));
	SHOW(syscall(SYS_sendfile, out, in, main, 1));
	SHOW(lseek(in, 0, SEEK_CUR));
	SHOW(lseek(out, 0, SEEK_CUR));
	SHOW(close(in));
	SHOW(close(out));
	SHOW(close(ro));
	SHOW(close(app));
	SHOW(close(dir));
	SHOW(close(path));
	SHOW(close(efd));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	SHOW(chdir("/"));
	remove_tree(test_dir("sendfile_errors", 0));
	return 0;
}
