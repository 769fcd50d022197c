/* Listing /proc and /proc/self: the entries every Linux has are there, with their types; the
 * pid's directory is listed in /proc. */
#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

/* The type of name in directory path, or -1 when it is not listed. */
static int listed(const char *path, const char *name)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	int type = -1;

	while (dir && (e = readdir(dir)))
		if (!strcmp(e->d_name, name))
			type = e->d_type;
	if (dir)
		closedir(dir);
	return type;
}

static const char *type_name(int type)
{
	return type == DT_DIR ? "dir" : type == DT_REG ? "file" : type == DT_LNK ? "symlink"
				       : type == -1	   ? "not listed"
							   : "other";
}

int main(void)
{
	const char *in_proc[] = { "self", "cpuinfo", "meminfo", ".", ".." };
	const char *in_self[] = { "fd", "maps", "exe", "cwd", ".", ".." };
	char pid[32];

	for (size_t i = 0; i < sizeof(in_proc) / sizeof(in_proc[0]); i++)
		printf("/proc/%s: %s\n", in_proc[i], type_name(listed("/proc", in_proc[i])));
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	printf("/proc/PID: %s\n", type_name(listed("/proc", pid)));
	for (size_t i = 0; i < sizeof(in_self) / sizeof(in_self[0]); i++)
		printf("/proc/self/%s: %s\n", in_self[i],
		       type_name(listed("/proc/self", in_self[i])));
	printf("/proc/self/nothing: %s\n", type_name(listed("/proc/self", "nothing")));

	/* Reading the fd directory again from the start. */
	int fd = open("/proc/self/fd", O_RDONLY | O_DIRECTORY);
	char buf[4096];
	long first, again;
	SHOW(fd >= 0);
	SHOW((first = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0);
	SHOW(syscall(SYS_getdents64, fd, buf, sizeof(buf)));
	SHOW(lseek(fd, 0, SEEK_SET));
	SHOW((again = syscall(SYS_getdents64, fd, buf, sizeof(buf))) == first);
	SHOW(syscall(SYS_getdents64, fd, buf, 10));
	SHOW(read(fd, buf, 10));
	SHOW(close(fd));
	return 0;
}
