/* The root file system `intravisor run` assembles: files from the host
 * placed at guest paths, with their parent directories, as a cpio archive
 * the LibOS unpacks. Every guest path is added once. */
#ifndef MONITOR_ROOTFS_H
#define MONITOR_ROOTFS_H

#include <stddef.h>
#include "cpio_writer.h"

struct rootfs {
	struct cpio_writer archive;
	char **paths; /* every guest path added, without the leading '/' */
	size_t npaths, capacity;
};

/* Each returns 0, or -1 with the reason in err. */
int rootfs_add_data(struct rootfs *r, const char *guest, unsigned mode, const void *data,
		    size_t size, char *err, size_t errlen);
/* A host file, directory tree or symlink, at guest. */
int rootfs_add_host(struct rootfs *r, const char *host, const char *guest, char *err,
		    size_t errlen);
/* Every entry of a cpio archive (checked by the LibOS's own parser). */
int rootfs_add_archive(struct rootfs *r, const char *path, char *err, size_t errlen);
int rootfs_has(const struct rootfs *r, const char *guest);
/* The finished archive: trailer appended, paths freed; r->archive owns it. */
int rootfs_finish(struct rootfs *r, char *err, size_t errlen);
void rootfs_free(struct rootfs *r);

#endif
