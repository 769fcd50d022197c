/* Mapping /dev/zero gives anonymous memory: private or shared, zeros, nothing written goes
 * anywhere. Other devices cannot be mapped (ENODEV). */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char buf[4];
	int zero, null;

	SHOW(zero = open("/dev/zero", O_RDWR));
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, zero, 0);
	SHOW(p != MAP_FAILED);
	printf("zeros: %d %d\n", p[0], p[8191]);
	p[0] = 'p';
	char *s = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, zero, 0);
	SHOW(s != MAP_FAILED);
	s[0] = 's';
	SHOW(madvise(s, 4096, MADV_DONTNEED));
	printf("shared after MADV_DONTNEED: %c\n", s[0]);
	SHOW(read(zero, buf, 4));
	printf("the device still reads zeros: %d\n", buf[0]);
	SHOW(null = open("/dev/null", O_RDWR));
	SHOW(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, null, 0) == MAP_FAILED);
	printf("errno %s\n", errno_name(errno));
	SHOW(munmap(p, 8192));
	SHOW(munmap(s, 4096));
	SHOW(close(null));
	SHOW(close(zero));
	return 0;
}
