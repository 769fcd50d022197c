/*
 * Unit tests for the LibOS's file system (libos/fs/: ramfs, path lookup, fd table, devfs and
 * the file system calls), driven through the sys_* entry points against the fake monitor.
 * Every pointer handed to a system call points into the fake app region, as an app's would;
 * the expected results are those of Linux on tmpfs.
 *
 * All tests share one booted LibOS (its file system cannot be reset), so each test works in a
 * directory of its own and closes what it opens.
 */

/*
 * The LibOS's headers come before glibc's: once glibc's <features.h> has been seen,
 * <linux/stat.h> leaves S_IFMT and S_ISDIR to <sys/stat.h>, whose struct stat is not the
 * kernel's.
 */
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/mm.h>
#include <libos/syscalls.h>
#include <libos/vfs.h>
#include <asm/ioctls.h>
#include <linux/fs.h>
#include <linux/uio.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "shim/fake_monitor.h"

#define HEAP_SIZE (8u << 20)

static unsigned char *heap_area;
static char *app; /* the app's data area, FAKE_APP_DATA_SIZE bytes */
static size_t app_used;

/* Memory of the app's data area, for the length of one test. */
static void *app_alloc(size_t size)
{
	void *ptr = app + app_used;

	app_used += (size + 15) & ~(size_t)15;
	assert_true(app_used <= FAKE_APP_DATA_SIZE);
	return ptr;
}

static long app_string(const char *s)
{
	size_t size = strlen(s) + 1;

	return (long)memcpy(app_alloc(size), s, size);
}

static long open_path(const char *path, int flags)
{
	return sys_open(app_string(path), flags, 0666);
}

static int open_ok(const char *path, int flags)
{
	long fd = open_path(path, flags);

	assert_in_range(fd, 3, FD_MAX - 1);
	return (int)fd;
}

static long write_text(int fd, const char *text)
{
	return sys_write(fd, app_string(text), (long)strlen(text));
}

/* read(2) of at most len bytes into a fresh app buffer, handed back NUL-terminated. */
static long read_text(int fd, size_t len, char **text)
{
	long n;

	*text = app_alloc(len + 1);
	n = sys_read(fd, (long)*text, (long)len);
	(*text)[n > 0 ? n : 0] = 0;
	return n;
}

static void create_file(const char *path, const char *text)
{
	int fd = open_ok(path, O_CREAT | O_WRONLY | O_TRUNC);

	assert_int_equal(write_text(fd, text), strlen(text));
	assert_int_equal(sys_close(fd), 0);
}

static void assert_contents(const char *path, const char *expected)
{
	int fd = open_ok(path, O_RDONLY);
	char *text;

	assert_int_equal(read_text(fd, 4096, &text), strlen(expected));
	assert_string_equal(text, expected);
	assert_int_equal(sys_close(fd), 0);
}

static long stat_at(int dirfd, const char *path, int flags, struct stat *st)
{
	struct stat *buf = app_alloc(sizeof(*buf));
	long err = sys_newfstatat(dirfd, app_string(path), (long)buf, flags);

	*st = *buf;
	return err;
}

static long stat_path(const char *path, struct stat *st)
{
	return stat_at(AT_FDCWD, path, 0, st);
}

static long lstat_path(const char *path, struct stat *st)
{
	return stat_at(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, st);
}

static long fstat_fd(int fd, struct stat *st)
{
	struct stat *buf = app_alloc(sizeof(*buf));
	long err = sys_fstat(fd, (long)buf);

	*st = *buf;
	return err;
}

static uint64_t file_size(int fd)
{
	struct stat st;

	assert_int_equal(fstat_fd(fd, &st), 0);
	return (uint64_t)st.st_size;
}

/* Directories as the rootfs makes them, with their parents (vfs_mkdir_p). */
static void make_dir(const char *path)
{
	struct inode *dir;

	assert_int_equal(vfs_mkdir_p(path, &dir), 0);
}

/* Links as rootfs_unpack makes them: vfs_symlink refuses targets of PATH_MAX bytes. */
static void make_symlink(const char *path, const char *target)
{
	struct inode *link = ramfs_new_inode(S_IFLNK | 0777);
	struct lookup lk;

	assert_non_null(link);
	assert_int_equal(vfs_lookup(AT_FDCWD, path, 0, &lk), 0);
	assert_null(lk.inode);
	assert_int_equal(ramfs_set_data(link, target, strlen(target)), 0);
	assert_int_equal(ramfs_link(lk.parent, lk.last, strlen(lk.last), link), 0);
}

static struct inode *inode_of(const char *path)
{
	struct inode *inode = NULL;

	assert_int_equal(vfs_lookup_at(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, &inode), 0);
	return inode;
}

static long fcntl_lock(int fd, long cmd, short type, long start, long len, struct flock **out)
{
	struct flock *fl = app_alloc(sizeof(*fl));

	memset(fl, 0, sizeof(*fl));
	fl->l_type = type;
	fl->l_whence = SEEK_SET;
	fl->l_start = start;
	fl->l_len = len;
	if (out)
		*out = fl;
	return sys_fcntl(fd, cmd, (long)fl);
}

/* "/" repeated, then "x": a path of len bytes that names nothing. */
static long open_long_path(size_t len)
{
	char *path = app_alloc(len + 1);

	memset(path, '/', len - 1);
	path[len - 1] = 'x';
	path[len] = 0;
	return sys_open((long)path, O_RDONLY, 0);
}

/* dir + "/" + name_len times 'n' + rest. */
static const char *long_name(const char *dir, size_t name_len, const char *rest)
{
	static char path[PATH_MAX];
	size_t dir_len = strlen(dir);

	memcpy(path, dir, dir_len);
	path[dir_len] = '/';
	memset(path + dir_len + 1, 'n', name_len);
	strcpy(path + dir_len + 1 + name_len, rest);
	return path;
}

static int all_bytes_are(const char *buf, size_t len, char c)
{
	for (size_t i = 0; i < len; i++)
		if (buf[i] != c)
			return 0;
	return 1;
}

static void assert_captured(int host_fd, const char *expected)
{
	assert_int_equal(fake.out[host_fd].len, strlen(expected));
	assert_memory_equal(fake.out[host_fd].data, expected, strlen(expected));
}

static void set_iovec(struct iovec *iov, void *base, size_t len)
{
	iov->iov_base = base;
	iov->iov_len = len;
}

static int boot_libos(void **state)
{
	struct libos_boot boot;

	(void)state;
	app = fake_monitor_boot(&boot);
	heap_area = aligned_alloc(4096, HEAP_SIZE);
	if (!app || !heap_area)
		return -1;
	kmalloc_init(heap_area, HEAP_SIZE);
	if (ramfs_init() || devfs_init() || mm_init(&boot))
		return -1;
	/* The standard streams, as libos/core/boot.c opens them. */
	for (int fd = 0; fd < 3; fd++) {
		struct file *file = console_open(fd);
		if (!file || fd_install_at(file, fd) != fd)
			return -1;
	}
	return 0;
}

static int shut_down(void **state)
{
	(void)state;
	kmalloc_init(NULL, 0);
	free(heap_area);
	return 0;
}

static int start_test(void **state)
{
	(void)state;
	app_used = 0;
	memset(&fake, 0, sizeof(fake));
	return 0;
}

/* A failed assertion leaves its fds open: close them for the next test. */
static int end_test(void **state)
{
	(void)state;
	for (int fd = 3; fd < FD_MAX; fd++)
		if (fd_get(fd))
			fd_close(fd);
	return kmalloc_check();
}

static void test_open_creat_excl(void **state)
{
	(void)state;
	make_dir("/excl");
	assert_int_equal(sys_close(open_ok("/excl/f", O_CREAT | O_EXCL | O_WRONLY)), 0);
	assert_int_equal(open_path("/excl/f", O_CREAT | O_EXCL | O_WRONLY), -EEXIST);
	assert_int_equal(open_path("/excl", O_CREAT | O_EXCL | O_RDONLY), -EEXIST);
	assert_int_equal(sys_close(open_ok("/excl/f", O_CREAT | O_WRONLY)), 0);
	assert_int_equal(open_path("/excl/missing", O_RDONLY), -ENOENT);
	assert_int_equal(open_path("/excl/missing/f", O_CREAT | O_WRONLY), -ENOENT);
}

static void test_open_trunc(void **state)
{
	int fd;

	(void)state;
	make_dir("/trunc");
	create_file("/trunc/f", "hello");
	fd = open_ok("/trunc/f", O_RDWR | O_TRUNC);
	assert_int_equal(file_size(fd), 0);
	assert_int_equal(sys_close(fd), 0);
	assert_contents("/trunc/f", "");
}

static void test_open_rdonly_trunc_truncates(void **state)
{
	int fd;

	(void)state;
	/* BUG: vfs_open truncates only when the access mode allows writing, but Linux truncates a
	 * regular file for O_RDONLY | O_TRUNC too (fs/namei.c do_open; open(2) calls the effect
	 * unspecified, "on many systems the file is actually truncated"). */
	make_dir("/rdtrunc");
	create_file("/rdtrunc/f", "hello");
	fd = open_ok("/rdtrunc/f", O_RDONLY | O_TRUNC);
	assert_int_equal(file_size(fd), 0);
	assert_int_equal(sys_close(fd), 0);
}

static void test_append(void **state)
{
	int fd;

	(void)state;
	make_dir("/append");
	create_file("/append/f", "abc");
	fd = open_ok("/append/f", O_WRONLY | O_APPEND);
	assert_int_equal(sys_lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(write_text(fd, "de"), 2);
	assert_int_equal(sys_lseek(fd, 0, SEEK_CUR), 5);
	/* pwrite(2), BUGS: with O_APPEND, Linux appends whatever the offset. */
	assert_int_equal(sys_pwrite64(fd, app_string("XY"), 2, 0), 2);
	assert_int_equal(sys_lseek(fd, 0, SEEK_CUR), 5);
	assert_int_equal(sys_close(fd), 0);
	assert_contents("/append/f", "abcdeXY");
}

static void test_write_read_round_trip(void **state)
{
	char *text;
	int fd;

	(void)state;
	make_dir("/rw");
	fd = open_ok("/rw/f", O_CREAT | O_RDWR);
	assert_int_equal(write_text(fd, "hello, world"), 12);
	assert_int_equal(write_text(fd, ""), 0);
	assert_int_equal(sys_lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(read_text(fd, 5, &text), 5);
	assert_string_equal(text, "hello");
	assert_int_equal(read_text(fd, 100, &text), 7);
	assert_string_equal(text, ", world");
	assert_int_equal(read_text(fd, 100, &text), 0);
	assert_int_equal(sys_close(fd), 0);

	fd = open_ok("/rw/f", O_WRONLY);
	assert_int_equal(read_text(fd, 1, &text), -EBADF);
	assert_int_equal(sys_close(fd), 0);
	fd = open_ok("/rw/f", O_RDONLY);
	assert_int_equal(write_text(fd, "x"), -EBADF);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(read_text(FD_MAX - 1, 1, &text), -EBADF);
}

static void test_read_negative_count(void **state)
{
	int fd;

	(void)state;
	/* BUG: do_read and do_write answer EINVAL for a count above SSIZE_MAX; Linux answers
	 * EFAULT, since access_ok() fails for such a range before anything else (fs/read_write.c
	 * vfs_read). */
	make_dir("/negcount");
	fd = open_ok("/negcount/f", O_CREAT | O_RDWR);
	assert_int_equal(sys_read(fd, (long)app_alloc(16), -1), -EFAULT);
	assert_int_equal(sys_write(fd, (long)app_alloc(16), -1), -EFAULT);
	assert_int_equal(sys_close(fd), 0);
}

static void test_zero_length_io_with_null_buffer(void **state)
{
	int fd;

	(void)state;
	/* BUG: cvm_ptr_ok(NULL, 0) fails, so read(fd, NULL, 0) and write(fd, NULL, 0) give
	 * EFAULT; on Linux they return 0 (an empty range passes access_ok). */
	make_dir("/nullbuf");
	fd = open_ok("/nullbuf/f", O_CREAT | O_RDWR);
	assert_int_equal(sys_write(fd, 0, 0), 0);
	assert_int_equal(sys_read(fd, 0, 0), 0);
	assert_int_equal(sys_close(fd), 0);
}

static void test_pread_pwrite(void **state)
{
	char *buf;
	int fd;

	(void)state;
	make_dir("/pio");
	fd = open_ok("/pio/f", O_CREAT | O_RDWR);
	assert_int_equal(sys_pwrite64(fd, app_string("tail"), 4, 8), 4);
	assert_int_equal(sys_lseek(fd, 0, SEEK_CUR), 0);
	assert_int_equal(file_size(fd), 12);
	buf = app_alloc(16);
	assert_int_equal(sys_pread64(fd, (long)buf, 16, 0), 12);
	assert_memory_equal(buf, "\0\0\0\0\0\0\0\0tail", 12);
	assert_int_equal(sys_pread64(fd, (long)buf, 16, 10), 2);
	assert_memory_equal(buf, "il", 2);
	assert_int_equal(sys_pread64(fd, (long)buf, 16, 100), 0);
	assert_int_equal(sys_pread64(fd, (long)buf, 1, -1), -EINVAL);
	assert_int_equal(sys_pwrite64(fd, (long)buf, 1, -1), -EINVAL);
	assert_int_equal(sys_lseek(fd, 0, SEEK_CUR), 0);
	assert_int_equal(sys_close(fd), 0);
}

static void test_lseek(void **state)
{
	char *text;
	int fd;

	(void)state;
	make_dir("/seek");
	create_file("/seek/f", "0123456789");
	fd = open_ok("/seek/f", O_RDONLY);
	assert_int_equal(sys_lseek(fd, 4, SEEK_SET), 4);
	assert_int_equal(sys_lseek(fd, 2, SEEK_CUR), 6);
	assert_int_equal(sys_lseek(fd, -3, SEEK_END), 7);
	assert_int_equal(read_text(fd, 10, &text), 3);
	assert_string_equal(text, "789");

	assert_int_equal(sys_lseek(fd, -1, SEEK_SET), -EINVAL);
	assert_int_equal(sys_lseek(fd, -11, SEEK_END), -EINVAL);
	assert_int_equal(sys_lseek(fd, 0, 7), -EINVAL);
	assert_int_equal(sys_lseek(fd, 0, SEEK_CUR), 10);

	assert_int_equal(sys_lseek(fd, 20, SEEK_END), 30);
	assert_int_equal(read_text(fd, 10, &text), 0);
	assert_int_equal(sys_lseek(fd, __LONG_MAX__, SEEK_SET), __LONG_MAX__);
	assert_int_equal(sys_lseek(fd, 1, SEEK_CUR), -EINVAL);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_lseek(fd, 0, SEEK_SET), -EBADF);
}

static void test_console_is_not_seekable(void **state)
{
	char *buf = app_alloc(4);

	(void)state;
	assert_int_equal(sys_lseek(1, 0, SEEK_SET), -ESPIPE);
	assert_int_equal(sys_lseek(0, 0, SEEK_CUR), -ESPIPE);
	assert_int_equal(sys_pread64(0, (long)buf, 1, 0), -ESPIPE);
	assert_int_equal(sys_pwrite64(1, (long)buf, 1, 0), -ESPIPE);
}

static void test_readv_writev(void **state)
{
	enum { PIECES = 20 }; /* more than the 16 iovecs vectored() copies at a time */
	struct iovec *iov = app_alloc(PIECES * sizeof(*iov));
	struct iovec outside[1];
	char *bytes = app_alloc(PIECES), *head = app_alloc(4), *tail = app_alloc(32);
	int fd;

	(void)state;
	make_dir("/vec");
	fd = open_ok("/vec/f", O_CREAT | O_RDWR);
	for (int i = 0; i < PIECES; i++) {
		bytes[i] = (char)('a' + i);
		set_iovec(&iov[i], &bytes[i], i == 5 ? 0 : 1);
	}
	assert_int_equal(sys_writev(fd, (long)iov, PIECES), PIECES - 1);

	assert_int_equal(sys_lseek(fd, 0, SEEK_SET), 0);
	set_iovec(&iov[0], head, 4);
	set_iovec(&iov[1], tail, 32);
	assert_int_equal(sys_readv(fd, (long)iov, 2), PIECES - 1);
	assert_memory_equal(head, "abcd", 4);
	assert_memory_equal(tail, "eghijklmnopqrst", PIECES - 5);

	assert_int_equal(sys_readv(fd, (long)iov, 0), 0);
	assert_int_equal(sys_readv(fd, (long)iov, -1), -EINVAL);
	assert_int_equal(sys_readv(fd, (long)iov, 1025), -EINVAL);
	set_iovec(&outside[0], bytes, 1);
	assert_int_equal(sys_writev(fd, (long)outside, 1), -EFAULT);
	assert_int_equal(sys_close(fd), 0);
}

static void test_fstat_file(void **state)
{
	struct stat st, other;
	char *data = app_alloc(600);
	int fd;

	(void)state;
	make_dir("/fstat");
	fd = open_ok("/fstat/f", O_CREAT | O_RDWR);
	assert_int_equal(fstat_fd(fd, &st), 0);
	assert_int_equal(st.st_mode, S_IFREG | 0644); /* 0666 under the default umask 022 */
	assert_int_equal(st.st_size, 0);
	assert_int_equal(st.st_nlink, 1);
	assert_int_equal(st.st_blocks, 0);
	assert_int_equal(st.st_blksize, 4096);

	memset(data, 'x', 600);
	assert_int_equal(sys_write(fd, (long)data, 600), 600);
	assert_int_equal(fstat_fd(fd, &st), 0);
	assert_int_equal(st.st_size, 600);
	/* st_blocks counts 512-byte units allocated: tmpfs rounds up to pages, ramfs to 512. */
	assert_true(st.st_blocks * 512 >= 600);
	assert_int_equal(stat_path("/fstat/f", &other), 0);
	assert_int_equal(other.st_ino, st.st_ino);
	assert_int_equal(sys_close(fd), 0);

	assert_int_equal(sys_umask(077), 022);
	create_file("/fstat/private", "");
	assert_int_equal(sys_umask(022), 077);
	assert_int_equal(stat_path("/fstat/private", &other), 0);
	assert_int_equal(other.st_mode, S_IFREG | 0600);
	assert_int_not_equal(other.st_ino, st.st_ino);
}

static void test_directory_nlink(void **state)
{
	struct stat st;

	(void)state;
	make_dir("/nlink");
	assert_int_equal(stat_path("/nlink", &st), 0);
	assert_int_equal(st.st_mode, S_IFDIR | 0755);
	assert_int_equal(st.st_nlink, 2);
	assert_int_equal(st.st_blocks, 0);
	make_dir("/nlink/sub");
	create_file("/nlink/file", "");
	assert_int_equal(stat_path("/nlink", &st), 0);
	assert_int_equal(st.st_nlink, 3);
	assert_int_equal(stat_path("/", &st), 0);
	assert_true(st.st_nlink >= 3);
}

static void test_newfstatat_dirfd_and_flags(void **state)
{
	struct stat st;
	int dirfd, filefd;

	(void)state;
	make_dir("/at");
	create_file("/at/f", "1234");
	dirfd = open_ok("/at", O_RDONLY | O_DIRECTORY);
	filefd = open_ok("/at/f", O_RDONLY);
	assert_int_equal(stat_at(dirfd, "f", 0, &st), 0);
	assert_int_equal(st.st_size, 4);
	assert_int_equal(stat_at(dirfd, "", AT_EMPTY_PATH, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(stat_at(filefd, "", AT_EMPTY_PATH, &st), 0);
	assert_int_equal(st.st_size, 4);
	assert_int_equal(stat_at(AT_FDCWD, "", 0, &st), -ENOENT);
	assert_int_equal(stat_at(dirfd, "f", 0x10000, &st), -EINVAL);
	assert_int_equal(stat_at(filefd, "x", 0, &st), -ENOTDIR);
	assert_int_equal(stat_at(FD_MAX - 1, "f", 0, &st), -EBADF);
	assert_int_equal(stat_at(FD_MAX - 1, "/at/f", 0, &st), 0);
	assert_int_equal(sys_close(filefd), 0);
	assert_int_equal(sys_close(dirfd), 0);
}

static void test_path_errors(void **state)
{
	struct stat st;

	(void)state;
	make_dir("/paths");
	create_file("/paths/f", "x");
	assert_int_equal(open_path("", O_RDONLY), -ENOENT);
	assert_int_equal(open_path("/paths/none", O_RDONLY), -ENOENT);
	assert_int_equal(stat_path("/paths/none/x", &st), -ENOENT);
	assert_int_equal(open_path("/paths/f/x", O_RDONLY), -ENOTDIR);
	assert_int_equal(open_path("/paths/f/x", O_CREAT | O_WRONLY), -ENOTDIR);
	assert_int_equal(open_path("/paths/f/", O_RDONLY), -ENOTDIR);
	assert_int_equal(stat_path("/paths/f/", &st), -ENOTDIR);
	assert_int_equal(open_path("/paths/f/.", O_RDONLY), -ENOTDIR);
	assert_int_equal(open_path("/paths/f/..", O_RDONLY), -ENOTDIR);
	assert_int_equal(open_path("/paths/f", O_RDONLY | O_DIRECTORY), -ENOTDIR);
	assert_int_equal(open_path("/paths/new/", O_CREAT | O_WRONLY), -EISDIR);
	assert_int_equal(stat_path("/paths/new", &st), -ENOENT);
}

static void test_creat_with_trailing_slash_on_a_file(void **state)
{
	(void)state;
	/* BUG: with O_CREAT, "file/" gives ENOTDIR (from vfs_lookup) where Linux gives EISDIR:
	 * open_last_lookups() refuses a trailing slash with O_CREAT before looking at the inode. */
	make_dir("/creatslash");
	create_file("/creatslash/f", "x");
	assert_int_equal(open_path("/creatslash/f/", O_CREAT | O_WRONLY), -EISDIR);
}

static void test_open_directory(void **state)
{
	char *text;
	int fd;

	(void)state;
	make_dir("/isdir");
	assert_int_equal(open_path("/isdir", O_WRONLY), -EISDIR);
	assert_int_equal(open_path("/isdir", O_RDWR), -EISDIR);
	assert_int_equal(open_path("/isdir", O_RDONLY | O_CREAT), -EISDIR);
	assert_int_equal(open_path("/", O_WRONLY), -EISDIR);
	fd = open_ok("/isdir/", O_RDONLY | O_DIRECTORY);
	assert_int_equal(read_text(fd, 8, &text), -EISDIR);
	assert_int_equal(sys_close(fd), 0);
}

static void test_dot_and_dotdot(void **state)
{
	struct stat root, st;

	(void)state;
	make_dir("/dots/a/b");
	create_file("/dots/a/b/f", "dots");
	assert_contents("/dots/a/b/../b/./f", "dots");
	assert_contents("/dots/./a/../a//b/f", "dots");
	assert_contents("/../../dots/a/b/f", "dots");
	assert_contents("dots/a/b/f", "dots");
	assert_contents("../dots/a/b/f", "dots");
	assert_int_equal(stat_path("/", &root), 0);
	assert_int_equal(stat_path("/..", &st), 0);
	assert_int_equal(st.st_ino, root.st_ino);
	assert_int_equal(stat_path("..", &st), 0);
	assert_int_equal(st.st_ino, root.st_ino);
	assert_int_equal(stat_path("/dots/a/..", &st), 0);
	assert_int_not_equal(st.st_ino, root.st_ino);
	assert_int_equal(stat_path("/dots/a/../..", &st), 0);
	assert_int_equal(st.st_ino, root.st_ino);
}

static void test_getcwd(void **state)
{
	char *buf = app_alloc(16);
	char outside[16];

	(void)state;
	assert_int_equal(sys_getcwd((long)buf, 16), 2); /* the raw call counts the NUL */
	assert_string_equal(buf, "/");
	assert_int_equal(sys_getcwd((long)buf, 1), -ERANGE);
	assert_int_equal(sys_getcwd((long)buf, 0), -ERANGE);
	assert_int_equal(sys_getcwd((long)outside, sizeof(outside)), -EFAULT);
}

static void test_close(void **state)
{
	int fd;

	(void)state;
	make_dir("/close");
	create_file("/close/f", "");
	fd = open_ok("/close/f", O_RDONLY);
	assert_int_equal(fd, 3); /* the lowest free descriptor */
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_close(fd), -EBADF);
	assert_int_equal(sys_close(-1), -EBADF);
	assert_int_equal(sys_close(FD_MAX), -EBADF);

	assert_int_equal(open_ok("/close/f", O_RDONLY), 3);
	assert_int_equal(open_ok("/close/f", O_RDONLY), 4);
	assert_int_equal(sys_close(3), 0);
	assert_int_equal(open_ok("/close/f", O_RDONLY), 3);
	assert_int_equal(sys_close(3), 0);
	assert_int_equal(sys_close(4), 0);
}

static void test_emfile(void **state)
{
	(void)state;
	make_dir("/emfile");
	create_file("/emfile/f", "");
	for (int fd = 3; fd < FD_MAX; fd++)
		assert_int_equal(open_path("/emfile/f", O_RDONLY), fd);
	assert_int_equal(open_path("/emfile/f", O_RDONLY), -EMFILE);
	assert_int_equal(sys_close(100), 0);
	assert_int_equal(open_path("/emfile/f", O_RDONLY), 100);
	for (int fd = 3; fd < FD_MAX; fd++)
		assert_int_equal(sys_close(fd), 0);
}

static void test_fcntl(void **state)
{
	int fd, other;

	(void)state;
	make_dir("/fcntl");
	fd = open_ok("/fcntl/f", O_CREAT | O_RDWR);
	assert_int_equal(sys_fcntl(fd, F_GETFD, 0), 0);
	assert_int_equal(sys_fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
	assert_int_equal(sys_fcntl(fd, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(sys_fcntl(fd, F_SETFD, 0), 0);
	assert_int_equal(sys_fcntl(fd, F_GETFD, 0), 0);
	/* O_LARGEFILE: see test_fcntl_getfl_reports_largefile. */
	assert_int_equal(sys_fcntl(fd, F_GETFL, 0) & ~O_LARGEFILE, O_RDWR);
	/* F_SETFL changes O_APPEND and O_NONBLOCK only, never the access mode. */
	assert_int_equal(sys_fcntl(fd, F_SETFL, O_RDONLY | O_APPEND), 0);
	assert_int_equal(sys_fcntl(fd, F_GETFL, 0) & ~O_LARGEFILE, O_RDWR | O_APPEND);

	other = open_ok("/fcntl/f", O_WRONLY | O_APPEND | O_CREAT | O_TRUNC | O_CLOEXEC);
	assert_int_equal(sys_fcntl(other, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(sys_fcntl(other, F_GETFL, 0) & ~O_LARGEFILE, O_WRONLY | O_APPEND);
	assert_int_equal(sys_close(other), 0);

	assert_int_equal(sys_fcntl(fd, 9999, 0), -EINVAL);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_fcntl(fd, F_GETFD, 0), -EBADF);
	assert_int_equal(sys_fcntl(fd, F_GETFL, 0), -EBADF);
}

static void test_fcntl_getfl_reports_largefile(void **state)
{
	int fd;

	(void)state;
	/* BUG: F_GETFL lacks O_LARGEFILE (0100000); on x86-64 Linux every open file has it
	 * (force_o_largefile() in do_sys_openat2), so F_GETFL gives O_RDWR | O_LARGEFILE. */
	make_dir("/largefile");
	fd = open_ok("/largefile/f", O_CREAT | O_RDWR);
	assert_int_equal(sys_fcntl(fd, F_GETFL, 0), O_RDWR | O_LARGEFILE);
	assert_int_equal(sys_close(fd), 0);
}

static void test_dev_null(void **state)
{
	struct stat st;
	char *text;
	int fd;

	(void)state;
	fd = open_ok("/dev/null", O_RDWR);
	assert_int_equal(read_text(fd, 16, &text), 0);
	assert_int_equal(write_text(fd, "discarded"), 9);
	assert_int_equal(fstat_fd(fd, &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	assert_int_equal(st.st_rdev, 1 << 8 | 3);
	assert_int_equal(st.st_size, 0);
	assert_int_equal(sys_close(fd), 0);
}

static void test_dev_null_lseek(void **state)
{
	int fd;

	(void)state;
	/* BUG: lseek on /dev/null and /dev/zero moves the position as on a file; Linux's
	 * null_lseek always returns 0 (drivers/char/mem.c). */
	fd = open_ok("/dev/null", O_RDWR);
	assert_int_equal(sys_lseek(fd, 100, SEEK_SET), 0);
	assert_int_equal(sys_close(fd), 0);
}

static void test_dev_zero(void **state)
{
	char *buf = app_alloc(64);
	int fd;

	(void)state;
	memset(buf, 0x55, 64);
	fd = open_ok("/dev/zero", O_RDONLY);
	assert_int_equal(sys_read(fd, (long)buf, 64), 64);
	assert_true(all_bytes_are(buf, 64, 0));
	assert_int_equal(sys_close(fd), 0);
}

static void test_dev_full(void **state)
{
	char *buf = app_alloc(16);
	int fd;

	(void)state;
	memset(buf, 0x55, 16);
	fd = open_ok("/dev/full", O_RDWR);
	assert_int_equal(write_text(fd, "x"), -ENOSPC);
	assert_int_equal(sys_read(fd, (long)buf, 16), 16);
	assert_true(all_bytes_are(buf, 16, 0));
	assert_int_equal(sys_close(fd), 0);
}

static void test_dev_urandom(void **state)
{
	char *buf = app_alloc(64);
	int fd;

	(void)state;
	memset(buf, 0, 64);
	fd = open_ok("/dev/urandom", O_RDONLY);
	assert_int_equal(sys_read(fd, (long)buf, 64), 64);
	assert_false(all_bytes_are(buf, 64, 0));
	assert_int_equal(sys_lseek(fd, 0, SEEK_SET), -ESPIPE);
	assert_int_equal(sys_close(fd), 0);
}

static void test_console(void **state)
{
	char *text;
	int fd;

	(void)state;
	assert_int_equal(write_text(1, "to stdout"), 9);
	assert_int_equal(write_text(2, "to stderr"), 9);
	fd = open_ok("/dev/stdout", O_WRONLY);
	assert_int_equal(write_text(fd, "!"), 1);
	assert_int_equal(sys_close(fd), 0);
	assert_captured(1, "to stdout!");
	assert_captured(2, "to stderr");

	fake.input = "typed";
	fake.input_len = 5;
	assert_int_equal(read_text(0, 16, &text), 5);
	assert_string_equal(text, "typed");
	assert_int_equal(write_text(0, "x"), -EBADF);
	assert_captured(0, "");
}

static void test_ioctl(void **state)
{
	char outside[64];
	int fd;

	(void)state;
	/* The fake monitor's streams are not terminals: HC_TTY_IOCTL answers ENOTTY. */
	assert_int_equal(sys_ioctl(1, TCGETS, (long)app_alloc(64)), -ENOTTY);
	assert_int_equal(sys_ioctl(1, TIOCGWINSZ, (long)outside), -EFAULT);
	assert_int_equal(sys_ioctl(1, 0x12345678, 0), -ENOTTY);
	make_dir("/ioctl");
	fd = open_ok("/ioctl/f", O_CREAT | O_RDWR);
	assert_int_equal(sys_ioctl(fd, TCGETS, (long)app_alloc(64)), -ENOTTY);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_ioctl(fd, TCGETS, (long)app_alloc(64)), -EBADF);
}

/* The test's own stack and data lie outside the fake app region. */
static void test_efault_outside_app_region(void **state)
{
	static const char path_outside[] = "/efault/f";
	char outside[sizeof(struct stat)];
	int fd;

	(void)state;
	make_dir("/efault");
	create_file("/efault/f", "data");
	fd = open_ok("/efault/f", O_RDWR);
	assert_int_equal(sys_read(fd, (long)outside, 4), -EFAULT);
	assert_int_equal(sys_read(fd, 0, 4), -EFAULT);
	assert_int_equal(sys_write(fd, (long)outside, 4), -EFAULT);
	assert_int_equal(sys_pread64(fd, (long)outside, 4, 0), -EFAULT);
	assert_int_equal(sys_open((long)path_outside, O_RDONLY, 0), -EFAULT);
	assert_int_equal(sys_open(0, O_RDONLY, 0), -EFAULT);
	assert_int_equal(sys_fstat(fd, (long)outside), -EFAULT);
	assert_int_equal(sys_newfstatat(AT_FDCWD, app_string("/efault/f"), (long)outside, 0),
			 -EFAULT);
	assert_int_equal(sys_lseek(fd, 0, SEEK_CUR), 0);
	assert_int_equal(sys_close(fd), 0);
	assert_contents("/efault/f", "data");
}

static void test_path_without_nul_efault(void **state)
{
	char *unterminated = app + FAKE_APP_DATA_SIZE - 8; /* the next page is not mapped */

	(void)state;
	memset(unterminated, 'a', 8);
	assert_int_equal(sys_open((long)unterminated, O_RDONLY, 0), -EFAULT);
	unterminated[7] = 0;
	assert_int_equal(sys_open((long)unterminated, O_RDONLY, 0), -ENOENT);
}

static void test_path_too_long(void **state)
{
	(void)state;
	/* PATH_MAX counts the NUL: 4095 bytes are looked up, 4096 are refused. */
	assert_int_equal(open_long_path(PATH_MAX - 1), -ENOENT);
	assert_int_equal(open_long_path(PATH_MAX), -ENAMETOOLONG);
	assert_int_equal(open_long_path(PATH_MAX + 100), -ENAMETOOLONG);
}

static void test_name_too_long(void **state)
{
	struct stat st;

	(void)state;
	make_dir("/names");
	assert_int_equal(sys_close(open_ok(long_name("/names", NAME_MAX, ""), O_CREAT | O_WRONLY)),
			 0);
	assert_int_equal(stat_path(long_name("/names", NAME_MAX, ""), &st), 0);
	assert_int_equal(open_path(long_name("/names", NAME_MAX + 1, ""), O_CREAT | O_WRONLY),
			 -ENAMETOOLONG);
	assert_int_equal(stat_path(long_name("/names", NAME_MAX + 1, ""), &st), -ENAMETOOLONG);
	/* Refused as too long before being found missing. */
	assert_int_equal(stat_path(long_name("/names", NAME_MAX + 1, "/x"), &st), -ENAMETOOLONG);
}

static void test_symlink_follow(void **state)
{
	struct stat st;

	(void)state;
	make_dir("/sym/d");
	create_file("/sym/d/f", "target");
	make_symlink("/sym/rel", "d/f");
	make_symlink("/sym/abs", "/sym/d/f");
	make_symlink("/sym/dirlink", "d");
	make_symlink("/sym/chain", "rel");
	make_symlink("/sym/d/up", "../d/f");
	assert_contents("/sym/rel", "target");
	assert_contents("/sym/abs", "target");
	assert_contents("/sym/dirlink/f", "target");
	assert_contents("/sym/chain", "target");
	assert_contents("/sym/d/up", "target");

	assert_int_equal(stat_path("/sym/rel", &st), 0);
	assert_int_equal(st.st_mode, S_IFREG | 0644);
	assert_int_equal(st.st_size, 6);
	assert_int_equal(lstat_path("/sym/rel", &st), 0);
	assert_int_equal(st.st_mode, S_IFLNK | 0777);
	assert_int_equal(st.st_size, 3); /* the target's length */
	assert_int_equal(st.st_nlink, 1);
	assert_int_equal(lstat_path("/sym/dirlink/f", &st), 0); /* only the last is not followed */
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(lstat_path("/sym/dirlink/", &st), 0); /* a trailing slash follows */
	assert_true(S_ISDIR(st.st_mode));
}

static void test_symlink_nofollow(void **state)
{
	(void)state;
	make_dir("/nofollow/d");
	create_file("/nofollow/d/f", "x");
	make_symlink("/nofollow/link", "d/f");
	make_symlink("/nofollow/dirlink", "d");
	assert_int_equal(open_path("/nofollow/link", O_RDONLY | O_NOFOLLOW), -ELOOP);
	assert_int_equal(open_path("/nofollow/link", O_WRONLY | O_CREAT | O_NOFOLLOW), -ELOOP);
	assert_int_equal(sys_close(open_ok("/nofollow/dirlink/f", O_RDONLY | O_NOFOLLOW)), 0);
}

static void test_symlink_loops(void **state)
{
	char name[32], target[32];
	struct stat st;

	(void)state;
	make_dir("/loop");
	make_symlink("/loop/a", "b");
	make_symlink("/loop/b", "a");
	make_symlink("/loop/self", "/loop/self");
	assert_int_equal(open_path("/loop/a", O_RDONLY), -ELOOP);
	assert_int_equal(stat_path("/loop/self", &st), -ELOOP);
	assert_int_equal(stat_path("/loop/a/x", &st), -ELOOP);
	assert_int_equal(lstat_path("/loop/self", &st), 0);

	/* Linux follows at most 40 links in one lookup (SYMLINK_MAX_FOLLOW). */
	create_file("/loop/f", "end");
	for (int i = 0; i <= SYMLINK_MAX_FOLLOW; i++) {
		snprintf(name, sizeof(name), "/loop/l%d", i);
		if (i < SYMLINK_MAX_FOLLOW)
			snprintf(target, sizeof(target), "l%d", i + 1);
		else
			strcpy(target, "f");
		make_symlink(name, target);
	}
	assert_contents("/loop/l1", "end");
	assert_int_equal(open_path("/loop/l0", O_RDONLY), -ELOOP);
}

static void test_symlink_dangling_creat(void **state)
{
	struct stat st;

	(void)state;
	make_dir("/dangling");
	make_symlink("/dangling/link", "file");
	assert_int_equal(open_path("/dangling/link", O_RDONLY), -ENOENT);
	assert_int_equal(stat_path("/dangling/link", &st), -ENOENT);
	/* O_CREAT through a dangling symlink creates its target. */
	assert_int_equal(sys_close(open_ok("/dangling/link", O_CREAT | O_WRONLY)), 0);
	assert_int_equal(lstat_path("/dangling/file", &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(lstat_path("/dangling/link", &st), 0);
	assert_true(S_ISLNK(st.st_mode));
}

static void test_symlink_creat_excl_does_not_follow(void **state)
{
	struct stat st;

	(void)state;
	/* BUG: vfs_open follows a dangling symlink for O_CREAT | O_EXCL and creates its target;
	 * open(2): "if pathname is a symbolic link, then open() fails regardless of where the
	 * symbolic link points" with EEXIST. */
	make_dir("/exclsym");
	make_symlink("/exclsym/link", "file");
	assert_int_equal(open_path("/exclsym/link", O_CREAT | O_EXCL | O_WRONLY), -EEXIST);
	assert_int_equal(lstat_path("/exclsym/file", &st), -ENOENT);
}

static void test_symlink_trailing_slash(void **state)
{
	struct stat st;

	(void)state;
	/* BUG: when the last component is a symlink followed because of a trailing slash, walk()
	 * resolves the target with the target's own trailing_slash, forgetting the path's: "link/"
	 * to a file succeeds (Linux: ENOTDIR), and "link/" dangling with O_CREAT creates the
	 * target (Linux: EISDIR). */
	make_dir("/slash");
	create_file("/slash/f", "x");
	make_symlink("/slash/filelink", "f");
	make_symlink("/slash/dangling", "new");
	assert_int_equal(stat_path("/slash/filelink/", &st), -ENOTDIR);
	assert_int_equal(lstat_path("/slash/filelink/", &st), -ENOTDIR);
	assert_int_equal(open_path("/slash/filelink/", O_RDONLY), -ENOTDIR);
	assert_int_equal(open_path("/slash/dangling/", O_CREAT | O_WRONLY), -EISDIR);
	assert_int_equal(lstat_path("/slash/new", &st), -ENOENT);
}

static void test_symlink_target_of_path_max(void **state)
{
	char *target = app_alloc(PATH_MAX + 1);
	struct stat st;

	(void)state;
	/* BUG: walk() copies a symlink's target into char target[PATH_MAX] and NUL-terminates it
	 * without checking its size: a target of PATH_MAX bytes or more (nothing in cpio.c or
	 * rootfs.c refuses one) overflows the LibOS stack. Linux never holds such a link
	 * (symlink(2) gives ENAMETOOLONG), so the lookup should fail with ENAMETOOLONG. Skipped
	 * because ASan aborts the whole run on the overflow. */
	memset(target, 'a', PATH_MAX);
	target[PATH_MAX] = 0;
	make_dir("/hugelink");
	make_symlink("/hugelink/link", target);
	assert_int_equal(stat_path("/hugelink/link", &st), -ENAMETOOLONG);
}


static void test_unlinked_open_file_lives_until_closed(void **state)
{
	char *data = app_alloc(10000), *text;
	size_t before;
	struct stat st;
	int fd;

	(void)state;
	make_dir("/lifetime");
	before = kmalloc_free_bytes();
	fd = open_ok("/lifetime/f", O_CREAT | O_RDWR);
	memset(data, 'd', 10000);
	assert_int_equal(sys_write(fd, (long)data, 10000), 10000);
	assert_int_equal(vfs_unlink(AT_FDCWD, "/lifetime/f"), 0);
	assert_int_equal(stat_path("/lifetime/f", &st), -ENOENT);
	assert_int_equal(fstat_fd(fd, &st), 0);
	assert_int_equal(st.st_nlink, 0);
	assert_int_equal(st.st_size, 10000);
	assert_int_equal(write_text(fd, "more"), 4);
	assert_int_equal(sys_lseek(fd, 9998, SEEK_SET), 9998);
	assert_int_equal(read_text(fd, 16, &text), 6);
	assert_string_equal(text, "ddmore");
	assert_true(kmalloc_free_bytes() < before);
	assert_int_equal(sys_close(fd), 0);
	/* The name, the inode and its data are all gone. */
	assert_int_equal(kmalloc_free_bytes(), before);
}

static void test_rename_over_file_frees_it(void **state)
{
	size_t before;
	int fd;

	(void)state;
	make_dir("/renfree");
	create_file("/renfree/a", "new");
	before = kmalloc_free_bytes();
	create_file("/renfree/b", "old contents");
	fd = open_ok("/renfree/b", O_RDONLY);
	assert_int_equal(vfs_rename(AT_FDCWD, "/renfree/a", AT_FDCWD, "/renfree/b", 0), 0);
	assert_contents("/renfree/b", "new");
	assert_int_equal(sys_close(fd), 0);
	/* "a"'s inode now has the name "b": its old entry and "b"'s old inode went. */
	assert_int_equal(kmalloc_free_bytes(), before);
	assert_int_equal(vfs_unlink(AT_FDCWD, "/renfree/b"), 0);
	assert_true(kmalloc_free_bytes() > before);
}

static void test_removed_cwd(void **state)
{
	char *buf = app_alloc(64);
	struct stat st;
	size_t before;

	(void)state;
	make_dir("/deadcwd");
	before = kmalloc_free_bytes();
	assert_int_equal(vfs_mkdir(AT_FDCWD, "/deadcwd/d", 0755), 0);
	assert_int_equal(sys_chdir(app_string("/deadcwd/d")), 0);
	assert_int_equal(vfs_rmdir(AT_FDCWD, "/deadcwd/d"), 0);
	assert_int_equal(stat_path(".", &st), 0);
	assert_int_equal(st.st_nlink, 0);
	assert_int_equal(st.st_size, 2 * DIR_ENTRY_SIZE);
	assert_int_equal(sys_getcwd((long)buf, 64), -ENOENT);
	assert_int_equal(open_path("f", O_CREAT | O_WRONLY), -ENOENT);
	assert_int_equal(vfs_mkdir(AT_FDCWD, "sub", 0755), -ENOENT);
	assert_int_equal(vfs_symlink("x", AT_FDCWD, "sym"), -ENOENT);
	assert_int_equal(stat_path("..", &st), 0);
	assert_int_equal(st.st_ino, inode_of("/deadcwd")->ino);
	assert_int_equal(sys_chdir(app_string("/")), 0);
	assert_int_equal(kmalloc_free_bytes(), before);
}

static void test_directory_books(void **state)
{
	struct stat st;

	(void)state;
	make_dir("/books/p");
	assert_int_equal(vfs_mkdir(AT_FDCWD, "/books/q", 0700), 0);
	assert_int_equal(stat_path("/books", &st), 0);
	assert_int_equal(st.st_nlink, 4);
	assert_int_equal(st.st_size, 4 * DIR_ENTRY_SIZE);
	assert_int_equal(vfs_mkdir(AT_FDCWD, "/books/p/sub", 0755), 0);
	create_file("/books/p/f", "");
	assert_int_equal(vfs_link(AT_FDCWD, "/books/p/f", AT_FDCWD, "/books/q/g", 0), 0);
	assert_int_equal(stat_path("/books/p/f", &st), 0);
	assert_int_equal(st.st_nlink, 2);
	/* A directory moving to another parent moves one link with it. */
	assert_int_equal(vfs_rename(AT_FDCWD, "/books/p/sub", AT_FDCWD, "/books/q/sub", 0), 0);
	assert_int_equal(stat_path("/books/p", &st), 0);
	assert_int_equal(st.st_nlink, 2);
	assert_int_equal(st.st_size, 3 * DIR_ENTRY_SIZE);
	assert_int_equal(stat_path("/books/q", &st), 0);
	assert_int_equal(st.st_nlink, 3);
	assert_int_equal(st.st_size, 4 * DIR_ENTRY_SIZE);
	assert_ptr_equal(inode_of("/books/q/sub")->parent, inode_of("/books/q"));
	/* Exchanging a directory with a file across parents swaps the links too. */
	assert_int_equal(vfs_rename(AT_FDCWD, "/books/q/sub", AT_FDCWD, "/books/p/f",
				    RENAME_EXCHANGE),
			 0);
	assert_int_equal(stat_path("/books/p", &st), 0);
	assert_int_equal(st.st_nlink, 3);
	assert_int_equal(stat_path("/books/q", &st), 0);
	assert_int_equal(st.st_nlink, 2);
	assert_ptr_equal(inode_of("/books/p/f")->parent, inode_of("/books/p"));
}

static void test_rename_loops(void **state)
{
	(void)state;
	make_dir("/loops/a/b/c/d");
	assert_int_equal(vfs_rename(AT_FDCWD, "/loops/a", AT_FDCWD, "/loops/a/b/c/d/e", 0),
			 -EINVAL);
	assert_int_equal(vfs_rename(AT_FDCWD, "/loops/a/b", AT_FDCWD, "/loops/a/b/c/x", 0),
			 -EINVAL);
	assert_int_equal(vfs_rename(AT_FDCWD, "/loops/a/b/c/d", AT_FDCWD, "/loops/a", 0),
			 -ENOTEMPTY);
	assert_int_equal(vfs_rename(AT_FDCWD, "/loops/a/b/c/d", AT_FDCWD, "/loops/a",
				    RENAME_EXCHANGE),
			 -EINVAL);
	assert_int_equal(vfs_rename(AT_FDCWD, "/loops/a/b/c/d", AT_FDCWD, "/loops/a/d", 0), 0);
	assert_int_equal(vfs_rename(AT_FDCWD, "/loops/a/d", AT_FDCWD, "/loops/a/b/c/d", 0), 0);
	assert_int_equal(vfs_rename(AT_FDCWD, "/loops/a/b/c", AT_FDCWD, "/", 0), -EBUSY);
	assert_int_equal(vfs_rename(AT_FDCWD, "/", AT_FDCWD, "/loops/x", 0), -EBUSY);
}

/* getdents64's positions (sys_dir.c is not in this build): an entry's cookie stays its
 * position whatever happens to the others. */
static void test_dir_cursor(void **state)
{
	const struct dir_entry *e;
	struct inode *dir;
	int64_t pos;
	int fd;

	(void)state;
	make_dir("/cursor");
	create_file("/cursor/a", "");
	create_file("/cursor/b", "");
	create_file("/cursor/c", "");
	dir = inode_of("/cursor");
	/* The newest first, as tmpfs lists them. */
	e = ramfs_dir_at(dir, DIR_POS_FIRST_ENTRY);
	assert_int_equal(e->name_len, 1);
	assert_memory_equal(e->name, "c", 1);
	pos = e->next->cookie;
	assert_int_equal(vfs_unlink(AT_FDCWD, "/cursor/b"), 0);
	create_file("/cursor/d", "");
	e = ramfs_dir_at(dir, pos);
	assert_memory_equal(e->name, "a", 1);
	assert_null(e->next);
	assert_memory_equal(ramfs_dir_at(dir, DIR_POS_FIRST_ENTRY)->name, "d", 1);
	assert_int_equal(vfs_rename(AT_FDCWD, "/cursor/a", AT_FDCWD, "/cursor/e", 0), 0);
	assert_null(ramfs_dir_at(dir, pos));
	assert_memory_equal(ramfs_dir_at(dir, DIR_POS_FIRST_ENTRY)->name, "e", 1);
	/* A directory's offset is any cookie, never from the end. */
	fd = open_ok("/cursor", O_RDONLY | O_DIRECTORY);
	assert_int_equal(sys_lseek(fd, 12345, SEEK_SET), 12345);
	assert_int_equal(sys_lseek(fd, -45, SEEK_CUR), 12300);
	assert_int_equal(sys_lseek(fd, -1, SEEK_SET), -EINVAL);
	assert_int_equal(sys_lseek(fd, 0, SEEK_END), -EINVAL);
	assert_int_equal(sys_close(fd), 0);
}

static void test_locks(void **state)
{
	const struct file_lock *l;
	struct inode *inode;
	struct flock *fl;
	int fd;

	(void)state;
	make_dir("/locks");
	fd = open_ok("/locks/f", O_CREAT | O_RDWR);
	inode = inode_of("/locks/f");
	/* Touching ranges of one type and owner merge; the other type splits them. */
	assert_int_equal(lock_set(inode, NULL, F_RDLCK, 0, 9), 0);
	assert_int_equal(lock_set(inode, NULL, F_RDLCK, 10, 19), 0);
	l = lock_conflict(inode, (struct file *)1, F_WRLCK, 0, INT64_MAX);
	assert_non_null(l);
	assert_int_equal(l->start, 0);
	assert_int_equal(l->end, 19);
	assert_null(l->next);
	assert_int_equal(lock_set(inode, NULL, F_WRLCK, 5, 14), 0);
	l = inode->locks;
	assert_int_equal(l->start, 0);
	assert_int_equal(l->end, 4);
	assert_int_equal(l->next->type, F_WRLCK);
	assert_int_equal(l->next->start, 5);
	assert_int_equal(l->next->end, 14);
	assert_int_equal(l->next->next->start, 15);
	assert_null(l->next->next->next);
	assert_null(lock_conflict(inode, (struct file *)1, F_RDLCK, 15, 100));
	assert_int_equal(lock_set(inode, (struct file *)1, F_WRLCK, 15, 15), -EAGAIN);
	assert_int_equal(lock_set(inode, NULL, F_UNLCK, 3, 16), 0);
	assert_int_equal(inode->locks->end, 2);
	assert_int_equal(inode->locks->next->start, 17);
	assert_int_equal(lock_set(inode, NULL, F_UNLCK, 0, INT64_MAX), 0);
	assert_null(inode->locks);

	/* Through fcntl: the process never conflicts with itself, OFD locks do. */
	assert_int_equal(fcntl_lock(fd, F_SETLK, F_WRLCK, 0, 0, NULL), 0);
	assert_int_equal(fcntl_lock(fd, F_GETLK, F_WRLCK, 0, 0, &fl), 0);
	assert_int_equal(fl->l_type, F_UNLCK);
	assert_int_equal(fcntl_lock(fd, F_OFD_SETLK, F_RDLCK, 0, 1, NULL), -EAGAIN);
	assert_int_equal(fcntl_lock(fd, F_OFD_SETLKW, F_RDLCK, 0, 1, NULL), -EDEADLK);
	assert_int_equal(fcntl_lock(fd, F_OFD_GETLK, F_RDLCK, 0, 1, &fl), 0);
	assert_int_equal(fl->l_type, F_WRLCK);
	assert_int_equal(fl->l_pid, APP_PID);
	assert_int_equal(fcntl_lock(fd, F_SETLK, F_RDLCK, -1, 1, NULL), -EINVAL);
	assert_int_equal(fcntl_lock(fd, F_SETLK, 9, 0, 1, NULL), -EINVAL);
	assert_int_equal(sys_fcntl(fd, F_SETLK, (long)&l), -EFAULT);
	/* Any close drops the process's locks. */
	assert_int_equal(sys_close(open_ok("/locks/f", O_RDONLY)), 0);
	assert_null(inode->locks);
	assert_int_equal(fcntl_lock(fd, F_OFD_SETLK, F_RDLCK, 0, 1, NULL), 0);
	assert_non_null(inode->locks);
	assert_int_equal(sys_close(fd), 0);
	assert_null(inode->locks);
}

static void test_fcntl_dupfd(void **state)
{
	int fd;

	(void)state;
	make_dir("/dupfd");
	create_file("/dupfd/f", "shared");
	fd = open_ok("/dupfd/f", O_RDONLY);
	assert_int_equal(sys_fcntl(fd, F_DUPFD, 10), 10);
	assert_int_equal(sys_fcntl(fd, F_DUPFD_CLOEXEC, 10), 11);
	assert_int_equal(sys_fcntl(11, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(sys_fcntl(fd, F_DUPFD, FD_MAX - 1), FD_MAX - 1);
	assert_int_equal(sys_fcntl(fd, F_DUPFD, FD_MAX - 1), -EMFILE);
	assert_int_equal(sys_fcntl(fd, F_DUPFD, FD_MAX), -EINVAL);
	assert_int_equal(sys_fcntl(fd, F_DUPFD, -1), -EINVAL);
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(sys_lseek(10, 3, SEEK_SET), 3);
	assert_int_equal(sys_lseek(11, 0, SEEK_CUR), 3);
	assert_int_equal(sys_close(10), 0);
	assert_int_equal(sys_close(11), 0);
	assert_int_equal(sys_close(FD_MAX - 1), 0);
}

static void test_truncate_grows_without_memory(void **state)
{
	char *text;
	size_t before;
	struct stat st;
	int fd;

	(void)state;
	make_dir("/sparse");
	fd = open_ok("/sparse/f", O_CREAT | O_RDWR);
	before = kmalloc_free_bytes();
	assert_int_equal(sys_ftruncate(fd, 1L << 40), 0);
	assert_int_equal(kmalloc_free_bytes(), before);
	assert_int_equal(fstat_fd(fd, &st), 0);
	assert_int_equal(st.st_size, 1L << 40);
	assert_int_equal(st.st_blocks, 0);
	assert_int_equal(sys_pread64(fd, (long)app_alloc(8), 8, (1L << 40) - 4), 4);
	assert_int_equal(write_text(fd, "abc"), 3);
	assert_int_equal(sys_lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(read_text(fd, 5, &text), 5);
	assert_memory_equal(text, "abc\0\0", 5);
	assert_int_equal(fstat_fd(fd, &st), 0);
	assert_int_equal(st.st_blocks, 8);
	/* Shrinking, then growing again, shows zeros where the old bytes were. */
	assert_int_equal(sys_ftruncate(fd, 1), 0);
	assert_int_equal(sys_ftruncate(fd, 3), 0);
	assert_int_equal(sys_lseek(fd, 0, SEEK_SET), 0);
	assert_int_equal(read_text(fd, 5, &text), 3);
	assert_memory_equal(text, "a\0\0", 3);
	assert_int_equal(sys_ftruncate(fd, 0), 0);
	assert_int_equal(sys_ftruncate(fd, -1), -EINVAL);
	assert_int_equal(sys_truncate(app_string("/sparse"), 0), -EISDIR);
	assert_int_equal(sys_close(fd), 0);
	assert_true(kmalloc_free_bytes() >= before);
}

static void test_o_path(void **state)
{
	char *buf = app_alloc(16);
	struct inode *inode;
	struct stat st;
	int fd;

	(void)state;
	make_dir("/opath");
	create_file("/opath/f", "data");
	make_symlink("/opath/link", "f");
	fd = open_ok("/opath/f", O_PATH | O_RDWR | O_TRUNC | O_CREAT);
	assert_int_equal(sys_read(fd, (long)buf, 4), -EBADF);
	assert_int_equal(sys_write(fd, (long)buf, 4), -EBADF);
	assert_int_equal(sys_lseek(fd, 0, SEEK_SET), -EBADF);
	assert_int_equal(sys_fcntl(fd, F_SETFL, O_APPEND), -EBADF);
	assert_int_equal(sys_fcntl(fd, F_GETFL, 0), O_PATH);
	assert_int_equal(sys_fsync(fd), -EBADF);
	assert_int_equal(fstat_fd(fd, &st), 0);
	assert_int_equal(st.st_size, 4); /* not truncated */
	assert_int_equal(sys_close(fd), 0);
	fd = open_ok("/opath/link", O_PATH | O_NOFOLLOW);
	assert_int_equal(fstat_fd(fd, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(vfs_lookup_at(fd, "", AT_EMPTY_PATH, &inode), 0);
	assert_ptr_equal(inode, inode_of("/opath/link"));
	assert_int_equal(sys_close(fd), 0);
	assert_int_equal(open_path("/opath/link", O_RDONLY | O_NOFOLLOW), -ELOOP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown(name, start_test, end_test)
		TEST(test_open_creat_excl),
		TEST(test_open_trunc),
		TEST(test_open_rdonly_trunc_truncates),
		TEST(test_append),
		TEST(test_write_read_round_trip),
		TEST(test_read_negative_count),
		TEST(test_zero_length_io_with_null_buffer),
		TEST(test_pread_pwrite),
		TEST(test_lseek),
		TEST(test_console_is_not_seekable),
		TEST(test_readv_writev),
		TEST(test_fstat_file),
		TEST(test_directory_nlink),
		TEST(test_newfstatat_dirfd_and_flags),
		TEST(test_path_errors),
		TEST(test_creat_with_trailing_slash_on_a_file),
		TEST(test_open_directory),
		TEST(test_dot_and_dotdot),
		TEST(test_getcwd),
		TEST(test_close),
		TEST(test_emfile),
		TEST(test_fcntl),
		TEST(test_fcntl_getfl_reports_largefile),
		TEST(test_dev_null),
		TEST(test_dev_null_lseek),
		TEST(test_dev_zero),
		TEST(test_dev_full),
		TEST(test_dev_urandom),
		TEST(test_console),
		TEST(test_ioctl),
		TEST(test_efault_outside_app_region),
		TEST(test_path_without_nul_efault),
		TEST(test_path_too_long),
		TEST(test_name_too_long),
		TEST(test_symlink_follow),
		TEST(test_symlink_nofollow),
		TEST(test_symlink_loops),
		TEST(test_symlink_dangling_creat),
		TEST(test_symlink_creat_excl_does_not_follow),
		TEST(test_symlink_trailing_slash),
		TEST(test_symlink_target_of_path_max),
		TEST(test_unlinked_open_file_lives_until_closed),
		TEST(test_rename_over_file_frees_it),
		TEST(test_removed_cwd),
		TEST(test_directory_books),
		TEST(test_rename_loops),
		TEST(test_dir_cursor),
		TEST(test_locks),
		TEST(test_fcntl_dupfd),
		TEST(test_truncate_grows_without_memory),
		TEST(test_o_path),
#undef TEST
	};

	return cmocka_run_group_tests(tests, boot_libos, shut_down);
}
