/*
 * newc cpio reader. Format: cpio(5) "New ASCII Format" and the kernel's
 * Documentation/driver-api/early-userspace/buffer-format.rst. Each entry is a 110-byte header
 * (6-byte magic, 13 fields of 8 hex digits), the name with its NUL padded so that header and
 * name end on a multiple of 4, then the data padded to a multiple of 4.
 */
#include <libos/cpio.h>
#include <libos/errno.h>
#include <libos/string.h>

#define CPIO_HEADER_SIZE 110
#define CPIO_MAGIC_SIZE 6
#define CPIO_FIELD_DIGITS 8
#define CPIO_TRAILER "TRAILER!!!"

enum cpio_field {
	FIELD_INO, FIELD_MODE, FIELD_UID, FIELD_GID, FIELD_NLINK, FIELD_MTIME, FIELD_FILESIZE,
	FIELD_DEV_MAJOR, FIELD_DEV_MINOR, FIELD_RDEV_MAJOR, FIELD_RDEV_MINOR, FIELD_NAMESIZE,
	FIELD_CHECK, FIELD_COUNT
};

#define FIELD_OFFSET(field) (CPIO_MAGIC_SIZE + (field) * CPIO_FIELD_DIGITS)

/* st_mode file types (the values are fixed by the format, as in Linux's stat.h). */
#define MODE_TYPE_MASK 0170000
#define MODE_SOCKET 0140000
#define MODE_SYMLINK 0120000
#define MODE_REGULAR 0100000
#define MODE_BLOCK 0060000
#define MODE_DIRECTORY 0040000
#define MODE_CHAR 0020000
#define MODE_FIFO 0010000
#define MODE_ALL_BITS 0177777

/* The complete set of reasons cpio_parse reports. */
#define ERR_BAD_MAGIC "bad magic"
#define ERR_TRUNCATED_HEADER "truncated header"
#define ERR_BAD_HEX "bad hex digit in header"
#define ERR_BAD_MODE "bad file type in mode"
#define ERR_NAME_SIZE_ZERO "name size zero"
#define ERR_TRUNCATED_NAME "truncated name"
#define ERR_NAME_NOT_TERMINATED "name not NUL-terminated"
#define ERR_NAME_HAS_NUL "NUL inside name"
#define ERR_NAME_EMPTY "empty name"
#define ERR_NAME_DOTDOT "name contains '..' component"
#define ERR_TRUNCATED_DATA "truncated data"
#define ERR_SYMLINK_EMPTY "symlink target empty"
#define ERR_SYMLINK_HAS_NUL "NUL inside symlink target"
#define ERR_MISSING_TRAILER "missing trailer"

static int fail(struct cpio_error *err, size_t offset, const char *reason)
{
	if (err) {
		err->offset = offset;
		err->reason = reason;
	}
	return -EINVAL;
}

/* Bytes of padding after offset to reach a multiple of 4 (offsets count from the archive start). */
static size_t pad4(size_t offset)
{
	return (4 - (offset & 3)) & 3;
}

/* Decodes all fields, so that the first bad digit in the header is the one reported. */
static int parse_fields(const unsigned char *header, size_t header_off,
			uint32_t fields[FIELD_COUNT], struct cpio_error *err)
{
	for (int field = 0; field < FIELD_COUNT; field++) {
		const unsigned char *digits = header + FIELD_OFFSET(field);
		uint32_t value = 0;

		for (int i = 0; i < CPIO_FIELD_DIGITS; i++) {
			unsigned int c = digits[i], lower = c | 0x20, digit;

			if (c >= '0' && c <= '9')
				digit = c - '0';
			else if (lower >= 'a' && lower <= 'f')
				digit = lower - 'a' + 10;
			else
				return fail(err, header_off + FIELD_OFFSET(field) + i, ERR_BAD_HEX);
			value = value << 4 | digit;
		}
		fields[field] = value;
	}
	return 0;
}

static int mode_ok(uint32_t mode)
{
	switch (mode & MODE_TYPE_MASK) {
	case MODE_SOCKET:
	case MODE_SYMLINK:
	case MODE_REGULAR:
	case MODE_BLOCK:
	case MODE_DIRECTORY:
	case MODE_CHAR:
	case MODE_FIFO:
		return (mode & ~(uint32_t)MODE_ALL_BITS) == 0;
	}
	return 0;
}

/*
 * Strips leading "/" and "./" (and a final lone "."), then refuses any ".." component so that
 * no entry can land outside the root it is unpacked into.
 */
static int clean_name(const char *name, size_t name_off, size_t *skip, size_t *clean_len,
		      struct cpio_error *err)
{
	size_t len = *clean_len, start = 0, i;

	while (start < len) {
		if (name[start] == '/')
			start++;
		else if (name[start] == '.' && (start + 1 == len || name[start + 1] == '/'))
			start += start + 1 == len ? 1 : 2;
		else
			break;
	}
	for (i = start; i < len; i++) {
		size_t end = i;

		while (end < len && name[end] != '/')
			end++;
		if (end - i == 2 && name[i] == '.' && name[i + 1] == '.')
			return fail(err, name_off + i, ERR_NAME_DOTDOT);
		i = end;
	}
	*skip = start;
	*clean_len = len - start;
	return 0;
}

/*
 * Checks the entry at *off and advances *off past it. Returns 1 at the trailer, 0 for an
 * ordinary entry (filled into *entry), or -EINVAL.
 */
static int parse_entry(const unsigned char *archive, size_t len, size_t *off,
		       struct cpio_entry *entry, struct cpio_error *err)
{
	const unsigned char *header;
	uint32_t fields[FIELD_COUNT];
	size_t name_off, name_len, name_end, data_off, data_end, skip, i;
	int ret;

	if (*off == len)
		return fail(err, len, ERR_MISSING_TRAILER);
	if (len - *off < CPIO_HEADER_SIZE)
		return fail(err, *off, ERR_TRUNCATED_HEADER);
	header = archive + *off;
	/* "070702" is the same layout with a checksum of the data, which is not checked. */
	if (memcmp(header, "07070", 5) != 0 || (header[5] != '1' && header[5] != '2'))
		return fail(err, *off, ERR_BAD_MAGIC);
	ret = parse_fields(header, *off, fields, err);
	if (ret)
		return ret;

	name_off = *off + CPIO_HEADER_SIZE;
	if (fields[FIELD_NAMESIZE] == 0)
		return fail(err, *off + FIELD_OFFSET(FIELD_NAMESIZE), ERR_NAME_SIZE_ZERO);
	if (fields[FIELD_NAMESIZE] > len - name_off)
		return fail(err, name_off, ERR_TRUNCATED_NAME);
	name_len = fields[FIELD_NAMESIZE] - 1;
	name_end = name_off + name_len + 1;
	if (archive[name_off + name_len] != '\0')
		return fail(err, name_off + name_len, ERR_NAME_NOT_TERMINATED);
	for (i = 0; i < name_len; i++)
		if (archive[name_off + i] == '\0')
			return fail(err, name_off + i, ERR_NAME_HAS_NUL);
	/* Checked before the padding: an archive may end right after the trailer's name. */
	if (name_len + 1 == sizeof(CPIO_TRAILER) &&
	    memcmp(archive + name_off, CPIO_TRAILER, name_len) == 0)
		return 1;
	if (pad4(name_end) > len - name_end)
		return fail(err, name_off, ERR_TRUNCATED_NAME);
	if (name_len == 0)
		return fail(err, name_off, ERR_NAME_EMPTY);
	ret = clean_name((const char *)archive + name_off, name_off, &skip, &name_len, err);
	if (ret)
		return ret;
	if (!mode_ok(fields[FIELD_MODE]))
		return fail(err, *off + FIELD_OFFSET(FIELD_MODE), ERR_BAD_MODE);

	data_off = name_end + pad4(name_end);
	if (fields[FIELD_FILESIZE] > len - data_off)
		return fail(err, data_off, ERR_TRUNCATED_DATA);
	data_end = data_off + fields[FIELD_FILESIZE];
	if (pad4(data_end) > len - data_end)
		return fail(err, data_off, ERR_TRUNCATED_DATA);
	if ((fields[FIELD_MODE] & MODE_TYPE_MASK) == MODE_SYMLINK) {
		if (fields[FIELD_FILESIZE] == 0)
			return fail(err, data_off, ERR_SYMLINK_EMPTY);
		for (i = data_off; i < data_end; i++)
			if (archive[i] == '\0')
				return fail(err, i, ERR_SYMLINK_HAS_NUL);
	}

	*entry = (struct cpio_entry){
		.name = (const char *)archive + name_off + skip,
		.name_len = name_len,
		.mode = fields[FIELD_MODE],
		.uid = fields[FIELD_UID],
		.gid = fields[FIELD_GID],
		.nlink = fields[FIELD_NLINK],
		.mtime = fields[FIELD_MTIME],
		.ino = fields[FIELD_INO],
		.dev_major = fields[FIELD_DEV_MAJOR],
		.dev_minor = fields[FIELD_DEV_MINOR],
		.rdev_major = fields[FIELD_RDEV_MAJOR],
		.rdev_minor = fields[FIELD_RDEV_MINOR],
		.data = archive + data_off,
		.size = fields[FIELD_FILESIZE],
	};
	*off = data_end + pad4(data_end);
	return 0;
}

/* With visit NULL, only checks the archive. */
static int walk(const unsigned char *archive, size_t len, cpio_visit_fn visit, void *ctx,
		struct cpio_error *err)
{
	struct cpio_entry entry;
	size_t off = 0;
	int ret;

	while ((ret = parse_entry(archive, len, &off, &entry, err)) == 0) {
		if (visit) {
			ret = visit(&entry, ctx);
			if (ret)
				return ret;
		}
	}
	return ret < 0 ? ret : 0;
}

int cpio_parse(const void *buf, size_t len, cpio_visit_fn visit, void *ctx,
	       struct cpio_error *err)
{
	int ret = walk(buf, len, NULL, NULL, err);

	if (ret || !visit)
		return ret;
	return walk(buf, len, visit, ctx, err);
}
