/* Deploying cVMs: map each region, load its runtime, give it stacks and
 * capabilities, link each app to the LibOS that serves it; then boot the
 * LibOS and run the app. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>
#include <uni/boot.h>
#include "cap.h"
#include "cpu.h"
#include "crash.h"
#include "cvm.h"
#include "host_signal.h"
#include "hostcall.h"
#include "hostfs.h"
#include "image.h"
#include "log.h"
#include "shm.h"
#include "thread.h"
#include "trace.h"
#include "vdso.h"

#define MAX_FILE_SIZE (1UL << 30)
#define LIBOS_MIN_HEAP (16UL << 20)

static struct deployment *current;

static uint64_t page_up(uint64_t x)
{
	return (x + 4095) & ~4095UL;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

struct cvm *cvm_by_id(int id)
{
	return current && id >= 0 && id < current->ncvms ? &current->cvms[id] : NULL;
}

/* Report a deployment error of cVM c as FILE:LINE: cVM 'NAME': ... */
static void cvm_error(const struct cvm *c, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	log_error("%s:%d: cVM '%s': %s", current->cfg->path, c->cfg->line, c->cfg->name, msg);
}

/* Map a whole file read-only (pages are read as they are touched, so the
 * debug sections of an unstripped runtime cost nothing); 0, or -1 with the
 * reason in err. Undo with unmap_file. */
static int map_file(const char *path, void **data, size_t *size, struct stat *info, char *err,
		    size_t errlen)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	*data = NULL;
	if (fd < 0 || fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size > MAX_FILE_SIZE) {
		snprintf(err, errlen, "%s: %s", path,
			 S_ISREG(st.st_mode) ? "larger than 1 GiB" : "not a regular file");
		goto fail;
	}
	*size = (size_t)st.st_size;
	if (info)
		*info = st;
	if (*size) {
		*data = mmap(NULL, *size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (*data == MAP_FAILED) {
			*data = NULL;
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			goto fail;
		}
	}
	close(fd);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	return -1;
}

static void unmap_file(void *data, size_t size)
{
	if (data)
		munmap(data, size);
}

static int map_region(const struct cvm *c)
{
	const struct cvm_config *cc = c->cfg;
	void *want = (void *)cc->base;
	void *got = mmap(want, cc->size, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);

	if (got == want)
		return 0;
	if (got != MAP_FAILED)
		munmap(got, cc->size); /* a kernel without MAP_FIXED_NOREPLACE */
	cvm_error(c, "cannot map its region 0x%lx-0x%lx: %s", (unsigned long)cc->base,
		  (unsigned long)(cc->base + cc->size),
		  got == MAP_FAILED && errno != EEXIST ? strerror(errno)
						       : "the range is in use in the monitor's address space");
	return -1;
}

static int protect_segments(struct cvm *c)
{
	for (int i = 0; i < c->elf.nsegments; i++) {
		const struct elf_segment *s = &c->elf.segments[i];
		uint64_t start = (c->load_base + s->vaddr) & ~4095UL;
		uint64_t end = page_up(c->load_base + s->vaddr + s->memsz);
		int prot = (s->flags & PF_R ? PROT_READ : 0) | (s->flags & PF_W ? PROT_WRITE : 0) |
			   (s->flags & PF_X ? PROT_EXEC : 0);
		if (mprotect((void *)start, end - start, prot)) {
			cvm_error(c, "cannot protect segment %d: %s", i, strerror(errno));
			return -1;
		}
	}
	return 0;
}

int runtime_path(const char *name, char *buf, size_t size)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return -1;
	exe[n] = 0;
	if ((size_t)snprintf(buf, size, "%s/../lib/musl-uni/%s", dirname(exe), name) >= size)
		return -1;
	return access(buf, F_OK);
}

/* A runtime named by its bare file name ("libos.so", "libc.so") and not
 * found beside the YAML file is the one installed next to the monitor. */
static const char *find_runtime(const struct cvm_config *cc, char *buf, size_t size)
{
	if (access(cc->runtime, F_OK) == 0 || strchr(cc->runtime_name, '/') ||
	    runtime_path(cc->runtime_name, buf, size))
		return cc->runtime;
	return buf;
}

/* Read and check the runtime ELF, and map its sealed image (monitor/image.c)
 * at the start of the cVM's region, with its SHA-256. */
static int load_runtime(struct cvm *c)
{
	const struct cvm_config *cc = c->cfg;
	char err[4200], found[8192];
	const char *path = find_runtime(cc, found, sizeof(found));
	struct stat st;

	log_detail(1, "cVM '%s': runtime %s", cc->name, path);
	if (map_file(path, &c->file, &c->file_size, &st, err, sizeof(err))) {
		cvm_error(c, "%s", err);
		return -1;
	}
	if (elf_parse(c->file, c->file_size, &c->elf, err, sizeof(err)) ||
	    image_map(&c->elf, &st, (void *)cc->begin, cc->end - cc->begin, c->sha256, err,
		      sizeof(err))) {
		cvm_error(c, "%s: %s", path, err);
		return -1;
	}
	c->load_base = cc->begin - c->elf.min_vaddr;
	c->image_end = cc->begin + c->elf.span;
	return 0;
}

static int guard_below(uint64_t stack_bottom)
{
	return mprotect((void *)(stack_bottom - GUARD_SIZE), GUARD_SIZE, PROT_NONE);
}

#define THREAD_SLOT_STRIDE (THREAD_LIBOS_STACK_SIZE + GUARD_SIZE)

/* How many thread stack slots fit below the LibOS's main stack when its heap
 * starts at heap: at most THREAD_SLOTS, and the heap keeps half of the space
 * (LIBOS_MIN_HEAP at least), so that a small region gets fewer threads
 * (thread creation fails with EAGAIN) rather than a heap it cannot boot with. */
static int libos_thread_slots(const struct cvm *libos, uint64_t heap)
{
	uint64_t top = libos->stack_top - libos->stack_size - GUARD_SIZE;

	if (top <= heap)
		return 0;
	uint64_t space = top - heap, heap_share = space / 2;
	if (heap_share < LIBOS_MIN_HEAP)
		heap_share = LIBOS_MIN_HEAP;
	if (space <= heap_share)
		return 0;
	uint64_t n = (space - heap_share) / THREAD_SLOT_STRIDE;
	return n < THREAD_SLOTS ? (int)n : THREAD_SLOTS;
}

/* Where prepare_boot puts the LibOS's heap: after its root.cpio and boot block. */
static uint64_t libos_heap_base(uint64_t rootfs, uint64_t rootfs_size)
{
	return page_up(rootfs + rootfs_size) + page_up(sizeof(struct libos_boot));
}

static void make_caps(struct cvm *c)
{
	const struct cvm_config *cc = c->cfg;
	uint32_t otype = cap_new_otype();
	uint64_t entry = c->server ? c->load_base + c->elf.entry : c->boot_entry;

	c->pcc = cap_seal(cap_make(cc->begin, c->elf.span, entry,
				   UNI_CAP_LOAD | UNI_CAP_EXECUTE | UNI_CAP_INVOKE),
			  otype);
	c->ddc = cap_seal(cap_make(cc->base, cc->size, cc->base, UNI_CAP_LOAD | UNI_CAP_STORE), otype);
}

static int deploy_libos(struct cvm *c)
{
	const struct cvm_config *cc = c->cfg;
	char err[256];
	uint64_t value;

	if (load_runtime(c))
		return -1;
	if (elf_symbol(&c->elf, "libos_boot", &value, err, sizeof(err))) {
		cvm_error(c, "not a LibOS: %s", err);
		return -1;
	}
	c->boot_entry = c->load_base + value;
	/* With --strace, system calls enter through the tracing twin of the gate. */
	const char *gate = trace.flags & TRACE_SYSCALLS ? "syscall_gate_traced" : "syscall_gate";
	if (elf_symbol(&c->elf, gate, &value, err, sizeof(err))) {
		cvm_error(c, "not a LibOS: %s", err);
		return -1;
	}
	c->syscall_gate = c->load_base + value;
	if (elf_symbol(&c->elf, "signal_fault_gate", &value, err, sizeof(err))) {
		cvm_error(c, "not a LibOS: %s", err);
		return -1;
	}
	c->fault_entry = c->load_base + value;
	if (elf_relocate(&c->elf, (void *)cc->begin, c->load_base, err, sizeof(err))) {
		cvm_error(c, "%s", err);
		return -1;
	}
	if (protect_segments(c))
		return -1;
	c->stack_size = LIBOS_STACK_SIZE;
	c->stack_top = cc->end;
	if (guard_below(c->stack_top - c->stack_size))
		return -1;
	/* Below it, the LibOS stacks of further threads: their guard pages are set
	 * when a thread first takes the slot (libos_thread_stack_top). */
	/* Its host directories, each opened once, here: a missing one fails the deployment. */
	char mount_err[4200];
	int line;
	if (hostfs_open(cc, &c->hostfs, mount_err, sizeof(mount_err), &line)) {
		log_error("%s:%d: cVM '%s': %s", current->cfg->path, line, cc->name, mount_err);
		return -1;
	}
	return 0;
}

/* musl's ld.so relocates itself. */
static int deploy_app(struct cvm *c)
{
	char err[256];

	if (load_runtime(c) || protect_segments(c))
		return -1;
	if (elf_symbol(&c->elf, "_dl_debug_addr", &c->debug_addr_vaddr, err, sizeof(err)))
		c->debug_addr_vaddr = 0; /* crash reports give raw addresses */
	c->stack_size = APP_STACK_SIZE;
	c->stack_top = c->cfg->end;
	return guard_below(c->stack_top - c->stack_size);
}

/* Which cVM serves which: an app names its LibOS in callback_out; a LibOS
 * calls the monitor and serves exactly one app. */
static int link_cvms(struct deployment *dep)
{
	for (int i = 0; i < dep->ncvms; i++) {
		struct cvm *c = &dep->cvms[i];
		if (c->cfg->callback_out_index < 0)
			continue;
		struct cvm *server = &dep->cvms[c->cfg->callback_out_index];
		if (server->cfg->callback_out_index >= 0) {
			cvm_error(c, "its callback_out '%s' is not served by the monitor",
				  c->cfg->callback_out);
			return -1;
		}
		if (server->client) {
			cvm_error(c, "LibOS '%s' already serves cVM '%s' (one app per LibOS)",
				  server->cfg->name, server->client->cfg->name);
			return -1;
		}
		c->server = server;
		server->client = c;
	}
	for (int i = 0; i < dep->ncvms; i++) {
		struct cvm *c = &dep->cvms[i];
		if (!c->server && !c->client) {
			cvm_error(c, "calls the monitor and serves no cVM: standalone cVMs are not "
				     "supported");
			return -1;
		}
	}
	return 0;
}

static void print_deployed(const struct cvm *c, double ms)
{
	char hex[65];

	for (int i = 0; i < 32; i++)
		sprintf(hex + 2 * i, "%02x", c->sha256[i]);
	log_detail(current->opts.quiet, "cVM '%s': region 0x%lx-0x%lx, entry 0x%lx, deployed in %.2f ms, sha256 %s",
		 c->cfg->name, (unsigned long)c->cfg->base,
		 (unsigned long)(c->cfg->base + c->cfg->size), (unsigned long)c->pcc.cursor, ms, hex);
	log_detail(1 + current->opts.quiet, "  %s image: %d segments, 0x%lx-0x%lx", c->cfg->name, c->elf.nsegments, (unsigned long)c->cfg->begin,
		   (unsigned long)c->image_end);
	for (int i = 0; i < c->elf.nsegments; i++) {
		const struct elf_segment *s = &c->elf.segments[i];
		log_detail(1, "  %s   segment %d: 0x%lx-0x%lx file 0x%lx+0x%lx %c%c%c", c->cfg->name,
			   i, (unsigned long)(c->load_base + s->vaddr),
			   (unsigned long)(c->load_base + s->vaddr + s->memsz),
			   (unsigned long)s->offset, (unsigned long)s->filesz,
			   s->flags & PF_R ? 'r' : '-', s->flags & PF_W ? 'w' : '-',
			   s->flags & PF_X ? 'x' : '-');
	}
	cap_print(c->cfg->name, "PCC", &c->pcc);
	cap_print(c->cfg->name, "DDC", &c->ddc);
	struct uni_cap stack = cap_make(c->stack_top - c->stack_size, c->stack_size, c->stack_top,
					UNI_CAP_LOAD | UNI_CAP_STORE);
	cap_print(c->cfg->name, "stack", &stack);
	if (c->client) {
		struct uni_cap gate = cap_seal(cap_make(c->cfg->begin, c->elf.span, c->syscall_gate,
							UNI_CAP_EXECUTE | UNI_CAP_INVOKE),
					       c->pcc.otype);
		cap_print(c->cfg->name, "syscall-gate", &gate);
	} else {
		struct uni_cap host = cap_seal(cap_make((uint64_t)hostcall_gate, 1,
							(uint64_t)hostcall_gate,
							UNI_CAP_EXECUTE | UNI_CAP_INVOKE),
					       c->server->pcc.otype);
		cap_print(c->server->cfg->name, "host-call", &host);
		struct uni_cap ret = cap_seal(cap_make((uint64_t)cvm_return, 1, (uint64_t)cvm_return,
						       UNI_CAP_EXECUTE | UNI_CAP_INVOKE),
					      c->pcc.otype);
		cap_print(c->cfg->name, "return", &ret);
	}
}

int deploy(const struct config *cfg, const struct deploy_options *opts, struct deployment *dep)
{
	memset(dep, 0, sizeof(*dep));
	dep->cfg = cfg;
	if (opts)
		dep->opts = *opts;
	dep->cvms = calloc((size_t)cfg->ncvms, sizeof(*dep->cvms));
	if (!dep->cvms) {
		log_error("out of memory");
		return -1;
	}
	for (int i = 0; i < cfg->ncvms; i++) {
		dep->cvms[i].cfg = &cfg->cvms[i];
		dep->cvms[i].id = i;
	}
	dep->ncvms = cfg->ncvms;
	current = dep;
	if (link_cvms(dep))
		goto fail;
	for (int i = 0; i < dep->ncvms; i++) {
		struct cvm *c = &dep->cvms[i];
		double start = now_ms();
		if (map_region(c)) {
			dep->ncvms = i; /* only the ones mapped are unmapped */
			goto fail;
		}
		if (c->client ? deploy_libos(c) : deploy_app(c))
			goto fail;
		make_caps(c);
		print_deployed(c, now_ms() - start);
		/* Everything needed later was copied out of the file. */
		unmap_file(c->file, c->file_size);
		c->file = NULL;
		c->elf.buf = NULL;
		c->elf.len = 0;
	}
	return 0;
fail:
	deployment_free(dep);
	return -1;
}

void deployment_free(struct deployment *dep)
{
	for (int i = 0; i < dep->ncvms && dep->cvms; i++) {
		munmap((void *)dep->cvms[i].cfg->base, dep->cvms[i].cfg->size);
		unmap_file(dep->cvms[i].file, dep->cvms[i].file_size);
		hostfs_close(dep->cvms[i].hostfs);
	}
	free(dep->cvms);
	if (dep->main_gate)
		munmap(dep->main_gate, page_up(sizeof(struct gate_block)) + cpu_xsave_size());
	if (current == dep)
		current = NULL;
	memset(dep, 0, sizeof(*dep));
}

/* The boot information goes right after the LibOS's image: its root.cpio,
 * then struct libos_boot, then the LibOS's heap up to its stack's guard. */
static int prepare_boot(struct cvm *libos, struct libos_boot **out)
{
	const struct cvm_config *lc = libos->cfg;
	struct cvm *app = libos->client;
	char disk[4096], err[4200];
	const void *cpio;
	void *mapped = NULL;
	size_t cpio_size;

	if (lc->disk[0]) {
		snprintf(disk, sizeof(disk), "%s", lc->disk);
	} else {
		char dir[4096];
		snprintf(dir, sizeof(dir), "%s", current->cfg->path);
		snprintf(disk, sizeof(disk), "%s/root.cpio", dirname(dir));
	}
	if (current->opts.rootfs) {
		snprintf(disk, sizeof(disk), "root file system");
		cpio = current->opts.rootfs;
		cpio_size = current->opts.rootfs_size;
	} else if (map_file(disk, &mapped, &cpio_size, NULL, err, sizeof(err))) {
		cvm_error(libos, "disk %s", err);
		return -1;
	} else {
		cpio = mapped;
	}
	uint64_t rootfs = libos->image_end;
	uint64_t boot_at = page_up(rootfs + cpio_size);
	uint64_t heap = libos_heap_base(rootfs, cpio_size);
	uint64_t heap_end = libos->stack_top - libos->stack_size - GUARD_SIZE -
			    (uint64_t)libos_thread_slots(libos, heap) * THREAD_SLOT_STRIDE;
	if (heap > heap_end || heap_end - heap < LIBOS_MIN_HEAP) {
		cvm_error(libos, "region too small for its runtime, its disk %s (%zu bytes) and a %lu MiB heap",
			  disk, cpio_size, LIBOS_MIN_HEAP >> 20);
		unmap_file(mapped, cpio_size);
		return -1;
	}
	if (cpio_size)
		memcpy((void *)rootfs, cpio, cpio_size);
	libos->rootfs_addr = rootfs;
	libos->rootfs_size = cpio_size;
	unmap_file(mapped, cpio_size);

	struct libos_boot *boot = (struct libos_boot *)boot_at;
	memset(boot, 0, sizeof(*boot));
	boot->version = LIBOS_BOOT_VERSION;
	boot->verbose = (uint32_t)log_level;
	boot->trace_flags = trace.flags;
	boot->ignored_signals = host_signals_ignored_at_start();
	boot->host_clock_gettime = vdso_function("__vdso_clock_gettime");
	cpu_set_t cpus;
	boot->host_cpus = sched_getaffinity(0, sizeof(cpus), &cpus) ? 1 : (uint32_t)CPU_COUNT(&cpus);
	cpu_names(boot->cpu_vendor, boot->cpu_model);
	snprintf(boot->cwd, sizeof(boot->cwd), "%s", current->opts.cwd ? current->opts.cwd : "/");
	boot->heap_base = heap;
	boot->heap_size = heap_end - heap;
	boot->rootfs = rootfs;
	boot->rootfs_size = cpio_size;
	size_t name_len = strnlen(disk, sizeof(boot->rootfs_name) - 1);
	memcpy(boot->rootfs_name, disk, name_len); /* for messages: the end is enough */
	boot->rootfs_name[name_len] = 0;
	boot->app_base = app->cfg->base;
	boot->app_size = app->cfg->size;
	boot->app_brk = app->image_end;
	boot->app_mmap_base = app->image_end;
	boot->app_mmap_end = app->stack_top - app->stack_size - GUARD_SIZE;
	for (int i = 0; i < app->elf.nsegments; i++) {
		const struct elf_segment *s = &app->elf.segments[i];
		struct libos_boot_vma *v = &boot->app_vmas[boot->app_nvmas++];
		v->start = (app->load_base + s->vaddr) & ~4095UL;
		v->end = page_up(app->load_base + s->vaddr + s->memsz);
		v->prot = (s->flags & PF_R ? PROT_READ : 0) | (s->flags & PF_W ? PROT_WRITE : 0) |
			  (s->flags & PF_X ? PROT_EXEC : 0);
	}
	boot->app_vmas[boot->app_nvmas++] = (struct libos_boot_vma){
		app->stack_top - app->stack_size, app->stack_top, PROT_READ | PROT_WRITE
	};
	hostfs_fill_boot(libos->hostfs, lc, boot);
	*out = boot;
	return 0;
}

/* The initial stack of the app's ld.so, as the kernel builds it for a
 * program: argc, argv, envp, auxv, then the strings they point to. */
static uint64_t build_app_stack(const struct cvm *app)
{
	static const char *const default_envp[] = { "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/",
						    NULL };
	const char *const *envp = current->opts.envp ? current->opts.envp : default_envp;
	const struct cvm_config *cc = app->cfg;
	uint64_t sp = app->stack_top;
	uint64_t argv_at[CONFIG_MAX_ARGS], envp_at[DEPLOY_MAX_ENV];
	int envc = 0;

	for (int i = cc->argc - 1; i >= 0; i--) {
		sp -= strlen(cc->argv[i]) + 1;
		strcpy((char *)sp, cc->argv[i]);
		argv_at[i] = sp;
	}
	for (; envp[envc] && envc < DEPLOY_MAX_ENV; envc++) {
		sp -= strlen(envp[envc]) + 1;
		strcpy((char *)sp, envp[envc]);
		envp_at[envc] = sp;
	}
	sp -= 16;
	uint64_t random_at = sp;
	getentropy((void *)random_at, 16);
	sp &= ~15UL;

	uint64_t auxv[][2] = {
		{ AT_PHDR, app->load_base + app->elf.phdr_vaddr },
		{ AT_PHENT, app->elf.phentsize },
		{ AT_PHNUM, app->elf.phnum },
		{ AT_PAGESZ, 4096 },
		{ AT_BASE, 0 },
		{ AT_FLAGS, 0 },
		{ AT_ENTRY, app->load_base + app->elf.entry },
		{ AT_UID, 0 },
		{ AT_EUID, 0 },
		{ AT_GID, 0 },
		{ AT_EGID, 0 },
		{ AT_SECURE, 0 },
		{ AT_HWCAP, cpu_hwcap() },
		{ AT_CLKTCK, 100 },
		{ AT_RANDOM, random_at },
		{ AT_EXECFN, cc->argc ? argv_at[0] : 0 },
		{ AT_NULL, 0 },
	};
	size_t words = 1 + (size_t)cc->argc + 1 + (size_t)envc + 1 + sizeof(auxv) / 8;
	sp -= words * 8;
	sp &= ~15UL; /* rsp is 16-byte aligned at argc */
	uint64_t *w = (uint64_t *)sp;
	*w++ = (uint64_t)cc->argc;
	for (int i = 0; i < cc->argc; i++)
		*w++ = argv_at[i];
	*w++ = 0;
	for (int i = 0; i < envc; i++)
		*w++ = envp_at[i];
	*w++ = 0;
	memcpy(w, auxv, sizeof(auxv));
	return sp;
}

static struct gate_block *gate_new(void)
{
	size_t header = page_up(sizeof(struct gate_block));
	void *block = mmap(NULL, header + cpu_xsave_size(), PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (block == MAP_FAILED) {
		log_error("cannot allocate a gate block: %s", strerror(errno));
		return NULL;
	}
	struct gate_block *gate = block;
	gate->self = gate;
	gate->xsave_area = (uint64_t)block + header;
	gate->hostcall_entry = (uint64_t)hostcall_gate;
	/* INTRAVISOR_NO_FSGSBASE=1 takes the arch_prctl path even where
	 * wrfsbase works, so that the fallback is tested too. */
	gate->has_fsgsbase = !getenv("INTRAVISOR_NO_FSGSBASE") && cpu_has_fsgsbase();
	log_detail(1, "thread pointer switch: %s", gate->has_fsgsbase ? "wrfsbase" : "arch_prctl");
	return gate;
}

uint64_t libos_thread_stack_top(const struct cvm *libos, int i)
{
	uint64_t heap = libos_heap_base(libos->rootfs_addr, libos->rootfs_size);

	if (i < 0 || i >= libos_thread_slots(libos, heap))
		return 0;
	uint64_t top = libos->stack_top - libos->stack_size - GUARD_SIZE -
		       (uint64_t)i * THREAD_SLOT_STRIDE;
	/* Set on every use: one mprotect per thread instead of one per slot at
	 * deploy, and a page that is already PROT_NONE stays so. */
	if (guard_below(top - THREAD_LIBOS_STACK_SIZE)) {
		log_error("cannot set the guard page of LibOS thread stack %d: %s", i,
			  strerror(errno));
		return 0;
	}
	return top;
}

/* A thread's signal state, all but its mask, as a new thread starts. */
static void signals_fresh(struct gate_block *gate)
{
	gate->sig_pending = gate->sig_waited = gate->sig_saved_blocked = 0;
	gate->sig_has_saved = gate->restart_nr = gate->restart_how = 0;
	memset(gate->sig_code, 0, sizeof(gate->sig_code));
	gate->thread_next = NULL;
	gate->interrupt = 0;
	gate->sig_resume = gate->sig_frame = 0;
	gate->sas_sp = gate->sas_size = 0; /* a new thread has no sigaltstack */
}

struct gate_block *gate_clone(const struct gate_block *from, int tid, uint64_t libos_sp)
{
	size_t header = page_up(sizeof(struct gate_block));
	void *block = mmap(NULL, header + cpu_xsave_size(), PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (block == MAP_FAILED)
		return NULL;
	struct gate_block *gate = block;
	gate->xsave_area = (uint64_t)block + header;
	gate_reuse(gate, from, tid, libos_sp);
	return gate;
}

void gate_reuse(struct gate_block *gate, const struct gate_block *from, int tid,
		uint64_t libos_sp)
{
	uint64_t xsave_area = gate->xsave_area;

	*gate = *from;
	gate->self = gate;
	gate->xsave_area = xsave_area;
	gate->app_sp = 0;
	gate->monitor_sp = 0; /* set when it enters the cVM */
	gate->libos_sp = libos_sp;
	gate->tid = tid;
	gate->clear_child_tid = 0;
	signals_fresh(gate); /* it keeps its creator's signal mask, nothing else */
}

void gate_free(struct gate_block *gate)
{
	munmap(gate, page_up(sizeof(struct gate_block)) + cpu_xsave_size());
}

static void gate_attach(struct gate_block *gate, const struct cvm *app)
{
	const struct cvm *libos = app->server;

	gate->syscall_entry = libos->syscall_gate;
	gate->libos_sp = libos->stack_top;
	gate->monitor_fs = cpu_fs_base();
	gate->app_fs = 0;
	gate->app_pcc = app->pcc;
	gate->app_ddc = app->ddc;
	gate->libos_pcc = libos->pcc;
	gate->libos_ddc = libos->ddc;
	gate->stack = cap_make(app->stack_top - app->stack_size, app->stack_size, app->stack_top,
			       UNI_CAP_LOAD | UNI_CAP_STORE);
	gate->tls = cap_make(app->cfg->base, app->cfg->size, 0, UNI_CAP_LOAD | UNI_CAP_STORE);
	gate->cvm_id = (uint32_t)app->id;
	gate->tid = 1;
	gate->clear_child_tid = 0;
	gate->sig_blocked = 0;
	signals_fresh(gate);
}

static int run_pair(struct deployment *dep, struct cvm *app)
{
	struct cvm *libos = app->server;
	struct gate_block *gate = dep->main_gate;
	struct libos_boot *boot;

	if (cap_check_pair(&libos->pcc, &libos->ddc) || cap_check_pair(&app->pcc, &app->ddc)) {
		cvm_error(app, "capability pair rejected by the gate");
		return -1;
	}
	if (prepare_boot(libos, &boot))
		return -1;
	gate_attach(gate, app);
	if (cpu_set_gs_base((uint64_t)gate) || crash_handlers_install()) {
		log_error("cannot set up the thread for cVMs: %s", strerror(errno));
		return -1;
	}

	/* A C entry returns into cvm_return, which leads back here. */
	uint64_t sp = libos->stack_top - 8;
	*(uint64_t *)sp = (uint64_t)cvm_return;
	long err = cvm_enter(gate, libos->boot_entry, sp, (uint64_t)boot);
	if (err) {
		cvm_error(libos, "boot failed: %s", strerror((int)-err));
		return -1;
	}
	log_detail(1, "cVM '%s': booted, starting cVM '%s'", libos->cfg->name, app->cfg->name);
	gate->app_fs = 0;
	threads_begin(gate);
	int status = (int)cvm_enter(gate, app->load_base + app->elf.entry, build_app_stack(app), 0);
	threads_end();
	shm_release_all((uint32_t)app->id);
	return status;
}

int deployment_run(struct deployment *dep)
{
	int status = 0;

	dep->main_gate = gate_new();
	if (!dep->main_gate)
		return -1;
	for (int i = 0; i < dep->ncvms && status >= 0; i++)
		if (dep->cvms[i].server)
			status = run_pair(dep, &dep->cvms[i]);
	return status;
}
