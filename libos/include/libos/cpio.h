/*
 * Reader for the "newc" cpio format (the one of Linux initramfs and `cpio -H newc`), used to
 * unpack root.cpio into the ramfs.
 */
#ifndef LIBOS_CPIO_H
#define LIBOS_CPIO_H

#include <stddef.h>
#include <stdint.h>

struct cpio_entry {
	/*
	 * Not NUL-terminated: use name_len. One or more leading "/" and "./" are stripped, so
	 * "." (the root itself) has name_len 0. No component is "..", but empty and "."
	 * components ("a//b", "a/./b") are passed through, as Linux does: callers normalise.
	 */
	const char *name;
	size_t name_len;
	uint32_t mode; /* file type and permission bits as in st_mode */
	uint32_t uid, gid, nlink;
	uint64_t mtime;
	uint32_t ino, dev_major, dev_minor, rdev_major, rdev_minor;
	/*
	 * File contents, or a symlink's target (never empty, no NUL). Hard links share ino and
	 * dev, and only the last one of a group carries the data.
	 */
	const void *data;
	size_t size;
};

struct cpio_error {
	size_t offset; /* from the start of the archive */
	const char *reason; /* static string */
};

/* A non-zero return stops the walk and becomes cpio_parse's result. */
typedef int (*cpio_visit_fn)(const struct cpio_entry *entry, void *ctx);

/*
 * Walk every entry of the archive buf[0..len) up to "TRAILER!!!"; bytes after the trailer are
 * ignored. The whole archive is checked before the first visit, so a malformed archive is
 * reported without any entry having been visited. Returns 0, the visitor's non-zero value,
 * or -EINVAL with err filled (err may be NULL).
 */
int cpio_parse(const void *buf, size_t len, cpio_visit_fn visit, void *ctx,
	       struct cpio_error *err);

#endif
