#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libos/cpio.h>
#include "rootfs.h"

static const char *skip_slashes(const char *guest)
{
	while (*guest == '/')
		guest++;
	return guest;
}

int rootfs_has(const struct rootfs *r, const char *guest)
{
	guest = skip_slashes(guest);
	for (size_t i = 0; i < r->npaths; i++)
		if (!strcmp(r->paths[i], guest))
			return 1;
	return 0;
}

static int remember(struct rootfs *r, const char *guest)
{
	if (r->npaths == r->capacity) {
		size_t capacity = r->capacity ? r->capacity * 2 : 64;
		char **grown = realloc(r->paths, capacity * sizeof(*grown));
		if (!grown)
			return -1;
		r->paths = grown;
		r->capacity = capacity;
	}
	r->paths[r->npaths] = strdup(guest);
	if (!r->paths[r->npaths])
		return -1;
	r->npaths++;
	return 0;
}

static void forget_paths(struct rootfs *r)
{
	for (size_t i = 0; i < r->npaths; i++)
		free(r->paths[i]);
	free(r->paths);
	r->paths = NULL;
	r->npaths = r->capacity = 0;
}

static int add_entry(struct rootfs *r, const char *guest, unsigned mode, uint64_t mtime,
		     const void *data, size_t size, char *err, size_t errlen)
{
	if (remember(r, guest) ||
	    cpio_write_entry(&r->archive, guest, mode, mtime, data, size)) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

/* The directories above guest, each once. */
static int add_parents(struct rootfs *r, const char *guest, char *err, size_t errlen)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s", guest);
	for (char *slash = strchr(path, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = 0;
		if (*path && !rootfs_has(r, path) &&
		    add_entry(r, path, S_IFDIR | 0755, 0, NULL, 0, err, errlen))
			return -1;
		*slash = '/';
	}
	return 0;
}

static int add_new(struct rootfs *r, const char *guest, unsigned mode, uint64_t mtime,
		   const void *data, size_t size, char *err, size_t errlen)
{
	guest = skip_slashes(guest);
	if (!*guest || strlen(guest) >= PATH_MAX) {
		snprintf(err, errlen, "'/%s': not a valid guest path", guest);
		return -1;
	}
	if (rootfs_has(r, guest)) {
		if (S_ISDIR(mode))
			return 0;
		snprintf(err, errlen, "/%s is added twice", guest);
		return -1;
	}
	if (add_parents(r, guest, err, errlen))
		return -1;
	return add_entry(r, guest, mode, mtime, data, size, err, errlen);
}

int rootfs_add_data(struct rootfs *r, const char *guest, unsigned mode, const void *data,
		    size_t size, char *err, size_t errlen)
{
	return add_new(r, guest, mode, 0, data, size, err, errlen);
}

static int add_file(struct rootfs *r, const char *host, const struct stat *st, const char *guest,
		    char *err, size_t errlen)
{
	FILE *f = fopen(host, "rb");
	char *data = malloc(st->st_size ? (size_t)st->st_size : 1);
	int ret = -1;

	if (!f || !data) {
		snprintf(err, errlen, "%s: %s", host, f ? "out of memory" : strerror(errno));
		goto out;
	}
	if (fread(data, 1, (size_t)st->st_size, f) != (size_t)st->st_size) {
		snprintf(err, errlen, "%s: short read", host);
		goto out;
	}
	ret = add_new(r, guest, st->st_mode, (uint64_t)st->st_mtime, data, (size_t)st->st_size,
		      err, errlen);
out:
	if (f)
		fclose(f);
	free(data);
	return ret;
}

int rootfs_add_host(struct rootfs *r, const char *host, const char *guest, char *err,
		    size_t errlen)
{
	struct stat st;

	if (lstat(host, &st)) {
		snprintf(err, errlen, "%s: %s", host, strerror(errno));
		return -1;
	}
	if (S_ISREG(st.st_mode))
		return add_file(r, host, &st, guest, err, errlen);
	if (S_ISLNK(st.st_mode)) {
		char target[PATH_MAX];
		ssize_t n = readlink(host, target, sizeof(target));
		if (n <= 0 || n >= (ssize_t)sizeof(target)) {
			snprintf(err, errlen, "%s: unreadable symlink", host);
			return -1;
		}
		return add_new(r, guest, st.st_mode, (uint64_t)st.st_mtime, target, (size_t)n, err,
			       errlen);
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: not a file, directory or symlink", host);
		return -1;
	}
	if (*skip_slashes(guest) &&
	    add_new(r, guest, st.st_mode, (uint64_t)st.st_mtime, NULL, 0, err, errlen))
		return -1;
	DIR *dir = opendir(host);
	if (!dir) {
		snprintf(err, errlen, "%s: %s", host, strerror(errno));
		return -1;
	}
	int ret = 0;
	for (struct dirent *e; !ret && (e = readdir(dir));) {
		char host_child[PATH_MAX], guest_child[PATH_MAX];
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if ((size_t)snprintf(host_child, sizeof(host_child), "%s/%s", host, e->d_name) >=
			    sizeof(host_child) ||
		    (size_t)snprintf(guest_child, sizeof(guest_child), "%s/%s", skip_slashes(guest),
				     e->d_name) >= sizeof(guest_child)) {
			snprintf(err, errlen, "%s/%s: path too long", host, e->d_name);
			ret = -1;
			break;
		}
		ret = rootfs_add_host(r, host_child, guest_child, err, errlen);
	}
	closedir(dir);
	return ret;
}

struct archive_copy {
	struct rootfs *r;
	char *err;
	size_t errlen;
};

static int copy_entry(const struct cpio_entry *e, void *ctx)
{
	struct archive_copy *copy = ctx;
	char name[PATH_MAX];
	size_t len = e->name_len;

	while (len && e->name[len - 1] == '/')
		len--;
	if (!len)
		return 0;
	if (len >= sizeof(name)) {
		snprintf(copy->err, copy->errlen, "name too long");
		return -1;
	}
	memcpy(name, e->name, len);
	name[len] = 0;
	return add_new(copy->r, name, e->mode, e->mtime, e->data, e->size, copy->err,
		       copy->errlen);
}

int rootfs_add_archive(struct rootfs *r, const char *path, char *err, size_t errlen)
{
	struct archive_copy copy = { r, err, errlen };
	struct cpio_error bad = { 0, NULL };
	char reason[256] = "";
	void *data;
	size_t size;
	struct stat st;
	FILE *f = fopen(path, "rb");

	if (!f || fstat(fileno(f), &st)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		if (f)
			fclose(f);
		return -1;
	}
	size = (size_t)st.st_size;
	data = malloc(size ? size : 1);
	if (!data || fread(data, 1, size, f) != size) {
		snprintf(err, errlen, "%s: cannot read", path);
		fclose(f);
		free(data);
		return -1;
	}
	fclose(f);
	copy.err = reason;
	copy.errlen = sizeof(reason);
	int ret = cpio_parse(data, size, copy_entry, &copy, &bad);
	if (ret && bad.reason)
		snprintf(err, errlen, "%s: offset %zu: %s", path, bad.offset, bad.reason);
	else if (ret)
		snprintf(err, errlen, "%s: %s", path, reason);
	free(data);
	return ret ? -1 : 0;
}

int rootfs_finish(struct rootfs *r, char *err, size_t errlen)
{
	forget_paths(r);
	if (cpio_write_trailer(&r->archive)) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

void rootfs_free(struct rootfs *r)
{
	forget_paths(r);
	cpio_writer_free(&r->archive);
}
