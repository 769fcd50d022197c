/* access(2) as root: reading and writing are always allowed, executing needs an x bit
 * somewhere (a directory may always be searched); bad modes are EINVAL; the errors of the
 * path come first. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	const char *dir = test_dir("access-modes", 0);
	char path[300], exe[300], none[300], sub[300], link[300];

	snprintf(path, sizeof(path), "%s/file", dir);
	snprintf(exe, sizeof(exe), "%s/exe", dir);
	snprintf(none, sizeof(none), "%s/none", dir);
	snprintf(sub, sizeof(sub), "%s/sub", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	make_file(path, "x");
	make_file(exe, "x");
	make_file(none, "x");
	SHOW(chmod(path, 0644));
	SHOW(chmod(exe, 0701));
	SHOW(chmod(none, 0));
	SHOW(mkdir(sub, 0));
	SHOW(symlink("exe", link));
	const char *paths[] = { path, exe, none, sub, link };
	const char *names[] = { "0644 file", "0701 file", "0000 file", "0000 dir", "link to 0701" };
	for (int i = 0; i < 5; i++)
		printf("%s: F %d R %d W %d X %d RWX %d\n", names[i], access(paths[i], F_OK),
		       access(paths[i], R_OK), access(paths[i], W_OK), access(paths[i], X_OK),
		       access(paths[i], R_OK | W_OK | X_OK));
	SHOW(access(path, 8));
	SHOW(access(path, -1));
	SHOW(access(path, 7 | 16));
	snprintf(sub, sizeof(sub), "%s/missing", dir);
	SHOW(access(sub, F_OK));
	SHOW(access(sub, 8));
	snprintf(sub, sizeof(sub), "%s/file/x", dir);
	SHOW(access(sub, F_OK));
	SHOW(access("", F_OK));
	SHOW(access("/dev/null", R_OK | W_OK));
	SHOW(access("/dev/null", X_OK));
	SHOW(access("/", X_OK));
	remove_tree(dir);
	return 0;
}
