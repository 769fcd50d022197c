/* Loaded runtime images: the file's segments laid out as they run (zeros
 * between them and in .bss), and their SHA-256 for the deploy line.
 *
 * The first cVM of a runtime file gets its own copy in its region. From the
 * second on, the image comes from one sealed copy per file, a memfd that
 * can no longer change, mapped MAP_PRIVATE at the start of the region:
 * pages a cVM writes (relocations, data) become its own, the others stay
 * shared, so each further cVM costs only what it touches (50 hello pairs:
 * 0.85 MiB each instead of 1.0, and a third of the deploy time). A single
 * cVM does not pay for the memfd (a shmem page costs more than an anonymous
 * one to fill). Either way a file changed after the deploy changes no cVM.
 *
 * Images are known for the life of the monitor, keyed by the file's device,
 * inode, size and modification time. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
/* SHA256_Init and friends are deprecated in OpenSSL 3 but still there, and
 * the only way to the hash that skips the provider machinery: SHA256() in
 * OpenSSL 3 fetches the digest through the providers, loading the config
 * file and the error strings on first use (measured: 0.5 ms of a deploy). */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include "image.h"

struct image {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	int memfd; /* the sealed copy, once a second cVM asked; else -1 */
	size_t length; /* the image's span, page-rounded */
	uint8_t sha256[32];
	struct image *next;
};

static struct image *images;

static size_t page_round(size_t n)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	return (n + page - 1) & ~(page - 1);
}

static void hash(const void *data, size_t len, uint8_t sha256[32])
{
	SHA256_CTX sha;

	SHA256_Init(&sha);
	SHA256_Update(&sha, data, len);
	SHA256_Final(sha256, &sha);
}

/* img's sealed copy, from elf; its hash must be the one the first cVM's copy had. */
static int seal_copy(struct image *img, const struct elf_image *elf, char *err, size_t errlen)
{
	uint8_t sha256[32];
	void *at = MAP_FAILED;
	int fd = memfd_create("runtime-image", MFD_CLOEXEC | MFD_ALLOW_SEALING);

	if (fd < 0 || ftruncate(fd, (off_t)img->length) ||
	    (at = mmap(NULL, img->length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)) ==
		    MAP_FAILED) {
		snprintf(err, errlen, "a shared copy of its image: %s", strerror(errno));
		goto fail;
	}
	if (elf_load(elf, at, img->length, err, errlen))
		goto fail;
	hash(at, elf->span, sha256);
	munmap(at, img->length);
	at = MAP_FAILED;
	if (memcmp(sha256, img->sha256, sizeof(sha256))) {
		snprintf(err, errlen, "the file changed while the deployment read it");
		goto fail;
	}
	if (fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL)) {
		snprintf(err, errlen, "sealing the copy of its image: %s", strerror(errno));
		goto fail;
	}
	img->memfd = fd;
	return 0;
fail:
	if (at != MAP_FAILED)
		munmap(at, img->length);
	if (fd >= 0)
		close(fd);
	return -1;
}

static int same_file(const struct image *img, const struct stat *st)
{
	return img->dev == st->st_dev && img->ino == st->st_ino && img->size == st->st_size &&
	       img->mtime.tv_sec == st->st_mtim.tv_sec && img->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

/* The first cVM of a file: a copy in its fresh region, and the file noted. */
static int first_copy(const struct elf_image *elf, const struct stat *st, void *dest,
		      size_t dest_size, uint8_t sha256[32], char *err, size_t errlen)
{
	struct image *img = calloc(1, sizeof(*img));

	if (!img) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (elf_load(elf, dest, dest_size, err, errlen)) {
		free(img);
		return -1;
	}
	hash(dest, elf->span, img->sha256);
	memcpy(sha256, img->sha256, sizeof(img->sha256));
	img->dev = st->st_dev;
	img->ino = st->st_ino;
	img->size = st->st_size;
	img->mtime = st->st_mtim;
	img->memfd = -1;
	img->length = page_round(elf->span);
	img->next = images;
	images = img;
	return 0;
}

int image_map(const struct elf_image *elf, const struct stat *st, void *dest, size_t dest_size,
	      uint8_t sha256[32], char *err, size_t errlen)
{
	struct image *img;

	for (img = images; img && !same_file(img, st); img = img->next)
		;
	if (!img)
		return first_copy(elf, st, dest, dest_size, sha256, err, errlen);
	if (img->length > dest_size) {
		snprintf(err, errlen, "its image (0x%zx bytes) does not fit in 0x%zx", img->length,
			 dest_size);
		return -1;
	}
	if (img->memfd < 0 && seal_copy(img, elf, err, errlen))
		return -1;
	if (mmap(dest, img->length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, img->memfd,
		 0) == MAP_FAILED) {
		snprintf(err, errlen, "mapping its image: %s", strerror(errno));
		return -1;
	}
	memcpy(sha256, img->sha256, sizeof(img->sha256));
	return 0;
}
