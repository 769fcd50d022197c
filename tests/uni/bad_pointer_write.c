/* write() from buffers outside the app's cVM: in the LibOS's region, just
 * past the app's own region, at address 0. The LibOS answers EFAULT and
 * both it and the monitor carry on. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	static const char *const names[] = { "libos region", "past the cVM", "NULL" };
	const void *targets[] = { (void *)0x400000000, (void *)0x480000000, NULL };

	for (int i = 0; i < 3; i++) {
		errno = 0;
		long ret = write(1, targets[i], 8);
		printf("%s: %ld %s\n", names[i], ret, errno == EFAULT ? "EFAULT" : "unexpected");
	}
	return 0;
}
