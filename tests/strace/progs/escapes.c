/* Data strace must escape: control bytes, quotes, octal before digits,
 * high bytes, and strings cut at 32 bytes. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	static const char bytes[] = "\0\1\2\a\b\t\n\v\f\r\33[1m\"\\\177\200\377";
	int fd;

	getppid();
	fd = open("/dev/null", O_WRONLY);
	write(fd, bytes, sizeof(bytes) - 1);
	write(fd, "\0" "1\0" "9\1" "7\33" "8", 8);
	write(fd, "0123456789abcdefghijklmnopqrstuv", 32);
	write(fd, "0123456789abcdefghijklmnopqrstuvw", 33);
	write(fd, "0123456789abcdefghijklmnopqrstuvwxyz0123456789", 46);
	write(fd, "", 0);
	write(fd, "tab\there", 8);
	close(fd);
	open("/tmp/a path with \"quotes\" and\ttabs\n", O_RDONLY);
	open("/tmp/uni-strace-a-path-that-is-rather-longer-than-thirty-two-bytes", O_RDONLY);
	return 0;
}
