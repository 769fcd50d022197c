/* pipe(2): a read end and a write end, what fstat and fcntl say of them, the calls a pipe
 * refuses, and end of file once every write end is closed. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char buf[64];
	struct stat st;
	int p[2], copy;

	SHOW(pipe(p));
	SHOW(p[1] == p[0] + 1);
	SHOW(fstat(p[0], &st));
	printf("fifo %d mode %04o nlink %ld size %ld blksize %ld\n", S_ISFIFO(st.st_mode),
	       st.st_mode & 07777, (long)st.st_nlink, (long)st.st_size, (long)st.st_blksize);
	struct stat other;
	SHOW(fstat(p[1], &other));
	printf("same inode: %d\n", st.st_ino == other.st_ino && st.st_dev == other.st_dev);
	SHOW(fcntl(p[0], F_GETFL));
	SHOW(fcntl(p[1], F_GETFL));
	SHOW(fcntl(p[0], F_GETFD));
	SHOW(write(p[1], "hello, pipe", 11));
	SHOW(fstat(p[0], &st));
	printf("size with data %ld\n", (long)st.st_size);
	SHOW(lseek(p[0], 0, SEEK_SET));
	SHOW(lseek(p[1], 0, SEEK_CUR));
	SHOW(pread(p[0], buf, 1, 0));
	SHOW(pwrite(p[1], "x", 1, 0));
	SHOW(write(p[0], "x", 1));
	SHOW(read(p[1], buf, 1));
	SHOW(read(p[0], buf, 0));
	SHOW(write(p[1], buf, 0));
	SHOW(read(p[0], buf, 5));
	SHOW(read(p[0], buf + 5, sizeof(buf) - 5));
	buf[11] = 0;
	printf("read back \"%s\"\n", buf);
	SHOW(ftruncate(p[1], 0));
	SHOW(fsync(p[1]));
	SHOW(copy = dup(p[1]));
	SHOW(close(p[1]));
	SHOW(write(copy, "more", 4));
	SHOW(close(copy));
	SHOW(read(p[0], buf, sizeof(buf)));
	SHOW(read(p[0], buf, sizeof(buf)));
	SHOW(close(p[0]));
	SHOW(close(p[0]));
	return 0;
}
