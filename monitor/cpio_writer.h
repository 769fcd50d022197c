/* Writing a newc cpio archive in memory: the root file system that
 * `intravisor run` assembles for the LibOS. */
#ifndef MONITOR_CPIO_WRITER_H
#define MONITOR_CPIO_WRITER_H

#include <stddef.h>
#include <stdint.h>

struct cpio_writer {
	uint8_t *buf;
	size_t len, capacity;
	uint32_t next_ino;
};

/* Append one entry; name has no leading '/'. 0, or -1 when out of memory. */
int cpio_write_entry(struct cpio_writer *w, const char *name, uint32_t mode, uint64_t mtime,
		     const void *data, size_t size);
/* Append the trailer. */
int cpio_write_trailer(struct cpio_writer *w);
void cpio_writer_free(struct cpio_writer *w);

#endif
