#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cpio_writer.h"

static int append(struct cpio_writer *w, const void *data, size_t size)
{
	if (!size)
		return 0;
	if (size > w->capacity - w->len) {
		size_t capacity = w->capacity ? w->capacity : 65536;
		while (capacity - w->len < size)
			capacity *= 2;
		uint8_t *grown = realloc(w->buf, capacity);
		if (!grown)
			return -1;
		w->buf = grown;
		w->capacity = capacity;
	}
	memcpy(w->buf + w->len, data, size);
	w->len += size;
	return 0;
}

static int pad4(struct cpio_writer *w)
{
	static const uint8_t zeros[3];

	return append(w, zeros, (4 - w->len % 4) % 4);
}

int cpio_write_entry(struct cpio_writer *w, const char *name, uint32_t mode, uint64_t mtime,
		     const void *data, size_t size)
{
	char header[111];
	size_t name_size = strlen(name) + 1;

	if (size > UINT32_MAX || name_size > UINT32_MAX)
		return -1;
	/* magic, ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor,
	 * rdevmajor, rdevminor, namesize, check */
	snprintf(header, sizeof(header),
		 "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", ++w->next_ino, mode,
		 0, 0, (mode & 0170000) == 0040000 ? 2 : 1, (uint32_t)mtime, (uint32_t)size, 0, 0, 0,
		 0, (uint32_t)name_size, 0);
	if (append(w, header, 110) || append(w, name, name_size) || pad4(w) ||
	    append(w, data, size) || pad4(w))
		return -1;
	return 0;
}

int cpio_write_trailer(struct cpio_writer *w)
{
	return cpio_write_entry(w, "TRAILER!!!", 0, 0, NULL, 0);
}

void cpio_writer_free(struct cpio_writer *w)
{
	free(w->buf);
	memset(w, 0, sizeof(*w));
}
