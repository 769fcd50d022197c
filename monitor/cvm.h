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
	uint8_t sha256[32];
};

struct deployment {
	const struct config *cfg;
	int ncvms;
	struct cvm *cvms;
	struct gate_block *main_gate;
};

/* Map, load and link every cVM of cfg. On error, prints FILE:LINE: reason,
 * undoes what was done and returns -1. */
int deploy(const struct config *cfg, struct deployment *out);
/* Boot each LibOS, then run its app to the end: the app's exit status, or
 * -1 when something failed (already reported). */
int deployment_run(struct deployment *dep);
void deployment_free(struct deployment *dep);
/* The cVM with this id, for host calls. */
struct cvm *cvm_by_id(int id);

#endif
