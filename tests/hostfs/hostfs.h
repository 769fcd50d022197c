/* What the hostfs tests share. Each program takes the directory it works in as argv[1]: a
 * mounted host directory under musl-uni, the same host directory natively, so that both
 * print the same. Errors are printed by name: glibc's and musl's strerror differ. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *root __attribute__((unused));

static const char *errname(int err)
{
	static const struct {
		int err;
		const char *name;
	} names[] = {
		{ EPERM, "EPERM" },	  { ENOENT, "ENOENT" },	      { EBADF, "EBADF" },
		{ EACCES, "EACCES" },	  { EBUSY, "EBUSY" },	      { EEXIST, "EEXIST" },
		{ EXDEV, "EXDEV" },	  { ENOTDIR, "ENOTDIR" },     { EISDIR, "EISDIR" },
		{ EINVAL, "EINVAL" },	  { EROFS, "EROFS" },	      { ELOOP, "ELOOP" },
		{ ENOTEMPTY, "ENOTEMPTY" }, { ENAMETOOLONG, "ENAMETOOLONG" }, { ENXIO, "ENXIO" },
		{ ENODEV, "ENODEV" },	  { EFAULT, "EFAULT" },	      { ESPIPE, "ESPIPE" },
	};
	static char other[32];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].err == err)
			return names[i].name;
	snprintf(other, sizeof(other), "errno %d", err);
	return other;
}

/* root/name, in one of a few buffers so that a call may take two. */
__attribute__((unused)) static const char *at(const char *name)
{
	static char paths[4][4096];
	static int next;
	char *path = paths[next++ % 4];

	snprintf(path, sizeof(paths[0]), "%s/%s", root, name);
	return path;
}

/* CHECK(call): the call's text, then its result or its error. */
#define CHECK(call) report(#call, (long)(call))

static long report(const char *what, long ret)
{
	if (ret == -1)
		printf("%s = -1 %s\n", what, errname(errno));
	else
		printf("%s = %ld\n", what, ret);
	return ret;
}
