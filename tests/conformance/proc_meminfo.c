/* /proc/meminfo, a file made when read: "Key:  value kB" lines; read whole or in pieces, with
 * pread and lseek as a seq_file allows; not writable. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static long value(const char *text, const char *key)
{
	const char *at = strstr(text, key);
	long kb;
	char unit[8];

	if (!at || sscanf(at + strlen(key), " %ld %7s", &kb, unit) != 2 || strcmp(unit, "kB"))
		return -1;
	return kb;
}

int main(void)
{
	char whole[8192], pieces[8192], buf[16];
	struct stat st;
	ssize_t n, len = 0;
	int fd;

	SHOW(stat("/proc/meminfo", &st));
	printf("regular %d mode %04o size %ld\n", S_ISREG(st.st_mode), st.st_mode & 07777,
	       (long)st.st_size);
	SHOW(fd = open("/proc/meminfo", O_RDONLY));
	n = read(fd, whole, sizeof(whole) - 1);
	whole[n > 0 ? n : 0] = 0;
	long total = value(whole, "MemTotal:");
	long free_kb = value(whole, "MemFree:"), available = value(whole, "MemAvailable:");
	printf("MemTotal first: %d\n", !strncmp(whole, "MemTotal:", 9));
	printf("total %d free %d available %d\n", total > 0, free_kb >= 0 && free_kb <= total,
	       available >= 0 && available <= total);
	printf("Buffers %d Cached %d SwapTotal %d\n", value(whole, "\nBuffers:") >= 0,
	       value(whole, "\nCached:") >= 0, value(whole, "\nSwapTotal:") >= 0);
	SHOW(lseek(fd, 0, SEEK_CUR) == n);
	SHOW(read(fd, buf, sizeof(buf)));
	SHOW(lseek(fd, 0, SEEK_SET));
	while ((n = read(fd, pieces + len, 7)) > 0)
		len += n;
	pieces[len] = 0;
	printf("same lines in pieces: %d\n", !strncmp(whole, pieces, 9) && len > 100);
	SHOW(pread(fd, buf, 9, 0));
	printf("\"%.9s\"\n", buf);
	SHOW(lseek(fd, 4, SEEK_SET));
	SHOW(read(fd, buf, 5));
	printf("\"%.5s\"\n", buf);
	SHOW(lseek(fd, -2, SEEK_CUR));
	SHOW(lseek(fd, -20, SEEK_CUR));
	SHOW(lseek(fd, 0, SEEK_END));
	SHOW(lseek(fd, 1000000, SEEK_SET));
	SHOW(read(fd, buf, sizeof(buf)));
	SHOW(lseek(fd, -1, SEEK_SET));
	SHOW(write(fd, "x", 1));
	SHOW(close(fd));
	SHOW(fd = open("/proc/meminfo", O_WRONLY));
	SHOW(write(fd, "x", 1));
	SHOW(close(fd));
	return 0;
}
