/* sendfile(2) into a pipe: one pipe buffer per page of the file, as much as fits; a full
 * non-blocking pipe gives EAGAIN, a pipe without readers EPIPE. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <unistd.h>
#include "check.h"

static char big[100000];

int main(void)
{
	off_t off;
	int in, p[2], n;

	umask(022);
	SHOW(chdir(test_dir("sendfile_pipe", 0)));
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)('a' + i % 26);
	SHOW(in = open("in", O_CREAT | O_RDWR, 0644));
	SHOW(write(in, big, sizeof(big)));
	SHOW(pipe2(p, O_NONBLOCK));
	off = 0;
	SHOW(sendfile(p[1], in, &off, 10));
	SHOW(sendfile(p[1], in, &off, sizeof(big)));
	printf("offset now %ld\n", (long)off);
	SHOW(sendfile(p[1], in, &off, 10));
	SHOW(read(p[0], big, 10));
	printf("\"%.10s\"\n", big);
	/* The buffers sendfile made take no more bytes: still full. */
	SHOW(write(p[1], "x", 1));
	SHOW(read(p[0], big, sizeof(big)));
	printf("\"%.5s\"\n", big);
	off = 100;
	SHOW(sendfile(p[1], in, &off, sizeof(big)));
	printf("offset now %ld\n", (long)off);
	SHOW(ioctl(p[0], FIONREAD, &n));
	printf("waiting %d\n", n);
	SHOW(read(p[0], big, sizeof(big)));
	SHOW(lseek(in, 99990, SEEK_SET));
	SHOW(sendfile(p[1], in, NULL, 100));
	SHOW(lseek(in, 0, SEEK_CUR));
	SHOW(read(p[0], big, sizeof(big)));
	printf("\"%.10s\"\n", big);
	off = 0;
	SHOW(sendfile(p[1], in, &off, 0));
	SHOW(write(p[1], big, 3));
	SHOW(write(p[1], big, 3));
	SHOW(read(p[0], big, sizeof(big)));
	SHOW(signal(SIGPIPE, SIG_IGN) == SIG_ERR);
	SHOW(close(p[0]));
	off = 0;
	SHOW(sendfile(p[1], in, &off, 10));
	printf("offset now %ld\n", (long)off);
	SHOW(close(p[1]));
	SHOW(close(in));
	SHOW(unlink("in"));
	SHOW(chdir("/"));
	remove_tree(test_dir("sendfile_pipe", 0));
	return 0;
}
