/* Shared memory objects: one memfd each. The same pages mapped MAP_SHARED at two addresses are
 * what a file's MAP_SHARED mapping is on Linux: the LibOS reads and writes the file through
 * one mapping in its heap, the app through its own. */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "shm.h"

struct shm_object {
	int fd; /* -1: a free slot */
	uint32_t owner; /* the cVM whose gate made it */
};

static struct shm_object *objects;
static long nobjects;

/* The region the LibOS may name: its own, or its app's. */
static int inside_caller_regions(const struct gate_block *gate, uint64_t addr, uint64_t len)
{
	return uni_cap_covers(&gate->libos_ddc, addr, len) ||
	       uni_cap_covers(&gate->app_ddc, addr, len);
}

static struct shm_object *lookup(const struct gate_block *gate, long handle)
{
	if (handle < 0 || handle >= nobjects || objects[handle].fd < 0 ||
	    objects[handle].owner != gate->cvm_id)
		return NULL;
	return &objects[handle];
}

static long free_slot(void)
{
	for (long i = 0; i < nobjects; i++)
		if (objects[i].fd < 0)
			return i;
	long first_new = nobjects, grown = nobjects ? nobjects * 2 : 16;
	struct shm_object *more = realloc(objects, (size_t)grown * sizeof(*objects));
	if (!more)
		return -ENOMEM;
	for (long i = first_new; i < grown; i++)
		more[i].fd = -1;
	objects = more;
	nobjects = grown;
	return first_new;
}

long shm_new(const struct gate_block *gate, long size)
{
	if (size < 0)
		return -EINVAL;
	long slot = free_slot();
	if (slot < 0)
		return slot;
	int fd = memfd_create("musl-uni-shared", MFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (ftruncate(fd, size)) {
		int err = errno;
		close(fd);
		return -err;
	}
	objects[slot] = (struct shm_object){ fd, gate->cvm_id };
	return slot;
}

long shm_resize(const struct gate_block *gate, long handle, long size)
{
	struct shm_object *object = lookup(gate, handle);

	if (!object)
		return -EBADF;
	if (size < 0)
		return -EINVAL;
	return ftruncate(object->fd, size) ? -errno : 0;
}

long shm_map(const struct gate_block *gate, long handle, long offset, long addr, long len,
	     long prot)
{
	struct shm_object *object = lookup(gate, handle);

	if (!object)
		return -EBADF;
	if ((addr | len | offset) & 4095 || len <= 0 || offset < 0 ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) ||
	    !inside_caller_regions(gate, (uint64_t)addr, (uint64_t)len))
		return -EINVAL;
	void *got = mmap((void *)addr, (size_t)len, (int)prot, MAP_SHARED | MAP_FIXED, object->fd,
			 offset);
	return got == MAP_FAILED ? -errno : 0;
}

long shm_free(const struct gate_block *gate, long handle)
{
	struct shm_object *object = lookup(gate, handle);

	if (!object)
		return -EBADF;
	close(object->fd);
	object->fd = -1;
	return 0;
}

void shm_release_all(uint32_t cvm_id)
{
	for (long i = 0; i < nobjects; i++) {
		if (objects[i].fd >= 0 && objects[i].owner == cvm_id) {
			close(objects[i].fd);
			objects[i].fd = -1;
		}
	}
}
