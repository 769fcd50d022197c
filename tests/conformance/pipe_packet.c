/* O_DIRECT pipes carry packets: each write is read back alone, and what a read leaves of a
 * packet is gone. Without O_DIRECT, writes run together. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>
#include "check.h"

static char big[10000];

int main(void)
{
	char buf[64];
	int p[2];

	SHOW(pipe2(p, O_DIRECT | O_NONBLOCK));
	SHOW(write(p[1], "first", 5));
	SHOW(write(p[1], "second", 6));
	SHOW(write(p[1], "third", 5));
	SHOW(read(p[0], buf, sizeof(buf)));
	printf("\"%.5s\"\n", buf);
	SHOW(read(p[0], buf, 3));
	printf("\"%.3s\"\n", buf);
	SHOW(read(p[0], buf, sizeof(buf)));
	printf("\"%.5s\"\n", buf);
	SHOW(read(p[0], buf, sizeof(buf)));
	/* A packet is at most a page. */
	SHOW(write(p[1], big, sizeof(big)));
	SHOW(read(p[0], big, sizeof(big)));
	SHOW(read(p[0], big, sizeof(big)));
	SHOW(read(p[0], big, sizeof(big)));
	SHOW(read(p[0], big, sizeof(big)));
	/* 16 packets fill the pipe, however small. */
	for (int i = 0; i < 16; i++)
		if (write(p[1], "x", 1) != 1)
			printf("packet %d refused\n", i);
	SHOW(write(p[1], "x", 1));
	SHOW(close(p[0]));
	SHOW(close(p[1]));

	SHOW(pipe2(p, O_NONBLOCK));
	SHOW(write(p[1], "first", 5));
	SHOW(write(p[1], "second", 6));
	SHOW(read(p[0], buf, sizeof(buf)));
	printf("\"%.11s\"\n", buf);
	SHOW(close(p[0]));
	SHOW(close(p[1]));
	return 0;
}
