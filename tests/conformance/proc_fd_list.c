/* Listing /proc/self/fd: each open fd once, in increasing order, as symlinks; a closed one
 * is gone. Only this program's own fds are shown (others may be inherited). */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static int mine[4];

static void list(void)
{
	DIR *dir = opendir("/proc/self/fd");
	int seen[4] = { 0, 0, 0, 0 }, dots = 0, sorted = 1, last = -1, links = 1;
	struct dirent *e;

	if (!dir) {
		printf("opendir: %s\n", errno_name(errno));
		return;
	}
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.') {
			dots++;
			continue;
		}
		int fd = atoi(e->d_name);
		sorted &= fd > last;
		last = fd;
		links &= e->d_type == DT_LNK;
		for (int i = 0; i < 4; i++)
			seen[i] += fd == mine[i];
	}
	printf("dots %d, sorted %d, all symlinks %d, mine seen: %d %d %d %d\n", dots, sorted,
	       links, seen[0], seen[1], seen[2], seen[3]);
	closedir(dir);
}

int main(void)
{
	struct stat st;

	SHOW(mine[0] = open("/dev/null", O_RDONLY));
	SHOW(mine[1] = dup2(mine[0], 40));
	SHOW(mine[2] = dup2(mine[0], 700));
	SHOW(mine[3] = open("/", O_PATH));
	list();
	SHOW(close(mine[1]));
	list();
	SHOW(close(mine[2]));
	SHOW(close(mine[0]));
	SHOW(close(mine[3]));
	list();
	SHOW(stat("/proc/self/fd/0", &st) == 0 || errno == ENOENT);
	SHOW(access("/proc/self/fd/700", F_OK));
	return 0;
}
