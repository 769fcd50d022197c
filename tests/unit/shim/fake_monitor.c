/* The fake monitor's side of the host calls (include/uni/hostcall.h), on the test process. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <linux/utsname.h>
#include <libos/vfs.h>
#include "fake_monitor.h"

struct gate_block test_gate;
struct fake_monitor fake;

static void capture(struct fake_capture *to, const void *data, size_t len)
{
	size_t room = sizeof(to->data) - to->len;

	if (len > room)
		len = room;
	memcpy(to->data + to->len, data, len);
	to->len += len;
}

static int inside_regions(uint64_t addr, uint64_t len)
{
	return uni_cap_covers(&test_gate.app_ddc, addr, len) ||
	       uni_cap_covers(&test_gate.libos_ddc, addr, len);
}

/* The real monitor refuses to map or protect pages outside the caller's regions (and to
 * protect any of the LibOS's own). */
static long memory_call(long nr, uint64_t addr, uint64_t len, long prot)
{
	fake.calls[fake.ncalls++ % FAKE_CALLS_MAX] =
		(struct fake_memory_call){ .nr = nr, .addr = addr, .len = len, .prot = prot };
	if (nr == HC_PROTECT ? !uni_cap_covers(&test_gate.app_ddc, addr, len)
			     : !inside_regions(addr, len))
		return -EFAULT;
	if ((addr | len) & 4095)
		return -EINVAL;
	if (nr == HC_PROTECT)
		return mprotect((void *)addr, len, (int)prot) ? -errno : 0;
	/* A fresh mapping: the pages read back as zeros, whatever they held. */
	if (mmap((void *)addr, len, (int)prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
	    MAP_FAILED)
		return -errno;
	return 0;
}

/* Shared memory objects, memfds as the real monitor's (monitor/shm.c): a memfd per handle, 0
 * for a free one. */
static int shm_fds[FAKE_SHM_MAX];
static int shm_live;

int fake_shm_live(void)
{
	return shm_live;
}

static long shm_call(long nr, long a0, long a1, long a2, long a3, long a4)
{
	int fd;

	if (nr == HC_SHM_NEW) {
		for (int i = 0; i < FAKE_SHM_MAX; i++) {
			if (shm_fds[i] > 0)
				continue;
			fd = memfd_create("fake-shm", MFD_CLOEXEC);
			if (fd < 0 || ftruncate(fd, a0))
				return -errno;
			shm_fds[i] = fd;
			shm_live++;
			return i;
		}
		return -EMFILE;
	}
	if (a0 < 0 || a0 >= FAKE_SHM_MAX || shm_fds[a0] <= 0)
		return -EBADF;
	fd = shm_fds[a0];
	switch (nr) {
	case HC_SHM_RESIZE:
		return ftruncate(fd, a1) ? -errno : 0;
	case HC_SHM_MAP:
		if (!inside_regions((uint64_t)a2, (uint64_t)a3) || ((a1 | a2 | a3) & 4095))
			return -EINVAL;
		return mmap((void *)a2, (size_t)a3, (int)a4, MAP_SHARED | MAP_FIXED, fd, a1) ==
				       MAP_FAILED
			       ? -errno
			       : 0;
	default: /* HC_SHM_FREE */
		close(fd);
		shm_fds[a0] = 0;
		shm_live--;
		return 0;
	}
}

static long fill_uname(struct new_utsname *name)
{
	memset(name, 0, sizeof(*name));
	strcpy(name->sysname, "Linux");
	strcpy(name->nodename, "musl-uni");
	strcpy(name->release, "6.1.0-uni");
	strcpy(name->version, "#1");
	strcpy(name->machine, "x86_64");
	strcpy(name->domainname, "(none)");
	return 0;
}

long fake_hostcall(long nr, long a0, long a1, long a2, long a3, long a4)
{
	switch (nr) {
	case HC_WRITE:
		if (a0 != 1 && a0 != 2)
			return -EBADF;
		capture(&fake.out[a0], (const void *)a1, (size_t)a2);
		return a2;
	case HC_READ: {
		size_t len = (size_t)a2 < fake.input_len ? (size_t)a2 : fake.input_len;
		if (a0 != 0)
			return -EBADF;
		memcpy((void *)a1, fake.input, len);
		fake.input += len;
		fake.input_len -= len;
		return (long)len;
	}
	case HC_MAP:
	case HC_PROTECT:
		return memory_call(nr, (uint64_t)a0, (uint64_t)a1, a2);
	case HC_CLOCK_GETTIME:
		return clock_gettime((clockid_t)a0, (struct timespec *)a1) ? -errno : 0;
	case HC_GETRANDOM:
		for (long i = 0; i < a1; i++)
			((unsigned char *)a0)[i] = ++fake.random_counter;
		return a1;
	case HC_TTY_IOCTL:
		return -ENOTTY; /* the test's standard streams are never terminals */
	case HC_UNAME:
		return fill_uname((struct new_utsname *)a0);
	case HC_LOG:
		capture(&fake.log, (const void *)a0, (size_t)a1);
		capture(&fake.log, "\n", 1);
		return 0;
	case HC_SHM_NEW:
	case HC_SHM_RESIZE:
	case HC_SHM_MAP:
	case HC_SHM_FREE:
		return shm_call(nr, a0, a1, a2, a3, a4);
	default:
		return -ENOSYS;
	}
}

void fake_monitor_init(void *app_base, size_t app_size)
{
	memset(&fake, 0, sizeof(fake));
	memset(&test_gate, 0, sizeof(test_gate));
	test_gate.self = &test_gate;
	test_gate.hostcall_entry = (uint64_t)(uintptr_t)fake_hostcall;
	test_gate.app_ddc = (struct uni_cap){
		.base = (uintptr_t)app_base,
		.length = app_size,
		.cursor = (uintptr_t)app_base,
		.perms = UNI_CAP_LOAD | UNI_CAP_STORE,
	};
}

void fake_monitor_libos_region(void *base, size_t size)
{
	test_gate.libos_ddc = (struct uni_cap){
		.base = (uintptr_t)base,
		.length = size,
		.cursor = (uintptr_t)base,
		.perms = UNI_CAP_LOAD | UNI_CAP_STORE,
	};
}

void *fake_monitor_boot(struct libos_boot *boot)
{
	void *base = mmap((void *)FAKE_APP_BASE, FAKE_APP_SIZE, PROT_NONE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);

	if (base == MAP_FAILED)
		return NULL;
	fake_monitor_init(base, FAKE_APP_SIZE);
	if (fake_hostcall(HC_MAP, (long)base, FAKE_APP_DATA_SIZE, PROT_READ | PROT_WRITE, 0, 0)) {
		munmap(base, FAKE_APP_SIZE);
		return NULL;
	}
	memset(boot, 0, sizeof(*boot));
	boot->version = LIBOS_BOOT_VERSION;
	boot->app_base = FAKE_APP_BASE;
	boot->app_size = FAKE_APP_SIZE;
	boot->app_mmap_base = boot->app_brk = FAKE_APP_BASE + FAKE_APP_DATA_SIZE;
	boot->app_mmap_end = FAKE_APP_BASE + FAKE_APP_SIZE - FAKE_APP_STACK_SIZE;
	boot->app_nvmas = 1;
	boot->app_vmas[0].start = FAKE_APP_BASE;
	boot->app_vmas[0].end = FAKE_APP_BASE + FAKE_APP_DATA_SIZE;
	boot->app_vmas[0].prot = PROT_READ | PROT_WRITE;
	fake.ncalls = 0;
	return base;
}

const struct fake_memory_call *fake_last_memory_call(void)
{
	return fake.ncalls ? &fake.calls[(fake.ncalls - 1) % FAKE_CALLS_MAX] : NULL;
}

/* The console's EPIPE raises SIGPIPE (libos/fs/devfs.c); no signals here. */
void signal_raise_self(int sig)
{
	(void)sig;
}

/* A description's flock(2) lock goes with its last close (libos/fs/sys_lock.c, not linked
 * here: the unit tests take no flock locks). */
void flock_release(struct file *file)
{
	(void)file;
}
