/* eventfd(2): an 8-byte counter. Reads take it all and zero it, writes add to it; short
 * buffers, a write of the maximum and an overflow are refused. */
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	uint64_t value = 0, big[2] = { 0, 0 };
	int fd;

	SHOW(fd = eventfd(3, EFD_NONBLOCK));
	SHOW(read(fd, &value, sizeof(value)));
	printf("value %llu\n", (unsigned long long)value);
	SHOW(read(fd, &value, sizeof(value)));
	value = 5;
	SHOW(write(fd, &value, sizeof(value)));
	value = 7;
	SHOW(write(fd, &value, sizeof(value)));
	value = 0;
	SHOW(write(fd, &value, sizeof(value)));
	SHOW(read(fd, big, sizeof(big)));
	printf("value %llu %llu\n", (unsigned long long)big[0], (unsigned long long)big[1]);
	SHOW(read(fd, &value, 7));
	SHOW(read(fd, &value, 0));
	SHOW(write(fd, &value, 7));
	SHOW(eventfd_read(fd, &value));
	printf("value %llu\n", (unsigned long long)value);
	value = UINT64_MAX;
	SHOW(write(fd, &value, sizeof(value)));
	value = UINT64_MAX - 1;
	SHOW(write(fd, &value, sizeof(value)));
	value = 1;
	SHOW(write(fd, &value, sizeof(value)));
	SHOW(eventfd_write(fd, 0));
	SHOW(read(fd, &value, sizeof(value)));
	printf("value %llu\n", (unsigned long long)value);
	SHOW(write(fd, (void *)0x1000, 8));
	SHOW(close(fd));

	/* The initial count is an unsigned int. */
	SHOW(fd = eventfd(0xffffffffu, EFD_NONBLOCK));
	SHOW(read(fd, &value, sizeof(value)));
	printf("value %llu\n", (unsigned long long)value);
	SHOW(close(fd));
	return 0;
}
