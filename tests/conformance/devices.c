/* The /dev nodes every program may rely on. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	unsigned char buf[32];
	struct stat st;
	int fd;

	SHOW(fd = open("/dev/null", O_RDWR));
	SHOW(read(fd, buf, sizeof(buf)));
	SHOW(write(fd, "discarded", 9));
	SHOW(fstat(fd, &st));
	printf("null: chr %d rdev %lx\n", S_ISCHR(st.st_mode), (unsigned long)st.st_rdev);
	SHOW(close(fd));

	memset(buf, 0xff, sizeof(buf));
	SHOW(fd = open("/dev/zero", O_RDONLY));
	SHOW(read(fd, buf, sizeof(buf)));
	int zeros = 0;
	for (size_t i = 0; i < sizeof(buf); i++)
		zeros += !buf[i];
	printf("zero bytes: %d\n", zeros);
	SHOW(close(fd));

	SHOW(fd = open("/dev/full", O_WRONLY));
	SHOW(write(fd, "x", 1));
	SHOW(close(fd));

	SHOW(fd = open("/dev/urandom", O_RDONLY));
	SHOW(read(fd, buf, 16));
	SHOW(close(fd));

	SHOW(stat("/dev/random", &st));
	printf("random: chr %d rdev %lx\n", S_ISCHR(st.st_mode), (unsigned long)st.st_rdev);
	/* /dev/stdout itself differs with what stdout is (a file is reopened
	 * at offset 0 on Linux), so only its presence is compared here. */
	SHOW(access("/dev/stdout", F_OK));
	SHOW(access("/dev/stdin", F_OK));
	SHOW(access("/dev/stderr", F_OK));
	return 0;
}
