/* File operations on a memory file system: the LibOS's ramfs under musl-uni,
 * tmpfs natively. argv[1] is the directory to use. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bench.h"

#define FILE_SIZE (1 << 20)

static char buffer[FILE_SIZE];

struct file_ctx {
	int fd;
	size_t size;
	const char *path;
};

static int op_pread(void *ctx, long iterations)
{
	struct file_ctx *f = ctx;

	for (long i = 0; i < iterations; i++)
		if (pread(f->fd, buffer, f->size, 0) != (ssize_t)f->size)
			return errno ? errno : EIO;
	return 0;
}

static int op_pwrite(void *ctx, long iterations)
{
	struct file_ctx *f = ctx;

	for (long i = 0; i < iterations; i++)
		if (pwrite(f->fd, buffer, f->size, 0) != (ssize_t)f->size)
			return errno ? errno : EIO;
	return 0;
}

static int op_open_close(void *ctx, long iterations)
{
	struct file_ctx *f = ctx;

	for (long i = 0; i < iterations; i++) {
		int fd = open(f->path, O_RDONLY);

		if (fd < 0 || close(fd))
			return errno;
	}
	return 0;
}

static int op_stat(void *ctx, long iterations)
{
	struct file_ctx *f = ctx;
	struct stat st;

	for (long i = 0; i < iterations; i++)
		if (stat(f->path, &st))
			return errno;
	return 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *label;
		size_t size;
	} sizes[] = {{"1B", 1}, {"4KiB", 4096}, {"1MiB", FILE_SIZE}};
	char path[4096], name[64];
	struct file_ctx f;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DIRECTORY\n", argv[0]);
		return 2;
	}
	snprintf(path, sizeof(path), "%s/musl-uni-bench.%ld", argv[1], (long)getpid());
	f.path = path;
	f.fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (f.fd < 0) {
		fprintf(stderr, "%s: open %s: %s\n", argv[0], path, strerror(errno));
		return 1;
	}
	memset(buffer, 'x', sizeof(buffer));
	if (pwrite(f.fd, buffer, FILE_SIZE, 0) != FILE_SIZE) {
		fprintf(stderr, "%s: pwrite %s: %s\n", argv[0], path, strerror(errno));
		return 1;
	}
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		f.size = sizes[i].size;
		snprintf(name, sizeof(name), "pread_%s", sizes[i].label);
		bench_run(name, "pread", op_pread, &f);
		snprintf(name, sizeof(name), "pwrite_%s", sizes[i].label);
		bench_run(name, "pwrite", op_pwrite, &f);
	}
	bench_run("open_close", "open", op_open_close, &f);
	bench_run("stat", "stat", op_stat, &f);
	close(f.fd);
	/* The LibOS has no unlink yet; its ramfs goes away with the cVM anyway. */
	unlink(path);
	return bench_exit_status();
}
