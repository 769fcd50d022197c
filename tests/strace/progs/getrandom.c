/* getrandom with each flag: the bytes differ, the calls do not. */
#include <sys/random.h>
#include <unistd.h>

int main(void)
{
	char buf[64];

	getppid();
	getrandom(buf, 16, 0);
	getrandom(buf, sizeof(buf), GRND_NONBLOCK);
	getrandom(buf, 8, GRND_RANDOM);
	getrandom(buf, 0, 0);
	return 0;
}
