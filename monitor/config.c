/* The monitor's YAML deployment file, in Intravisor's format. libyaml loads it
 * as a node tree; each level (top, cVM, isolation) first sorts its keys into a
 * table, rejecting unknown and repeated ones, then checks each value.
 * callback_out can only be resolved once every runtime is known.
 *
 * Problems with a key say where the key is ("unknown key 'foo' in cVM 'musl'");
 * problems with a value start with its cVM ("cVM 'musl': 'size' must not be 0"). */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "config.h"

#define HEX "0x%" PRIx64

/* In each table the required keys come first. */
enum cvm_key {
	KEY_NAME, KEY_RUNTIME, KEY_ISOLATION, KEY_CALLBACK_OUT, CVM_NREQUIRED,
	KEY_ARGS = CVM_NREQUIRED, KEY_WAIT, KEY_DISK, KEY_CALLBACK_IN, KEY_NET, KEY_CLEAN_ROOM,
	KEY_MOUNTS, CVM_NKEYS
};

static const char *const cvm_keys[CVM_NKEYS] = {
	"name", "runtime", "isolation", "callback_out", "args",
	"wait", "disk", "callback_in", "net", "clean_room", "mounts",
};

enum mount_key { KEY_HOST, KEY_GUEST, MOUNT_NREQUIRED, KEY_MODE = MOUNT_NREQUIRED, MOUNT_NKEYS };

static const char *const mount_keys[MOUNT_NKEYS] = { "host", "guest", "mode" };

enum isolation_key { KEY_BASE, KEY_SIZE, KEY_BEGIN, KEY_END, ISOLATION_NKEYS };

static const char *const isolation_keys[ISOLATION_NKEYS] = { "base", "size", "begin", "end" };

static const char *const top_keys[] = { "cVMs" };

struct parse_ctx {
	const char *path;
	size_t dir_len; /* length of path up to and including its last '/' */
	yaml_document_t *doc;
	char *err;
	size_t errlen;
	char who[128]; /* "cVM 'name'", or "cVM #N" while the name is unknown; ": mount #N" */
	const yaml_node_t *callback_out_node[CONFIG_MAX_CVMS];
	const yaml_node_t *mounts_node[CONFIG_MAX_CVMS];
};

__attribute__((format(printf, 4, 5))) static int report(struct parse_ctx *ctx, int line,
							const char *prefix, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(ctx->err, ctx->errlen, "%s:%d: %s%s%s", ctx->path, line, prefix ? prefix : "",
		 prefix ? ": " : "", msg);
	/* Keys and values are quoted in messages and may hold escaped control
	 * characters; the message must stay on one line. */
	for (i = 0; i < ctx->errlen && ctx->err[i]; i++)
		if ((unsigned char)ctx->err[i] < 0x20 || ctx->err[i] == 0x7f)
			ctx->err[i] = '?';
	return -EINVAL;
}

static int node_line(const yaml_node_t *node)
{
	return node ? (int)node->start_mark.line + 1 : 1;
}

#define fail(ctx, node, ...) report(ctx, node_line(node), NULL, __VA_ARGS__)
/* A problem with a value of the cVM being parsed. */
#define cvm_fail(ctx, node, ...) report(ctx, node_line(node), (ctx)->who, __VA_ARGS__)

static const yaml_node_t *get_node(struct parse_ctx *ctx, int index)
{
	return yaml_document_get_node(ctx->doc, index);
}

static const char *scalar(const yaml_node_t *node)
{
	return (const char *)node->data.scalar.value;
}

/* The text of a scalar, or NULL if node is no scalar or holds a NUL byte. */
static const char *text_of(const yaml_node_t *node)
{
	if (node->type != YAML_SCALAR_NODE || strlen(scalar(node)) != node->data.scalar.length)
		return NULL;
	return scalar(node);
}

static bool scalar_is(const yaml_node_t *node, const char *s)
{
	return text_of(node) && !strcmp(scalar(node), s);
}

/* Sort the pairs of map into values[], indexed like keys[], whose first nrequired
 * must be present. */
static int collect_keys(struct parse_ctx *ctx, const yaml_node_t *map, const char *const *keys,
			int nkeys, int nrequired, const yaml_node_t **values, const char *where)
{
	const yaml_node_pair_t *pair;
	int i;

	for (pair = map->data.mapping.pairs.start; pair < map->data.mapping.pairs.top; pair++) {
		const yaml_node_t *key = get_node(ctx, pair->key);
		const yaml_node_t *value = get_node(ctx, pair->value);

		if (!key || !value)
			return fail(ctx, map, "malformed mapping in %s", where);
		if (key->type != YAML_SCALAR_NODE)
			return fail(ctx, key, "non-string key in %s", where);
		for (i = 0; i < nkeys && !scalar_is(key, keys[i]); i++)
			;
		if (i == nkeys)
			return fail(ctx, key, "unknown key '%s' in %s", scalar(key), where);
		if (values[i])
			return fail(ctx, key, "duplicate key '%s' in %s", keys[i], where);
		values[i] = value;
	}
	for (i = 0; i < nrequired; i++)
		if (!values[i])
			return fail(ctx, map, "missing required key '%s' in %s", keys[i], where);
	return 0;
}

/* Hexadecimal with 0x, or decimal; nothing else, not even spaces or a sign. */
static int parse_u64(const char *text, uint64_t *out)
{
	bool hex = text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
	const char *digits = hex ? text + 2 : text;

	if (!*digits || digits[strspn(digits, hex ? "0123456789abcdefABCDEF" : "0123456789")])
		return -EINVAL;
	errno = 0;
	*out = strtoull(digits, NULL, hex ? 16 : 10);
	return errno ? -ERANGE : 0;
}

static int number_fail(struct parse_ctx *ctx, const yaml_node_t *node, const char *what, int err)
{
	if (node->type != YAML_SCALAR_NODE)
		return cvm_fail(ctx, node, "'%s' must be a number", what);
	return cvm_fail(ctx, node, "'%s' is %s: '%s'", what,
			err == -ERANGE ? "out of range" : "not a number", scalar(node));
}

static int get_u64(struct parse_ctx *ctx, const yaml_node_t *node, const char *what, uint64_t *out)
{
	const char *text = text_of(node);
	int err = text ? parse_u64(text, out) : -EINVAL;

	return err ? number_fail(ctx, node, what, err) : 0;
}

static int get_long(struct parse_ctx *ctx, const yaml_node_t *node, const char *what, long *out)
{
	const char *text = text_of(node);
	bool negative = text && text[0] == '-';
	uint64_t magnitude;
	int err = text ? parse_u64(text + negative, &magnitude) : -EINVAL;

	if (!err && magnitude > (uint64_t)LONG_MAX + negative)
		err = -ERANGE;
	if (err)
		return number_fail(ctx, node, what, err);
	*out = negative ? -(long)(magnitude - 1) - 1 : (long)magnitude;
	return 0;
}

/* Copy a scalar into dst, which holds size bytes with the NUL. */
static int get_string(struct parse_ctx *ctx, const yaml_node_t *node, const char *what, char *dst,
		      size_t size, bool empty_ok)
{
	const char *text = text_of(node);

	if (!text)
		return cvm_fail(ctx, node, "'%s' %s", what,
				node->type == YAML_SCALAR_NODE ? "contains a NUL byte" :
								 "must be a string");
	if (!*text && !empty_ok)
		return cvm_fail(ctx, node, "'%s' is empty", what);
	if (strlen(text) >= size)
		return cvm_fail(ctx, node, "'%s' is longer than %zu bytes", what, size - 1);
	strcpy(dst, text);
	return 0;
}

/* Relative paths are relative to the YAML file's directory, so that a
 * deployment can be started from anywhere. Existence is the loader's to check. */
static int get_path(struct parse_ctx *ctx, const yaml_node_t *node, const char *what,
		    char dst[4096])
{
	char raw[4096] = "";
	int err = get_string(ctx, node, what, raw, sizeof(raw), false);
	int dir_len = raw[0] == '/' ? 0 : (int)ctx->dir_len;

	if (!err && snprintf(dst, 4096, "%.*s%s", dir_len, ctx->path, raw) >= 4096)
		err = cvm_fail(ctx, node, "'%s' resolves to a path longer than 4095 bytes", what);
	return err;
}

static bool name_valid(const yaml_node_t *node)
{
	const char *text = text_of(node);
	size_t len = text ? strlen(text) : 0;

	return len >= 1 && len < sizeof(((struct cvm_config *)0)->name) &&
	       strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") ==
		       len;
}

/* Messages about a cVM name it, if its name can be found and is valid. */
static void set_who(struct parse_ctx *ctx, const yaml_node_t *map, int index)
{
	const yaml_node_pair_t *pair;

	snprintf(ctx->who, sizeof(ctx->who), "cVM #%d", index + 1);
	for (pair = map->data.mapping.pairs.start; pair < map->data.mapping.pairs.top; pair++) {
		const yaml_node_t *key = get_node(ctx, pair->key);
		const yaml_node_t *value = get_node(ctx, pair->value);

		if (key && value && scalar_is(key, "name") && name_valid(value)) {
			snprintf(ctx->who, sizeof(ctx->who), "cVM '%s'", scalar(value));
			return;
		}
	}
}

static int parse_args(struct parse_ctx *ctx, const yaml_node_t *node, struct cvm_config *cvm)
{
	const char *text = text_of(node);
	size_t arg_len, total = 0;
	char *p;

	if (!text)
		return cvm_fail(ctx, node, "'args' must be a string");
	cvm->arg_strings = strdup(text);
	if (!cvm->arg_strings)
		return cvm_fail(ctx, node, "out of memory"), -ENOMEM;
	for (p = cvm->arg_strings;; p += arg_len) {
		p += strspn(p, " \t");
		if (!*p)
			break;
		arg_len = strcspn(p, " \t");
		if (cvm->argc == CONFIG_MAX_ARGS)
			return cvm_fail(ctx, node, "too many args (limit CONFIG_MAX_ARGS = %d)",
					CONFIG_MAX_ARGS);
		if (arg_len > CONFIG_MAX_ARG_LEN)
			return cvm_fail(ctx, node,
					"arg %d is %zu bytes long (limit CONFIG_MAX_ARG_LEN = %d)",
					cvm->argc + 1, arg_len, CONFIG_MAX_ARG_LEN);
		total += arg_len + 1;
		if (total > CONFIG_MAX_ARGS_SIZE)
			return cvm_fail(ctx, node, "args take more than %d bytes with their NULs "
					"(limit CONFIG_MAX_ARGS_SIZE)", CONFIG_MAX_ARGS_SIZE);
		cvm->argv[cvm->argc++] = p;
		if (p[arg_len])
			p[arg_len++] = '\0';
	}
	cvm->argv[cvm->argc] = NULL;
	return 0;
}

static int parse_isolation(struct parse_ctx *ctx, const yaml_node_t *node, struct cvm_config *cvm)
{
	uint64_t *fields[ISOLATION_NKEYS] = { &cvm->base, &cvm->size, &cvm->begin, &cvm->end };
	const yaml_node_t *v[ISOLATION_NKEYS] = { 0 };
	const yaml_node_t *map;
	char where[128];
	int err, i, n;

	if (node->type != YAML_SEQUENCE_NODE)
		return cvm_fail(ctx, node, "'isolation' must be a sequence of one mapping");
	n = node->data.sequence.items.top - node->data.sequence.items.start;
	if (n != 1)
		return cvm_fail(ctx, node, "'isolation' must have exactly one entry, not %d", n);
	map = get_node(ctx, node->data.sequence.items.start[0]);
	if (!map || map->type != YAML_MAPPING_NODE)
		return cvm_fail(ctx, map ? map : node, "'isolation' entry must be a mapping");
	snprintf(where, sizeof(where), "isolation of %.100s", ctx->who);
	err = collect_keys(ctx, map, isolation_keys, ISOLATION_NKEYS, KEY_SIZE + 1, v, where);

	/* In key order, so that begin and end are checked against base and size. */
	for (i = 0; !err && i < ISOLATION_NKEYS; i++) {
		if (!v[i])
			continue;
		err = get_u64(ctx, v[i], isolation_keys[i], fields[i]);
		if (err)
			break;
		if (i <= KEY_SIZE && *fields[i] % CONFIG_PAGE_SIZE)
			err = cvm_fail(ctx, v[i], "'%s' " HEX " is not a multiple of %d",
				       isolation_keys[i], *fields[i], CONFIG_PAGE_SIZE);
		else if (i == KEY_SIZE && !cvm->size)
			err = cvm_fail(ctx, v[i], "'size' must not be 0");
		else if (i == KEY_SIZE && cvm->size > UINT64_MAX - cvm->base)
			err = cvm_fail(ctx, v[i], "region " HEX " + " HEX " overflows 64 bits",
				       cvm->base, cvm->size);
		else if (i == KEY_SIZE && cvm->base + cvm->size > CONFIG_USER_SPACE_END)
			err = cvm_fail(ctx, v[i], "region " HEX "-" HEX " reaches beyond the end "
				       "of user space 0x%llx", cvm->base, cvm->base + cvm->size,
				       CONFIG_USER_SPACE_END);
		else if (i >= KEY_BEGIN && *fields[i] - cvm->base > cvm->size) /* wraps below base */
			err = cvm_fail(ctx, v[i], "'%s' " HEX " is outside the region " HEX "-" HEX,
				       isolation_keys[i], *fields[i], cvm->base,
				       cvm->base + cvm->size);
		if (i == KEY_SIZE) {
			cvm->begin = cvm->base;
			cvm->end = cvm->base + cvm->size;
		}
	}
	if (!err && cvm->begin > cvm->end)
		err = cvm_fail(ctx, v[KEY_BEGIN] ? v[KEY_BEGIN] : v[KEY_END],
			       "'begin' " HEX " is after 'end' " HEX, cvm->begin, cvm->end);
	return err;
}

const char *config_guest_path(const char *raw, char dst[CONFIG_MAX_GUEST_PATH + 1])
{
	size_t len = 0;

	if (raw[0] != '/')
		return "must be an absolute path";
	if (strlen(raw) > CONFIG_MAX_GUEST_PATH)
		return "is longer than 255 bytes (limit CONFIG_MAX_GUEST_PATH)";
	for (const char *p = raw;;) {
		p += strspn(p, "/");
		size_t n = strcspn(p, "/");
		if (!n)
			break;
		if ((n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
			return "must not have a '.' or '..' component";
		dst[len++] = '/';
		memcpy(dst + len, p, n);
		len += n;
		p += n;
	}
	dst[len] = 0;
	return len ? NULL : "must not be the root directory";
}

const char *config_guest_paths_nest(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), n = la < lb ? la : lb;

	if (strncmp(a, b, n) || (la != lb && (la < lb ? b : a)[n] != '/'))
		return NULL;
	return la == lb ? "is also" : la > lb ? "is inside" : "contains";
}

static int get_guest_path(struct parse_ctx *ctx, const yaml_node_t *node, char *dst)
{
	char raw[4096];
	int err = get_string(ctx, node, "guest", raw, sizeof(raw), false);
	const char *problem = err ? NULL : config_guest_path(raw, dst);

	if (problem)
		return cvm_fail(ctx, node, "'guest' %s: '%s'", problem, raw);
	return err;
}

/* One entry of mounts; ctx->who names the mount, where says it for messages about keys. */
static int parse_mount(struct parse_ctx *ctx, const yaml_node_t *map, struct cvm_config *cvm,
		       const char *where)
{
	struct mount_config *mount = &cvm->mounts[cvm->nmounts];
	const yaml_node_t *v[MOUNT_NKEYS] = { 0 };
	int err;

	mount->line = node_line(map);
	err = collect_keys(ctx, map, mount_keys, MOUNT_NKEYS, MOUNT_NREQUIRED, v, where);
	if (!err)
		err = get_path(ctx, v[KEY_HOST], "host", mount->host);
	if (!err)
		err = get_guest_path(ctx, v[KEY_GUEST], mount->guest);
	if (!err && v[KEY_MODE]) {
		if (!scalar_is(v[KEY_MODE], "ro") && !scalar_is(v[KEY_MODE], "rw"))
			return cvm_fail(ctx, v[KEY_MODE], "'mode' must be ro or rw, not '%s'",
					text_of(v[KEY_MODE]) ? scalar(v[KEY_MODE]) : "(not a string)");
		mount->read_only = scalar_is(v[KEY_MODE], "ro");
	}
	for (int i = 0; !err && i < cvm->nmounts; i++) {
		const struct mount_config *other = &cvm->mounts[i];
		const char *nest = config_guest_paths_nest(mount->guest, other->guest);
		if (nest)
			err = cvm_fail(ctx, v[KEY_GUEST], "'guest' %s %s the guest %s of the mount "
				       "at line %d", mount->guest, nest, other->guest, other->line);
	}
	if (!err)
		cvm->nmounts++;
	return err;
}

/* mounts: a sequence of {host: PATH, guest: /PATH, mode: ro|rw}; mode is rw by default. */
static int parse_mounts(struct parse_ctx *ctx, const yaml_node_t *node, struct cvm_config *cvm)
{
	char who[sizeof(ctx->who)], where[sizeof(ctx->who) + 16];
	int n, err = 0;

	if (node->type != YAML_SEQUENCE_NODE)
		return cvm_fail(ctx, node, "'mounts' must be a sequence of mappings");
	n = node->data.sequence.items.top - node->data.sequence.items.start;
	if (n > CONFIG_MAX_MOUNTS)
		return cvm_fail(ctx, get_node(ctx, node->data.sequence.items.start[CONFIG_MAX_MOUNTS]),
				"too many mounts: %d (limit CONFIG_MAX_MOUNTS = %d)", n,
				CONFIG_MAX_MOUNTS);
	cvm->mounts = calloc(n ? (size_t)n : 1, sizeof(*cvm->mounts));
	if (!cvm->mounts)
		return cvm_fail(ctx, node, "out of memory"), -ENOMEM;
	memcpy(who, ctx->who, sizeof(who));
	for (int i = 0; !err && i < n; i++) {
		const yaml_node_t *map = get_node(ctx, node->data.sequence.items.start[i]);
		if (!map)
			return cvm_fail(ctx, node, "malformed sequence");
		if (map->type != YAML_MAPPING_NODE)
			return cvm_fail(ctx, map, "mount #%d must be a mapping", i + 1);
		/* Messages about a value say which mount. */
		snprintf(where, sizeof(where), "mount #%d of %.100s", i + 1, who);
		snprintf(ctx->who, sizeof(ctx->who), "%.100s: mount #%d", who, i + 1);
		err = parse_mount(ctx, map, cvm, where);
		memcpy(ctx->who, who, sizeof(who));
	}
	return err;
}

static int parse_clean_room(struct parse_ctx *ctx, const yaml_node_t *node, int *out)
{
	const char *text = text_of(node);
	uint64_t value;

	if (text && (!strcasecmp(text, "true") || !strcasecmp(text, "false")))
		value = !strcasecmp(text, "true");
	else if (!text || parse_u64(text, &value) || value > INT_MAX)
		return cvm_fail(ctx, node,
				"'clean_room' must be true, false or a non-negative integer");
	*out = (int)value;
	return 0;
}

static int parse_cvm(struct parse_ctx *ctx, struct config *cfg, int index, const yaml_node_t *map)
{
	struct cvm_config *cvm = &cfg->cvms[index], *other;
	const yaml_node_t *v[CVM_NKEYS] = { 0 };
	const char *file_name;
	int err;

	cvm->line = node_line(map);
	cvm->callback_out_index = -1;
	cvm->wait = -1;
	if (map->type != YAML_MAPPING_NODE)
		return fail(ctx, map, "cVM #%d must be a mapping", index + 1);
	set_who(ctx, map, index);
	err = collect_keys(ctx, map, cvm_keys, CVM_NKEYS, CVM_NREQUIRED, v, ctx->who);
	if (err)
		return err;
	if (!name_valid(v[KEY_NAME]))
		return cvm_fail(ctx, v[KEY_NAME],
				"'name' must be 1 to 63 characters of [A-Za-z0-9._-]");
	strcpy(cvm->name, scalar(v[KEY_NAME]));
	ctx->callback_out_node[index] = v[KEY_CALLBACK_OUT];

	err = get_path(ctx, v[KEY_RUNTIME], "runtime", cvm->runtime);
	if (err)
		return err;
	file_name = strrchr(cvm->runtime, '/');
	file_name = file_name ? file_name + 1 : cvm->runtime;
	if (!*file_name || strlen(file_name) >= sizeof(cvm->runtime_name))
		return cvm_fail(ctx, v[KEY_RUNTIME], "'runtime' must end in a file name of 1 to "
				"255 bytes");
	strcpy(cvm->runtime_name, file_name);

	if (v[KEY_ARGS] && (err = parse_args(ctx, v[KEY_ARGS], cvm)))
		return err;
	err = parse_isolation(ctx, v[KEY_ISOLATION], cvm);
	for (other = cfg->cvms; !err && other < cvm; other++) {
		if (!strcmp(cvm->name, other->name))
			err = cvm_fail(ctx, v[KEY_NAME], "name already used by the cVM at line %d",
				       other->line);
		else if (cvm->base < other->base + other->size &&
			 other->base < cvm->base + cvm->size)
			err = cvm_fail(ctx, v[KEY_ISOLATION], "region " HEX "-" HEX " overlaps "
				       "region " HEX "-" HEX " of cVM '%s'", cvm->base,
				       cvm->base + cvm->size, other->base,
				       other->base + other->size, other->name);
	}
	if (!err)
		err = get_string(ctx, v[KEY_CALLBACK_OUT], "callback_out", cvm->callback_out,
				 sizeof(cvm->callback_out), false);
	if (!err && v[KEY_WAIT])
		err = get_long(ctx, v[KEY_WAIT], "wait", &cvm->wait);
	if (!err && v[KEY_DISK])
		err = get_path(ctx, v[KEY_DISK], "disk", cvm->disk);
	if (!err && v[KEY_CALLBACK_IN])
		err = get_string(ctx, v[KEY_CALLBACK_IN], "callback_in", cvm->callback_in,
				 sizeof(cvm->callback_in), true);
	if (!err && v[KEY_NET])
		err = get_string(ctx, v[KEY_NET], "net", cvm->net, sizeof(cvm->net), true);
	if (!err && v[KEY_CLEAN_ROOM])
		err = parse_clean_room(ctx, v[KEY_CLEAN_ROOM], &cvm->clean_room);
	ctx->mounts_node[index] = v[KEY_MOUNTS];
	if (!err && v[KEY_MOUNTS])
		err = parse_mounts(ctx, v[KEY_MOUNTS], cvm);
	return err;
}

/* callback_out names the cVM that serves this one's system calls by its
 * runtime's file name, as Intravisor does; "monitor" means no cVM. */
static int resolve_callbacks(struct parse_ctx *ctx, struct config *cfg)
{
	int i, j;

	for (i = 0; i < cfg->ncvms; i++) {
		struct cvm_config *cvm = &cfg->cvms[i];
		const yaml_node_t *node = ctx->callback_out_node[i];

		snprintf(ctx->who, sizeof(ctx->who), "cVM '%s'", cvm->name);
		if (!strcmp(cvm->callback_out, "monitor"))
			continue;
		/* Host directories are the LibOS's to serve. */
		if (ctx->mounts_node[i])
			return cvm_fail(ctx, ctx->mounts_node[i], "'mounts' is a key of the LibOS cVM "
					"(callback_out: monitor), not of an app");
		if (!strcmp(cvm->callback_out, cvm->runtime_name))
			return cvm_fail(ctx, node, "callback_out '%s' is its own runtime",
					cvm->callback_out);
		for (j = 0; j < cfg->ncvms; j++) {
			if (j == i || strcmp(cvm->callback_out, cfg->cvms[j].runtime_name))
				continue;
			if (cvm->callback_out_index >= 0)
				return cvm_fail(ctx, node, "callback_out '%s' is the runtime of "
						"both cVM '%s' and cVM '%s'", cvm->callback_out,
						cfg->cvms[cvm->callback_out_index].name,
						cfg->cvms[j].name);
			cvm->callback_out_index = j;
		}
		if (cvm->callback_out_index < 0)
			return cvm_fail(ctx, node, "callback_out '%s' is neither 'monitor' nor "
					"the runtime of a cVM", cvm->callback_out);
	}
	return 0;
}

static int parse_document(struct parse_ctx *ctx, struct config *cfg)
{
	const yaml_node_t *root = yaml_document_get_root_node(ctx->doc);
	const yaml_node_t *v[1] = { 0 }, *seq, *map;
	int n, i, err;

	/* A file holding only "---" has an empty plain scalar as its root. */
	if (!root || (root->type == YAML_SCALAR_NODE && !root->data.scalar.length &&
		      root->data.scalar.style == YAML_PLAIN_SCALAR_STYLE))
		return report(ctx, 1, NULL, "empty file");
	if (root->type != YAML_MAPPING_NODE)
		return fail(ctx, root, "the top level must be a mapping");
	err = collect_keys(ctx, root, top_keys, 1, 1, v, "the top-level mapping");
	if (err)
		return err;
	seq = v[0];
	if (seq->type != YAML_SEQUENCE_NODE)
		return fail(ctx, seq, "'cVMs' must be a sequence");
	n = seq->data.sequence.items.top - seq->data.sequence.items.start;
	if (!n)
		return fail(ctx, seq, "'cVMs' is empty");
	if (n > CONFIG_MAX_CVMS)
		return fail(ctx, get_node(ctx, seq->data.sequence.items.start[CONFIG_MAX_CVMS]),
			    "too many cVMs: %d (limit CONFIG_MAX_CVMS = %d)", n, CONFIG_MAX_CVMS);
	cfg->cvms = calloc(n, sizeof(*cfg->cvms));
	if (!cfg->cvms)
		return fail(ctx, seq, "out of memory"), -ENOMEM;
	for (i = 0; i < n; i++) {
		map = get_node(ctx, seq->data.sequence.items.start[i]);
		if (!map)
			return fail(ctx, seq, "malformed sequence");
		cfg->ncvms = i + 1;
		err = parse_cvm(ctx, cfg, i, map);
		if (err)
			return err;
	}
	return resolve_callbacks(ctx, cfg);
}

static int syntax_error(struct parse_ctx *ctx, const yaml_parser_t *parser, const char *buf,
			size_t len)
{
	int line = (int)parser->problem_mark.line + 1;
	size_t i;

	if (parser->error == YAML_MEMORY_ERROR)
		return report(ctx, 1, NULL, "out of memory"), -ENOMEM;
	/* The reader (encoding) stage reports a byte offset, not a mark. */
	if (parser->error == YAML_READER_ERROR)
		for (i = 0, line = 1; i < parser->problem_offset && i < len; i++)
			line += buf[i] == '\n';
	return report(ctx, line, NULL, "syntax error: %s",
		      parser->problem ? parser->problem : "unknown problem");
}

int config_parse(const char *buf, size_t len, const char *path, struct config *out, char *err,
		 size_t errlen)
{
	struct parse_ctx ctx = { .path = path, .err = err, .errlen = err ? errlen : 0 };
	const char *slash = strrchr(path, '/');
	yaml_document_t doc, extra;
	yaml_parser_t parser;
	int rc;

	memset(out, 0, sizeof(*out));
	if (strlen(path) >= sizeof(out->path)) {
		snprintf(ctx.err, ctx.errlen, "%.64s...: path too long", path);
		return -1;
	}
	strcpy(out->path, path);
	ctx.dir_len = slash ? (size_t)(slash - path) + 1 : 0;
	if (!yaml_parser_initialize(&parser)) {
		snprintf(ctx.err, ctx.errlen, "%s: out of memory", path);
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&parser, &doc)) {
		rc = syntax_error(&ctx, &parser, buf, len);
		goto out_parser;
	}
	ctx.doc = &doc;
	rc = parse_document(&ctx, out);
	/* Anything after the first document is a mistake, not something to ignore. */
	if (!rc && !yaml_parser_load(&parser, &extra)) {
		rc = syntax_error(&ctx, &parser, buf, len);
	} else if (!rc) {
		if (yaml_document_get_root_node(&extra))
			rc = fail(&ctx, yaml_document_get_root_node(&extra),
				  "more than one YAML document");
		yaml_document_delete(&extra);
	}
	yaml_document_delete(&doc);
out_parser:
	yaml_parser_delete(&parser);
	if (rc)
		config_free(out);
	return rc ? -1 : 0;
}

int config_load(const char *path, struct config *out, char *err, size_t errlen)
{
	FILE *file;
	char *buf;
	size_t len;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (!err)
		errlen = 0;
	file = fopen(path, "r");
	if (!file) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	/* One byte past the limit tells "too large" from "just fits". */
	buf = malloc(CONFIG_MAX_FILE_SIZE + 1);
	len = buf ? fread(buf, 1, CONFIG_MAX_FILE_SIZE + 1, file) : 0;
	if (!buf || ferror(file))
		snprintf(err, errlen, "%s: %s", path, strerror(buf ? errno : ENOMEM));
	else if (len > CONFIG_MAX_FILE_SIZE)
		snprintf(err, errlen, "%s: larger than %d bytes (limit CONFIG_MAX_FILE_SIZE)", path,
			 CONFIG_MAX_FILE_SIZE);
	else
		rc = config_parse(buf, len, path, out, err, errlen);
	free(buf);
	fclose(file);
	return rc;
}

void config_free(struct config *cfg)
{
	int i;

	for (i = 0; cfg->cvms && i < cfg->ncvms; i++) {
		free(cfg->cvms[i].arg_strings);
		free(cfg->cvms[i].mounts);
	}
	free(cfg->cvms);
	memset(cfg, 0, sizeof(*cfg));
}
