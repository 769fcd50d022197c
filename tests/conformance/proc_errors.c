/* What /proc refuses: new names, removing or renaming its own, links and renames to and from
 * the tree (another file system), mmap of its files; and what it takes (truncate does nothing). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	struct statfs sfs;
	struct stat st;
	int fd;

	umask(022);
	SHOW(chdir(test_dir("proc_errors", 0)));
	make_file("f", "data");
	SHOW(mkdir("/proc/x", 0755));
	SHOW(mkdir("/proc/self", 0755));
	SHOW(mkdir("/proc/self/fd/x", 0755));
	SHOW(open("/proc/x", O_CREAT | O_RDWR, 0644));
	SHOW(open("/proc/self/x", O_CREAT | O_RDWR, 0644));
	SHOW(open("/proc/cpuinfo", O_CREAT | O_EXCL | O_RDWR, 0644));
	SHOW(symlink("f", "/proc/y"));
	SHOW(unlink("/proc/cpuinfo"));
	SHOW(unlink("/proc/self"));
	SHOW(unlink("/proc/self/maps"));
	SHOW(unlink("/proc/nothing"));
	SHOW(rmdir("/proc/self"));
	SHOW(rmdir("/proc/self/fd"));
	SHOW(rmdir("/proc/self/fd/"));
	SHOW(rename("/proc/cpuinfo", "/proc/z"));
	SHOW(rename("/proc/nothing", "/proc/z"));
	SHOW(rename("/proc/cpuinfo", "g"));
	SHOW(rename("f", "/proc/g"));
	SHOW(rename("f", "/proc/cpuinfo"));
	SHOW(link("/proc/cpuinfo", "g"));
	SHOW(link("f", "/proc/g"));
	SHOW(link("f", "/proc/self/g"));
	SHOW(truncate("/proc/meminfo", 0));
	SHOW(stat("/proc/meminfo", &st));
	printf("size %ld\n", (long)st.st_size);
	SHOW(fd = open("/proc/meminfo", O_RDONLY | O_TRUNC));
	SHOW(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED);
	printf("errno %s\n", errno_name(errno));
	SHOW(fsync(fd));
	SHOW(close(fd));
	SHOW(statfs("/proc", &sfs));
	printf("type %lx namelen %ld\n", (long)sfs.f_type, (long)sfs.f_namelen);
	SHOW(statfs("/proc/self/fd", &sfs));
	printf("type %lx\n", (long)sfs.f_type);
	SHOW(access("/proc/cpuinfo", R_OK));
	SHOW(access("/proc/nothing", F_OK));
	SHOW(access("/proc/self/nothing", F_OK));
	SHOW(unlink("f"));
	SHOW(chdir("/"));
	remove_tree(test_dir("proc_errors", 0));
	return 0;
}
