/* libos_boot: the monitor's first call into the LibOS cVM. */
#include <uni/boot.h>
#include <libos/clock.h>
#include <libos/cpu.h>
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/log.h>
#include <libos/mm.h>
#include <libos/signal.h>
#include <libos/strace.h>
#include <libos/vfs.h>

int rootfs_unpack(const void *archive, size_t size, const char *name);

static int open_std_streams(void)
{
	for (int fd = 0; fd < 3; fd++) {
		struct file *file = console_open(fd);
		if (!file)
			return -ENOMEM;
		fd_install_at(file, fd);
	}
	return 0;
}

static int enter_cwd(const char *path)
{
	struct lookup lk;
	int err = path[0] ? vfs_lookup(AT_FDCWD, path, LOOKUP_FOLLOW, &lk) : 0;

	if (!err && path[0])
		err = lk.inode ? vfs_chdir(lk.inode) : -ENOENT;
	if (err)
		log_msg("cannot enter the working directory %s: error %d", path, -err);
	return err;
}

__attribute__((visibility("default"))) long libos_boot(const struct libos_boot *boot)
{
	struct inode *dir;
	int err;

	if (boot->version != LIBOS_BOOT_VERSION)
		return -EINVAL;
	log_verbose = (int)boot->verbose;
	clock_init(boot);
	cpu_init(boot);
	strace_flags = boot->trace_flags;
	signal_init(boot);
	kmalloc_init((void *)boot->heap_base, boot->heap_size);
	err = ramfs_init();
	if (!err)
		err = rootfs_unpack((const void *)boot->rootfs, boot->rootfs_size,
				    boot->rootfs_name);
	if (!err)
		err = devfs_init();
	if (!err)
		err = procfs_init();
	if (!err)
		err = hostfs_init(boot);
	if (!err)
		err = vfs_mkdir_p("/tmp", &dir);
	if (!err)
		err = mm_init(boot);
	if (!err)
		err = open_std_streams();
	if (!err)
		err = enter_cwd(boot->cwd);
	if (err)
		return err;
	log_debug("booted: heap %lu KiB free", (unsigned long)(kmalloc_free_bytes() >> 10));
	return 0;
}
