/* Terminal ioctls on stdout (a file here), on a file and on a bad fd. */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
	struct winsize ws;
	struct termios t;
	int fd;

	getppid();
	isatty(1);
	ioctl(1, TIOCGWINSZ, &ws);
	tcgetattr(1, &t);
	fd = open("/dev/null", O_RDONLY);
	ioctl(fd, TCGETS, &t);
	close(fd);
	ioctl(42, TIOCGWINSZ, &ws);
	return 0;
}
