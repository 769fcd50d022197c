/* The process as the app sees it: ids, credentials, its session, exit, its
 * thread pointer, uname, randomness, clocks and system information.
 *
 * The app is alone in its cVM, like the first process of a PID namespace
 * that made itself a session leader (as container runtimes do): pid 1,
 * process group 1, session 1, so setsid and setpgid answer EPERM, as Linux
 * does for a session leader. Its threads are the only other tasks.
 *
 * Credentials start as root's, with every capability, and change as
 * credentials(7) and capabilities(7) say: a change away from uid 0 in all
 * of the real, effective and saved uids drops the capabilities for good; an
 * effective uid other than 0 suspends them. They are kept for the process,
 * not per thread: libc makes every thread make the same change (musl's
 * __synccall), so that is what the app sees. They decide only what these
 * calls and the scheduling calls (core/sched.c) allow: the file systems
 * treat the app as root whatever its ids. */
#include <asm/prctl.h>
#include <asm/mman.h>
#include <linux/random.h>
#include <linux/resource.h>
#include <linux/sysinfo.h>
#include <linux/time.h>
#include <linux/utsname.h>
#include <current_gate.h>
#include <libos/clock.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/kmalloc.h>
#include <libos/lock.h>
#include <libos/mm.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/vfs.h>
#include <libos/wait.h>

#define NO_ID 0xffffffffu /* (uid_t)-1: "unchanged" for set*id, invalid otherwise */
#define NGROUPS_MAX 65536 /* <linux/limits.h>: setgroups' limit */
#define USER_HZ 100 /* the clock_t of times(2) */
#define INITIAL_JIFFIES_SECONDS 300 /* jiffies start 5 minutes before wrapping (linux/jiffies.h) */

struct credentials {
	uint32_t uid, euid, suid, fsuid;
	uint32_t gid, egid, sgid, fsgid;
	int capabilities_dropped; /* the permitted set is empty: no uid is 0 any more */
};

static struct credentials creds;
static int creds_lock; /* a spin lock; nothing else is taken while it is held */
static uint32_t *groups; /* the supplementary groups, sorted as Linux keeps them */
static int group_count;

static void creds_take(void)
{
	while (__atomic_exchange_n(&creds_lock, 1, __ATOMIC_ACQUIRE))
		hostcall(HC_YIELD, 0, 0, 0, 0, 0);
}

static void creds_release(void)
{
	__atomic_store_n(&creds_lock, 0, __ATOMIC_RELEASE);
}

/* CAP_SETUID, CAP_SETGID, CAP_SYS_NICE: all capabilities come and go together. */
static int capable(const struct credentials *c)
{
	return !c->capabilities_dropped && c->euid == 0;
}

int creds_capable(void)
{
	creds_take();
	int ret = capable(&creds);
	creds_release();
	return ret;
}

/* commit_creds(): a changed effective or fs id, or fewer capabilities, makes the process
 * not dumpable (fs.suid_dumpable's default, 0) and clears the parent-death signal. */
static long creds_commit(const struct credentials *new)
{
	struct credentials old = creds;

	creds = *new;
	if (old.uid == 0 || old.euid == 0 || old.suid == 0)
		creds.capabilities_dropped |= new->uid && new->euid && new->suid;
	int changed = old.euid != creds.euid || old.egid != creds.egid ||
		      old.fsuid != creds.fsuid || old.fsgid != creds.fsgid ||
		      capable(&old) != capable(&creds);
	creds_release();
	if (changed)
		task_creds_changed();
	return 0;
}

long sys_getuid(void)
{
	return __atomic_load_n(&creds.uid, __ATOMIC_RELAXED);
}

long sys_geteuid(void)
{
	return __atomic_load_n(&creds.euid, __ATOMIC_RELAXED);
}

long sys_getgid(void)
{
	return __atomic_load_n(&creds.gid, __ATOMIC_RELAXED);
}

long sys_getegid(void)
{
	return __atomic_load_n(&creds.egid, __ATOMIC_RELAXED);
}

static long put_ids(long first, long second, long third, uint32_t a, uint32_t b, uint32_t c)
{
	if (copy_to_cvm((void *)first, &a, sizeof(a)) ||
	    copy_to_cvm((void *)second, &b, sizeof(b)) ||
	    copy_to_cvm((void *)third, &c, sizeof(c)))
		return -EFAULT;
	return 0;
}

long sys_getresuid(long ruid, long euid, long suid)
{
	creds_take();
	struct credentials c = creds;
	creds_release();
	return put_ids(ruid, euid, suid, c.uid, c.euid, c.suid);
}

long sys_getresgid(long rgid, long egid, long sgid)
{
	creds_take();
	struct credentials c = creds;
	creds_release();
	return put_ids(rgid, egid, sgid, c.gid, c.egid, c.sgid);
}

/* __sys_setuid() and __sys_setgid(). */
long sys_setuid(long id)
{
	uint32_t uid = (uint32_t)id;

	if (uid == NO_ID)
		return -EINVAL;
	creds_take();
	struct credentials new = creds;
	if (capable(&creds)) {
		new.uid = new.suid = uid;
	} else if (uid != creds.uid && uid != creds.suid) {
		creds_release();
		return -EPERM;
	}
	new.euid = new.fsuid = uid;
	return creds_commit(&new);
}

long sys_setgid(long id)
{
	uint32_t gid = (uint32_t)id;

	if (gid == NO_ID)
		return -EINVAL;
	creds_take();
	struct credentials new = creds;
	if (capable(&creds)) {
		new.gid = new.sgid = gid;
	} else if (gid != creds.gid && gid != creds.sgid) {
		creds_release();
		return -EPERM;
	}
	new.egid = new.fsgid = gid;
	return creds_commit(&new);
}

/* __sys_setreuid(): the real id may become the effective one, the effective one any of the
 * three; the saved one follows the effective one when the real one is set or the effective
 * one becomes other than the real one. */
static long set_real_effective(uint32_t *real, uint32_t *effective, uint32_t *saved, uint32_t *fs,
			       uint32_t new_real, uint32_t new_effective)
{
	uint32_t old_real = *real, old_effective = *effective, old_saved = *saved;
	int privileged = capable(&creds);

	if (new_real != NO_ID) {
		if (new_real != old_real && new_real != old_effective && !privileged)
			return -EPERM;
		*real = new_real;
	}
	if (new_effective != NO_ID) {
		if (new_effective != old_real && new_effective != old_effective &&
		    new_effective != old_saved && !privileged)
			return -EPERM;
		*effective = new_effective;
	}
	if (new_real != NO_ID || (new_effective != NO_ID && new_effective != old_real))
		*saved = *effective;
	*fs = *effective;
	return 0;
}

long sys_setreuid(long ruid, long euid)
{
	creds_take();
	struct credentials new = creds;
	long err = set_real_effective(&new.uid, &new.euid, &new.suid, &new.fsuid, (uint32_t)ruid,
				      (uint32_t)euid);
	if (err) {
		creds_release();
		return err;
	}
	return creds_commit(&new);
}

long sys_setregid(long rgid, long egid)
{
	creds_take();
	struct credentials new = creds;
	long err = set_real_effective(&new.gid, &new.egid, &new.sgid, &new.fsgid, (uint32_t)rgid,
				      (uint32_t)egid);
	if (err) {
		creds_release();
		return err;
	}
	return creds_commit(&new);
}

/* __sys_setresuid(): without the capability, each new id must be one of the three old ones. */
static int one_of(uint32_t id, uint32_t a, uint32_t b, uint32_t c)
{
	return id == NO_ID || id == a || id == b || id == c;
}

static long set_three(uint32_t *ids, uint32_t real, uint32_t effective, uint32_t saved)
{
	if (!capable(&creds) && !(one_of(real, ids[0], ids[1], ids[2]) &&
				  one_of(effective, ids[0], ids[1], ids[2]) &&
				  one_of(saved, ids[0], ids[1], ids[2])))
		return -EPERM;
	if (real != NO_ID)
		ids[0] = real;
	if (effective != NO_ID)
		ids[1] = effective;
	if (saved != NO_ID)
		ids[2] = saved;
	ids[3] = ids[1];
	return 0;
}

long sys_setresuid(long ruid, long euid, long suid)
{
	creds_take();
	struct credentials new = creds;
	uint32_t ids[4] = { new.uid, new.euid, new.suid, new.fsuid };
	long err = set_three(ids, (uint32_t)ruid, (uint32_t)euid, (uint32_t)suid);
	if (err) {
		creds_release();
		return err;
	}
	new.uid = ids[0];
	new.euid = ids[1];
	new.suid = ids[2];
	new.fsuid = ids[3];
	return creds_commit(&new);
}

long sys_setresgid(long rgid, long egid, long sgid)
{
	creds_take();
	struct credentials new = creds;
	uint32_t ids[4] = { new.gid, new.egid, new.sgid, new.fsgid };
	long err = set_three(ids, (uint32_t)rgid, (uint32_t)egid, (uint32_t)sgid);
	if (err) {
		creds_release();
		return err;
	}
	new.gid = ids[0];
	new.egid = ids[1];
	new.sgid = ids[2];
	new.fsgid = ids[3];
	return creds_commit(&new);
}

/* Under the LibOS's lock (the groups are kmalloc's). */
long sys_getgroups(long size, long list)
{
	int wanted = (int)size;

	if (wanted < 0)
		return -EINVAL;
	if (!wanted)
		return group_count;
	if (group_count > wanted)
		return -EINVAL;
	if (copy_to_cvm((void *)list, groups, (size_t)group_count * sizeof(*groups)))
		return -EFAULT;
	return group_count;
}

long sys_setgroups(long size, long list)
{
	unsigned count = (unsigned)size;
	uint32_t *new = NULL;

	if (!creds_capable())
		return -EPERM;
	if (count > NGROUPS_MAX)
		return -EINVAL;
	if (count) {
		new = kmalloc(count * sizeof(*new));
		if (!new)
			return -ENOMEM;
		if (copy_from_cvm(new, (const void *)list, count * sizeof(*new))) {
			kfree(new);
			return -EFAULT;
		}
	}
	/* groups_from_user() refuses an unmapped id; groups_sort() sorts them. */
	for (unsigned i = 0; i < count; i++) {
		uint32_t gid = new[i];
		unsigned j = i;
		if (gid == NO_ID) {
			kfree(new);
			return -EINVAL;
		}
		for (; j > 0 && new[j - 1] > gid; j--)
			new[j] = new[j - 1];
		new[j] = gid;
	}
	kfree(groups);
	groups = new;
	group_count = (int)count;
	return 0;
}

/* A task of the app, by the number the app calls it: a thread's tid (the main one's is
 * the pid). Under the LibOS's lock. */
static int app_task(long pid)
{
	return (int)pid > 0 && !sys_tkill((int)pid, 0);
}

long sys_getpgid(long pid)
{
	return (int)pid == 0 || app_task(pid) ? APP_PID : -ESRCH;
}

long sys_getpgrp(void)
{
	return APP_PID;
}

long sys_getsid(long pid)
{
	return sys_getpgid(pid);
}

/* setpgid(2) as sys_setpgid() checks it: the task, that it leads its thread group, then
 * that it leads no session; the app's one process does. */
long sys_setpgid(long pid, long pgid)
{
	int task = (int)pid ? (int)pid : APP_PID;
	int group = (int)pgid ? (int)pgid : task;

	if (group < 0)
		return -EINVAL;
	if (!app_task(task))
		return -ESRCH;
	if (task != APP_PID)
		return -EINVAL;
	return -EPERM;
}

/* The caller leads its process group already. */
long sys_setsid(void)
{
	return -EPERM;
}

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

long sys_clock_getres(long clock, long res)
{
	struct __kernel_timespec resolution;
	long err = hostcall(HC_CLOCK_GETRES, clock, (long)&resolution, 0, 0, 0);

	if (!err && res && copy_to_cvm((void *)res, &resolution, sizeof(resolution)))
		return -EFAULT;
	return err;
}

/* do_sysinfo(): the memory is what /proc/meminfo shows (fs/procfs.c), the tasks are the
 * app's threads; no swap and no load, as the cVM runs nothing else. */
long sys_sysinfo(long info)
{
	struct sysinfo out;
	struct __kernel_timespec boot;
	uint64_t region, mapped, heap = kmalloc_heap_bytes(), heap_free = kmalloc_free_bytes();

	memset(&out, 0, sizeof(out));
	clock_now(CLOCK_BOOTTIME, &boot);
	out.uptime = boot.tv_sec + (boot.tv_nsec ? 1 : 0);
	mm_usage(&region, &mapped);
	out.totalram = region + heap;
	out.freeram = region - mapped + heap_free;
	out.sharedram = heap - heap_free;
	out.procs = (unsigned short)libos_threads();
	out.mem_unit = 1;
	return copy_to_cvm((void *)info, &out, sizeof(out)) ? -EFAULT : 0;
}

static long to_clock_t(const long *timeval)
{
	return timeval[0] * USER_HZ + timeval[1] / (1000000 / USER_HZ);
}

/* do_sys_times() and its value, jiffies_64 in clock_t: the host's jiffies, HZ being one over
 * the resolution of its coarse clocks (a tick), counted from INITIAL_JIFFIES. */
long sys_times(long buf)
{
	long self[18], children[18], tms[4];
	struct __kernel_timespec now, tick;

	if (buf) {
		long err = hostcall(HC_GETRUSAGE, RUSAGE_SELF, (long)self, 0, 0, 0);
		if (!err)
			err = hostcall(HC_GETRUSAGE, RUSAGE_CHILDREN, (long)children, 0, 0, 0);
		if (err)
			return err;
		tms[0] = to_clock_t(&self[0]);
		tms[1] = to_clock_t(&self[2]);
		tms[2] = to_clock_t(&children[0]);
		tms[3] = to_clock_t(&children[2]);
		if (copy_to_cvm((void *)buf, tms, sizeof(tms)))
			return -EFAULT;
	}
	clock_now(CLOCK_MONOTONIC, &now);
	if (hostcall(HC_CLOCK_GETRES, CLOCK_MONOTONIC_COARSE, (long)&tick, 0, 0, 0) ||
	    tick.tv_sec || !tick.tv_nsec)
		tick.tv_nsec = 1000000000 / USER_HZ;
	uint64_t hz = 1000000000 / (uint64_t)tick.tv_nsec;
	uint64_t initial = (uint32_t)-(int64_t)(INITIAL_JIFFIES_SECONDS * hz);
	uint64_t jiffies = initial + ((uint64_t)now.tv_sec * 1000000000 + (uint64_t)now.tv_nsec) /
					     (uint64_t)tick.tv_nsec;
	return (long)(jiffies * USER_HZ / hz);
}
