/* Shared memory objects for a LibOS (HC_SHM_* of uni/hostcall.h): memfds that the monitor maps
 * at the addresses the LibOS names, in its own region or its app's, so that a ramfs file and
 * the app's MAP_SHARED mappings of it are the same pages. */
#ifndef MONITOR_SHM_H
#define MONITOR_SHM_H

#include <stdint.h>
#include <uni/gate.h>

/* Each returns a value or -errno; handles are the calling cVM's (gate->cvm_id) only. */
long shm_new(const struct gate_block *gate, long size);
long shm_resize(const struct gate_block *gate, long handle, long size);
long shm_map(const struct gate_block *gate, long handle, long offset, long addr, long len,
	     long prot);
long shm_free(const struct gate_block *gate, long handle);
/* The cVM has ended: close what it left. Its regions' mappings go with the regions. */
void shm_release_all(uint32_t cvm_id);

#endif
