/* membarrier(2) as musl's threads use it: query, register, barrier. */
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

/* <linux/membarrier.h>'s values: musl's sysroot has no kernel headers. */
#define MEMBARRIER_CMD_QUERY 0
#define MEMBARRIER_CMD_PRIVATE_EXPEDITED (1 << 3)
#define MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED (1 << 4)

int main(void)
{
	long supported = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);

	printf("query ok: %d\n", supported >= 0);
	printf("private expedited supported: %d\n",
	       !!(supported & MEMBARRIER_CMD_PRIVATE_EXPEDITED));
	SHOW(syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0));
	SHOW(syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0));
	SHOW(syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0));
	SHOW(syscall(SYS_membarrier, 12345, 0, 0));
	SHOW(syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 1, 0));
	return 0;
}
