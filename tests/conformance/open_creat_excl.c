/* O_CREAT and O_EXCL: a new file gets mode & ~umask, an existing one is opened unless O_EXCL
 * is there, and O_EXCL never follows a symlink, even a dangling one. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("open-creat-excl", 0);
	char file[300], link[300], dangling[300], sub[300];
	int fd;

	snprintf(file, sizeof(file), "%s/file", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	snprintf(dangling, sizeof(dangling), "%s/dangling", dir);
	snprintf(sub, sizeof(sub), "%s/missing/file", dir);
	umask(022);
	SHOW(fd = open(file, O_CREAT | O_WRONLY, 0777));
	SHOW(close(fd));
	show_node(file);
	SHOW(open(file, O_CREAT | O_EXCL | O_WRONLY, 0600));
	SHOW(fd = open(file, O_CREAT | O_RDONLY, 0600));
	SHOW(close(fd));
	SHOW(fd = open(file, O_EXCL | O_RDONLY));
	SHOW(close(fd));
	SHOW(symlink("file", link));
	SHOW(symlink("nowhere", dangling));
	SHOW(open(link, O_CREAT | O_EXCL | O_WRONLY, 0600));
	SHOW(open(dangling, O_CREAT | O_EXCL | O_WRONLY, 0600));
	SHOW(fd = open(dangling, O_CREAT | O_WRONLY, 0640));
	SHOW(close(fd));
	snprintf(sub, sizeof(sub), "%s/nowhere", dir);
	show_node(sub);
	SHOW(open(dir, O_CREAT | O_RDONLY, 0600));
	SHOW(open(dir, O_CREAT | O_EXCL | O_RDONLY, 0600));
	snprintf(sub, sizeof(sub), "%s/missing/file", dir);
	SHOW(open(sub, O_CREAT | O_WRONLY, 0600));
	snprintf(sub, sizeof(sub), "%s/file/below", dir);
	SHOW(open(sub, O_CREAT | O_WRONLY, 0600));
	snprintf(sub, sizeof(sub), "%s/new/", dir);
	SHOW(open(sub, O_CREAT | O_WRONLY, 0600));
	umask(0);
	snprintf(sub, sizeof(sub), "%s/all", dir);
	SHOW(fd = open(sub, O_CREAT | O_WRONLY, 07777));
	SHOW(close(fd));
	show_node(sub);
	remove_tree(dir);
	return 0;
}
