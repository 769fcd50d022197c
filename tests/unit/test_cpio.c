/* Unit tests for libos/fs/cpio.c; archives are built here, plus one from the cpio tool. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <errno.h>
#include <cmocka.h>

/* After the host's <errno.h>: a value differing from Linux's would be a redefinition error. */
#include <libos/errno.h>
#include <libos/cpio.h>

enum { F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE, F_DEVMAJ, F_DEVMIN,
       F_RDEVMAJ, F_RDEVMIN, F_NAMESIZE, F_CHECK, F_COUNT };
#define FIELD_AT(header, field) ((header) + 6 + 8 * (field))

static const char *const all_reasons[] = {
	"bad magic", "truncated header", "bad hex digit in header", "bad file type in mode",
	"name size zero", "truncated name", "name not NUL-terminated", "NUL inside name",
	"empty name", "name contains '..' component", "truncated data", "symlink target empty",
	"NUL inside symlink target", "missing trailer",
};

struct archive {
	unsigned char *bytes;
	size_t len, cap;
	uint32_t next_ino;
};

static void put(struct archive *a, const void *src, size_t n)
{
	if (a->len + n > a->cap) {
		a->cap = (a->len + n) * 2 + 64;
		a->bytes = realloc(a->bytes, a->cap);
		assert_non_null(a->bytes);
	}
	if (n)
		memcpy(a->bytes + a->len, src, n);
	a->len += n;
}

static void pad(struct archive *a)
{
	static const char zeros[4];

	put(a, zeros, (4 - (a->len & 3)) & 3);
}

/* Appends an entry whose name is namesize bytes at name (NUL included); returns its offset. */
static size_t add_raw(struct archive *a, const char *magic, const char *name, size_t namesize,
		      uint32_t mode, const void *data, size_t size)
{
	int device = (mode & S_IFMT) == S_IFCHR || (mode & S_IFMT) == S_IFBLK;
	uint32_t field[F_COUNT] = {
		[F_INO] = ++a->next_ino, [F_MODE] = mode, [F_UID] = 1000, [F_GID] = 100,
		[F_NLINK] = S_ISDIR(mode) ? 2 : 1, [F_MTIME] = 0x5f5e1000, [F_FILESIZE] = size,
		[F_DEVMAJ] = 8, [F_DEVMIN] = 1, [F_RDEVMAJ] = device ? 4 : 0,
		[F_RDEVMIN] = device ? 64 : 0, [F_NAMESIZE] = namesize,
	};
	char text[111];
	size_t off = a->len;

	memcpy(text, magic, 6);
	for (int i = 0; i < F_COUNT; i++)
		snprintf(text + 6 + 8 * i, 9, "%08X", field[i]);
	put(a, text, 110);
	put(a, name, namesize);
	pad(a);
	put(a, data, size);
	pad(a);
	return off;
}

static size_t add(struct archive *a, const char *name, uint32_t mode, const char *data)
{
	return add_raw(a, "070701", name, strlen(name) + 1, mode, data, data ? strlen(data) : 0);
}

static size_t add_trailer(struct archive *a)
{
	return add(a, "TRAILER!!!", 0, NULL);
}

static void set_field(struct archive *a, size_t header_off, int field, uint32_t value)
{
	char digits[9];

	snprintf(digits, sizeof(digits), "%08x", value);
	memcpy(FIELD_AT(a->bytes + header_off, field), digits, 8);
}

#define MAX_SEEN 16
struct seen {
	int count;
	struct cpio_entry entry[MAX_SEEN];
	char name[MAX_SEEN][64];
};

static int record(const struct cpio_entry *entry, void *ctx)
{
	struct seen *seen = ctx;

	assert_true(seen->count < MAX_SEEN && entry->name_len < 64);
	seen->entry[seen->count] = *entry;
	memcpy(seen->name[seen->count], entry->name, entry->name_len);
	seen->name[seen->count][entry->name_len] = '\0';
	seen->count++;
	return 0;
}

static void check_entry(const struct seen *seen, int i, const char *name, uint32_t mode,
			const char *data)
{
	const struct cpio_entry *e = &seen->entry[i];

	assert_string_equal(seen->name[i], name);
	assert_int_equal(e->mode, mode);
	assert_int_equal(e->size, strlen(data));
	assert_memory_equal(e->data, data, e->size);
}

/* Parses a copy of exactly len bytes, so that ASan sees any read past the end. */
static int parse_copy(const void *src, size_t len, cpio_visit_fn visit, void *ctx,
		      struct cpio_error *err)
{
	unsigned char *copy = malloc(len ? len : 1);
	int ret;

	assert_non_null(copy);
	if (len)
		memcpy(copy, src, len);
	ret = cpio_parse(copy, len, visit, ctx, err);
	free(copy);
	return ret;
}

static void expect_error(struct archive *a, size_t len, size_t offset, const char *reason)
{
	struct cpio_error err = { 0 };
	struct seen seen = { 0 };

	assert_int_equal(parse_copy(a->bytes, len, record, &seen, &err), -EINVAL);
	assert_string_equal(err.reason, reason);
	assert_int_equal(err.offset, offset);
	assert_int_equal(seen.count, 0);
	free(a->bytes);
	*a = (struct archive){ 0 };
}

static void test_entries(void **state)
{
	struct archive a = { 0 };
	struct seen seen = { 0 };
	struct cpio_error err = { 0 };

	(void)state;
	add(&a, ".", S_IFDIR | 0755, NULL);
	add(&a, "dir", S_IFDIR | 0700, NULL);
	add(&a, "dir/file", S_IFREG | 0644, "hello\n");
	add(&a, "link", S_IFLNK | 0777, "dir/file");
	add(&a, "tty", S_IFCHR | 0620, NULL);
	add_raw(&a, "070702", "crc", 4, S_IFREG | 0600, "abcde", 5);
	add_trailer(&a);
	assert_int_equal(cpio_parse(a.bytes, a.len, record, &seen, &err), 0);
	assert_int_equal(seen.count, 6);
	check_entry(&seen, 0, "", S_IFDIR | 0755, "");
	check_entry(&seen, 1, "dir", S_IFDIR | 0700, "");
	check_entry(&seen, 2, "dir/file", S_IFREG | 0644, "hello\n");
	check_entry(&seen, 3, "link", S_IFLNK | 0777, "dir/file");
	check_entry(&seen, 4, "tty", S_IFCHR | 0620, "");
	check_entry(&seen, 5, "crc", S_IFREG | 0600, "abcde");
	assert_int_equal(seen.entry[1].nlink, 2);
	assert_int_equal(seen.entry[2].ino, 3);
	assert_int_equal(seen.entry[2].uid, 1000);
	assert_int_equal(seen.entry[2].gid, 100);
	assert_int_equal(seen.entry[2].nlink, 1);
	assert_int_equal(seen.entry[2].mtime, 0x5f5e1000);
	assert_int_equal(seen.entry[2].dev_major, 8);
	assert_int_equal(seen.entry[2].dev_minor, 1);
	assert_int_equal(seen.entry[4].rdev_major, 4);
	assert_int_equal(seen.entry[4].rdev_minor, 64);
	/* NULL visitor: only checks. */
	assert_int_equal(cpio_parse(a.bytes, a.len, NULL, NULL, NULL), 0);
	free(a.bytes);
}

static void test_names(void **state)
{
	static const char *const raw[] = { "./a", "/b", "//c/d", "./", "/", "./.", ".//e",
					   "f//g", "h/./i", "...", "..j", "k..", "l/" };
	static const char *const clean[] = { "a", "b", "c/d", "", "", "", "e", "f//g", "h/./i",
					     "...", "..j", "k..", "l/" };
	struct archive a = { 0 };
	struct seen seen = { 0 };

	(void)state;
	for (size_t i = 0; i < sizeof(raw) / sizeof(raw[0]); i++)
		add(&a, raw[i], S_IFDIR | 0755, NULL);
	add_trailer(&a);
	assert_int_equal(cpio_parse(a.bytes, a.len, record, &seen, NULL), 0);
	assert_int_equal(seen.count, sizeof(raw) / sizeof(raw[0]));
	for (int i = 0; i < seen.count; i++)
		assert_string_equal(seen.name[i], clean[i]);
	free(a.bytes);
}

/* Lower-case hex, bytes after the trailer, and a trailer without its padding are accepted. */
static void test_lenient(void **state)
{
	struct archive a = { 0 };
	struct seen seen = { 0 };
	size_t header;

	(void)state;
	header = add(&a, "f", S_IFREG | 0644, "x");
	set_field(&a, header, F_MTIME, 0xabcdef12);
	add_trailer(&a);
	put(&a, "junk after the trailer", 22);
	assert_int_equal(parse_copy(a.bytes, a.len, record, &seen, NULL), 0);
	assert_int_equal(seen.entry[0].mtime, 0xabcdef12);
	seen.count = 0;
	assert_int_equal(parse_copy(a.bytes, 116 + 110 + 11, record, &seen, NULL), 0);
	assert_int_equal(seen.count, 1);
	free(a.bytes);
}

static int stop_at_second(const struct cpio_entry *entry, void *ctx)
{
	int *visits = ctx;

	(void)entry;
	return ++*visits == 2 ? 7 : 0;
}

static void test_visitor_stops(void **state)
{
	struct archive a = { 0 };
	int visits = 0;

	(void)state;
	add(&a, "a", S_IFREG | 0644, "1");
	add(&a, "b", S_IFREG | 0644, "2");
	add(&a, "c", S_IFREG | 0644, "3");
	add_trailer(&a);
	assert_int_equal(cpio_parse(a.bytes, a.len, stop_at_second, &visits, NULL), 7);
	assert_int_equal(visits, 2);
	free(a.bytes);
}

static void test_rejections(void **state)
{
	struct archive a = { 0 };
	size_t h, second;

	(void)state;
	expect_error(&a, 0, 0, "missing trailer");

	add(&a, "a", S_IFREG | 0644, "data");
	expect_error(&a, a.len, a.len, "missing trailer");

	add(&a, "a", S_IFREG | 0644, "data");
	second = add(&a, "b", S_IFREG | 0644, "data");
	add_trailer(&a);
	memcpy(a.bytes + second, "070707", 6);
	expect_error(&a, a.len, second, "bad magic");

	add_trailer(&a);
	expect_error(&a, 109, 0, "truncated header");

	h = add(&a, "a", S_IFREG | 0644, NULL);
	add_trailer(&a);
	FIELD_AT(a.bytes + h, F_MTIME)[3] = 'g';
	expect_error(&a, a.len, 6 + 8 * F_MTIME + 3, "bad hex digit in header");

	h = add(&a, "a", S_IFREG | 0644, NULL);
	FIELD_AT(a.bytes + h, F_CHECK)[7] = ' ';
	expect_error(&a, a.len, 6 + 8 * F_CHECK + 7, "bad hex digit in header");

	h = add(&a, "a", S_IFREG | 0644, NULL);
	add_trailer(&a);
	set_field(&a, h, F_NAMESIZE, 0);
	expect_error(&a, a.len, 6 + 8 * F_NAMESIZE, "name size zero");

	h = add(&a, "a", S_IFREG | 0644, NULL);
	add_trailer(&a);
	set_field(&a, h, F_NAMESIZE, 0xffffffff);
	expect_error(&a, a.len, 110, "truncated name");

	add(&a, "ab", S_IFREG | 0644, NULL); /* name ends at 113, padding up to 116 cut off */
	expect_error(&a, 114, 110, "truncated name");

	add(&a, "abc", S_IFREG | 0644, NULL);
	add_trailer(&a);
	a.bytes[113] = 'x';
	expect_error(&a, a.len, 113, "name not NUL-terminated");

	add_raw(&a, "070701", "a\0b", 4, S_IFREG | 0644, NULL, 0);
	add_trailer(&a);
	expect_error(&a, a.len, 111, "NUL inside name");

	add_raw(&a, "070701", "", 1, S_IFREG | 0644, NULL, 0);
	add_trailer(&a);
	expect_error(&a, a.len, 110, "empty name");

	add(&a, "a/../b", S_IFREG | 0644, NULL);
	add_trailer(&a);
	expect_error(&a, a.len, 112, "name contains '..' component");
	add(&a, "..", S_IFDIR | 0755, NULL);
	add_trailer(&a);
	expect_error(&a, a.len, 110, "name contains '..' component");
	add(&a, "./..", S_IFDIR | 0755, NULL);
	add_trailer(&a);
	expect_error(&a, a.len, 112, "name contains '..' component");
	add(&a, "a/b/..", S_IFDIR | 0755, NULL);
	add_trailer(&a);
	expect_error(&a, a.len, 114, "name contains '..' component");

	add(&a, "a", 0644, NULL);
	add_trailer(&a);
	expect_error(&a, a.len, 6 + 8 * F_MODE, "bad file type in mode");
	add(&a, "a", 0x10000 | S_IFREG | 0644, NULL);
	add_trailer(&a);
	expect_error(&a, a.len, 6 + 8 * F_MODE, "bad file type in mode");

	h = add(&a, "a", S_IFREG | 0644, "data");
	add_trailer(&a);
	set_field(&a, h, F_FILESIZE, 0xffffffff);
	expect_error(&a, a.len, 112, "truncated data");
	add(&a, "a", S_IFREG | 0644, "12345"); /* data ends at 117, padding up to 120 cut off */
	expect_error(&a, 118, 112, "truncated data");

	add(&a, "l", S_IFLNK | 0777, NULL);
	add_trailer(&a);
	expect_error(&a, a.len, 112, "symlink target empty");
	add_raw(&a, "070701", "l", 2, S_IFLNK | 0777, "ab\0c", 4);
	add_trailer(&a);
	expect_error(&a, a.len, 114, "NUL inside symlink target");
}

static const char *known_reason(const char *reason)
{
	for (size_t i = 0; i < sizeof(all_reasons) / sizeof(all_reasons[0]); i++)
		if (reason && strcmp(reason, all_reasons[i]) == 0)
			return reason;
	return NULL;
}

static void sample_archive(struct archive *a)
{
	add(a, ".", S_IFDIR | 0755, NULL);
	add(a, "bin", S_IFDIR | 0755, NULL);
	add(a, "bin/sh", S_IFREG | 0755, "#!/bin/true\n");
	add(a, "etc/motd", S_IFREG | 0644, "hi");
	add(a, "sh", S_IFLNK | 0777, "bin/sh");
	add(a, "fifo", S_IFIFO | 0600, NULL);
	add_trailer(a);
}

static void test_truncated_everywhere(void **state)
{
	struct archive a = { 0 };
	size_t complete;

	(void)state;
	sample_archive(&a);
	complete = a.len - 124 + 110 + 11; /* the trailer's name ends here */
	for (size_t len = 0; len < a.len; len++) {
		struct cpio_error err = { 0 };
		struct seen seen = { 0 };
		int ret = parse_copy(a.bytes, len, record, &seen, &err);

		if (len >= complete) {
			assert_int_equal(ret, 0);
			assert_int_equal(seen.count, 6);
			continue;
		}
		assert_int_equal(ret, -EINVAL);
		assert_non_null(known_reason(err.reason));
		assert_true(err.offset <= len);
		assert_int_equal(seen.count, 0);
	}
	free(a.bytes);
}

/* Whatever a corrupted archive holds, every entry handed out must lie inside the buffer. */
struct bounds {
	const unsigned char *start;
	size_t len;
};

static int check_bounds(const struct cpio_entry *e, void *ctx)
{
	const struct bounds *b = ctx;
	const unsigned char *name = (const unsigned char *)e->name, *data = e->data;

	assert_true(name >= b->start && e->name_len <= b->len - (size_t)(name - b->start));
	assert_true(data >= b->start && e->size <= b->len - (size_t)(data - b->start));
	for (size_t i = 0; i + 1 < e->name_len; i++) {
		int starts = i == 0 || name[i - 1] == '/';
		int ends = i + 2 == e->name_len || name[i + 2] == '/';

		assert_false(starts && ends && name[i] == '.' && name[i + 1] == '.');
	}
	if ((e->mode & S_IFMT) == S_IFLNK)
		assert_true(e->size > 0 && !memchr(data, 0, e->size));
	return 0;
}

static void test_random_corruption(void **state)
{
	static const char interesting[] = "0123456789abcdefFgx/.\0 ";
	struct archive a = { 0 };
	uint64_t rng = 0x9e3779b97f4a7c15ull;
	int accepted = 0;

	(void)state;
	sample_archive(&a);
	for (int iter = 0; iter < 5000; iter++) {
		unsigned char *copy = malloc(a.len);
		size_t len = a.len;
		struct cpio_error err = { 0 };
		struct bounds b;
		int flips, ret;

		memcpy(copy, a.bytes, a.len);
		rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
		flips = 1 + rng % 4;
		for (int i = 0; i < flips; i++) {
			rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
			copy[(rng >> 8) % a.len] = rng & 1 ? (unsigned char)(rng >> 40)
							   : interesting[(rng >> 40) % 24];
		}
		if (rng & 0x10000)
			len = (rng >> 20) % a.len;
		b = (struct bounds){ copy, len };
		ret = cpio_parse(copy, len, check_bounds, &b, &err);
		if (ret == 0)
			accepted++;
		else
			assert_true(ret == -EINVAL && known_reason(err.reason) &&
				    err.offset <= len);
		free(copy);
	}
	assert_true(accepted > 0);
	free(a.bytes);
}

static void test_cpio_tool(void **state)
{
	char dir[] = "/tmp/test_cpio.XXXXXX", cmd[512], path[300];
	struct seen seen = { 0 };
	struct archive a = { 0 };
	FILE *file;
	size_t got;

	(void)state;
	if (access("/usr/bin/cpio", X_OK) != 0)
		skip();
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd),
		 "cd %s && mkdir root && cd root && printf 'a\\n' > f && chmod 644 f && "
		 "mkdir d && chmod 755 d && ln -s f l && "
		 "find . | LC_ALL=C sort | cpio -o -H newc --quiet > ../root.cpio",
		 dir);
	assert_int_equal(system(cmd), 0);
	snprintf(path, sizeof(path), "%s/root.cpio", dir);
	file = fopen(path, "rb");
	assert_non_null(file);
	for (unsigned char block[512]; (got = fread(block, 1, sizeof(block), file)) > 0;)
		put(&a, block, got);
	fclose(file);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);

	assert_int_equal(cpio_parse(a.bytes, a.len, record, &seen, NULL), 0);
	assert_int_equal(seen.count, 4);
	assert_string_equal(seen.name[0], "");
	assert_int_equal(seen.entry[0].mode & S_IFMT, S_IFDIR);
	check_entry(&seen, 1, "d", S_IFDIR | 0755, "");
	check_entry(&seen, 2, "f", S_IFREG | 0644, "a\n");
	check_entry(&seen, 3, "l", S_IFLNK | 0777, "f");
	assert_int_equal(seen.entry[2].uid, getuid());
	assert_int_equal(seen.entry[2].nlink, 1);
	free(a.bytes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_lenient),
		cmocka_unit_test(test_visitor_stops),
		cmocka_unit_test(test_rejections),
		cmocka_unit_test(test_truncated_everywhere),
		cmocka_unit_test(test_random_corruption),
		cmocka_unit_test(test_cpio_tool),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
