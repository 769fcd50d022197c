/* readv and writev on a pipe: one read or write over all the segments. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char a[4], b[8], c[16];
	struct iovec out[3] = { { "abc", 3 }, { "", 0 }, { "defghij", 7 } };
	struct iovec in[3] = { { a, sizeof(a) }, { b, sizeof(b) }, { c, sizeof(c) } };
	struct iovec bad[2] = { { "ok", 2 }, { (void *)0x1000, 4 } };
	int p[2];

	SHOW(pipe2(p, O_NONBLOCK));
	SHOW(writev(p[1], out, 3));
	SHOW(writev(p[1], out, 1));
	SHOW(readv(p[0], in, 3));
	printf("\"%.4s\" \"%.8s\" \"%.1s\"\n", a, b, c);
	SHOW(readv(p[0], in, 3));
	SHOW(writev(p[1], out, 0));
	SHOW(syscall(SYS_writev, p[1], out, -1));
	SHOW(writev(p[1], bad, 2));
	SHOW(readv(p[0], in, 3));
	SHOW(write(p[1], "xyz", 3));
	in[0].iov_base = (void *)0x1000;
	SHOW(readv(p[0], in, 3));
	SHOW(read(p[0], c, sizeof(c)));
	SHOW(readv(p[1], in, 1));
	SHOW(writev(p[0], out, 1));
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	return 0;
}
