/* Shared by the conformance programs: each prints what it observes, so the
 * same program built natively and with uni-cc must print the same lines. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static inline const char *errno_name(int e)
{
	static const char *const names[] = {
		[0] = "0", [EPERM] = "EPERM", [ENOENT] = "ENOENT", [EINTR] = "EINTR",
		[EIO] = "EIO", [ENXIO] = "ENXIO", [EBADF] = "EBADF", [EAGAIN] = "EAGAIN",
		[ENOMEM] = "ENOMEM", [EACCES] = "EACCES", [EFAULT] = "EFAULT", [EEXIST] = "EEXIST",
		[ENODEV] = "ENODEV", [ENOTDIR] = "ENOTDIR", [EISDIR] = "EISDIR", [EINVAL] = "EINVAL",
		[EMFILE] = "EMFILE", [ENOTTY] = "ENOTTY", [EFBIG] = "EFBIG", [ENOSPC] = "ENOSPC",
		[ESPIPE] = "ESPIPE", [ERANGE] = "ERANGE", [ENAMETOOLONG] = "ENAMETOOLONG",
		[ENOSYS] = "ENOSYS", [ENOTEMPTY] = "ENOTEMPTY", [ELOOP] = "ELOOP",
	};
	if (e >= 0 && e < (int)(sizeof(names) / sizeof(names[0])) && names[e])
		return names[e];
	return "E?";
}

/* Print an expression's value, and errno's name when it failed. */
#define SHOW(expr)                                                                                 \
	do {                                                                                       \
		errno = 0;                                                                         \
		long value_ = (long)(expr);                                                        \
		if (value_ < 0)                                                                    \
			printf("%s = %ld %s\n", #expr, value_, errno_name(errno));                 \
		else                                                                               \
			printf("%s = %ld\n", #expr, value_);                                       \
	} while (0)
