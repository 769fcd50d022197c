/* The process as the app sees it: ids, exit, its thread pointer, uname,
 * randomness and clocks. */
#include <asm/prctl.h>
#include <asm/mman.h>
#include <linux/random.h>
#include <linux/time.h>
#include <linux/utsname.h>
#include <current_gate.h>
#include <libos/clock.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>

/* The app is alone in its cVM, like the first process of a PID namespace. */
#define APP_PID 1

long sys_getpid(void)
{
	return APP_PID;
}

long sys_getppid(void)
{
	return 0;
}

long sys_gettid(void)
{
	return current_gate()->tid;
}

long sys_getuid(void)
{
	return 0;
}

long sys_arch_prctl(long code, long addr)
{
	switch (code) {
	case ARCH_SET_FS:
		if (!uni_cap_covers(&current_gate()->app_ddc, (uint64_t)addr, 0))
			return -EPERM;
		return hostcall(HC_SET_APP_FS, addr, 0, 0, 0, 0);
	case ARCH_GET_FS:
		return copy_to_cvm((void *)addr, &current_gate()->app_fs, sizeof(uint64_t));
	default:
		return -EINVAL;
	}
}

long sys_exit_group(long status)
{
	return hostcall(HC_EXIT, status & 0xff, 0, 0, 0, 0);
}

long sys_uname(long buf)
{
	struct new_utsname uts;
	long err = hostcall(HC_UNAME, (long)&uts, 0, 0, 0, 0);

	return err ? err : copy_to_cvm((void *)buf, &uts, sizeof(uts));
}

long sys_getrandom(long buf, long len, long flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_RANDOM | GRND_INSECURE)) == (GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if (cvm_ptr_ok((void *)buf, (size_t)len, PROT_WRITE))
		return -EFAULT;
	return hostcall(HC_GETRANDOM, buf, len, 0, 0, 0);
}

long sys_clock_gettime(long clock, long ts)
{
	struct __kernel_timespec now;
	long err = clock_now((int)clock, &now);

	return err ? err : copy_to_cvm((void *)ts, &now, sizeof(now));
}
