#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <ucontext.h>
#include <unistd.h>
#include <libos/cpio.h>
#include <uni/gate.h>
#include "cpu.h"
#include "crash.h"
#include "cvm.h"
#include "elf.h"
#include "hostcall.h"
#include "log.h"
#include "thread.h"

#define ALT_STACK_SIZE (64 << 10)

void crash_signal_entry(int sig, siginfo_t *info, void *context);
int crash_signal(int sig, siginfo_t *info, void *context);

static const int fault_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };

/* musl's ld.so keeps its loaded objects in a list that starts at
 * _dl_debug_addr->head; each begins like struct link_map. */
struct musl_debug {
	int version;
	uint64_t head;
};
struct musl_dso {
	uint64_t base;
	uint64_t name;
	uint64_t dynamic;
	uint64_t next, prev;
};

static int app_readable(const struct cvm *app, uint64_t addr, uint64_t len)
{
	return uni_cap_covers(&app->ddc, addr, len);
}

struct archive_search {
	const char *name;
	size_t name_len;
	struct cpio_entry found;
};

static int match_name(const struct cpio_entry *entry, void *ctx)
{
	struct archive_search *search = ctx;

	if (entry->name_len != search->name_len || memcmp(entry->name, search->name, entry->name_len))
		return 0;
	search->found = *entry;
	return 1;
}

/* The bytes of guest file path in the LibOS's copy of its root archive,
 * following symlinks (the path ld.so opened may be one). */
static int find_in_rootfs(const struct cvm *libos, const char *path, const void **data,
			  size_t *size)
{
	char name[512];

	snprintf(name, sizeof(name), "%s", path);
	for (int hops = 0; hops < 8; hops++) {
		struct archive_search search = { name, 0, { 0 } };
		while (*search.name == '/')
			search.name++;
		search.name_len = strlen(search.name);
		if (cpio_parse((const void *)libos->rootfs_addr, libos->rootfs_size, match_name,
			       &search, NULL) != 1)
			return -1;
		if (!S_ISLNK(search.found.mode)) {
			*data = search.found.data;
			*size = search.found.size;
			return 0;
		}
		char target[512];
		int len = (int)search.found.size;
		if (((const char *)search.found.data)[0] == '/') {
			snprintf(target, sizeof(target), "%.*s", len, (const char *)search.found.data);
		} else {
			const char *slash = strrchr(search.name, '/');
			int dir_len = slash ? (int)(slash - search.name) + 1 : 0;
			snprintf(target, sizeof(target), "%.*s%.*s", dir_len, search.name, len,
				 (const char *)search.found.data);
		}
		snprintf(name, sizeof(name), "%s", target);
	}
	return -1;
}

/* " (function+0xOFFSET)" for offset into the guest file path, from its
 * symbol table, or nothing. */
static void describe_symbol(const struct cvm *libos, const char *path, uint64_t offset,
			    char *out, size_t size)
{
	struct elf_image image;
	const void *data;
	const char *symbol;
	uint64_t into;
	size_t len;
	char err[128];

	out[0] = 0;
	if (!libos || find_in_rootfs(libos, path, &data, &len) ||
	    elf_parse(data, len, &image, err, sizeof(err)) ||
	    elf_symbol_at(&image, offset + image.min_vaddr, &symbol, &into))
		return;
	snprintf(out, size, " (%s+0x%lx)", symbol, (unsigned long)into);
}

/* "FILE+0xOFFSET" for an address of the app, from ld.so's list of loaded
 * objects: the one with the highest base at or below ip. */
static void describe_app_address(const struct cvm *app, uint64_t ip, char *out, size_t size)
{
	uint64_t best_base = 0, best_name = 0;
	uint64_t debug_ptr_at = app->load_base + app->debug_addr_vaddr;

	snprintf(out, size, "0x%lx", (unsigned long)ip);
	if (!app->debug_addr_vaddr || !app_readable(app, debug_ptr_at, 8))
		return;
	uint64_t debug = *(uint64_t *)debug_ptr_at;
	if (!app_readable(app, debug, sizeof(struct musl_debug)))
		return;
	uint64_t dso = ((struct musl_debug *)debug)->head;
	for (int n = 0; n < 4096 && dso && app_readable(app, dso, sizeof(struct musl_dso)); n++) {
		const struct musl_dso *d = (const struct musl_dso *)dso;
		if (d->base <= ip && d->base >= best_base) {
			best_base = d->base;
			best_name = d->name;
		}
		dso = d->next;
	}
	if (!best_name || !app_readable(app, best_name, 1))
		return;
	const char *name = (const char *)best_name;
	size_t max = app->ddc.base + app->ddc.length - best_name;
	char path[257], symbol[300];
	snprintf(path, sizeof(path), "%.*s", (int)strnlen(name, max < 256 ? max : 256), name);
	describe_symbol(app->server, path, ip - best_base, symbol, sizeof(symbol));
	snprintf(out, size, "%s+0x%lx%s", path, (unsigned long)(ip - best_base), symbol);
}

static void say(const char *text)
{
	size_t len = strlen(text);

	while (len) {
		ssize_t n = write(log_fd(), text, len);
		if (n <= 0)
			return;
		text += n;
		len -= (size_t)n;
	}
}

void crash_cvm_killed(int sig, uint64_t addr, uint64_t ip)
{
	struct gate_block *gate = cpu_gs_base();
	const struct cvm *app = cvm_by_id((int)gate->cvm_id);
	char where[512], line[1024];

	if (ip) {
		describe_app_address(app, ip, where, sizeof(where));
		snprintf(line, sizeof(line), "intravisor: cVM '%s' killed by SIG%s at 0x%lx (in %s)\n",
			 app->cfg->name, sigabbrev_np(sig), (unsigned long)addr, where);
	} else {
		snprintf(line, sizeof(line), "intravisor: cVM '%s' killed by SIG%s\n", app->cfg->name,
			 sigabbrev_np(sig));
	}
	say(line);
	cvm_end(gate, 128 + sig);
}

/* A fault in app code: when the app has a handler the LibOS runs it.
 * The thread's registers go into the gate block and the host context is
 * rewritten to resume, on return from this host handler, in the LibOS's
 * signal_fault_gate on the thread's LibOS stack (the app is in its own code,
 * so no system call is using it); the LibOS reads the app's disposition and
 * either builds the app's signal frame or asks, by HC_KILLED with the
 * address and ip, for the report below. */
int crash_divert(const struct cvm *app, struct gate_block *gate, int sig, siginfo_t *info,
		 ucontext_t *uc, uint64_t addr)
{
	if (!app->server || !app->server->fault_entry || !gate->libos_sp)
		return 0;
	memcpy(gate->fault.regs, uc->uc_mcontext.gregs, sizeof(gate->fault.regs));
	gate->fault.addr = addr;
	gate->fault.err = (uint64_t)uc->uc_mcontext.gregs[REG_ERR];
	gate->fault.trapno = (uint64_t)uc->uc_mcontext.gregs[REG_TRAPNO];
	gate->fault.cr2 = (uint64_t)uc->uc_mcontext.gregs[REG_CR2];
	gate->fault.sig = sig;
	gate->fault.code = info->si_code;
	uc->uc_mcontext.gregs[REG_RIP] = (greg_t)app->server->fault_entry;
	uc->uc_mcontext.gregs[REG_RSP] = (greg_t)gate->libos_sp;
	return 1;
}

int crash_signal(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	uint64_t ip = (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
	uint64_t addr = sig == SIGSEGV || sig == SIGBUS ? (uint64_t)info->si_addr : ip;
	struct gate_block *gate = cpu_gs_base();
	const struct cvm *app = cvm_by_id((int)gate->cvm_id);
	char line[512];

	if (app && uni_cap_covers(&app->ddc, ip, 1)) {
		if (crash_divert(app, gate, sig, info, uc, addr))
			return 1;
		crash_cvm_killed(sig, addr, ip);
	}
	if (app && app->server && uni_cap_covers(&app->server->ddc, ip, 1)) {
		snprintf(line, sizeof(line),
			 "intravisor: internal error: LibOS cVM '%s' got SIG%s at 0x%lx (in %s+0x%lx)\n",
			 app->server->cfg->name, sigabbrev_np(sig), (unsigned long)addr,
			 app->server->cfg->runtime_name, (unsigned long)(ip - app->server->load_base));
		say(line);
		cvm_end(gate, 128 + sig);
	}
	snprintf(line, sizeof(line), "intravisor: internal error: SIG%s at 0x%lx in the monitor (ip 0x%lx)\n",
		 sigabbrev_np(sig), (unsigned long)addr, (unsigned long)ip);
	say(line);
	signal(sig, SIG_DFL); /* returning re-runs the instruction: the default action */
	return 0;
}

static __thread void *alt_stack_mem; /* each thread's own */

void crash_altstack_free(void)
{
	stack_t ss = { .ss_flags = SS_DISABLE };

	if (!alt_stack_mem)
		return;
	sigaltstack(&ss, NULL);
	munmap(alt_stack_mem, ALT_STACK_SIZE);
	alt_stack_mem = NULL;
}

int crash_handlers_install(void)
{
	void *alt_stack = alt_stack_mem;
	struct sigaction action = { 0 };

	if (!alt_stack) {
		alt_stack = mmap(NULL, ALT_STACK_SIZE, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (alt_stack == MAP_FAILED) {
			alt_stack = NULL;
			return -1;
		}
		alt_stack_mem = alt_stack;
		stack_t ss = { .ss_sp = alt_stack, .ss_size = ALT_STACK_SIZE };
		if (sigaltstack(&ss, NULL))
			return -1;
	}
	action.sa_sigaction = crash_signal_entry;
	/* NODEFER: leaving the handler for the monitor must not leave it blocked. */
	action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
	sigemptyset(&action.sa_mask);
	for (size_t i = 0; i < sizeof(fault_signals) / sizeof(fault_signals[0]); i++)
		if (sigaction(fault_signals[i], &action, NULL))
			return -1;
	return 0;
}
