#include <errno.h>
#include <string.h>
#include <uni/boot.h>
#include <uni/hostcall.h>
#include "trace.h"

struct trace_settings trace;

static const char *const hostcall_names[HC_COUNT] = {
	[HC_WRITE] = "write",	    [HC_READ] = "read",		    [HC_EXIT] = "exit",
	[HC_MAP] = "map",	    [HC_PROTECT] = "protect",	    [HC_CLOCK_GETTIME] = "clock_gettime",
	[HC_GETRANDOM] = "getrandom", [HC_SET_APP_FS] = "set_app_fs", [HC_TTY_IOCTL] = "tty_ioctl",
	[HC_UNAME] = "uname",	    [HC_LOG] = "log",		    [HC_TRACE] = "trace",
	[HC_KILLED] = "killed",	    [HC_SHM_NEW] = "shm_new",	    [HC_SHM_RESIZE] = "shm_resize",
	[HC_SHM_MAP] = "shm_map",   [HC_SHM_FREE] = "shm_free",
	[HC_FS_LOOKUP] = "fs_lookup", [HC_FS_OPEN] = "fs_open", [HC_FS_CLOSE] = "fs_close",
	[HC_FS_PREAD] = "fs_pread", [HC_FS_PWRITE] = "fs_pwrite", [HC_FS_LSEEK] = "fs_lseek",
	[HC_FS_FSTAT] = "fs_fstat", [HC_FS_GETDENTS64] = "fs_getdents64",
	[HC_FS_TRUNCATE] = "fs_truncate", [HC_FS_FSYNC] = "fs_fsync", [HC_FS_MKDIRAT] = "fs_mkdirat",
	[HC_FS_UNLINKAT] = "fs_unlinkat", [HC_FS_RENAMEAT2] = "fs_renameat2",
	[HC_FS_SYMLINKAT] = "fs_symlinkat", [HC_FS_LINKAT] = "fs_linkat",
	[HC_FS_READLINK] = "fs_readlink", [HC_FS_CHMOD] = "fs_chmod", [HC_FS_UTIMENS] = "fs_utimens",
	[HC_FS_STATFS] = "fs_statfs", [HC_FS_PATH] = "fs_path",
	[HC_THREAD_CREATE] = "thread_create", [HC_THREAD_EXIT] = "thread_exit",
	[HC_FUTEX] = "futex", [HC_YIELD] = "yield", [HC_MEMBARRIER] = "membarrier",
	[HC_THREAD_INTERRUPT] = "thread_interrupt", [HC_TAKE_SIGNALS] = "take_signals",
	[HC_SETITIMER] = "setitimer", [HC_GETRUSAGE] = "getrusage",
	[HC_CLOCK_GETRES] = "clock_getres",
};

int trace_configure(const char *value, char *err, size_t errlen)
{
	char items[4096];

	trace.flags |= TRACE_SYSCALLS;
	if (!value)
		return 0;
	if (strlen(value) >= sizeof(items)) {
		snprintf(err, errlen, "--strace: argument too long");
		return -1;
	}
	strcpy(items, value);
	for (char *save, *item = strtok_r(items, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		if (!strcmp(item, "host")) {
			trace.flags |= TRACE_HOST;
		} else if (!strcmp(item, "time")) {
			trace.flags |= TRACE_TIMES;
		} else {
			if (trace.out) {
				snprintf(err, errlen, "--strace: more than one output file");
				return -1;
			}
			trace.out = fopen(item, "w");
			if (!trace.out) {
				snprintf(err, errlen, "--strace: %s: %s", item, strerror(errno));
				return -1;
			}
		}
	}
	return 0;
}

void trace_write(const char *line, size_t len)
{
	fprintf(trace.out ? trace.out : stderr, "%.*s\n", (int)len, line);
}

void trace_hostcall(long nr, const long args[5], long result)
{
	if (!(trace.flags & TRACE_HOST) || nr == HC_TRACE)
		return;
	const char *name = nr > 0 && nr < HC_COUNT && hostcall_names[nr] ? hostcall_names[nr] : "?";
	fprintf(trace.out ? trace.out : stderr, "host: %s(%#lx, %#lx, %#lx, %#lx, %#lx) = %ld\n", name,
		args[0], args[1], args[2], args[3], args[4], result);
}

void trace_close(void)
{
	if (trace.out)
		fclose(trace.out);
	trace.out = NULL;
}
