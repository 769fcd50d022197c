/* Shared pages: the monitor's shared memory objects (HC_SHM_*) as the LibOS keeps them. The
 * window is a page-aligned stretch of a kmalloc block whose own pages the object's replace;
 * fresh private pages (HC_MAP) take their place again before the block goes back to the heap. */
#include <asm/mman.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/kmalloc.h>
#include <libos/log.h>
#include <libos/mm.h>
#include <libos/shm.h>

#define WINDOW_MIN (64UL << 10)

static uint64_t page_up(uint64_t n)
{
	return (n + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}

static void window_release(struct shared_pages *pages)
{
	if (!pages->window)
		return;
	/* The block's free-list links would land on the object's pages if these stayed. */
	long err = hostcall(HC_MAP, (long)pages->window, (long)pages->window_size,
			    PROT_READ | PROT_WRITE, 0, 0);
	if (err)
		log_msg("shared pages: cannot give a window back to the heap (%ld): kept", err);
	else
		kfree(pages->window_block);
	pages->window = 0;
	pages->window_block = 0;
	pages->window_size = 0;
}

/* A window of at least size bytes, replacing the old one. Windows grow by doubling, as file
 * data does, so that a file written a little at a time moves seldom. */
static int window_make(struct shared_pages *pages, uint64_t size)
{
	uint64_t want = pages->window_size ? pages->window_size * 2 : WINDOW_MIN;

	while (want < size) {
		if (want > (UINT64_MAX >> 2))
			return -ENOSPC;
		want *= 2;
	}
	void *block = kmalloc(want + PAGE_SIZE);
	if (!block)
		return -ENOSPC;
	char *window = (char *)page_up((uint64_t)(uintptr_t)block);
	long err = hostcall(HC_SHM_MAP, pages->handle, 0, (long)window, (long)want,
			    PROT_READ | PROT_WRITE);
	if (err) {
		kfree(block);
		return err == -ENOMEM ? -ENOSPC : (int)err;
	}
	window_release(pages);
	pages->window = window;
	pages->window_block = block;
	pages->window_size = want;
	return 0;
}

int shared_pages_new(uint64_t size, int with_window, struct shared_pages **out)
{
	struct shared_pages *pages = kzalloc(sizeof(*pages));
	long handle;
	int err;

	if (!pages)
		return -ENOMEM;
	handle = hostcall(HC_SHM_NEW, (long)size, 0, 0, 0, 0);
	if (handle < 0) {
		kfree(pages);
		return handle == -EMFILE || handle == -ENFILE ? -ENOMEM : (int)handle;
	}
	pages->handle = handle;
	pages->size = size;
	pages->owned = 1;
	if (with_window) {
		err = window_make(pages, page_up(size));
		if (err) {
			hostcall(HC_SHM_FREE, handle, 0, 0, 0, 0);
			kfree(pages);
			return err;
		}
	}
	*out = pages;
	return 0;
}

int shared_pages_resize(struct shared_pages *pages, uint64_t size)
{
	if (pages->window && page_up(size) > pages->window_size) {
		int err = window_make(pages, page_up(size));
		if (err)
			return err;
	}
	long err = hostcall(HC_SHM_RESIZE, pages->handle, (long)size, 0, 0, 0);
	if (err)
		return err == -ENOMEM ? -ENOSPC : (int)err;
	pages->size = size;
	return 0;
}

int shared_pages_map(struct shared_pages *pages, uint64_t offset, uint64_t addr, uint64_t len,
		     int prot)
{
	return (int)hostcall(HC_SHM_MAP, pages->handle, (long)offset, (long)addr, (long)len, prot);
}

static void shared_pages_free(struct shared_pages *pages)
{
	window_release(pages);
	hostcall(HC_SHM_FREE, pages->handle, 0, 0, 0, 0);
	kfree(pages);
}

void shared_pages_mapped(struct shared_pages *pages, int64_t delta)
{
	pages->mapped += (uint64_t)delta;
	if (!pages->mapped && !pages->owned)
		shared_pages_free(pages);
}

void shared_pages_disown(struct shared_pages *pages)
{
	pages->owned = 0;
	window_release(pages);
	if (!pages->mapped)
		shared_pages_free(pages);
}
