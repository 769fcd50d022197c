/* sendfile(2) between files: from the input's own position or from an offset it updates
 * instead, up to the end of the input, at the output's position. */
#include <fcntl.h>
#include <sys/sendfile.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	off_t off;
	int in, out;

	umask(022);
	SHOW(chdir(test_dir("sendfile", 0)));
	make_file("in", "0123456789abcdef");
	SHOW(in = open("in", O_RDONLY));
	SHOW(out = open("out", O_CREAT | O_RDWR, 0644));
	SHOW(sendfile(out, in, NULL, 4));
	SHOW(lseek(in, 0, SEEK_CUR));
	SHOW(lseek(out, 0, SEEK_CUR));
	off = 10;
	SHOW(sendfile(out, in, &off, 100));
	printf("offset now %ld\n", (long)off);
	SHOW(lseek(in, 0, SEEK_CUR));
	SHOW(lseek(out, 0, SEEK_CUR));
	SHOW(sendfile(out, in, NULL, 3));
	off = 16;
	SHOW(sendfile(out, in, &off, 10));
	off = 100;
	SHOW(sendfile(out, in, &off, 10));
	printf("offset now %ld\n", (long)off);
	off = 0;
	SHOW(sendfile(out, in, &off, 0));
	SHOW(lseek(out, 100, SEEK_SET));
	SHOW(sendfile(out, in, NULL, 2));
	show_node("out");
	SHOW(close(out));
	show_contents("out");
	SHOW(out = open("/dev/null", O_WRONLY));
	off = 0;
	SHOW(sendfile(out, in, &off, 1000));
	SHOW(close(out));
	/* A file into itself, through one open file description. */
	SHOW(close(in));
	SHOW(in = open("in", O_RDWR));
	SHOW(lseek(in, 16, SEEK_SET));
	off = 0;
	SHOW(sendfile(in, in, &off, 4));
	SHOW(close(in));
	show_contents("in");
	SHOW(unlink("in"));
	SHOW(unlink("out"));
	SHOW(chdir("/"));
	remove_tree(test_dir("sendfile", 0));
	return 0;
}
