/* Host directories mounted in a LibOS (a LibOS cVM's `mounts:`, `intravisor run --mount`): the
 * monitor opens each directory when it deploys the LibOS and serves the HC_FS_* host calls of
 * uni/hostcall.h on them, confined beneath the mounted directories. */
#ifndef MONITOR_HOSTFS_H
#define MONITOR_HOSTFS_H

#include <stddef.h>
#include <uni/boot.h>
#include <uni/gate.h>
#include "config.h"

#define HOSTFS_MAX_HANDLES 4096 /* host files one LibOS holds open: then EMFILE */

struct hostfs;

/* Open the mounted directories of cc (O_PATH | O_DIRECTORY) into a new table, *out (NULL when
 * cc has none): 0, or -1 with "mount HOST: reason" in err and the mount's YAML line in *line. */
int hostfs_open(const struct cvm_config *cc, struct hostfs **out, char *err, size_t errlen,
		int *line);
/* What the LibOS learns of its mounts. */
void hostfs_fill_boot(const struct hostfs *fs, const struct cvm_config *cc,
		      struct libos_boot *boot);
/* Close every host file of fs and free it (NULL is fine). */
void hostfs_close(struct hostfs *fs);
/* An HC_FS_* host call of the LibOS whose table is fs (NULL: it has no mounts, EBADF). */
long hostfs_serve(struct hostfs *fs, const struct gate_block *gate, long nr, const long args[5]);

#endif
