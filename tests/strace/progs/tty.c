/* Terminal ioctls on a terminal: the runner gives this program a pty (with
 * script(1)) on both sides, so TCGETS and TIOCGWINSZ succeed and their
 * structures are decoded. */
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
	struct winsize ws;
	struct termios t;

	getppid();
	isatty(0);
	tcgetattr(0, &t);
	ioctl(1, TIOCGWINSZ, &ws);
	tcgetattr(1, &t);
	return 0;
}
