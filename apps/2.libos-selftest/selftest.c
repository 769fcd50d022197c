/* The seed's LibOS self-test as an app: the layout of struct stat as musl sees it (the
 * kernel's, which the LibOS fills), a file written and read back, /dev/zero, /dev/random and
 * /dev/urandom, and /dev/stdout opened and written. */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define FIELD(name)                                                                                \
	printf("  %-10s offset %3zu size %2zu\n", #name, offsetof(struct stat, name),              \
	       sizeof(((struct stat *)0)->name))

static void stat_layout(void)
{
	printf("struct stat: size %zu\n", sizeof(struct stat));
	FIELD(st_dev);
	FIELD(st_ino);
	FIELD(st_nlink);
	FIELD(st_mode);
	FIELD(st_uid);
	FIELD(st_gid);
	FIELD(st_rdev);
	FIELD(st_size);
	FIELD(st_blksize);
	FIELD(st_blocks);
	FIELD(st_atim);
	FIELD(st_mtim);
	FIELD(st_ctim);
}

/* What the LibOS wrote, read at the kernel's offsets (arch/x86/include/uapi/asm/stat.h). */
static void raw_fstat(int fd)
{
	unsigned char raw[144];

	memset(raw, 0xff, sizeof(raw));
	if (syscall(SYS_fstat, fd, raw)) {
		printf("fstat failed\n");
		return;
	}
	uint64_t nlink, size, blksize, blocks;
	uint32_t mode, uid, gid;
	memcpy(&nlink, raw + 16, 8);
	memcpy(&mode, raw + 24, 4);
	memcpy(&uid, raw + 28, 4);
	memcpy(&gid, raw + 32, 4);
	memcpy(&size, raw + 48, 8);
	memcpy(&blksize, raw + 56, 8);
	memcpy(&blocks, raw + 64, 8);
	printf("fstat at the kernel's offsets: mode %o nlink %lu uid %u gid %u size %lu "
	       "blksize %lu blocks %lu\n",
	       mode, (unsigned long)nlink, uid, gid, (unsigned long)size, (unsigned long)blksize,
	       (unsigned long)blocks);
}

static void file_round_trip(void)
{
	static const char text[] = "hello, world\n";
	char back[64] = { 0 };
	struct stat st;
	int fd = open("/tmp/selftest", O_CREAT | O_TRUNC | O_RDWR, 0644);

	ssize_t written = write(fd, text, sizeof(text) - 1);
	printf("file: open %s, write %zd", fd >= 0 ? "ok" : "failed", written);
	printf(", seek %ld", (long)lseek(fd, 0, SEEK_SET));
	ssize_t got = read(fd, back, sizeof(back));
	printf(", read %zd, %s\n", got, strcmp(back, text) ? "different" : "the same");
	raw_fstat(fd);
	if (!fstat(fd, &st))
		printf("fstat: regular %d, mode %o, size %ld, nlink %lu, ino > 0 %d, "
		       "mtime > 0 %d\n",
		       S_ISREG(st.st_mode), st.st_mode & 07777, (long)st.st_size,
		       (unsigned long)st.st_nlink, st.st_ino > 0, st.st_mtim.tv_sec > 0);
	close(fd);
	int unlinked = unlink("/tmp/selftest");
	printf("unlink %d, then open: %d\n", unlinked, open("/tmp/selftest", O_RDONLY));
}

static int all_zero(const unsigned char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i])
			return 0;
	return 1;
}

static void devices(void)
{
	unsigned char a[64], b[64];
	struct stat st;

	memset(a, 0xaa, sizeof(a));
	int fd = open("/dev/zero", O_RDWR);
	ssize_t got = read(fd, a, sizeof(a));
	printf("/dev/zero: read %zd, all zeros %d", got, all_zero(a, sizeof(a)));
	printf(", write %zd\n", write(fd, "x", 1));
	close(fd);
	const char *randoms[] = { "/dev/random", "/dev/urandom" };
	for (int i = 0; i < 2; i++) {
		fd = open(randoms[i], O_RDONLY);
		ssize_t first = read(fd, a, sizeof(a));
		ssize_t second = read(fd, b, sizeof(b));
		printf("%s: read %zd and %zd, all zeros %d, the same twice %d\n", randoms[i], first,
		       second, all_zero(a, sizeof(a)), !memcmp(a, b, sizeof(a)));
		close(fd);
	}
	if (!stat("/dev/null", &st))
		printf("/dev/null: character device %d, %u:%u\n", S_ISCHR(st.st_mode),
		       major(st.st_rdev), minor(st.st_rdev));
}

static void dev_stdout(void)
{
	static const char line[] = "written through /dev/stdout\n";
	int fd = open("/dev/stdout", O_WRONLY);

	printf("/dev/stdout: open %s\n", fd > 2 ? "gives a new fd" : "failed");
	fflush(stdout);
	ssize_t n = write(fd, line, sizeof(line) - 1);
	printf("/dev/stdout: write %zd\n", n);
	close(fd);
}

int main(void)
{
	stat_layout();
	file_round_trip();
	devices();
	dev_stdout();
	return 0;
}
