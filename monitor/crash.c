#include <fcntl.h>
#include <link.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
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
#include "unwind.h"

#define ALT_STACK_SIZE (64 << 10)
/* Frames shown in a backtrace, and frames unwound (the monitor's and the
 * LibOS's are unwound through but not shown when the app is killed). */
#define CRASH_MAX_FRAMES 16
#define CRASH_MAX_STEPS 64
/* The monitor's objects a backtrace can name (itself, glibc, ld.so...). */
#define CRASH_MAX_HOST_OBJECTS 32

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

/* A file of the host, mapped read-only for its symbol table: 0 or -1.
 * Only system calls, so usable from a signal handler. */
static int map_host_file(const char *path, const void **data, size_t *size)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	void *map = fstat(fd, &st) || st.st_size <= 0 ? MAP_FAILED
						       : mmap(NULL, (size_t)st.st_size, PROT_READ,
							      MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return -1;
	*data = map;
	*size = (size_t)st.st_size;
	return 0;
}

/* The monitor's own objects (itself, glibc, ld.so, the vDSO), noted at
 * start-up: dl_iterate_phdr takes ld.so's lock, which a crash may hold. */
struct host_object {
	uint64_t start, end; /* run-time range of its PT_LOADs */
	uint64_t bias; /* run-time address of vaddr 0 */
	char path[256];
	struct unwind_object unwind;
	int has_unwind;
	const void *file; /* mapped when a report first needs its symbols */
	size_t file_size;
};
static struct host_object host_objects[CRASH_MAX_HOST_OBJECTS];
static int nhost_objects;

static int note_host_object(struct dl_phdr_info *info, size_t size, void *ctx)
{
	struct host_object *o = &host_objects[nhost_objects];

	(void)size;
	(void)ctx;
	if (nhost_objects == CRASH_MAX_HOST_OBJECTS)
		return 1; /* the rest get no frames in reports */
	o->start = UINT64_MAX;
	o->end = 0;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const Elf64_Phdr *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_LOAD)
			continue;
		if (info->dlpi_addr + ph->p_vaddr < o->start)
			o->start = info->dlpi_addr + ph->p_vaddr;
		if (info->dlpi_addr + ph->p_vaddr + ph->p_memsz > o->end)
			o->end = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
	}
	if (o->start >= o->end)
		return 0;
	o->bias = info->dlpi_addr;
	if (info->dlpi_name && info->dlpi_name[0]) {
		snprintf(o->path, sizeof(o->path), "%s", info->dlpi_name);
	} else {
		ssize_t n = readlink("/proc/self/exe", o->path, sizeof(o->path) - 1);
		o->path[n > 0 ? n : 0] = 0;
	}
	o->has_unwind = !unwind_object_from_memory(info->dlpi_phdr, info->dlpi_phnum,
						   info->dlpi_addr, &o->unwind);
	nhost_objects++;
	return 0;
}

/* Which code a frame runs, and so which stack it may use. */
enum crash_domain { IN_APP, IN_LIBOS, IN_MONITOR };

/* A backtrace being taken of the thread whose gate block is gate. */
struct crash_walk {
	struct gate_block *gate;
	const struct cvm *app; /* NULL: the thread runs no cVM */
	enum crash_domain domain; /* of the frame being unwound */
};

/* The object holding an address: what a frame line names and how to
 * unwind it. */
struct crash_object {
	char name[257];
	uint64_t base; /* run-time address of vaddr 0 */
	const void *file; /* the ELF file, for its symbols; NULL if unknown */
	size_t file_size;
	struct unwind_object unwind;
	int has_unwind;
};

static enum crash_domain domain_of(const struct crash_walk *walk, uint64_t ip)
{
	if (walk->app && uni_cap_covers(&walk->app->ddc, ip, 1))
		return IN_APP;
	if (walk->app && walk->app->server && uni_cap_covers(&walk->app->server->ddc, ip, 1))
		return IN_LIBOS;
	return IN_MONITOR;
}

/* A word of the stack of the frame being unwound: app and LibOS frames
 * only within their cVM's region, and every read through the kernel, so an
 * unmapped page ends the backtrace instead of faulting. */
static int read_stack_word(void *ctx, uint64_t addr, uint64_t *value)
{
	const struct crash_walk *walk = ctx;
	struct iovec local = { value, 8 }, remote = { (void *)addr, 8 };

	if (walk->domain == IN_APP && !uni_cap_covers(&walk->app->ddc, addr, 8))
		return -1;
	if (walk->domain == IN_LIBOS && !uni_cap_covers(&walk->app->server->ddc, addr, 8))
		return -1;
	return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == 8 ? 0 : -1;
}

/* The runtime file the monitor deployed into cVM c (libos.so, musl's
 * libc.so), for its symbol table and, for the app's, its CFI: mapped
 * again, as deploy() let it go, and only if it still has the segments
 * that were loaded. */
static struct runtime_file {
	const struct cvm *cvm;
	const void *data;
	size_t size;
} runtime_files[2];

static const void *runtime_file(const struct cvm *c, size_t *size)
{
	struct elf_image image;
	char path[4200];
	const void *data;

	for (size_t i = 0; i < sizeof(runtime_files) / sizeof(runtime_files[0]); i++) {
		struct runtime_file *f = &runtime_files[i];
		if (f->cvm == c) {
			*size = f->size;
			return f->data;
		}
		if (f->cvm)
			continue;
		f->cvm = c; /* tried once, found or not */
		if (map_host_file(c->cfg->runtime, &data, size) &&
		    (runtime_path(c->cfg->runtime_name, path, sizeof(path)) ||
		     map_host_file(path, &data, size)))
			return NULL;
		if (elf_parse(data, *size, &image, NULL, 0) || image.nsegments != c->elf.nsegments ||
		    memcmp(image.segments, c->elf.segments,
			   sizeof(image.segments[0]) * (size_t)image.nsegments)) {
			munmap((void *)data, *size);
			return NULL;
		}
		f->data = data;
		f->size = *size;
		return data;
	}
	return NULL;
}

/* The app object at ip, from ld.so's list of loaded objects (the one with
 * the highest base at or below ip), and its file in the LibOS's copy of
 * the root archive. 0, or -1 with out->name the bare address. */
static int app_object_at(const struct cvm *app, uint64_t ip, struct crash_object *out)
{
	uint64_t best_base = 0, best_name = 0;
	uint64_t debug_ptr_at = app->load_base + app->debug_addr_vaddr;
	struct elf_image image;

	if (!app->debug_addr_vaddr || !app_readable(app, debug_ptr_at, 8))
		return -1;
	uint64_t debug = *(uint64_t *)debug_ptr_at;
	if (!app_readable(app, debug, sizeof(struct musl_debug)))
		return -1;
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
		return -1;
	const char *name = (const char *)best_name;
	size_t max = app->ddc.base + app->ddc.length - best_name;
	snprintf(out->name, sizeof(out->name), "%.*s", (int)strnlen(name, max < 256 ? max : 256),
		 name);
	out->base = best_base;
	if (!app->server || find_in_rootfs(app->server, out->name, &out->file, &out->file_size))
		out->file = NULL;
	/* ld.so itself (it calls itself "/ld.so") is the runtime the monitor
	 * loaded, not a file of the archive. */
	if (!out->file && best_base == app->load_base) {
		snprintf(out->name, sizeof(out->name), "%s", app->cfg->runtime_name);
		out->file = runtime_file(app, &out->file_size);
	}
	if (out->file && !elf_parse(out->file, out->file_size, &image, NULL, 0))
		out->has_unwind = !unwind_object_from_file(&image, best_base, &out->unwind);
	return 0;
}

static void libos_object(const struct cvm *libos, struct crash_object *out)
{
	const struct elf_image *loaded = &libos->elf;

	snprintf(out->name, sizeof(out->name), "%s", libos->cfg->runtime_name);
	out->base = libos->load_base;
	if (loaded->phdr_vaddr)
		out->has_unwind = !unwind_object_from_memory(
			(const Elf64_Phdr *)(libos->load_base + loaded->phdr_vaddr), loaded->phnum,
			libos->load_base, &out->unwind);
	out->file = runtime_file(libos, &out->file_size);
}

static int host_object_at(uint64_t ip, struct crash_object *out)
{
	for (int i = 0; i < nhost_objects; i++) {
		struct host_object *o = &host_objects[i];
		if (ip < o->start || ip >= o->end)
			continue;
		snprintf(out->name, sizeof(out->name), "%s", o->path);
		out->base = o->bias;
		out->unwind = o->unwind;
		out->has_unwind = o->has_unwind;
		if (!o->file && o->path[0] == '/')
			map_host_file(o->path, &o->file, &o->file_size);
		out->file = o->file;
		out->file_size = o->file_size;
		return 0;
	}
	return -1;
}

static int object_at(const struct crash_walk *walk, uint64_t ip, struct crash_object *out)
{
	memset(out, 0, sizeof(*out));
	switch (domain_of(walk, ip)) {
	case IN_APP:
		return app_object_at(walk->app, ip, out);
	case IN_LIBOS:
		libos_object(walk->app->server, out);
		return 0;
	case IN_MONITOR:
		break;
	}
	return host_object_at(ip, out);
}

/* "FILE+0xOFFSET (function+0xOFFSET)" for ip in object; the function is
 * looked up at lookup (ip - 1 for a return address), reported from ip. */
static void describe(const struct crash_object *object, uint64_t ip, uint64_t lookup, char *out,
		     size_t size)
{
	struct elf_image image;
	const char *symbol;
	uint64_t into;

	if (object->file && !elf_parse(object->file, object->file_size, &image, NULL, 0) &&
	    !elf_symbol_at(&image, lookup - object->base + image.min_vaddr, &symbol, &into))
		snprintf(out, size, "%s+0x%lx (%s+0x%lx)", object->name,
			 (unsigned long)(ip - object->base), symbol,
			 (unsigned long)(into + ip - lookup));
	else
		snprintf(out, size, "%s+0x%lx", object->name, (unsigned long)(ip - object->base));
}

static void describe_app_address(const struct cvm *app, uint64_t ip, char *out, size_t size)
{
	struct crash_object object;

	memset(&object, 0, sizeof(object));
	if (app_object_at(app, ip, &object))
		snprintf(out, size, "0x%lx", (unsigned long)ip);
	else
		describe(&object, ip, ip, out, size);
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

static void regs_from_gregs(const uint64_t *gregs, struct unwind_regs *regs)
{
	static const uint8_t greg_of[UNWIND_NREGS] = {
		[UNWIND_RAX] = REG_RAX, [UNWIND_RDX] = REG_RDX, [UNWIND_RCX] = REG_RCX,
		[UNWIND_RBX] = REG_RBX, [UNWIND_RSI] = REG_RSI, [UNWIND_RDI] = REG_RDI,
		[UNWIND_RBP] = REG_RBP, [UNWIND_RSP] = REG_RSP, [UNWIND_R8] = REG_R8,
		[UNWIND_R9] = REG_R9,	[UNWIND_R10] = REG_R10, [UNWIND_R11] = REG_R11,
		[UNWIND_R12] = REG_R12, [UNWIND_R13] = REG_R13, [UNWIND_R14] = REG_R14,
		[UNWIND_R15] = REG_R15, [UNWIND_IP] = REG_RIP,
	};

	for (int reg = 0; reg < UNWIND_NREGS; reg++)
		regs->value[reg] = gregs[greg_of[reg]];
	regs->known = (1u << UNWIND_NREGS) - 1;
}

/* One line per frame from regs: "intravisor:   #N FILE+0xOFFSET
 * (function+0xOFFSET)", at most CRASH_MAX_FRAMES of them; is_return: the
 * first ip is a return address too (not a fault's). With app_only,
 * the frames before the first app frame (the monitor's and the LibOS's own)
 * are unwound through but not shown. Ends at a frame without CFI, at the
 * outermost one, or where the stack does not grow up (a corrupt stack);
 * going through the syscall gate, the app's rsp is the gate block's
 * (syscall_gate.S leaves it out of DWARF's reach). */
static void print_backtrace(struct crash_walk *walk, struct unwind_regs *regs, int is_return,
			    int app_only)
{
	struct crash_object object;
	char where[600], line[700];
	int shown = 0;

	for (int step = 0; step < CRASH_MAX_STEPS && shown < CRASH_MAX_FRAMES; step++) {
		uint64_t ip = regs->value[UNWIND_IP];
		/* A return address: the call is before it. */
		uint64_t lookup = step || is_return ? ip - 1 : ip;
		int found = !object_at(walk, lookup, &object);

		walk->domain = domain_of(walk, lookup);
		if (!app_only || walk->domain == IN_APP) {
			if (found)
				describe(&object, ip, lookup, where, sizeof(where));
			else
				snprintf(where, sizeof(where), "0x%lx", (unsigned long)ip);
			snprintf(line, sizeof(line), "intravisor:   #%d %s\n", shown++, where);
			say(line);
			app_only = 0;
		}
		uint64_t sp = regs->value[UNWIND_RSP];
		if (!found || !object.has_unwind ||
		    unwind_step(&object.unwind, regs, step || is_return, read_stack_word, walk))
			return;
		if (!(regs->known & 1u << UNWIND_RSP) && walk->domain == IN_LIBOS) {
			regs->value[UNWIND_RSP] = walk->gate->app_sp;
			regs->known |= 1u << UNWIND_RSP;
			/* A system call that made a signal deliverable left through
			 * signal_exit_gate, its real return address kept aside. */
			if (domain_of(walk, regs->value[UNWIND_IP]) != IN_APP)
				regs->value[UNWIND_IP] = walk->gate->sig_resume;
		}
		if (!regs->value[UNWIND_IP] || !(regs->known & 1u << UNWIND_RSP))
			return;
		if (domain_of(walk, regs->value[UNWIND_IP] - 1) == walk->domain &&
		    regs->value[UNWIND_RSP] <= sp)
			return;
	}
}

void crash_cvm_killed(int sig, uint64_t addr, uint64_t ip)
{
	struct gate_block *gate = cpu_gs_base();
	const struct cvm *app = cvm_by_id((int)gate->cvm_id);
	struct crash_walk walk = { gate, app, IN_APP };
	struct unwind_regs regs;
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
	/* A fault: the registers the crash handler saved. Otherwise the app is
	 * in a system call (abort, kill...): from here back through the
	 * host-call gate, the LibOS and the syscall gate. */
	if (ip && gate->fault.sig == sig && gate->fault.regs[REG_RIP] == ip) {
		regs_from_gregs(gate->fault.regs, &regs);
		print_backtrace(&walk, &regs, 0, 0);
	} else if (!ip) {
		unwind_regs_of_caller(&regs);
		print_backtrace(&walk, &regs, 1, 1);
	}
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
	struct crash_walk walk = { gate, app, IN_MONITOR };
	struct unwind_regs regs;
	regs_from_gregs((const uint64_t *)uc->uc_mcontext.gregs, &regs);
	if (app && app->server && uni_cap_covers(&app->server->ddc, ip, 1)) {
		snprintf(line, sizeof(line),
			 "intravisor: internal error: LibOS cVM '%s' got SIG%s at 0x%lx (in %s+0x%lx)\n",
			 app->server->cfg->name, sigabbrev_np(sig), (unsigned long)addr,
			 app->server->cfg->runtime_name, (unsigned long)(ip - app->server->load_base));
		say(line);
		print_backtrace(&walk, &regs, 0, 0);
		cvm_end(gate, 128 + sig);
	}
	snprintf(line, sizeof(line), "intravisor: internal error: SIG%s at 0x%lx in the monitor (ip 0x%lx)\n",
		 sigabbrev_np(sig), (unsigned long)addr, (unsigned long)ip);
	say(line);
	print_backtrace(&walk, &regs, 0, 0);
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

	if (!nhost_objects)
		dl_iterate_phdr(note_host_object, NULL);
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
