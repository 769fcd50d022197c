/* Unit tests for monitor/config.c: one valid deployment checked field by
 * field, then one test per rejected input, each pinning the exact message. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"

#define PATH "apps/x.yaml"

/* Lines 1-12; a second cVM appended to it starts at line 13. */
#define LIBOS_CVM                   \
	"---\n"                     \
	"cVMs:\n"                   \
	"- name: libos\n"           \
	"  runtime: libos.so\n"     \
	"  disk: root.cpio\n"       \
	"  isolation:\n"            \
	"  - base:  0x400000000\n"  \
	"    size:  0x040000000\n"  \
	"    begin: 0x400000000\n"  \
	"    end:   0x440000000\n"  \
	"  callback_out: monitor\n" \
	"  wait: -1\n"

/* Lines 13-16 of a musl cVM ... */
#define MUSL_HEAD                    \
	"- name: musl\n"             \
	"  runtime: libc.so\n"       \
	"  callback_out: libos.so\n" \
	"  isolation:\n"

/* ... lines 17-18; tests add their line 19. */
#define MUSL_REGION                \
	"  - base: 0x440000000\n" \
	"    size: 0x40000000\n"

/* Lines 14-18: a musl cVM without its name. */
#define REST_OF_MUSL "  runtime: libc.so\n  callback_out: libos.so\n  isolation:\n" MUSL_REGION

static const char example[] = LIBOS_CVM
	"- name: musl\n"
	"  runtime: libc.so\n"
	"  args: /ld.so /app/main   # a comment\n"
	"  isolation:\n"
	"  - base:  0x440000000\n"
	"    size:  0x040000000\n"
	"    begin: 0x440000000\n"
	"    end:   0x480000000\n"
	"  callback_out: libos.so\n"
	"  wait: -1\n";

static void assert_empty(const struct config *cfg)
{
	assert_int_equal(cfg->ncvms, 0);
	assert_null(cfg->cvms);
}

static void check_error_at(const char *path, const char *yaml, size_t len, const char *message)
{
	struct config cfg;
	char err[512] = "";

	assert_int_equal(config_parse(yaml, len, path, &cfg, err, sizeof(err)), -1);
	assert_string_equal(err, message);
	assert_empty(&cfg);
	config_free(&cfg);
}

static void check_error(const char *yaml, const char *message)
{
	check_error_at(PATH, yaml, strlen(yaml), message);
}

static void test_valid_example(void **state)
{
	struct config cfg;
	const struct cvm_config *libos, *musl;
	char err[512] = "";

	(void)state;
	assert_int_equal(config_parse(example, strlen(example), PATH, &cfg, err, sizeof(err)), 0);
	assert_string_equal(err, "");
	assert_string_equal(cfg.path, PATH);
	assert_int_equal(cfg.ncvms, 2);

	libos = &cfg.cvms[0];
	assert_string_equal(libos->name, "libos");
	assert_string_equal(libos->runtime, "apps/libos.so");
	assert_string_equal(libos->runtime_name, "libos.so");
	assert_int_equal(libos->argc, 0);
	assert_null(libos->argv[0]);
	assert_int_equal(libos->base, 0x400000000);
	assert_int_equal(libos->size, 0x40000000);
	assert_int_equal(libos->begin, 0x400000000);
	assert_int_equal(libos->end, 0x440000000);
	assert_string_equal(libos->callback_out, "monitor");
	assert_int_equal(libos->callback_out_index, -1);
	assert_int_equal(libos->wait, -1);
	assert_string_equal(libos->disk, "apps/root.cpio");
	assert_string_equal(libos->callback_in, "");
	assert_string_equal(libos->net, "");
	assert_int_equal(libos->clean_room, 0);
	assert_int_equal(libos->line, 3);

	musl = &cfg.cvms[1];
	assert_string_equal(musl->name, "musl");
	assert_string_equal(musl->runtime, "apps/libc.so");
	assert_string_equal(musl->runtime_name, "libc.so");
	assert_int_equal(musl->argc, 2);
	assert_string_equal(musl->argv[0], "/ld.so");
	assert_string_equal(musl->argv[1], "/app/main");
	assert_null(musl->argv[2]);
	assert_int_equal(musl->base, 0x440000000);
	assert_int_equal(musl->size, 0x40000000);
	assert_int_equal(musl->begin, 0x440000000);
	assert_int_equal(musl->end, 0x480000000);
	assert_string_equal(musl->callback_out, "libos.so");
	assert_int_equal(musl->callback_out_index, 0);
	assert_int_equal(musl->wait, -1);
	assert_string_equal(musl->disk, "");
	assert_string_equal(musl->callback_in, "");
	assert_string_equal(musl->net, "");
	assert_int_equal(musl->clean_room, 0);
	assert_int_equal(musl->line, 13);

	config_free(&cfg);
	assert_empty(&cfg);
}

static void test_defaults_and_optional_keys(void **state)
{
	static const char yaml[] = "cVMs:\n"
				   "- name: a.b-c_1\n"
				   "  runtime: /opt/uni/libc.so\n"
				   "  args: \"\\tx  y\\t\"\n"
				   "  isolation: [{base: 4096, size: 0x2000, end: 0x2000}]\n"
				   "  callback_out: monitor\n"
				   "  wait: 5\n"
				   "  callback_in: in\n"
				   "  net: tap0\n"
				   "  clean_room: true\n";
	struct config cfg;
	char err[512] = "";

	(void)state;
	assert_int_equal(config_parse(yaml, strlen(yaml), "x.yaml", &cfg, err, sizeof(err)), 0);
	assert_int_equal(cfg.ncvms, 1);
	assert_string_equal(cfg.cvms[0].runtime, "/opt/uni/libc.so");
	assert_string_equal(cfg.cvms[0].runtime_name, "libc.so");
	assert_int_equal(cfg.cvms[0].argc, 2);
	assert_string_equal(cfg.cvms[0].argv[0], "x");
	assert_string_equal(cfg.cvms[0].argv[1], "y");
	assert_int_equal(cfg.cvms[0].begin, 0x1000);
	assert_int_equal(cfg.cvms[0].end, 0x2000);
	assert_int_equal(cfg.cvms[0].wait, 5);
	assert_string_equal(cfg.cvms[0].callback_in, "in");
	assert_string_equal(cfg.cvms[0].net, "tap0");
	assert_int_equal(cfg.cvms[0].clean_room, 1);
	config_free(&cfg);
}

static void test_relative_paths(void **state)
{
	static const char yaml[] = "cVMs:\n"
				   "- name: libos\n"
				   "  runtime: lib/libos.so\n"
				   "  disk: ../root.cpio\n"
				   "  isolation: [{base: 0x1000, size: 0x1000}]\n"
				   "  callback_out: monitor\n"
				   "- name: app\n"
				   "  runtime: libc.so\n"
				   "  disk: /abs/disk.img\n"
				   "  isolation: [{base: 0x2000, size: 0x1000}]\n"
				   "  callback_out: libos.so\n";
	char dir[] = "/tmp/test_config.XXXXXX", file[64], expected[128], err[512] = "";
	struct config cfg;
	FILE *out;

	(void)state;
	assert_int_equal(config_parse(yaml, strlen(yaml), "/srv/apps/d.yaml", &cfg, err,
				      sizeof(err)),
			 0);
	assert_string_equal(cfg.cvms[0].runtime, "/srv/apps/lib/libos.so");
	assert_string_equal(cfg.cvms[0].runtime_name, "libos.so");
	assert_string_equal(cfg.cvms[0].disk, "/srv/apps/../root.cpio");
	assert_string_equal(cfg.cvms[1].runtime, "/srv/apps/libc.so");
	assert_string_equal(cfg.cvms[1].disk, "/abs/disk.img");
	assert_int_equal(cfg.cvms[1].callback_out_index, 0);
	config_free(&cfg);

	/* No directory in the path: relative to the current one. */
	assert_int_equal(config_parse(yaml, strlen(yaml), "d.yaml", &cfg, err, sizeof(err)), 0);
	assert_string_equal(cfg.cvms[0].runtime, "lib/libos.so");
	assert_string_equal(cfg.cvms[0].disk, "../root.cpio");
	config_free(&cfg);

	/* The same through config_load and a real file. */
	assert_non_null(mkdtemp(dir));
	snprintf(file, sizeof(file), "%s/d.yaml", dir);
	out = fopen(file, "w");
	assert_non_null(out);
	assert_int_equal(fwrite(yaml, 1, strlen(yaml), out), strlen(yaml));
	assert_int_equal(fclose(out), 0);
	assert_int_equal(config_load(file, &cfg, err, sizeof(err)), 0);
	snprintf(expected, sizeof(expected), "%s/lib/libos.so", dir);
	assert_string_equal(cfg.cvms[0].runtime, expected);
	config_free(&cfg);
	assert_int_equal(unlink(file), 0);
	assert_int_equal(rmdir(dir), 0);
}

static void test_load_missing_file(void **state)
{
	struct config cfg;
	char err[512] = "";

	(void)state;
	assert_int_equal(config_load("/nonexistent/x.yaml", &cfg, err, sizeof(err)), -1);
	assert_string_equal(err, "/nonexistent/x.yaml: No such file or directory");
	assert_empty(&cfg);
	assert_int_equal(config_load("/", &cfg, err, sizeof(err)), -1);
	assert_string_equal(err, "/: Is a directory");
	assert_empty(&cfg);
}

static void test_syntax_errors(void **state)
{
	(void)state;
	check_error("cVMs:\n- name: a\n  runtime: [x\n",
		    PATH ":4: syntax error: did not find expected ',' or ']'");
	check_error("cVMs:\n  - a\n b: c\n", PATH ":3: syntax error: did not find expected key");
	check_error("cVMs: *nowhere\n", PATH ":1: syntax error: found undefined alias");
	check_error("cVMs:\n- name: \xff\n", PATH ":2: syntax error: invalid leading UTF-8 octet");
	check_error_at(PATH, "cVMs:\n\n- \0", 10,
		       PATH ":3: syntax error: control characters are not allowed");
}

static void test_empty_file(void **state)
{
	(void)state;
	check_error("", PATH ":1: empty file");
	check_error("# nothing here\n\n", PATH ":1: empty file");
	check_error("---\n", PATH ":1: empty file");
}

static void test_top_level(void **state)
{
	(void)state;
	check_error("- a\n- b\n", PATH ":1: the top level must be a mapping");
	check_error("cVMs: []\nextra: 1\n",
		    PATH ":2: unknown key 'extra' in the top-level mapping");
	check_error("cVMs: []\ncVMs: []\n",
		    PATH ":2: duplicate key 'cVMs' in the top-level mapping");
	check_error("{}\n", PATH ":1: missing required key 'cVMs' in the top-level mapping");
	check_error("cVMs: {}\n", PATH ":1: 'cVMs' must be a sequence");
	check_error("cVMs:\n", PATH ":1: 'cVMs' must be a sequence");
	check_error("cVMs: []\n", PATH ":1: 'cVMs' is empty");
	check_error("cVMs:\n- just a string\n", PATH ":2: cVM #1 must be a mapping");
	check_error("cVMs:\n- ? [a]\n  : b\n", PATH ":2: non-string key in cVM #1");
	check_error(LIBOS_CVM "---\ncVMs: []\n", PATH ":14: more than one YAML document");
}

static void test_unknown_and_duplicate_keys(void **state)
{
	(void)state;
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "  foo: 1\n",
		    PATH ":19: unknown key 'foo' in cVM 'musl'");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "  runtime: libc.so\n",
		    PATH ":19: duplicate key 'runtime' in cVM 'musl'");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "    color: blue\n",
		    PATH ":19: unknown key 'color' in isolation of cVM 'musl'");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "    base: 0\n",
		    PATH ":19: duplicate key 'base' in isolation of cVM 'musl'");
}

static void test_missing_keys(void **state)
{
	(void)state;
	check_error(LIBOS_CVM "- runtime: libc.so\n  callback_out: libos.so\n  isolation:\n"
		    MUSL_REGION,
		    PATH ":13: missing required key 'name' in cVM #2");
	check_error(LIBOS_CVM "- name: musl\n  callback_out: libos.so\n  isolation:\n" MUSL_REGION,
		    PATH ":13: missing required key 'runtime' in cVM 'musl'");
	check_error(LIBOS_CVM "- name: musl\n  runtime: libc.so\n  callback_out: libos.so\n",
		    PATH ":13: missing required key 'isolation' in cVM 'musl'");
	check_error(LIBOS_CVM "- name: musl\n  runtime: libc.so\n  isolation:\n" MUSL_REGION,
		    PATH ":13: missing required key 'callback_out' in cVM 'musl'");
	check_error(LIBOS_CVM MUSL_HEAD "  - base: 0x440000000\n",
		    PATH ":17: missing required key 'size' in isolation of cVM 'musl'");
	check_error(LIBOS_CVM MUSL_HEAD "  - size: 0x1000\n",
		    PATH ":17: missing required key 'base' in isolation of cVM 'musl'");
}

static void test_wrong_node_types(void **state)
{
	(void)state;
	check_error(LIBOS_CVM "- name: {first: musl}\n" REST_OF_MUSL,
		    PATH ":13: cVM #2: 'name' must be 1 to 63 characters of [A-Za-z0-9._-]");
	check_error(LIBOS_CVM "- name: mu/sl\n" REST_OF_MUSL,
		    PATH ":13: cVM #2: 'name' must be 1 to 63 characters of [A-Za-z0-9._-]");
	check_error(LIBOS_CVM "- name: \"\"\n" REST_OF_MUSL,
		    PATH ":13: cVM #2: 'name' must be 1 to 63 characters of [A-Za-z0-9._-]");
	check_error(LIBOS_CVM "- name: musl\n  runtime: [libc.so]\n  callback_out: libos.so\n"
			      "  isolation:\n" MUSL_REGION,
		    PATH ":14: cVM 'musl': 'runtime' must be a string");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "  args: [a, b]\n",
		    PATH ":19: cVM 'musl': 'args' must be a string");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "  wait: [1]\n",
		    PATH ":19: cVM 'musl': 'wait' must be a number");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "  clean_room: maybe\n",
		    PATH ":19: cVM 'musl': 'clean_room' must be true, false or a non-negative "
			 "integer");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "  net: \"a\\0b\"\n",
		    PATH ":19: cVM 'musl': 'net' contains a NUL byte");
	check_error(LIBOS_CVM MUSL_HEAD "  - [0x440000000, 0x1000]\n",
		    PATH ":17: cVM 'musl': 'isolation' entry must be a mapping");
}

static void test_isolation_not_a_list(void **state)
{
	(void)state;
	check_error(LIBOS_CVM MUSL_HEAD "    base: 0x440000000\n    size: 0x1000\n",
		    PATH ":17: cVM 'musl': 'isolation' must be a sequence of one mapping");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "  - base: 0x500000000\n    size: 0x1000\n",
		    PATH ":17: cVM 'musl': 'isolation' must have exactly one entry, not 2");
}

static void test_duplicate_name(void **state)
{
	(void)state;
	check_error(LIBOS_CVM "- name: libos\n  runtime: libc.so\n  callback_out: libos.so\n"
			      "  isolation:\n" MUSL_REGION,
		    PATH ":13: cVM 'libos': name already used by the cVM at line 3");
}

static void test_overlap(void **state)
{
	(void)state;
	check_error(LIBOS_CVM MUSL_HEAD "  - base: 0x43ffff000\n    size: 0x2000\n",
		    PATH ":17: cVM 'musl': region 0x43ffff000-0x440001000 overlaps region "
			 "0x400000000-0x440000000 of cVM 'libos'");
}

static void test_numbers(void **state)
{
	(void)state;
	check_error(LIBOS_CVM MUSL_HEAD "  - base: 0x440000001\n    size: 0x1000\n",
		    PATH ":17: cVM 'musl': 'base' 0x440000001 is not a multiple of 4096");
	check_error(LIBOS_CVM MUSL_HEAD "  - base: 0x440000000\n    size: 0x1800\n",
		    PATH ":18: cVM 'musl': 'size' 0x1800 is not a multiple of 4096");
	check_error(LIBOS_CVM MUSL_HEAD "  - base: 0x440000000\n    size: 0\n",
		    PATH ":18: cVM 'musl': 'size' must not be 0");
	check_error(LIBOS_CVM MUSL_HEAD "  - base: 0x12g\n    size: 0x1000\n",
		    PATH ":17: cVM 'musl': 'base' is not a number: '0x12g'");
	check_error(LIBOS_CVM MUSL_HEAD "  - base: -4096\n    size: 0x1000\n",
		    PATH ":17: cVM 'musl': 'base' is not a number: '-4096'");
	check_error(LIBOS_CVM MUSL_HEAD "  - base: 0x440000000\n    size: 18446744073709551616\n",
		    PATH ":18: cVM 'musl': 'size' is out of range: '18446744073709551616'");
	check_error(LIBOS_CVM MUSL_HEAD "  - base: 0xfffffffffffff000\n    size: 0x2000\n",
		    PATH ":18: cVM 'musl': region 0xfffffffffffff000 + 0x2000 overflows 64 bits");
	check_error(LIBOS_CVM MUSL_HEAD "  - base: 0x7ffffffff000\n    size: 0x2000\n",
		    PATH ":18: cVM 'musl': region 0x7ffffffff000-0x800000001000 reaches beyond the "
			 "end of user space 0x800000000000");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "  wait: 9223372036854775808\n",
		    PATH ":19: cVM 'musl': 'wait' is out of range: '9223372036854775808'");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "  wait: soon\n",
		    PATH ":19: cVM 'musl': 'wait' is not a number: 'soon'");
}

static void test_begin_end(void **state)
{
	(void)state;
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "    begin: 0x43ffff000\n",
		    PATH ":19: cVM 'musl': 'begin' 0x43ffff000 is outside the region "
			 "0x440000000-0x480000000");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "    end: 0x480001000\n",
		    PATH ":19: cVM 'musl': 'end' 0x480001000 is outside the region "
			 "0x440000000-0x480000000");
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "    begin: 0x450000000\n"
						   "    end: 0x448000000\n",
		    PATH ":19: cVM 'musl': 'begin' 0x450000000 is after 'end' 0x448000000");
}

static void test_callback_out(void **state)
{
	(void)state;
	check_error(LIBOS_CVM "- name: musl\n  runtime: libc.so\n  callback_out: libx.so\n"
			      "  isolation:\n" MUSL_REGION,
		    PATH ":15: cVM 'musl': callback_out 'libx.so' is neither 'monitor' nor the "
			 "runtime of a cVM");
	check_error(LIBOS_CVM "- name: musl\n  runtime: libc.so\n  callback_out: libc.so\n"
			      "  isolation:\n" MUSL_REGION,
		    PATH ":15: cVM 'musl': callback_out 'libc.so' is its own runtime");
	check_error(LIBOS_CVM "- name: musl\n  runtime: libc.so\n  callback_out: \"\"\n"
			      "  isolation:\n" MUSL_REGION,
		    PATH ":15: cVM 'musl': 'callback_out' is empty");
	check_error("cVMs:\n"
		    "- {name: a, runtime: x.so, callback_out: monitor, isolation: [{base: 0x1000, "
		    "size: 0x1000}]}\n"
		    "- {name: b, runtime: x.so, callback_out: monitor, isolation: [{base: 0x2000, "
		    "size: 0x1000}]}\n"
		    "- {name: c, runtime: c.so, callback_out: x.so, isolation: [{base: 0x3000, "
		    "size: 0x1000}]}\n",
		    PATH ":4: cVM 'c': callback_out 'x.so' is the runtime of both cVM 'a' and "
			 "cVM 'b'");
}

static void test_args_limits(void **state)
{
	char yaml[8192], *p;
	int i;

	(void)state;
	p = yaml + sprintf(yaml, LIBOS_CVM MUSL_HEAD MUSL_REGION "  args:");
	for (i = 0; i < CONFIG_MAX_ARGS + 1; i++)
		p += sprintf(p, " a%d", i);
	strcpy(p, "\n");
	check_error(yaml, PATH ":19: cVM 'musl': too many args (limit CONFIG_MAX_ARGS = 64)");

	p = yaml + sprintf(yaml, LIBOS_CVM MUSL_HEAD MUSL_REGION "  args: /ld.so ");
	memset(p, 'x', 256);
	strcpy(p + 256, "\n");
	check_error(yaml, PATH ":19: cVM 'musl': arg 2 is 256 bytes long (limit "
			       "CONFIG_MAX_ARG_LEN = 255)");

	p = yaml + sprintf(yaml, LIBOS_CVM MUSL_HEAD MUSL_REGION "  args:");
	for (i = 0; i < 17; i++) {
		*p++ = ' ';
		memset(p, 'a' + i, 250);
		p += 250;
	}
	strcpy(p, "\n");
	check_error(yaml, PATH ":19: cVM 'musl': args take more than 4096 bytes with their NULs "
			       "(limit CONFIG_MAX_ARGS_SIZE)");
}

static void test_too_many_cvms(void **state)
{
	char *yaml = malloc(64 * 1024), *p = yaml;
	int i;

	(void)state;
	assert_non_null(yaml);
	p += sprintf(p, "cVMs:\n");
	for (i = 0; i < CONFIG_MAX_CVMS + 1; i++)
		p += sprintf(p,
			     "- {name: c%d, runtime: c%d.so, callback_out: monitor, isolation: "
			     "[{base: 0x%x000, size: 0x1000}]}\n",
			     i, i, i + 1);
	char want[128];
	snprintf(want, sizeof(want), PATH ":%d: too many cVMs: %d (limit CONFIG_MAX_CVMS = %d)",
		 CONFIG_MAX_CVMS + 2, CONFIG_MAX_CVMS + 1, CONFIG_MAX_CVMS);
	check_error(yaml, want);
	free(yaml);
}

/* The LibOS cVM with "  mounts:" at line 13 and the given entries from line 14, then musl. */
#define WITH_MOUNTS(entries) LIBOS_CVM "  mounts:\n" entries MUSL_HEAD MUSL_REGION

static void test_mounts(void **state)
{
	static const char yaml[] = WITH_MOUNTS("  - host: data\n"
					       "    guest: /data/\n"
					       "  - {host: /srv/ro, guest: //srv//ro, mode: ro}\n"
					       "  - host: ../rw\n"
					       "    guest: /rw\n"
					       "    mode: rw\n");
	char err[512] = "";
	struct config cfg;

	(void)state;
	assert_int_equal(config_parse(yaml, strlen(yaml), PATH, &cfg, err, sizeof(err)), 0);
	assert_string_equal(err, "");
	assert_int_equal(cfg.cvms[0].nmounts, 3);
	assert_string_equal(cfg.cvms[0].mounts[0].host, "apps/data");
	assert_string_equal(cfg.cvms[0].mounts[0].guest, "/data");
	assert_int_equal(cfg.cvms[0].mounts[0].read_only, 0);
	assert_int_equal(cfg.cvms[0].mounts[0].line, 14);
	assert_string_equal(cfg.cvms[0].mounts[1].host, "/srv/ro");
	assert_string_equal(cfg.cvms[0].mounts[1].guest, "/srv/ro");
	assert_int_equal(cfg.cvms[0].mounts[1].read_only, 1);
	assert_int_equal(cfg.cvms[0].mounts[1].line, 16);
	assert_string_equal(cfg.cvms[0].mounts[2].host, "apps/../rw");
	assert_string_equal(cfg.cvms[0].mounts[2].guest, "/rw");
	assert_int_equal(cfg.cvms[0].mounts[2].read_only, 0);
	assert_int_equal(cfg.cvms[1].nmounts, 0);
	assert_null(cfg.cvms[1].mounts);
	config_free(&cfg);
	assert_empty(&cfg);

	/* An empty sequence is no mount at all. */
	static const char none[] = LIBOS_CVM "  mounts: []\n" MUSL_HEAD MUSL_REGION;
	assert_int_equal(config_parse(none, strlen(none), PATH, &cfg, err, sizeof(err)), 0);
	assert_int_equal(cfg.cvms[0].nmounts, 0);
	config_free(&cfg);
}

static void test_mount_errors(void **state)
{
	char yaml[8192], *p;

	(void)state;
	check_error(WITH_MOUNTS("  - {host: d, guest: /d, mode: rx}\n"),
		    PATH ":14: cVM 'libos': mount #1: 'mode' must be ro or rw, not 'rx'");
	check_error(WITH_MOUNTS("  - {host: d, guest: /d, mode: [ro]}\n"),
		    PATH ":14: cVM 'libos': mount #1: 'mode' must be ro or rw, "
			 "not '(not a string)'");
	check_error(WITH_MOUNTS("  - {host: d, guest: data}\n"),
		    PATH ":14: cVM 'libos': mount #1: 'guest' must be an absolute path: "
			 "'data'");
	check_error(WITH_MOUNTS("  - {host: d, guest: ///}\n"),
		    PATH ":14: cVM 'libos': mount #1: 'guest' must not be the root directory: "
			 "'///'");
	check_error(WITH_MOUNTS("  - {host: d, guest: /a/../b}\n"),
		    PATH ":14: cVM 'libos': mount #1: 'guest' must not have a '.' or '..' "
			 "component: '/a/../b'");
	check_error(WITH_MOUNTS("  - {host: d, guest: /a/.}\n"),
		    PATH ":14: cVM 'libos': mount #1: 'guest' must not have a '.' or '..' "
			 "component: '/a/.'");
	check_error(WITH_MOUNTS("  - {host: \"\", guest: /d}\n"),
		    PATH ":14: cVM 'libos': mount #1: 'host' is empty");
	check_error(WITH_MOUNTS("  - {host: d}\n"),
		    PATH ":14: missing required key 'guest' in mount #1 of cVM 'libos'");
	check_error(WITH_MOUNTS("  - {guest: /d}\n"),
		    PATH ":14: missing required key 'host' in mount #1 of cVM 'libos'");
	check_error(WITH_MOUNTS("  - {host: d, guest: /d}\n  - {host: e, guest: /e, size: 1}\n"),
		    PATH ":15: unknown key 'size' in mount #2 of cVM 'libos'");
	check_error(WITH_MOUNTS("  - {host: d, host: e, guest: /d}\n"),
		    PATH ":14: duplicate key 'host' in mount #1 of cVM 'libos'");
	check_error(LIBOS_CVM "  mounts: {host: d, guest: /d}\n" MUSL_HEAD MUSL_REGION,
		    PATH ":13: cVM 'libos': 'mounts' must be a sequence of mappings");
	check_error(WITH_MOUNTS("  - d\n"), PATH ":14: cVM 'libos': mount #1 must be a mapping");
	check_error(WITH_MOUNTS("  - {host: d, guest: /a}\n  - {host: e, guest: /a/b}\n"),
		    PATH ":15: cVM 'libos': mount #2: 'guest' /a/b is inside the guest /a of "
			 "the mount at line 14");
	check_error(WITH_MOUNTS("  - {host: d, guest: /a/b}\n  - {host: e, guest: /a}\n"),
		    PATH ":15: cVM 'libos': mount #2: 'guest' /a contains the guest /a/b of "
			 "the mount at line 14");
	check_error(WITH_MOUNTS("  - {host: d, guest: /a}\n  - {host: e, guest: /a/}\n"),
		    PATH ":15: cVM 'libos': mount #2: 'guest' /a is also the guest /a of the "
			 "mount at line 14");
	/* /ab is not below /a. */
	static const char siblings[] = WITH_MOUNTS("  - {host: d, guest: /a}\n"
						   "  - {host: e, guest: /ab}\n");
	struct config cfg;
	char err[512];
	assert_int_equal(config_parse(siblings, strlen(siblings), PATH, &cfg, err, sizeof(err)), 0);
	config_free(&cfg);

	/* Only the LibOS serves host directories. */
	check_error(LIBOS_CVM MUSL_HEAD MUSL_REGION "  mounts:\n  - {host: d, guest: /d}\n",
		    PATH ":20: cVM 'musl': 'mounts' is a key of the LibOS cVM (callback_out: "
			 "monitor), not of an app");

	p = yaml + sprintf(yaml, LIBOS_CVM "  mounts:\n");
	for (int i = 0; i <= CONFIG_MAX_MOUNTS; i++)
		p += sprintf(p, "  - {host: d%d, guest: /d%d}\n", i, i);
	strcpy(p, MUSL_HEAD MUSL_REGION);
	char want[128];
	snprintf(want, sizeof(want),
		 PATH ":%d: cVM 'libos': too many mounts: %d (limit CONFIG_MAX_MOUNTS = %d)",
		 14 + CONFIG_MAX_MOUNTS, CONFIG_MAX_MOUNTS + 1, CONFIG_MAX_MOUNTS);
	check_error(yaml, want);

	p = yaml + sprintf(yaml, LIBOS_CVM "  mounts:\n  - {host: d, guest: /");
	memset(p, 'g', CONFIG_MAX_GUEST_PATH);
	strcpy(p + CONFIG_MAX_GUEST_PATH, "}\n" MUSL_HEAD MUSL_REGION);
	static const char too_long[] = PATH ":14: cVM 'libos': mount #1: 'guest' is longer than "
					  "255 bytes (limit CONFIG_MAX_GUEST_PATH): '/ggg";
	assert_int_equal(config_parse(yaml, strlen(yaml), PATH, &cfg, err, sizeof(err)), -1);
	assert_memory_equal(err, too_long, strlen(too_long));
	assert_empty(&cfg);
}

static void test_long_values(void **state)
{
	char yaml[16384], *p;

	(void)state;
	p = yaml + sprintf(yaml, LIBOS_CVM MUSL_HEAD MUSL_REGION "  net: ");
	memset(p, 'n', 256);
	strcpy(p + 256, "\n");
	check_error(yaml, PATH ":19: cVM 'musl': 'net' is longer than 255 bytes");

	p = yaml + sprintf(yaml, LIBOS_CVM MUSL_HEAD MUSL_REGION "  disk: ");
	memset(p, 'd', 4091);
	strcpy(p + 4091, "\n");
	check_error(yaml, PATH ":19: cVM 'musl': 'disk' resolves to a path longer than 4095 bytes");
}

/* Every prefix and many one-byte corruptions of a valid file: each must be
 * accepted or rejected with a message, never crash (ASan watches). */
static void test_never_crashes(void **state)
{
	static const char replacements[] = { '\0', '\n', ' ', ':', '-', '[', '{', '&', '*', '"',
					     '0', 'x', '#', '\t', '\xff' };
	size_t len = strlen(example), i, r;
	char *copy = malloc(len), err[512];
	struct config cfg;

	(void)state;
	assert_non_null(copy);
	for (i = 0; i <= len; i++) {
		memcpy(copy, example, len);
		if (config_parse(copy, i, PATH, &cfg, err, sizeof(err)))
			assert_memory_equal(err, PATH ":", strlen(PATH ":"));
		config_free(&cfg);
	}
	for (i = 0; i < len; i++) {
		for (r = 0; r < sizeof(replacements); r++) {
			memcpy(copy, example, len);
			copy[i] = replacements[r];
			if (config_parse(copy, len, PATH, &cfg, err, sizeof(err)))
				assert_memory_equal(err, PATH ":", strlen(PATH ":"));
			else
				assert_in_range(cfg.ncvms, 1, 2);
			config_free(&cfg);
		}
	}
	/* A tiny error buffer is truncated, not overrun; none at all is allowed. */
	assert_int_equal(config_parse("", 0, PATH, &cfg, err, 4), -1);
	assert_string_equal(err, "app");
	assert_int_equal(config_parse("", 0, PATH, &cfg, NULL, 0), -1);
	free(copy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_example),
		cmocka_unit_test(test_defaults_and_optional_keys),
		cmocka_unit_test(test_relative_paths),
		cmocka_unit_test(test_load_missing_file),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_top_level),
		cmocka_unit_test(test_unknown_and_duplicate_keys),
		cmocka_unit_test(test_missing_keys),
		cmocka_unit_test(test_wrong_node_types),
		cmocka_unit_test(test_isolation_not_a_list),
		cmocka_unit_test(test_duplicate_name),
		cmocka_unit_test(test_overlap),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_begin_end),
		cmocka_unit_test(test_callback_out),
		cmocka_unit_test(test_args_limits),
		cmocka_unit_test(test_too_many_cvms),
		cmocka_unit_test(test_mounts),
		cmocka_unit_test(test_mount_errors),
		cmocka_unit_test(test_long_values),
		cmocka_unit_test(test_never_crashes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
