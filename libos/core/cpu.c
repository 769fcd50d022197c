/* Processors and scheduling: what sched_getaffinity and friends report. */
#include <asm/mman.h>
#include <current_gate.h>
#include <libos/cpu.h>
#include <libos/errno.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>

struct host_cpus host_cpus = { 1, "unknown", "unknown" };

void cpu_init(const struct libos_boot *boot)
{
	if (boot->host_cpus >= 1)
		host_cpus.count = boot->host_cpus < CPU_MAX ? boot->host_cpus : CPU_MAX;
	if (boot->cpu_vendor[0]) {
		memcpy(host_cpus.vendor, boot->cpu_vendor, sizeof(host_cpus.vendor));
		host_cpus.vendor[sizeof(host_cpus.vendor) - 1] = 0;
	}
	if (boot->cpu_model[0]) {
		memcpy(host_cpus.model, boot->cpu_model, sizeof(host_cpus.model));
		host_cpus.model[sizeof(host_cpus.model) - 1] = 0;
	}
}

static uint64_t all_cpus(void)
{
	return host_cpus.count == 64 ? ~0UL : (1UL << host_cpus.count) - 1;
}

static int is_self(long pid)
{
	return pid == 0 || pid == sys_getpid() || pid == current_gate()->tid;
}

long sys_sched_getaffinity(long pid, long len, long mask)
{
	uint64_t cpus = all_cpus();

	/* sched_getaffinity(2): the buffer must hold the kernel's mask, in longs. */
	if ((unsigned long)len < sizeof(cpus) || (len & (sizeof(long) - 1)))
		return -EINVAL;
	if (!is_self(pid))
		return -ESRCH;
	if (copy_to_cvm((void *)mask, &cpus, sizeof(cpus)))
		return -EFAULT;
	return sizeof(cpus);
}

long sys_sched_setaffinity(long pid, long len, long mask)
{
	uint64_t wanted = 0;

	if (len <= 0)
		return -EINVAL;
	if (copy_from_cvm(&wanted, (void *)mask,
			  (unsigned long)len < sizeof(wanted) ? (size_t)len : sizeof(wanted)))
		return -EFAULT;
	if (!is_self(pid))
		return -ESRCH;
	return wanted & all_cpus() ? 0 : -EINVAL;
}
