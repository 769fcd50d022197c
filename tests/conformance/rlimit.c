/* Resource limits: RLIMIT_NOFILE lowered bounds open, dup2, F_DUPFD and
 * poll; bad limits and resources; the nice value; getrusage. */
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include "check.h"

int main(void)
{
	struct rlimit old, lim;
	struct rusage usage;
	struct pollfd fds[17];
	int fd, last = -1;

	SHOW(getrlimit(RLIMIT_NOFILE, &old));
	lim.rlim_cur = 16;
	lim.rlim_max = old.rlim_max;
	SHOW(setrlimit(RLIMIT_NOFILE, &lim));
	SHOW(getrlimit(RLIMIT_NOFILE, &lim));
	printf("soft %ld, hard unchanged %d\n", (long)lim.rlim_cur, lim.rlim_max == old.rlim_max);
	while ((fd = open("/dev/null", O_RDONLY)) >= 0)
		last = fd;
	printf("opened up to fd %d, then %s\n", last, errno_name(errno));
	SHOW(dup2(0, 16));
	SHOW(dup2(0, 15));
	SHOW(fcntl(0, F_DUPFD, 16));
	for (int i = 0; i < 17; i++) {
		fds[i].fd = -1;
		fds[i].events = POLLIN;
	}
	SHOW(poll(fds, 17, 0));
	SHOW(poll(fds, 16, 0));
	lim.rlim_cur = lim.rlim_max + 1;
	if (lim.rlim_max != RLIM_INFINITY)
		SHOW(setrlimit(RLIMIT_NOFILE, &lim));
	else
		printf("setrlimit(RLIMIT_NOFILE, &lim) = -1 EINVAL\n");
	SHOW(setrlimit(99, &old));
	SHOW(getrlimit(99, &lim));

	lim.rlim_cur = 1 << 20;
	lim.rlim_max = 1 << 20;
	SHOW(setrlimit(RLIMIT_FSIZE, &lim));
	SHOW(getrlimit(RLIMIT_FSIZE, &lim));
	printf("fsize %ld %ld\n", (long)lim.rlim_cur, (long)lim.rlim_max);

	SHOW(setpriority(PRIO_PROCESS, 0, 10));
	SHOW(getpriority(PRIO_PROCESS, 0));
	SHOW(setpriority(99, 0, 10));
	SHOW(getrusage(RUSAGE_SELF, &usage));
	SHOW(getrusage(99, &usage));
	return 0;
}
