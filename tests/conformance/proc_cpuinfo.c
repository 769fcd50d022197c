/* /proc/cpuinfo: one block per processor the program can count, "key\t: value" lines. */
#include <fcntl.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[4096];
	int processors = 0, well_formed = 1, last = -1;

	if (!f) {
		printf("fopen: %s\n", errno_name(errno));
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		int n;
		if (line[0] == '\n')
			continue;
		if (!strchr(line, ':') || line[strlen(line) - 1] != '\n')
			well_formed = 0;
		if (sscanf(line, "processor : %d", &n) == 1) {
			well_formed &= n == last + 1;
			last = n;
			processors++;
		}
	}
	fclose(f);
	printf("well formed: %d\n", well_formed);
	printf("processors match sysconf: %d\n", processors == sysconf(_SC_NPROCESSORS_ONLN));
	printf("at least one: %d\n", processors >= 1);
	return 0;
}
