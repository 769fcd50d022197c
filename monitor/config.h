/* The monitor's deployment file: which cVMs to start, where, and who serves
 * whose system calls. The format is Intravisor's YAML (a top-level `cVMs`
 * sequence); see config.c for the accepted keys. */
#ifndef MONITOR_CONFIG_H
#define MONITOR_CONFIG_H

#include <stddef.h>
#include <stdint.h>
#include <uni/boot.h>

#define CONFIG_MAX_CVMS 256
#define CONFIG_MAX_ARGS 64
#define CONFIG_MAX_ARG_LEN 255 /* bytes of one argument, without its NUL */
#define CONFIG_MAX_ARGS_SIZE 4096 /* all arguments with their NULs */
#define CONFIG_MAX_FILE_SIZE (1 << 20)
#define CONFIG_PAGE_SIZE 4096
#define CONFIG_USER_SPACE_END 0x800000000000ull /* x86-64 4-level paging */
#define CONFIG_MAX_MOUNTS LIBOS_BOOT_MAX_MOUNTS /* host directories of one LibOS */
#define CONFIG_MAX_GUEST_PATH 255 /* bytes of a mount's guest path */
_Static_assert(CONFIG_MAX_GUEST_PATH < LIBOS_BOOT_MOUNT_PATH, "guest paths fit struct libos_boot");

/* A host directory mounted in a LibOS cVM (hostfs). */
struct mount_config {
	char host[4096]; /* resolved path; opened when deployed */
	char guest[CONFIG_MAX_GUEST_PATH + 1]; /* absolute, no "." or ".." component */
	int read_only;
	int line; /* where its mapping starts */
};

struct cvm_config {
	char name[64];
	char runtime[4096]; /* resolved path; not checked for existence (elf.c does) */
	char runtime_name[256]; /* file name of runtime as written, matched by callback_out */
	int argc;
	char *argv[CONFIG_MAX_ARGS + 1]; /* NULL-terminated, point into arg_strings */
	char *arg_strings; /* owns the argv strings */
	uint64_t base, size, begin, end;
	char callback_out[256]; /* "monitor" or another cVM's runtime_name */
	int callback_out_index; /* index of the serving cVM, -1 for the monitor */
	long wait;
	char disk[4096]; /* resolved path or "" */
	char callback_in[256], net[256];
	int clean_room;
	int nmounts;
	struct mount_config *mounts; /* nmounts of them (a LibOS's mounts: key) */
	int line; /* line where this cVM's mapping starts */
};

struct config {
	char path[4096];
	int ncvms;
	struct cvm_config *cvms;
};

/* A mount's guest path: absolute, without "." or ".." components, at most
 * CONFIG_MAX_GUEST_PATH bytes, not "/". NULL and dst normalized (single slashes, no trailing
 * one), or what is wrong with it. */
const char *config_guest_path(const char *raw, char dst[CONFIG_MAX_GUEST_PATH + 1]);
/* Is normalized guest path a the same as b, below it or above it: "is also", "is inside",
 * "contains", or NULL for none of these. */
const char *config_guest_paths_nest(const char *a, const char *b);

/* Parse buf (len bytes); path is used in messages and to resolve relative
 * paths against its directory. Returns 0, or -1 with a one-line message in
 * err. On failure out is left empty: passing it to config_free is harmless
 * but not needed. */
int config_parse(const char *buf, size_t len, const char *path, struct config *out, char *err,
		 size_t errlen);

/* Read the file then config_parse; a missing or unreadable file gives
 * `PATH: strerror`. Same failure contract as config_parse. */
int config_load(const char *path, struct config *out, char *err, size_t errlen);

/* Free what a successful parse allocated and empty cfg. */
void config_free(struct config *cfg);

#endif
