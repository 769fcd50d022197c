/* EFD_SEMAPHORE: each read takes one from the counter and returns 1. */
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	uint64_t value;
	int fd;

	SHOW(fd = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK));
	for (int i = 0; i < 3; i++) {
		value = 99;
		SHOW(read(fd, &value, sizeof(value)));
		printf("value %llu\n", (unsigned long long)value);
	}
	value = 3;
	SHOW(write(fd, &value, sizeof(value)));
	for (int i = 0; i < 4; i++) {
		value = 99;
		SHOW(read(fd, &value, sizeof(value)));
		printf("value %llu\n", (unsigned long long)value);
	}
	SHOW(close(fd));
	return 0;
}
