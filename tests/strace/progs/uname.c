/* uname: the host's names. */
#include <sys/utsname.h>
#include <unistd.h>

int main(void)
{
	struct utsname u;

	getppid();
	uname(&u);
	return 0;
}
