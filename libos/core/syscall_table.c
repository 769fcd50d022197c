/* The system call table: number -> handler. A number not listed here is
 * answered -ENOSYS by the dispatcher (and logged once). */
#include <asm/unistd.h>
#include <libos/syscall_table.h>
#include <libos/syscalls.h>

/* Handlers take only the arguments they use; on this ABI the extra
 * registers are ignored, so each is stored under the common type. */
#define ENTRY(name) [__NR_##name] = (syscall_fn)(void (*)(void))sys_##name
#define ALIAS(name, handler) [__NR_##name] = (syscall_fn)(void (*)(void))sys_##handler

const syscall_fn syscall_table[SYSCALL_TABLE_SIZE] = {
	ENTRY(read),
	ENTRY(write),
	ENTRY(open),
	ENTRY(close),
	ENTRY(stat),
	ENTRY(fstat),
	ENTRY(lstat),
	ENTRY(lseek),
	ENTRY(mmap),
	ENTRY(mprotect),
	ENTRY(munmap),
	ENTRY(brk),
	ENTRY(rt_sigaction),
	ENTRY(rt_sigprocmask),
	ENTRY(rt_sigpending),
	ENTRY(kill),
	ENTRY(tkill),
	ENTRY(tgkill),
	ENTRY(ioctl),
	ENTRY(pread64),
	ENTRY(pwrite64),
	ENTRY(readv),
	ENTRY(writev),
	ENTRY(access),
	ENTRY(madvise),
	ENTRY(getpid),
	ENTRY(exit),
	ENTRY(uname),
	ENTRY(fcntl),
	ENTRY(getcwd),
	ENTRY(chdir),
	ENTRY(fchdir),
	ENTRY(umask),
	ENTRY(getuid),
	ALIAS(getgid, getuid),
	ALIAS(geteuid, getuid),
	ALIAS(getegid, getuid),
	ENTRY(getppid),
	ENTRY(arch_prctl),
	ENTRY(gettid),
	ENTRY(set_tid_address),
	ENTRY(clock_gettime),
	ENTRY(exit_group),
	ENTRY(openat),
	ENTRY(newfstatat),
	ENTRY(faccessat),
	ENTRY(getrandom),
	ENTRY(faccessat2),
};
