/* clock_gettime through the system call (natively musl would use the vDSO). */
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec ts;

	getppid();
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	syscall(SYS_clock_gettime, CLOCK_BOOTTIME, &ts);
	return 0;
}
