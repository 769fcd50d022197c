/* Runtime images, copied or mapped from a sealed shared copy (monitor/image.c). */
#ifndef MONITOR_IMAGE_H
#define MONITOR_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include "elf.h"

/* Put the image of elf, parsed from the file st describes, at dest
 * (dest_size bytes of fresh, page-aligned memory) and give its SHA-256: a
 * copy the first time that file (same device, inode, size and time) is
 * asked for, a private mapping of its sealed copy after that. 0, or -1 with
 * the reason in err. */
int image_map(const struct elf_image *elf, const struct stat *st, void *dest, size_t dest_size,
	      uint8_t sha256[32], char *err, size_t errlen);

#endif
