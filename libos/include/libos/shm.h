/* Pages that appear at more than one address: a shared memory object of the monitor's
 * (HC_SHM_*). A ramfs file that the app maps MAP_SHARED keeps its bytes in one, seen by the
 * LibOS through a window in its heap and by the app through its mappings, so that writes
 * through either are the other's at once; a MAP_SHARED anonymous mapping is one without a
 * window. */
#ifndef LIBOS_SHM_H
#define LIBOS_SHM_H

#include <stdint.h>

struct shared_pages {
	long handle; /* the monitor's */
	uint64_t size; /* bytes: pages past it fault with SIGBUS in a mapping */
	char *window; /* where the LibOS sees them: page aligned, NULL for none */
	uint64_t window_size;
	void *window_block; /* the kmalloc block the window lies in */
	uint64_t mapped; /* bytes of the app's mappings that show them */
	int owned; /* its creator (a file) holds it; else it goes with its last mapping */
};

/* A new object of size bytes, zeros, seen through a window (with_window) or only by the app's
 * mappings. Its creator holds it until shared_pages_disown, its mappings until they go. */
int shared_pages_new(uint64_t size, int with_window, struct shared_pages **out);
/* Change the size: the window may move. -ENOSPC without room for a window that large. */
int shared_pages_resize(struct shared_pages *pages, uint64_t size);
/* Show len bytes from offset (both page aligned) at addr of the app's region with prot. The
 * VMA list counts the mapping when it records it. */
int shared_pages_map(struct shared_pages *pages, uint64_t offset, uint64_t addr, uint64_t len,
		     int prot);
/* The VMA list's accounting: bytes of mappings added (delta > 0) or gone. */
void shared_pages_mapped(struct shared_pages *pages, int64_t delta);
/* The creator is done with it: the window goes now, the rest with the last mapping. */
void shared_pages_disown(struct shared_pages *pages);

#endif
