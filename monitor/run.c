/* intravisor run [OPTIONS] PROG [ARGS...]: one program in a fresh LibOS and
 * musl cVM pair, without a YAML file, like `runsc do`. The root file system
 * is assembled in memory: the program under /app/, the shared libraries it
 * needs under /usr/lib/, and the /etc basics. */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "config.h"
#include "cvm.h"
#include "elf.h"
#include "log.h"
#include "options.h"
#include "rootfs.h"
#include "run.h"
#include "trace.h"

#define MUSL_INTERP "/lib/ld-musl-x86_64.so.1"
#define LIBOS_BASE 0x400000000ULL
#define LIBOS_SIZE 0x40000000ULL
#define APP_BASE 0x440000000ULL
#define APP_MIN_SIZE (16ULL << 20)
#define MAX_LIB_PATHS 16

/* Exit statuses, as a shell gives them. */
#define EXIT_USAGE 2
#define EXIT_CANNOT_EXECUTE 126
#define EXIT_NOT_FOUND 127

struct run_request {
	const char *program;
	char *const *args;
	int nargs;
	const char *lib_paths[MAX_LIB_PATHS];
	int nlib_paths;
	const char *base_rootfs;
	const char *cwd;
	const char *print_yaml;
	uint64_t memory;
	const char *envp[DEPLOY_MAX_ENV + 1];
	int nenv;
	char *const *files; /* HOST:GUEST pairs, from argv */
	int nfiles;
	struct mount_config *mounts; /* --mount HOST:GUEST[:ro] */
	const char *mount_specs[CONFIG_MAX_MOUNTS];
	int nmounts;
};

static const char *const etc_files[][2] = {
	{ "etc/passwd", "root:x:0:0:root:/root:/bin/sh\n" },
	{ "etc/group", "root:x:0:\n" },
	{ "etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost\n" },
	{ "etc/hostname", "musl-uni\n" },
};

static void run_usage(FILE *out)
{
	options_usage(out,
		      "usage: intravisor run [OPTIONS] PROG [ARGS...]\n"
		      "Run PROG, built with uni-cc, in a fresh LibOS and musl cVM pair.\n"
		      "Exit status: the program's; 128+N if signal N ended it; 127 if PROG or a "
		      "library is missing;\n126 if it cannot be run under musl-uni; 2 for bad usage; "
		      "1 if deployment failed.\n",
		      run_options);
}

static int parse_size(const char *text, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long value = strtoull(text, &end, 0);
	int shift = 0;

	switch (*end) {
	case 'K': case 'k': shift = 10; end++; break;
	case 'M': case 'm': shift = 20; end++; break;
	case 'G': case 'g': shift = 30; end++; break;
	}
	if (errno || end == text || *end || value > (CONFIG_USER_SPACE_END >> shift))
		return -1;
	*out = (uint64_t)value << shift;
	return 0;
}

/* --mount HOST:GUEST[:ro] (or :rw): the last colon before GUEST ends HOST. */
static int parse_mount(const char *spec, struct run_request *req)
{
	static struct mount_config mounts[CONFIG_MAX_MOUNTS];
	struct mount_config *m = &mounts[req->nmounts];
	char copy[sizeof(m->host) + sizeof(m->guest) + 4];
	const char *problem = NULL;
	size_t len = strlen(spec);

	req->mounts = mounts;
	if (req->nmounts == CONFIG_MAX_MOUNTS) {
		log_error("run: --mount %s: more than %d --mount options (limit CONFIG_MAX_MOUNTS)",
			  spec, CONFIG_MAX_MOUNTS);
		return -1;
	}
	memset(m, 0, sizeof(*m));
	if (len >= sizeof(copy))
		len = sizeof(copy) - 1;
	memcpy(copy, spec, len);
	copy[len] = 0;
	if (len > 3 && (!strcmp(copy + len - 3, ":ro") || !strcmp(copy + len - 3, ":rw"))) {
		m->read_only = copy[len - 2] == 'r' && copy[len - 1] == 'o';
		copy[len - 3] = 0;
	}
	char *colon = strrchr(copy, ':');
	if (!colon || colon == copy || strlen(copy) >= sizeof(m->host)) {
		log_error("run: --mount %s: expected HOST:GUEST[:ro]", spec);
		return -1;
	}
	*colon = 0;
	snprintf(m->host, sizeof(m->host), "%s", copy);
	problem = config_guest_path(colon + 1, m->guest);
	if (problem) {
		log_error("run: --mount %s: GUEST %s", spec, problem);
		return -1;
	}
	for (int i = 0; i < req->nmounts; i++) {
		const char *nest = config_guest_paths_nest(m->guest, mounts[i].guest);
		if (nest) {
			log_error("run: --mount %s: GUEST %s %s the GUEST of --mount %s", spec,
				  m->guest, nest, req->mount_specs[i]);
			return -1;
		}
	}
	m->line = 1;
	req->mount_specs[req->nmounts++] = spec;
	return 0;
}

static int parse_options(int argc, char **argv, struct run_request *req)
{
	struct option options[OPTIONS_MAX + 1];
	char shorts[2 * OPTIONS_MAX + 2];
	static char *files[CONFIG_MAX_ARGS];
	char err[1024];
	int opt;

	req->memory = LIBOS_SIZE;
	req->files = files;
	argv[0] = "intravisor run"; /* how getopt names us in its messages */
	optind = 1;
	/* Options end at PROG: PROG's own options are its arguments. */
	options_getopt(run_options, options, shorts);
	while ((opt = getopt_long(argc, argv, shorts, options, NULL)) != -1) {
		switch (opt) {
		case OPT_FILE:
			if (!strchr(optarg, ':') || req->nfiles == CONFIG_MAX_ARGS) {
				log_error("run: --file %s: %s", optarg,
					  strchr(optarg, ':') ? "too many --file options"
							      : "expected HOST:GUEST");
				return -1;
			}
			files[req->nfiles++] = optarg;
			break;
		case OPT_MOUNT:
			if (parse_mount(optarg, req))
				return -1;
			break;
		case OPT_ROOTFS:
			req->base_rootfs = optarg;
			break;
		case OPT_LIB_PATH:
			if (req->nlib_paths == MAX_LIB_PATHS) {
				log_error("run: more than %d --lib-path options", MAX_LIB_PATHS);
				return -1;
			}
			req->lib_paths[req->nlib_paths++] = optarg;
			break;
		case OPT_CWD:
			if (optarg[0] != '/' || strlen(optarg) >= 256) {
				log_error("run: --cwd %s: must be an absolute path under 256 bytes",
					  optarg);
				return -1;
			}
			req->cwd = optarg;
			break;
		case OPT_ENV:
			if (!strchr(optarg, '=') || optarg[0] == '=' || req->nenv == DEPLOY_MAX_ENV ||
			    strlen(optarg) > 4096) {
				log_error("run: --env %s: expected K=V (at most %d, 4 KiB each)", optarg,
					  DEPLOY_MAX_ENV);
				return -1;
			}
			req->envp[req->nenv++] = optarg;
			break;
		case OPT_MEMORY:
			if (parse_size(optarg, &req->memory) || req->memory % 4096 ||
			    req->memory < APP_MIN_SIZE ||
			    req->memory > CONFIG_USER_SPACE_END - APP_BASE) {
				log_error("run: --memory %s: expected a multiple of 4 KiB from 16M to "
					  "%lluG",
					  optarg, (CONFIG_USER_SPACE_END - APP_BASE) >> 30);
				return -1;
			}
			break;
		case OPT_PRINT_YAML:
			req->print_yaml = optarg;
			break;
		case OPT_STRACE:
			if (trace_configure(optarg, err, sizeof(err))) {
				log_error("%s", err);
				return -1;
			}
			break;
		case OPT_LOG:
			if (log_to_file(optarg))
				return -1;
			break;
		case 'v':
			log_level++;
			break;
		case 'h':
			run_usage(stdout);
			exit(0);
		default:
			run_usage(stderr);
			return -1;
		}
	}
	if (optind >= argc) {
		run_usage(stderr);
		return -1;
	}
	req->program = argv[optind];
	req->args = argv + optind + 1;
	req->nargs = argc - optind - 1;
	if (req->nargs + 2 > CONFIG_MAX_ARGS) {
		log_error("run: more than %d arguments", CONFIG_MAX_ARGS - 2);
		return -1;
	}
	return 0;
}

/* musl's ld.so provides these itself; they are never files. */
static int provided_by_libc(const char *name)
{
	static const char *const builtin[] = { "libc.so",      "libdl.so",   "libpthread.so",
					       "librt.so",     "libm.so",    "libutil.so",
					       "libxnet.so",   "libcrypt.so", "ld-musl-" };
	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (!strncmp(name, builtin[i], strlen(builtin[i])))
			return 1;
	return 0;
}

struct closure {
	const struct run_request *req;
	struct rootfs *rootfs;
	char sysroot_lib[PATH_MAX];
	int status;
};

static int add_library(const char *name, void *ctx);

/* Add an ELF file's DT_NEEDED libraries, and theirs. */
static int add_needed_of(struct closure *c, const char *host_path)
{
	struct elf_image img;
	char err[512];
	FILE *f = fopen(host_path, "rb");
	struct stat st;
	void *data = NULL;
	int ret = -1;

	if (!f || fstat(fileno(f), &st) || !(data = malloc(st.st_size ? (size_t)st.st_size : 1)) ||
	    fread(data, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
		log_error("run: %s: %s", host_path, f ? "cannot read" : strerror(errno));
		goto out;
	}
	if (elf_parse(data, (size_t)st.st_size, &img, err, sizeof(err))) {
		log_error("run: %s: %s", host_path, err);
		goto out;
	}
	ret = elf_needed(&img, add_library, c, err, sizeof(err));
	if (ret < 0 && c->status == 0)
		log_error("run: %s: %s", host_path, err);
out:
	if (f)
		fclose(f);
	free(data);
	return ret;
}

static int add_library(const char *name, void *ctx)
{
	struct closure *c = ctx;
	char guest[PATH_MAX], host[PATH_MAX];
	char err[1024];

	if (provided_by_libc(name))
		return 0;
	snprintf(guest, sizeof(guest), "usr/lib/%s", name);
	if (rootfs_has(c->rootfs, guest))
		return 0;
	for (int i = 0; i <= c->req->nlib_paths; i++) {
		const char *dir = i < c->req->nlib_paths ? c->req->lib_paths[i] : c->sysroot_lib;
		if ((size_t)snprintf(host, sizeof(host), "%s/%s", dir, name) >= sizeof(host) ||
		    access(host, R_OK))
			continue;
		if (rootfs_add_host(c->rootfs, host, guest, err, sizeof(err))) {
			log_error("run: %s", err);
			return -1;
		}
		log_detail(1, "run: /%s from %s", guest, host);
		return add_needed_of(c, host);
	}
	log_error("run: %s needs %s, found neither in --lib-path nor in %s", c->req->program, name,
		  c->sysroot_lib);
	c->status = EXIT_NOT_FOUND;
	return -1;
}

/* Is PROG something musl's ld.so can run? 0, or the exit status. */
static int check_program(const char *path)
{
	char err[512];
	struct elf_image img;
	struct stat st;

	if (stat(path, &st)) {
		log_error("run: %s: %s", path, strerror(errno));
		return errno == ENOENT || errno == ENOTDIR ? EXIT_NOT_FOUND : EXIT_CANNOT_EXECUTE;
	}
	if (!S_ISREG(st.st_mode) || access(path, R_OK)) {
		log_error("run: %s: %s", path, S_ISREG(st.st_mode) ? strerror(errno) : "not a file");
		return EXIT_CANNOT_EXECUTE;
	}
	FILE *f = fopen(path, "rb");
	void *data = malloc(st.st_size ? (size_t)st.st_size : 1);
	int ok = f && data && fread(data, 1, (size_t)st.st_size, f) == (size_t)st.st_size;
	int status = 0;
	if (!ok) {
		log_error("run: %s: cannot read", path);
		status = EXIT_CANNOT_EXECUTE;
	} else if (elf_parse(data, (size_t)st.st_size, &img, err, sizeof(err))) {
		log_error("run: %s: not a musl-uni program (%s); build it with uni-cc", path, err);
		status = EXIT_CANNOT_EXECUTE;
	} else if (!elf_interp(&img)) {
		log_error("run: %s: not a musl-uni program (statically linked); build it with uni-cc",
			  path);
		status = EXIT_CANNOT_EXECUTE;
	} else if (strcmp(elf_interp(&img), MUSL_INTERP)) {
		log_error("run: %s: not a musl-uni program (its interpreter is %s); build it with "
			  "uni-cc",
			  path, elf_interp(&img));
		status = EXIT_CANNOT_EXECUTE;
	}
	if (f)
		fclose(f);
	free(data);
	return status;
}

static int build_rootfs(const struct run_request *req, struct rootfs *rootfs, const char *name)
{
	struct closure closure = { .req = req, .rootfs = rootfs };
	char guest[PATH_MAX], err[1024], sysroot_libc[PATH_MAX];
	struct stat st;

	if (runtime_path("libc.so", sysroot_libc, sizeof(sysroot_libc))) {
		log_error("run: musl-uni's libc.so is not installed next to intravisor");
		return 1;
	}
	/* uni-cc's sysroot: build/lib/musl-uni/../../sysroot/usr/lib */
	char sysroot_lib[PATH_MAX + 32];
	snprintf(sysroot_lib, sizeof(sysroot_lib), "%s/../../sysroot/usr/lib", dirname(sysroot_libc));
	if (!realpath(sysroot_lib, closure.sysroot_lib)) {
		log_error("run: uni-cc's sysroot %s: %s", sysroot_lib, strerror(errno));
		return 1;
	}
	if (req->base_rootfs) {
		int is_dir = !stat(req->base_rootfs, &st) && S_ISDIR(st.st_mode);
		if (is_dir ? rootfs_add_host(rootfs, req->base_rootfs, "/", err, sizeof(err))
			   : rootfs_add_archive(rootfs, req->base_rootfs, err, sizeof(err))) {
			log_error("run: --rootfs %s", err);
			return 1;
		}
	}
	for (int i = 0; i < req->nfiles; i++) {
		char spec[PATH_MAX * 2];
		snprintf(spec, sizeof(spec), "%s", req->files[i]);
		char *colon = strrchr(spec, ':');
		*colon = 0;
		if (colon[1] != '/' ||
		    rootfs_add_host(rootfs, spec, colon + 1, err, sizeof(err))) {
			log_error("run: --file %s: %s", req->files[i],
				  colon[1] != '/' ? "GUEST must be an absolute path" : err);
			return 1;
		}
	}
	snprintf(guest, sizeof(guest), "app/%s", name);
	if (rootfs_add_host(rootfs, req->program, guest, err, sizeof(err))) {
		log_error("run: %s", err);
		return 1;
	}
	for (size_t i = 0; i < sizeof(etc_files) / sizeof(etc_files[0]); i++)
		if (!rootfs_has(rootfs, etc_files[i][0]) &&
		    rootfs_add_data(rootfs, etc_files[i][0], S_IFREG | 0644, etc_files[i][1],
				    strlen(etc_files[i][1]), err, sizeof(err))) {
			log_error("run: %s", err);
			return 1;
		}
	if (!rootfs_has(rootfs, "tmp") &&
	    rootfs_add_data(rootfs, "tmp", S_IFDIR | 01777, NULL, 0, err, sizeof(err))) {
		log_error("run: %s", err);
		return 1;
	}
	if (add_needed_of(&closure, req->program))
		return closure.status ? closure.status : 1;
	if (rootfs_finish(rootfs, err, sizeof(err))) {
		log_error("run: %s", err);
		return 1;
	}
	return 0;
}

static void fill_cvm(struct cvm_config *cc, const char *name, const char *runtime,
		     uint64_t base, uint64_t size, int line)
{
	snprintf(cc->name, sizeof(cc->name), "%s", name);
	snprintf(cc->runtime, sizeof(cc->runtime), "%s", runtime);
	snprintf(cc->runtime_name, sizeof(cc->runtime_name), "%s", strrchr(runtime, '/') + 1);
	cc->base = cc->begin = base;
	cc->size = size;
	cc->end = base + size;
	cc->wait = -1;
	cc->line = line;
}

/* The configuration a YAML file would give: a LibOS and the app. */
static int build_config(const struct run_request *req, const char *name, struct config *cfg,
			struct cvm_config cvms[2], char **argv)
{
	char libos[PATH_MAX], libc[PATH_MAX];

	if (runtime_path("libos.so", libos, sizeof(libos)) ||
	    runtime_path("libc.so", libc, sizeof(libc))) {
		log_error("run: libos.so and libc.so are not installed next to intravisor");
		return -1;
	}
	memset(cfg, 0, sizeof(*cfg));
	memset(cvms, 0, 2 * sizeof(cvms[0]));
	snprintf(cfg->path, sizeof(cfg->path), "intravisor run");
	cfg->ncvms = 2;
	cfg->cvms = cvms;
	fill_cvm(&cvms[0], "libos", libos, LIBOS_BASE, LIBOS_SIZE, 1);
	cvms[0].callback_out_index = -1;
	snprintf(cvms[0].callback_out, sizeof(cvms[0].callback_out), "monitor");
	cvms[0].nmounts = req->nmounts;
	cvms[0].mounts = req->mounts;
	fill_cvm(&cvms[1], name, libc, APP_BASE, req->memory, 2);
	cvms[1].callback_out_index = 0;
	snprintf(cvms[1].callback_out, sizeof(cvms[1].callback_out), "libos.so");
	argv[0] = "/ld.so";
	argv[1] = malloc(strlen(name) + 6);
	if (!argv[1])
		return -1;
	sprintf(argv[1], "/app/%s", name);
	for (int i = 0; i < req->nargs; i++)
		argv[i + 2] = req->args[i];
	argv[req->nargs + 2] = NULL;
	cvms[1].argc = req->nargs + 2;
	memcpy(cvms[1].argv, argv, (size_t)(cvms[1].argc + 1) * sizeof(char *));
	return 0;
}

/* Each --mount's HOST must be a directory; it is kept as an absolute path, which a YAML file
 * written by --print-yaml can use from anywhere. 0, or 1 (reported). */
static int check_mounts(struct run_request *req)
{
	char path[PATH_MAX];
	struct stat st;

	for (int i = 0; i < req->nmounts; i++) {
		struct mount_config *m = &req->mounts[i];
		if (!realpath(m->host, path) || stat(path, &st)) {
			log_error("run: --mount %s: %s", req->mount_specs[i], strerror(errno));
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			log_error("run: --mount %s: %s", req->mount_specs[i], strerror(ENOTDIR));
			return 1;
		}
		snprintf(m->host, sizeof(m->host), "%s", path);
	}
	return 0;
}

/* A YAML double-quoted scalar. */
static void yaml_quoted(FILE *out, const char *text)
{
	fputc('"', out);
	for (; *text; text++) {
		if (*text == '"' || *text == '\\')
			fputc('\\', out);
		fputc(*text, out);
	}
	fputc('"', out);
}

/* --print-yaml: the same deployment as a YAML file and its archive. YAML
 * args are split on spaces, so arguments with spaces cannot be written. */
static int print_yaml(const struct run_request *req, const struct config *cfg, const char *name,
		      const struct rootfs *rootfs)
{
	char yaml[PATH_MAX], cpio[PATH_MAX];
	const struct cvm_config *app = &cfg->cvms[1];

	for (int i = 0; i < app->argc; i++)
		if (strpbrk(app->argv[i], " \t#\"'") || !app->argv[i][0]) {
			log_error("run: --print-yaml: argument '%s' cannot be written in YAML args",
				  app->argv[i]);
			return 1;
		}
	snprintf(yaml, sizeof(yaml), "%s/%s.yaml", req->print_yaml, name);
	snprintf(cpio, sizeof(cpio), "%s/%s.cpio", req->print_yaml, name);
	FILE *y = fopen(yaml, "w"), *c = fopen(cpio, "wb");
	if (!y || !c) {
		log_error("run: --print-yaml: %s: %s", y ? cpio : yaml, strerror(errno));
		if (y)
			fclose(y);
		if (c)
			fclose(c);
		return 1;
	}
	fwrite(rootfs->archive.buf, 1, rootfs->archive.len, c);
	fprintf(y, "---\n# Written by intravisor run --print-yaml; run it with intravisor -y.\n"
		   "cVMs:\n- name: libos\n  runtime: libos.so\n  disk: %s.cpio\n  isolation:\n"
		   "  - base:  0x%llx\n    size:  0x%llx\n  callback_out: monitor\n  wait: -1\n",
		name, LIBOS_BASE, LIBOS_SIZE);
	if (req->nmounts)
		fprintf(y, "  mounts:\n");
	for (int i = 0; i < req->nmounts; i++) {
		fprintf(y, "  - host: ");
		yaml_quoted(y, req->mounts[i].host);
		fprintf(y, "\n    guest: ");
		yaml_quoted(y, req->mounts[i].guest);
		fprintf(y, "\n    mode: %s\n", req->mounts[i].read_only ? "ro" : "rw");
	}
	fprintf(y, "- name: %s\n  runtime: libc.so\n  args:", app->name);
	for (int i = 0; i < app->argc; i++)
		fprintf(y, " %s", app->argv[i]);
	fprintf(y, "\n  isolation:\n  - base:  0x%llx\n    size:  0x%llx\n"
		   "  callback_out: libos.so\n  wait: -1\n",
		APP_BASE, (unsigned long long)req->memory);
	int bad = ferror(y) | ferror(c);
	bad |= fclose(y) | fclose(c);
	if (bad) {
		log_error("run: --print-yaml: cannot write %s", yaml);
		return 1;
	}
	fprintf(stderr, "intravisor: wrote %s and %s; run with: intravisor -y %s\n", yaml, cpio, yaml);
	return 0;
}

/* A cVM name from the program's file name: [A-Za-z0-9._-], at most 63. */
static void program_name(const char *path, char *name, size_t size)
{
	char copy[PATH_MAX];
	size_t n = 0;

	snprintf(copy, sizeof(copy), "%s", path);
	for (const char *p = basename(copy); *p && n + 1 < size && n < 63; p++)
		name[n++] = (strchr("._-", *p) || (*p >= '0' && *p <= '9') ||
			     ((*p | 32) >= 'a' && (*p | 32) <= 'z')) ? *p : '_';
	name[n] = 0;
}

int run_main(int argc, char **argv)
{
	struct run_request req = { 0 };
	struct rootfs rootfs = { 0 };
	struct cvm_config cvms[2];
	struct config cfg;
	struct deployment dep;
	char name[64];
	char *app_argv[CONFIG_MAX_ARGS + 1];
	int status;

	if (parse_options(argc, argv, &req))
		return EXIT_USAGE;
	status = check_program(req.program);
	if (status)
		return status;
	status = check_mounts(&req);
	if (status)
		return status;
	program_name(req.program, name, sizeof(name));
	status = build_rootfs(&req, &rootfs, name);
	if (status)
		goto out;
	if (build_config(&req, name, &cfg, cvms, app_argv)) {
		status = 1;
		goto out;
	}
	if (req.print_yaml) {
		status = print_yaml(&req, &cfg, name, &rootfs);
		free(app_argv[1]);
		goto out;
	}
	struct deploy_options opts = {
		.rootfs = rootfs.archive.buf,
		.rootfs_size = rootfs.archive.len,
		.envp = req.nenv ? req.envp : NULL,
		.cwd = req.cwd,
		.quiet = 1,
	};
	if (deploy(&cfg, &opts, &dep)) {
		status = 1;
	} else {
		status = deployment_run(&dep);
		status = status < 0 ? 1 : status;
		deployment_free(&dep);
	}
	free(app_argv[1]);
out:
	rootfs_free(&rootfs);
	trace_close();
	return status;
}
