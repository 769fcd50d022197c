/* Shared by the conformance programs: each prints what it observes, so the
 * same program built natively and with uni-cc must print the same lines. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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
		[EBUSY] = "EBUSY", [EXDEV] = "EXDEV", [EMLINK] = "EMLINK", [EDEADLK] = "EDEADLK",
		[ENOLCK] = "ENOLCK", [EOVERFLOW] = "EOVERFLOW", [EOPNOTSUPP] = "EOPNOTSUPP",
		[ETXTBSY] = "ETXTBSY", [EROFS] = "EROFS", [EPIPE] = "EPIPE", [ESRCH] = "ESRCH", [ETIMEDOUT] = "ETIMEDOUT",
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

/* Remove path and everything under it, quietly: for cleaning up. */
static inline void remove_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st))
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	DIR *dir = opendir(path);
	struct dirent *e;
	char child[4096];
	while (dir && (e = readdir(dir))) {
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    snprintf(child, sizeof(child), "%s/%s", path, e->d_name) < (int)sizeof(child))
			remove_tree(child);
	}
	if (dir)
		closedir(dir);
	rmdir(path);
}

/* A fresh directory for one test, named after it: under /tmp, or with on_tmpfs on a tmpfs,
 * for what only tmpfs does alike (directory sizes and order, statfs). Natively that is
 * /dev/shm (/tmp may be any file system); under musl-uni, /tmp is the LibOS's ramfs, which
 * copies tmpfs. */
static inline const char *test_dir(const char *name, int on_tmpfs)
{
	static char path[256];
	const char *base = on_tmpfs && !access("/dev/shm", W_OK) ? "/dev/shm" : "/tmp";

	snprintf(path, sizeof(path), "%s/uni-%s", base, name);
	remove_tree(path);
	if (mkdir(path, 0755)) {
		perror(path);
		exit(1);
	}
	return path;
}

/* One line about path, not following a last symlink: its type, permission bits, link count
 * and, but for a directory (whose size depends on the file system), its size. */
static inline void show_node(const char *path)
{
	struct stat st;

	if (lstat(path, &st)) {
		printf("%s: %s\n", path, errno_name(errno));
		return;
	}
	const char *type = S_ISREG(st.st_mode)	 ? "file"
			   : S_ISDIR(st.st_mode) ? "dir"
			   : S_ISLNK(st.st_mode) ? "symlink"
			   : S_ISCHR(st.st_mode) ? "chr"
						 : "other";
	printf("%s: %s %04o nlink %ld", path, type, st.st_mode & 07777, (long)st.st_nlink);
	if (!S_ISDIR(st.st_mode))
		printf(" size %ld", (long)st.st_size);
	printf("\n");
}

/* The contents of a small file, or the error opening it. */
static inline void show_contents(const char *path)
{
	char buf[256];
	FILE *f = fopen(path, "r");

	if (!f) {
		printf("%s: %s\n", path, errno_name(errno));
		return;
	}
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = 0;
	fclose(f);
	printf("%s: \"%s\"\n", path, buf);
}

/* Create path holding text (mode 0644). */
static inline void make_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) < 0 || fclose(f)) {
		printf("cannot create %s: %s\n", path, errno_name(errno));
		exit(1);
	}
}

/* The same inode? */
static inline int same_inode(const char *a, const char *b)
{
	struct stat sa, sb;

	return !lstat(a, &sa) && !lstat(b, &sb) && sa.st_ino == sb.st_ino && sa.st_dev == sb.st_dev;
}

/* poll(2) event bits by name, "-" for none: "POLLIN|POLLOUT". */
static inline const char *poll_names(int events)
{
	static const struct {
		int bit;
		const char *name;
	} bits[] = {
		{ 0x001, "POLLIN" },	 { 0x002, "POLLPRI" },	  { 0x004, "POLLOUT" },
		{ 0x008, "POLLERR" },	 { 0x010, "POLLHUP" },	  { 0x020, "POLLNVAL" },
		{ 0x040, "POLLRDNORM" }, { 0x080, "POLLRDBAND" }, { 0x100, "POLLWRNORM" },
		{ 0x200, "POLLWRBAND" },
	};
	static char text[160];

	text[0] = 0;
	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (events & bits[i].bit)
			snprintf(text + strlen(text), sizeof(text) - strlen(text), "%s%s",
				 text[0] ? "|" : "", bits[i].name);
	return text[0] ? text : "-";
}

/* clock's time now plus ms milliseconds: a deadline for the timed waits. */
static inline struct timespec in_ms(clockid_t clock, long ms)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += ms % 1000 * 1000000;
	ts.tv_sec += ts.tv_nsec / 1000000000;
	ts.tv_nsec %= 1000000000;
	return ts;
}

/* Run fn in a new thread, print what it returned as an error number. */
static inline void in_thread(const char *what, void *(*fn)(void *))
{
	pthread_t t;
	void *result;

	pthread_create(&t, NULL, fn, NULL);
	pthread_join(t, &result);
	printf("%s: %s\n", what, errno_name((int)(long)result));
}
