/* Deploying cVMs from a configuration and running them. */
#ifndef MONITOR_CVM_H
#define MONITOR_CVM_H

#include <stddef.h>
#include <stdint.h>
#include <uni/cap.h>
#include <uni/gate.h>
#include "config.h"
#include "elf.h"

#define LIBOS_STACK_SIZE (256UL << 10)
#define APP_STACK_SIZE (8UL << 20)
#define GUARD_SIZE 4096UL
#define DEPLOY_MAX_ENV 256 /* environment strings, each at most 4 KiB */

struct cvm {
	const struct cvm_config *cfg;
	int id;
	void *file; /* the runtime ELF file */
	size_t file_size;
	struct elf_image elf;
	uint64_t load_base; /* run-time address of the image's min_vaddr */
	uint64_t image_end; /* page-rounded */
	uint64_t stack_top, stack_size;
	struct uni_cap pcc, ddc; /* the cVM's sealed pair */
	struct cvm *server; /* the LibOS serving this cVM's system calls */
	struct cvm *client; /* the app a LibOS serves */
	uint64_t syscall_gate, boot_entry; /* a LibOS's entry points */
	uint64_t fault_entry; /* a LibOS's signal_fault_gate: app faults go there (crash.c) */
	uint64_t debug_addr_vaddr; /* an app's ld.so: _dl_debug_addr, for crash reports */
	uint64_t rootfs_addr, rootfs_size; /* a LibOS's copy of its root.cpio */
	struct hostfs *hostfs; /* a LibOS's mounted host directories and open host files */
	uint8_t sha256[32];
};

/* What `intravisor run` supplies beyond the YAML format. */
struct deploy_options {
	const void *rootfs; /* the LibOS's root.cpio, in memory; NULL: its disk file */
	size_t rootfs_size;
	const char *const *envp; /* the app's environment; NULL: PATH and HOME */
	const char *cwd; /* the app's working directory; NULL: / */
	int quiet; /* the deployment lines only with -v */
};

struct deployment {
	const struct config *cfg;
	struct deploy_options opts;
	int ncvms;
	struct cvm *cvms;
	struct gate_block *main_gate;
};

/* Map, load and link every cVM of cfg. On error, prints FILE:LINE: reason,
 * undoes what was done and returns -1. */
int deploy(const struct config *cfg, const struct deploy_options *opts, struct deployment *out);
/* Boot each LibOS, then run its app to the end: the app's exit status, or
 * -1 when something failed (already reported). */
int deployment_run(struct deployment *dep);
void deployment_free(struct deployment *dep);
/* Where the runtime called name (libos.so, libc.so) is installed: next to
 * the monitor, in ../lib/musl-uni. 0, or -1 if not found. */
int runtime_path(const char *name, char *buf, size_t size);
/* A gate block for a new thread of the cVM gate serves: a copy of gate
 * with tid and its own LibOS stack and xsave area; NULL on failure. */
struct gate_block *gate_clone(const struct gate_block *gate, int tid, uint64_t libos_sp);
/* The same into a block gate_clone made before (a parked thread's), keeping its xsave area. */
void gate_reuse(struct gate_block *gate, const struct gate_block *from, int tid,
		uint64_t libos_sp);
void gate_free(struct gate_block *gate);
/* The top of LibOS stack slot i (0 .. THREAD_SLOTS-1) for threads. */
uint64_t libos_thread_stack_top(const struct cvm *libos, int i);
/* The cVM with this id, for host calls. */
struct cvm *cvm_by_id(int id);

#endif
