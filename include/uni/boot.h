/* What the monitor hands the LibOS when it starts it: libos_boot(info). */
#ifndef UNI_BOOT_H
#define UNI_BOOT_H

#include <stdint.h>

#define LIBOS_BOOT_VERSION 3
#define LIBOS_BOOT_MAX_VMAS 16
#define LIBOS_BOOT_MAX_MOUNTS 16 /* host directories mounted in one LibOS */
#define LIBOS_BOOT_MOUNT_PATH 256 /* bytes of a mount's guest path, with its NUL */

#define TRACE_SYSCALLS 1u /* one strace-style line per system call served */
#define TRACE_TIMES 2u /* with its duration, like strace -T */
#define TRACE_HOST 4u /* host calls too, marked as such */

struct libos_boot {
	uint32_t version;
	uint32_t verbose; /* monitor's -v level */
	uint32_t trace_flags; /* TRACE_* below: what the LibOS reports with HC_TRACE */
	uint32_t reserved;
	/* Signals the monitor was started with ignored (bit N-1: signal N), as
	 * nohup or a shell's background job leave them: the app starts with them
	 * ignored, as a program exec'd there would. */
	uint64_t ignored_signals;
	/* The host vDSO's clock_gettime (int (*)(int, struct timespec *),
	 * returning 0 or -errno): it reads the kernel's clock page and needs
	 * no thread pointer and no SSE, so the LibOS may call it directly.
	 * 0: ask the monitor with HC_CLOCK_GETTIME. */
	uint64_t host_clock_gettime;

	/* The processors the monitor may run on: what sched_getaffinity and
	 * /proc/cpuinfo show the app. */
	uint32_t host_cpus;
	char cpu_vendor[16];
	char cpu_model[64];
	uint64_t heap_base; /* the LibOS's own heap, inside its region */
	uint64_t heap_size;
	uint64_t rootfs; /* root.cpio image, inside the LibOS region */
	uint64_t rootfs_size;
	char rootfs_name[256]; /* for error messages */
	char cwd[256]; /* the app's initial working directory */

	/* The app cVM this LibOS serves. */
	uint64_t app_base;
	uint64_t app_size;
	uint64_t app_mmap_base; /* free for mmap and brk, after the loaded ld.so */
	uint64_t app_mmap_end; /* stacks start here */
	uint64_t app_brk; /* initial program break, page aligned */

	/* What the monitor already mapped in the app region: ld.so's segments
	 * and the stack, with their PROT_* bits. */
	uint32_t app_nvmas;
	struct libos_boot_vma {
		uint64_t start, end;
		uint32_t prot;
	} app_vmas[LIBOS_BOOT_MAX_VMAS];

	/* Host directories to mount (hostfs): each is served by the HC_FS_* host calls of
	 * uni/hostcall.h, its directory being the handle of the same index. */
	uint32_t nmounts;
	struct libos_boot_mount {
		char guest[LIBOS_BOOT_MOUNT_PATH]; /* absolute, without "." or ".." */
		uint32_t handle; /* its directory's handle */
		uint32_t read_only; /* changes fail with EROFS */
	} mounts[LIBOS_BOOT_MAX_MOUNTS];
};

#endif
