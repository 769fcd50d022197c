/* /proc/self: a symlink to the process's own directory, named by its pid; /proc/self/exe is
 * the program, /proc/self/cwd the working directory. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
	char link[256], pid[32], cwd[256];
	struct stat st;
	ssize_t n;

	(void)argc;
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	n = readlink("/proc/self", link, sizeof(link));
	printf("/proc/self names the pid: %d\n", n > 0 && (size_t)n == strlen(pid) &&
							 !memcmp(link, pid, (size_t)n));
	SHOW(lstat("/proc/self", &st));
	printf("symlink %d mode %04o\n", S_ISLNK(st.st_mode), st.st_mode & 07777);
	SHOW(stat("/proc/self", &st));
	printf("dir %d mode %04o\n", S_ISDIR(st.st_mode), st.st_mode & 07777);
	snprintf(link, sizeof(link), "/proc/%s", pid);
	printf("same as /proc/PID: %d\n", same_inode("/proc/self/.", strcat(link, "/.")));
	SHOW(stat("/proc", &st));
	printf("/proc: dir %d mode %04o\n", S_ISDIR(st.st_mode), st.st_mode & 07777);
	SHOW(stat("/proc/self/fd", &st));
	printf("/proc/self/fd: dir %d mode %04o\n", S_ISDIR(st.st_mode), st.st_mode & 07777);

	n = readlink("/proc/self/exe", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	printf("exe is argv[0]: %d\n", !strcmp(base_name(link), base_name(argv[0])));
	SHOW(lstat("/proc/self/exe", &st));
	printf("symlink %d\n", S_ISLNK(st.st_mode));
	SHOW(stat("/proc/self/exe", &st));
	printf("regular %d executable %d\n", S_ISREG(st.st_mode), (st.st_mode & 0100) != 0);

	SHOW(chdir(test_dir("proc_self", 0)));
	n = readlink("/proc/self/cwd", link, sizeof(link) - 1);
	link[n > 0 ? n : 0] = 0;
	printf("cwd is getcwd: %d\n", getcwd(cwd, sizeof(cwd)) && !strcmp(link, cwd));
	SHOW(mkdir("/proc/self/cwd/sub", 0755));
	SHOW(access("sub", F_OK));
	SHOW(chdir("/proc/self/cwd/sub"));
	printf("in sub: %d\n", getcwd(cwd, sizeof(cwd)) && !strcmp(base_name(cwd), "sub"));
	SHOW(chdir("/proc/self/fd"));
	printf("getcwd in /proc: %d\n", getcwd(cwd, sizeof(cwd)) && !strncmp(cwd, "/proc/", 6) &&
						 !strcmp(cwd + strlen(cwd) - 3, "/fd"));
	SHOW(chdir("/"));
	remove_tree(test_dir("proc_self", 0));
	return 0;
}
