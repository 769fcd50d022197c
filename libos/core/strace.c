/* intravisor --strace: one line per system call in strace's own format, as
 * strace 6.1 prints it with its defaults (-s 32, -a 40, abbreviated
 * structures), so that a trace under musl-uni compares line by line with the
 * trace of the same program on Linux (tests/strace/run).
 *
 * The monitor installs syscall_gate_traced (arch/.../syscall_gate.S) as the
 * thread's syscall entry instead of syscall_gate; it calls syscall_traced(),
 * which formats what the app passes, runs the handler from syscall_table,
 * formats the result and what the call wrote, and sends the line with
 * HC_TRACE. Each system call is one line of formats[]: the kind of each
 * argument and of its result. Arguments up to the first one the call writes
 * are formatted before the call, the others after it, as strace does on
 * syscall entry and exit; calls strace decodes with code of its own (futex,
 * clone, poll, select, ...) have a decoder called at both points and after
 * the result. App memory is read only through uaccess.h, under the LibOS's
 * lock (another thread may unmap it meanwhile); what the app cannot read is
 * printed as its address, as strace prints memory it cannot fetch. With
 * several threads, lines start with "[pid N] " as with strace -f; each is
 * sent in one HC_TRACE when its call ends, or split as strace splits it when
 * another thread's line comes first (see pending_begin). */
#include <asm/prctl.h>
#include <asm/siginfo.h>
#include <asm/signal.h>
#include <asm/stat.h>
#include <asm/termios.h>
#include <asm/unistd.h>
#include <linux/fcntl.h>
#include <linux/futex.h>
#include <linux/limits.h>
#include <linux/membarrier.h>
#include <linux/mman.h>
#include <linux/poll.h>
#include <linux/prctl.h>
#include <linux/random.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/stat.h>
#include <linux/sysinfo.h>
#include <linux/time.h>
#include <linux/time_types.h>
#include <linux/uio.h>
#include <linux/utsname.h>
#include <current_gate.h>
#include <uni/boot.h>
#include <libos/clock.h>
#include <libos/errno.h>
#include <libos/host.h>
#include <libos/lock.h>
#include <libos/log.h>
#include <libos/signal.h>
#include <libos/strace.h>
#include <libos/string.h>
#include <libos/syscall_table.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/wait.h>

#define TRACE_LINE_MAX 8192 /* a longer line (a path of 4 KiB of escapes) is cut */
#define STRLEN_MAX 32 /* strace -s 32: bytes shown of a buffer, elements of an array */
#define RESULT_COLUMN 40 /* strace -a 40: the column of "= result" */
#define SIGSET_BYTES 8 /* the kernel's sigset_t: 64 signals */
#define SIGRTMIN_KERNEL 32
#define ERRNO_MAX 4095 /* a result in [-4095, -1] is -errno */
#define SA_INTERRUPT 0x20000000 /* glibc's historical no-op flag, which strace names */
#define EFD_SEMAPHORE 1
#define UTIME_NOW ((1L << 30) - 1)
#define UTIME_OMIT ((1L << 30) - 2)
#define CPU_SET_MAX 1024 /* bits of a cpu mask shown, as strace's glibc cpu_set_t */

uint32_t strace_flags;

/* --- the line -------------------------------------------------------------- */

struct line {
	size_t len;
	char text[TRACE_LINE_MAX];
};

static void put_char(struct line *line, char c)
{
	if (line->len + 1 < sizeof(line->text))
		line->text[line->len++] = c;
}

static void put_str(struct line *line, const char *s)
{
	while (*s)
		put_char(line, *s++);
}

static __attribute__((format(printf, 2, 3))) void put_fmt(struct line *line, const char *fmt,
							   ...)
{
	size_t room = sizeof(line->text) - line->len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(line->text + line->len, room, fmt, ap);
	va_end(ap);
	line->len += (size_t)n < room ? (size_t)n : room - 1;
}

/* strace's PRINT_VAL_X: %#llx, so 0 is "0". */
static void put_hex(struct line *line, uint64_t value)
{
	if (value)
		put_fmt(line, "0x%lx", (unsigned long)value);
	else
		put_char(line, '0');
}

/* strace's printaddr. */
static void put_addr(struct line *line, uint64_t addr)
{
	if (addr)
		put_fmt(line, "0x%lx", (unsigned long)addr);
	else
		put_str(line, "NULL");
}

/* strace's PRINT_VAL_03O: %#03o (kvsnprintf has no octal). */
static void put_octal(struct line *line, uint64_t value)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = (char)('0' + (value & 7));
		value >>= 3;
	} while (value);
	if (digits[n - 1] != '0')
		digits[n++] = '0';
	while (n < 3)
		digits[n++] = '0';
	while (n)
		put_char(line, digits[--n]);
}

/* --- symbolic constants: strace's xlat tables, in strace's order ---------- */

struct xlat {
	uint64_t value;
	const char *name;
};

struct xlat_table {
	const struct xlat *items;
	size_t count;
	const char *unknown; /* the comment after an unnamed value: SEEK_??? */
};

#define X(name) { name, #name }

static const struct xlat open_access_modes[] = {
	X(O_RDONLY), X(O_WRONLY), X(O_RDWR), X(O_ACCMODE),
};
static const struct xlat open_flags[] = {
	X(O_CREAT), X(O_EXCL), X(O_NOCTTY), X(O_TRUNC), X(O_APPEND), X(O_NONBLOCK), X(O_SYNC),
	X(__O_SYNC), X(O_DSYNC), X(O_DIRECT), X(O_LARGEFILE), X(O_NOFOLLOW), X(O_NOATIME),
	X(O_CLOEXEC), X(O_PATH), X(O_TMPFILE), X(__O_TMPFILE), X(O_DIRECTORY), X(FASYNC),
};
static const struct xlat prot_flags[] = {
	X(PROT_NONE), X(PROT_READ), X(PROT_WRITE), X(PROT_EXEC), X(PROT_SEM), X(PROT_GROWSDOWN),
	X(PROT_GROWSUP),
};
static const struct xlat map_flags[] = {
	X(MAP_SHARED), X(MAP_PRIVATE), X(MAP_SHARED_VALIDATE), X(MAP_FIXED), X(MAP_ANONYMOUS),
	X(MAP_32BIT), X(MAP_NORESERVE), X(MAP_POPULATE), X(MAP_NONBLOCK), X(MAP_GROWSDOWN),
	X(MAP_DENYWRITE), X(MAP_EXECUTABLE), X(MAP_FILE), X(MAP_LOCKED), X(MAP_STACK),
	X(MAP_HUGETLB), X(MAP_SYNC), X(MAP_UNINITIALIZED), X(MAP_FIXED_NOREPLACE),
};
static const struct xlat madvise_advice[] = {
	X(MADV_NORMAL), X(MADV_RANDOM), X(MADV_SEQUENTIAL), X(MADV_WILLNEED), X(MADV_DONTNEED),
	X(MADV_FREE), X(MADV_REMOVE), X(MADV_DONTFORK), X(MADV_DOFORK), X(MADV_MERGEABLE),
	X(MADV_UNMERGEABLE), X(MADV_HUGEPAGE), X(MADV_NOHUGEPAGE), X(MADV_DONTDUMP), X(MADV_DODUMP),
	X(MADV_WIPEONFORK), X(MADV_KEEPONFORK), X(MADV_COLD), X(MADV_PAGEOUT),
	X(MADV_POPULATE_READ), X(MADV_POPULATE_WRITE), X(MADV_DONTNEED_LOCKED), X(MADV_COLLAPSE),
	X(MADV_HWPOISON),
};
static const struct xlat mremap_flags[] = {
	X(MREMAP_MAYMOVE), X(MREMAP_FIXED), X(MREMAP_DONTUNMAP),
};
static const struct xlat msync_flags[] = { X(MS_ASYNC), X(MS_INVALIDATE), X(MS_SYNC) };
static const struct xlat rwf_flags[] = {
	{ 0x01, "RWF_HIPRI" }, { 0x02, "RWF_DSYNC" }, { 0x04, "RWF_SYNC" }, { 0x08, "RWF_NOWAIT" },
	{ 0x10, "RWF_APPEND" }, { 0x20, "RWF_NOAPPEND" }, { 0x40, "RWF_ATOMIC" },
	{ 0x80, "RWF_DONTCACHE" }, { 0x100, "RWF_NOSIGNAL" },
};
static const struct xlat at_flags[] = {
	X(AT_SYMLINK_NOFOLLOW), X(AT_REMOVEDIR), X(AT_SYMLINK_FOLLOW), X(AT_NO_AUTOMOUNT),
	X(AT_EMPTY_PATH), X(AT_RECURSIVE),
};
static const struct xlat faccessat_flags[] = {
	X(AT_SYMLINK_NOFOLLOW), X(AT_EACCESS), X(AT_EMPTY_PATH),
};
static const struct xlat access_modes[] = {
	{ 0, "F_OK" }, { 4, "R_OK" }, { 2, "W_OK" }, { 1, "X_OK" },
};
static const struct xlat whence[] = { { 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" },
				      { 3, "SEEK_DATA" }, { 4, "SEEK_HOLE" } };
static const struct xlat getrandom_flags[] = { X(GRND_NONBLOCK), X(GRND_RANDOM), X(GRND_INSECURE) };
static const struct xlat fd_flags[] = { X(FD_CLOEXEC) };
static const struct xlat fcntl_cmds[] = {
	X(F_DUPFD), X(F_GETFD), X(F_SETFD), X(F_GETFL), X(F_SETFL), X(F_GETLK), X(F_SETLK),
	X(F_SETLKW), X(F_SETOWN), X(F_GETOWN), X(F_SETSIG), X(F_GETSIG), X(F_SETOWN_EX),
	X(F_GETOWN_EX), X(F_GETOWNER_UIDS), X(F_OFD_GETLK), X(F_OFD_SETLK), X(F_OFD_SETLKW),
	X(F_SETLEASE), X(F_GETLEASE), X(F_NOTIFY), X(F_CANCELLK), X(F_DUPFD_CLOEXEC),
	X(F_SETPIPE_SZ), X(F_GETPIPE_SZ), X(F_ADD_SEALS), X(F_GET_SEALS),
};
static const struct xlat sigprocmask_how[] = { X(SIG_BLOCK), X(SIG_UNBLOCK), X(SIG_SETMASK) };
static const struct xlat sa_flags[] = {
	X(SA_RESTORER), X(SA_ONSTACK), X(SA_RESTART), X(SA_INTERRUPT), X(SA_NODEFER),
	X(SA_RESETHAND), X(SA_SIGINFO), X(SA_NOCLDSTOP), X(SA_NOCLDWAIT),
};
static const struct xlat sa_handlers[] = {
	{ ~0UL, "SIG_ERR" }, { 0, "SIG_DFL" }, { 1, "SIG_IGN" },
};
static const struct xlat clock_ids[] = {
	X(CLOCK_REALTIME), X(CLOCK_MONOTONIC), X(CLOCK_PROCESS_CPUTIME_ID),
	X(CLOCK_THREAD_CPUTIME_ID), X(CLOCK_MONOTONIC_RAW), X(CLOCK_REALTIME_COARSE),
	X(CLOCK_MONOTONIC_COARSE), X(CLOCK_BOOTTIME), X(CLOCK_REALTIME_ALARM),
	X(CLOCK_BOOTTIME_ALARM), { 10, "CLOCK_SGI_CYCLE" }, X(CLOCK_TAI),
};
static const struct xlat cpu_clocks[] = { { 0, "CPUCLOCK_PROF" }, { 1, "CPUCLOCK_VIRT" },
					  { 2, "CPUCLOCK_SCHED" } };
static const struct xlat arch_prctl_codes[] = {
	X(ARCH_SET_GS), X(ARCH_SET_FS), X(ARCH_GET_FS), X(ARCH_GET_GS), X(ARCH_GET_CPUID),
	X(ARCH_SET_CPUID),
};
static const struct xlat schedulers[] = {
	{ 0, "SCHED_OTHER" }, X(SCHED_FIFO), X(SCHED_RR), X(SCHED_BATCH), { 4, "SCHED_ISO" },
	X(SCHED_IDLE), X(SCHED_DEADLINE),
};
static const struct xlat prctl_options[] = {
	X(PR_SET_PDEATHSIG), X(PR_GET_PDEATHSIG), X(PR_GET_DUMPABLE), X(PR_SET_DUMPABLE),
	X(PR_GET_UNALIGN), X(PR_SET_UNALIGN), X(PR_GET_KEEPCAPS), X(PR_SET_KEEPCAPS),
	X(PR_GET_FPEMU), X(PR_SET_FPEMU), X(PR_GET_FPEXC), X(PR_SET_FPEXC), X(PR_GET_TIMING),
	X(PR_SET_TIMING), X(PR_SET_NAME), X(PR_GET_NAME), X(PR_GET_ENDIAN), X(PR_SET_ENDIAN),
	X(PR_GET_SECCOMP), X(PR_SET_SECCOMP), X(PR_CAPBSET_READ), X(PR_CAPBSET_DROP),
	X(PR_GET_TSC), X(PR_SET_TSC), X(PR_GET_SECUREBITS), X(PR_SET_SECUREBITS),
	X(PR_SET_TIMERSLACK), X(PR_GET_TIMERSLACK), X(PR_TASK_PERF_EVENTS_DISABLE),
	X(PR_TASK_PERF_EVENTS_ENABLE), X(PR_MCE_KILL), X(PR_MCE_KILL_GET), X(PR_SET_MM),
	X(PR_SET_CHILD_SUBREAPER), X(PR_GET_CHILD_SUBREAPER), X(PR_SET_NO_NEW_PRIVS),
	X(PR_GET_NO_NEW_PRIVS), X(PR_GET_TID_ADDRESS), X(PR_SET_THP_DISABLE),
	X(PR_GET_THP_DISABLE), X(PR_MPX_ENABLE_MANAGEMENT), X(PR_MPX_DISABLE_MANAGEMENT),
	X(PR_SET_FP_MODE), X(PR_GET_FP_MODE), X(PR_CAP_AMBIENT), X(PR_SVE_SET_VL),
	X(PR_SVE_GET_VL), X(PR_GET_SPECULATION_CTRL), X(PR_SET_SPECULATION_CTRL),
	X(PR_PAC_RESET_KEYS), X(PR_SET_TAGGED_ADDR_CTRL), X(PR_GET_TAGGED_ADDR_CTRL),
	X(PR_SET_IO_FLUSHER), X(PR_GET_IO_FLUSHER), X(PR_SET_SYSCALL_USER_DISPATCH),
	X(PR_PAC_SET_ENABLED_KEYS), X(PR_PAC_GET_ENABLED_KEYS), X(PR_SCHED_CORE),
	X(PR_SET_VMA),
};
static const struct xlat dumpable_modes[] = {
	{ 0, "SUID_DUMP_DISABLE" }, { 1, "SUID_DUMP_USER" }, { 2, "SUID_DUMP_ROOT" },
};
static const struct xlat ioctl_requests[] = {
	X(TCGETS), X(TCSETS), X(TCSETSW), X(TCSETSF), X(TIOCGPGRP), X(TIOCSPGRP), X(TIOCGWINSZ),
	X(TIOCSWINSZ), X(FIONREAD), X(FIONBIO), X(FIONCLEX), X(FIOCLEX),
};
static const struct xlat ioctl_dirs[] = {
	{ 0, "_IOC_NONE" }, { 2, "_IOC_READ" }, { 1, "_IOC_WRITE" },
};
static const struct xlat mode_types[] = {
	X(S_IFREG), X(S_IFSOCK), X(S_IFIFO), X(S_IFLNK), X(S_IFDIR), X(S_IFBLK), X(S_IFCHR),
};
static const struct xlat term_iflags[] = {
	X(IGNBRK), X(BRKINT), X(IGNPAR), X(PARMRK), X(INPCK), X(ISTRIP), X(INLCR), X(IGNCR),
	X(ICRNL), X(IUCLC), X(IXON), X(IXANY), X(IXOFF), X(IMAXBEL), X(IUTF8),
};
static const struct xlat term_oflags[] = {
	X(OPOST), X(OLCUC), X(ONLCR), X(OCRNL), X(ONOCR), X(ONLRET), X(OFILL), X(OFDEL),
};
static const struct xlat term_nldly[] = { X(NL0), X(NL1) };
static const struct xlat term_crdly[] = { X(CR0), X(CR1), X(CR2), X(CR3) };
static const struct xlat term_tabdly[] = { X(XTABS), X(TAB0), X(TAB1), X(TAB2), X(TAB3) };
static const struct xlat term_bsdly[] = { X(BS1), X(BS0) };
static const struct xlat term_vtdly[] = { X(VT0), X(VT1) };
static const struct xlat term_ffdly[] = { X(FF0), X(FF1) };
static const struct xlat term_cflags[] = {
	X(CSTOPB), X(CREAD), X(PARENB), X(PARODD), X(HUPCL), X(CLOCAL), X(CMSPAR), X(CRTSCTS),
};
static const struct xlat term_csize[] = { X(CS5), X(CS6), X(CS7), X(CS8) };
static const struct xlat term_lflags[] = {
	X(ISIG), X(ICANON), X(XCASE), X(ECHO), X(ECHOE), X(ECHOK), X(ECHONL), X(NOFLSH), X(IEXTEN),
	X(ECHOCTL), X(ECHOPRT), X(ECHOKE), X(FLUSHO), X(PENDIN), X(TOSTOP), X(EXTPROC),
};
static const struct xlat baud_rates[] = {
	X(B0), X(B50), X(B75), X(B110), X(B134), X(B150), X(B200), X(B300), X(B600), X(B1200),
	X(B1800), X(B2400), X(B4800), X(B9600), X(B19200), X(B38400), X(B57600), X(B115200),
	X(B230400), X(B460800), X(B500000), X(B576000), X(B921600), X(B1000000), X(B1152000),
	X(B1500000), X(B2000000), X(B2500000), X(B3000000), X(B3500000), X(B4000000), X(BOTHER),
};

static const struct xlat futex_cmds[] = {
	X(FUTEX_WAIT), X(FUTEX_WAKE), X(FUTEX_FD), X(FUTEX_REQUEUE), X(FUTEX_CMP_REQUEUE),
	X(FUTEX_WAKE_OP), X(FUTEX_LOCK_PI), X(FUTEX_UNLOCK_PI), X(FUTEX_TRYLOCK_PI),
	X(FUTEX_WAIT_BITSET), X(FUTEX_WAKE_BITSET), X(FUTEX_WAIT_REQUEUE_PI),
	X(FUTEX_CMP_REQUEUE_PI), { 13, "FUTEX_LOCK_PI2" },
};
static const struct xlat futex_wake_ops[] = {
	X(FUTEX_OP_SET), X(FUTEX_OP_ADD), X(FUTEX_OP_OR), X(FUTEX_OP_ANDN), X(FUTEX_OP_XOR),
};
static const struct xlat futex_wake_cmps[] = {
	X(FUTEX_OP_CMP_EQ), X(FUTEX_OP_CMP_NE), X(FUTEX_OP_CMP_LT), X(FUTEX_OP_CMP_LE),
	X(FUTEX_OP_CMP_GT), X(FUTEX_OP_CMP_GE),
};
static const struct xlat clone_flags[] = {
	X(CLONE_VM), X(CLONE_FS), X(CLONE_FILES), X(CLONE_SIGHAND), X(CLONE_PIDFD),
	X(CLONE_PTRACE), X(CLONE_VFORK), X(CLONE_PARENT), X(CLONE_THREAD), X(CLONE_NEWNS),
	X(CLONE_SYSVSEM), X(CLONE_SETTLS), X(CLONE_PARENT_SETTID), X(CLONE_CHILD_CLEARTID),
	X(CLONE_UNTRACED), X(CLONE_CHILD_SETTID), X(CLONE_NEWCGROUP), X(CLONE_NEWUTS),
	X(CLONE_NEWIPC), X(CLONE_NEWUSER), X(CLONE_NEWPID), X(CLONE_NEWNET), X(CLONE_IO),
};
static const struct xlat membarrier_cmds[] = {
	X(MEMBARRIER_CMD_QUERY), X(MEMBARRIER_CMD_GLOBAL), X(MEMBARRIER_CMD_GLOBAL_EXPEDITED),
	X(MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED), X(MEMBARRIER_CMD_PRIVATE_EXPEDITED),
	X(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED), X(MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE),
	X(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE),
	X(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ), X(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ),
};
static const struct xlat membarrier_flags[] = { { 1, "MEMBARRIER_CMD_FLAG_CPU" } };
static const struct xlat itimer_which[] = { X(ITIMER_REAL), X(ITIMER_VIRTUAL), X(ITIMER_PROF) };
static const struct xlat rlimit_resources[] = {
	X(RLIMIT_AS), X(RLIMIT_CORE), X(RLIMIT_CPU), X(RLIMIT_DATA), X(RLIMIT_FSIZE),
	X(RLIMIT_LOCKS), X(RLIMIT_MEMLOCK), X(RLIMIT_MSGQUEUE), X(RLIMIT_NICE), X(RLIMIT_NOFILE),
	X(RLIMIT_NPROC), X(RLIMIT_RSS), X(RLIMIT_RTPRIO), X(RLIMIT_RTTIME), X(RLIMIT_SIGPENDING),
	X(RLIMIT_STACK),
};
static const struct xlat rusage_who[] = { X(RUSAGE_SELF), X(RUSAGE_CHILDREN), X(RUSAGE_THREAD) };
static const struct xlat priority_which[] = { X(PRIO_PROCESS), X(PRIO_PGRP), X(PRIO_USER) };
static const struct xlat poll_events[] = {
	X(POLLIN), X(POLLPRI), X(POLLOUT), X(POLLERR), X(POLLHUP), X(POLLNVAL), X(POLLRDNORM),
	X(POLLRDBAND), X(POLLWRNORM), X(POLLWRBAND), X(POLLMSG), X(POLLREMOVE), X(POLLRDHUP),
};
static const struct xlat eventfd_flags[] = {
	{ EFD_SEMAPHORE, "EFD_SEMAPHORE" }, { O_CLOEXEC, "EFD_CLOEXEC" },
	{ O_NONBLOCK, "EFD_NONBLOCK" },
};
static const struct xlat timer_flags[] = { X(TIMER_ABSTIME) };
static const struct xlat rename_flags[] = {
	{ 1, "RENAME_NOREPLACE" }, { 2, "RENAME_EXCHANGE" }, { 4, "RENAME_WHITEOUT" },
};
static const struct xlat statx_sync_types[] = {
	X(AT_STATX_SYNC_AS_STAT), X(AT_STATX_FORCE_SYNC), X(AT_STATX_DONT_SYNC),
};
static const struct xlat statx_masks[] = {
	{ 0xfff, "STATX_ALL" }, X(STATX_BASIC_STATS), X(STATX_TYPE), X(STATX_MODE), X(STATX_NLINK),
	X(STATX_UID), X(STATX_GID), X(STATX_ATIME), X(STATX_MTIME), X(STATX_CTIME), X(STATX_INO),
	X(STATX_SIZE), X(STATX_BLOCKS), X(STATX_BTIME), X(STATX_MNT_ID), { 0x2000, "STATX_DIOALIGN" },
};
static const struct xlat statx_attrs[] = {
	X(STATX_ATTR_COMPRESSED), X(STATX_ATTR_IMMUTABLE), X(STATX_ATTR_APPEND),
	X(STATX_ATTR_NODUMP), X(STATX_ATTR_ENCRYPTED), X(STATX_ATTR_AUTOMOUNT),
	X(STATX_ATTR_MOUNT_ROOT), X(STATX_ATTR_VERITY), X(STATX_ATTR_DAX),
};
static const struct xlat fs_magics[] = {
	{ 0xef53, "EXT2_SUPER_MAGIC" }, { 0x01021994, "TMPFS_MAGIC" }, { 0x858458f6, "RAMFS_MAGIC" },
	{ 0x9fa0, "PROC_SUPER_MAGIC" }, { 0x50495045, "PIPEFS_MAGIC" },
	{ 0x09041934, "ANON_INODE_FS_MAGIC" }, { 0x62656572, "SYSFS_MAGIC" },
	{ 0x1cd1, "DEVPTS_SUPER_MAGIC" }, { 0x794c7630, "OVERLAYFS_SUPER_MAGIC" },
	{ 0x9123683e, "BTRFS_SUPER_MAGIC" }, { 0x58465342, "XFS_SUPER_MAGIC" },
	{ 0x6969, "NFS_SUPER_MAGIC" }, { 0x65735546, "FUSE_SUPER_MAGIC" },
};
static const struct xlat statfs_flags[] = {
	{ 1, "ST_RDONLY" }, { 2, "ST_NOSUID" }, { 4, "ST_NODEV" }, { 8, "ST_NOEXEC" },
	{ 16, "ST_SYNCHRONOUS" }, { 32, "ST_VALID" }, { 64, "ST_MANDLOCK" },
	{ 1024, "ST_NOATIME" }, { 2048, "ST_NODIRATIME" }, { 4096, "ST_RELATIME" },
};
static const struct xlat sigaltstack_flags[] = { { 1, "SS_ONSTACK" }, { 2, "SS_DISABLE" } };
static const struct xlat falloc_flags[] = {
	{ 0x01, "FALLOC_FL_KEEP_SIZE" }, { 0x02, "FALLOC_FL_PUNCH_HOLE" },
	{ 0x04, "FALLOC_FL_NO_HIDE_STALE" }, { 0x08, "FALLOC_FL_COLLAPSE_RANGE" },
	{ 0x10, "FALLOC_FL_ZERO_RANGE" }, { 0x20, "FALLOC_FL_INSERT_RANGE" },
	{ 0x40, "FALLOC_FL_UNSHARE_RANGE" },
};
static const struct xlat fadvise_advice[] = {
	{ 0, "POSIX_FADV_NORMAL" },   { 1, "POSIX_FADV_RANDOM" },   { 2, "POSIX_FADV_SEQUENTIAL" },
	{ 3, "POSIX_FADV_WILLNEED" }, { 4, "POSIX_FADV_DONTNEED" }, { 5, "POSIX_FADV_NOREUSE" },
};
/* strace's flockcmds, in its order. */
static const struct xlat flock_ops[] = {
	{ 1, "LOCK_SH" },    { 2, "LOCK_EX" },	 { 4, "LOCK_NB" },	{ 8, "LOCK_UN" },
	{ 32, "LOCK_MAND" }, { 64, "LOCK_READ" }, { 128, "LOCK_WRITE" },
};

/* The tables an argument descriptor can name. */
enum xlat_id {
	X_OPEN, X_PROT, X_MADVISE, X_AT, X_FACCESSAT, X_ACCESS, X_WHENCE, X_GRND, X_FD,
	X_FCNTL, X_HOW, X_SA, X_ARCH_PRCTL, X_MREMAP, X_MSYNC, X_RWF, X_ITIMER, X_RLIMIT,
	X_RUSAGE, X_PRIO, X_EVENTFD, X_TIMER, X_RENAME, X_STATX_MASK, X_FALLOC, X_FADVISE,
	X_FLOCK, X_COUNT
};

#define TABLE(items, unknown) { items, sizeof(items) / sizeof(items[0]), unknown }

static const struct xlat_table xlats[X_COUNT] = {
	[X_OPEN] = TABLE(open_flags, "O_???"),
	[X_PROT] = TABLE(prot_flags, "PROT_???"),
	[X_MADVISE] = TABLE(madvise_advice, "MADV_???"),
	[X_AT] = TABLE(at_flags, "AT_???"),
	[X_FACCESSAT] = TABLE(faccessat_flags, "AT_???"),
	[X_ACCESS] = TABLE(access_modes, "?_OK"),
	[X_WHENCE] = TABLE(whence, "SEEK_???"),
	[X_GRND] = TABLE(getrandom_flags, "GRND_???"),
	[X_FD] = TABLE(fd_flags, "FD_???"),
	[X_FCNTL] = TABLE(fcntl_cmds, "F_???"),
	[X_HOW] = TABLE(sigprocmask_how, "SIG_???"),
	[X_SA] = TABLE(sa_flags, "SA_???"),
	[X_ARCH_PRCTL] = TABLE(arch_prctl_codes, "ARCH_???"),
	[X_MREMAP] = TABLE(mremap_flags, "MREMAP_???"),
	[X_MSYNC] = TABLE(msync_flags, "MS_???"),
	[X_RWF] = TABLE(rwf_flags, "RWF_???"),
	[X_ITIMER] = TABLE(itimer_which, "ITIMER_???"),
	[X_RLIMIT] = TABLE(rlimit_resources, "RLIMIT_???"),
	[X_RUSAGE] = TABLE(rusage_who, "RUSAGE_???"),
	[X_PRIO] = TABLE(priority_which, "PRIO_???"),
	[X_EVENTFD] = TABLE(eventfd_flags, "EFD_???"),
	[X_TIMER] = TABLE(timer_flags, "TIMER_???"),
	[X_RENAME] = TABLE(rename_flags, "RENAME_???"),
	[X_STATX_MASK] = TABLE(statx_masks, "STATX_???"),
	[X_FALLOC] = TABLE(falloc_flags, "FALLOC_FL_???"),
	[X_FADVISE] = TABLE(fadvise_advice, "POSIX_FADV_???"),
	[X_FLOCK] = TABLE(flock_ops, "LOCK_???"),
};

#define LOCAL_TABLE(items, unknown) (&(const struct xlat_table)TABLE(items, unknown))

static const char *xlat_name(const struct xlat_table *table, uint64_t value)
{
	for (size_t i = 0; i < table->count; i++)
		if (table->items[i].value == value)
			return table->items[i].name;
	return NULL;
}

/* strace's printxval: the name, else the number and a comment. */
static void put_xval(struct line *line, const struct xlat_table *table, uint64_t value)
{
	const char *name = xlat_name(table, value);

	if (name) {
		put_str(line, name);
		return;
	}
	put_hex(line, value);
	if (table->unknown)
		put_fmt(line, " /* %s */", table->unknown);
}

/* strace's printflags: NAME|NAME|0x..., the number and the unknown comment
 * when no bit has a name, and for 0 the name of 0 or "0" (nothing when the
 * table has no unknown comment). */
static void put_flags(struct line *line, const struct xlat_table *table, uint64_t flags)
{
	int named = 0;

	if (!flags) {
		const char *name = xlat_name(table, 0);
		if (name)
			put_str(line, name);
		else if (table->unknown)
			put_char(line, '0');
		return;
	}
	for (size_t i = 0; i < table->count && flags; i++) {
		uint64_t bits = table->items[i].value;
		if (bits && (flags & bits) == bits) {
			if (named++)
				put_char(line, '|');
			put_str(line, table->items[i].name);
			flags &= ~bits;
		}
	}
	if (named && flags) {
		put_char(line, '|');
		put_hex(line, flags);
	} else if (flags) {
		put_hex(line, flags);
		if (table->unknown)
			put_fmt(line, " /* %s */", table->unknown);
	}
}

/* open(2) flags: the access mode, then the other bits (strace's
 * sprint_open_modes). */
static void put_open_flags(struct line *line, uint64_t flags)
{
	uint64_t rest = flags & ~(uint64_t)O_ACCMODE;

	put_str(line, xlat_name(LOCAL_TABLE(open_access_modes, NULL), flags & O_ACCMODE));
	for (size_t i = 0; i < sizeof(open_flags) / sizeof(open_flags[0]) && rest; i++) {
		if ((rest & open_flags[i].value) == open_flags[i].value) {
			put_char(line, '|');
			put_str(line, open_flags[i].name);
			rest &= ~open_flags[i].value;
		}
	}
	if (rest) {
		put_char(line, '|');
		put_hex(line, rest);
	}
}

/* mmap(2) flags: the mapping type, then the other bits. */
static void put_mmap_flags(struct line *line, uint64_t flags)
{
	const uint64_t huge_mask = (uint64_t)MAP_HUGE_MASK << MAP_HUGE_SHIFT;
	const struct xlat_table *table = LOCAL_TABLE(map_flags, NULL);
	uint64_t rest = flags & ~(uint64_t)MAP_TYPE & ~huge_mask;

	put_xval(line, LOCAL_TABLE(map_flags, "MAP_???"), flags & MAP_TYPE);
	if (rest) {
		put_char(line, '|');
		put_flags(line, table, rest);
	}
	if (flags & huge_mask)
		put_fmt(line, "|%lu<<MAP_HUGE_SHIFT",
			(unsigned long)((flags & huge_mask) >> MAP_HUGE_SHIFT));
}

/* --- strings and buffers ------------------------------------------------- */

enum { QUOTE_NUL_TERMINATED = 1, QUOTE_HEX = 2 };

/* strace's string_quote: C escapes, octal for other non-printable bytes
 * (three digits when a digit follows), or \xNN for every byte. */
static void put_quoted(struct line *line, const unsigned char *s, size_t size, int style)
{
	put_char(line, '"');
	for (size_t i = 0; i < size; i++) {
		unsigned char c = s[i];
		int full = i + 1 < size && s[i + 1] >= '0' && s[i + 1] <= '7';

		if ((style & QUOTE_NUL_TERMINATED) && !c)
			break;
		if (style & QUOTE_HEX) {
			put_fmt(line, "\\x%02x", c);
			continue;
		}
		switch (c) {
		case '"':
		case '\\':
			put_char(line, '\\');
			put_char(line, (char)c);
			break;
		case '\f':
			put_str(line, "\\f");
			break;
		case '\n':
			put_str(line, "\\n");
			break;
		case '\r':
			put_str(line, "\\r");
			break;
		case '\t':
			put_str(line, "\\t");
			break;
		case '\v':
			put_str(line, "\\v");
			break;
		default:
			if (c >= ' ' && c < 0x7f) {
				put_char(line, (char)c);
				break;
			}
			put_char(line, '\\');
			if (full || c >> 6)
				put_char(line, (char)('0' + (c >> 6)));
			if (full || c >> 3)
				put_char(line, (char)('0' + ((c >> 3) & 7)));
			put_char(line, (char)('0' + (c & 7)));
		}
	}
	put_char(line, '"');
}

/* strace's printstrn: the first STRLEN_MAX bytes of [addr, addr + len) and
 * "..." when there are more. Like strace it fetches one byte more. */
static void put_buf(struct line *line, uint64_t addr, uint64_t len, int style)
{
	unsigned char data[STRLEN_MAX + 1] = { 0 };
	size_t fetch = len < sizeof(data) ? (size_t)len : sizeof(data);

	if (!addr) {
		put_str(line, "NULL");
		return;
	}
	if (fetch && copy_from_cvm(data, (const void *)addr, fetch)) {
		put_addr(line, addr);
		return;
	}
	put_quoted(line, data, fetch < STRLEN_MAX ? fetch : STRLEN_MAX, style);
	if (len > STRLEN_MAX)
		put_str(line, "...");
}

/* A NUL-terminated array field (utsname): at most size - 1 characters. */
static void put_cstring(struct line *line, const char *s, size_t size)
{
	size_t len = strnlen(s, size);

	put_quoted(line, (const unsigned char *)s, len < size ? len : size - 1, 0);
	if (len == size)
		put_str(line, "...");
}

/* strace's printpathn: a path of at most max characters, "..." after a
 * longer one. */
static void put_path(struct line *line, uint64_t addr, size_t max)
{
	char path[PATH_MAX];
	long len;

	if (!addr) {
		put_str(line, "NULL");
		return;
	}
	if (max > sizeof(path) - 1)
		max = sizeof(path) - 1;
	len = string_from_cvm(path, (const char *)addr, max + 1);
	if (len == -ENAMETOOLONG && !copy_from_cvm(path, (const void *)addr, max)) {
		put_quoted(line, (const unsigned char *)path, max, 0);
		put_str(line, "...");
	} else if (len < 0) {
		put_addr(line, addr);
	} else {
		put_quoted(line, (const unsigned char *)path, (size_t)len, 0);
	}
}

/* --- structures ------------------------------------------------------------ */

/* Copy a structure the app passed, or print its address as strace does
 * when it cannot (NULL for 0). */
static int fetch(struct line *line, void *dst, uint64_t addr, size_t size)
{
	if (addr && !copy_from_cvm(dst, (const void *)addr, size))
		return 0;
	put_addr(line, addr);
	return -1;
}

static void put_mode(struct line *line, uint32_t mode)
{
	const char *type = "";

	if (mode & S_IFMT)
		type = xlat_name(LOCAL_TABLE(mode_types, NULL), mode & S_IFMT);

	if (!type) {
		put_octal(line, mode);
		return;
	}
	put_str(line, type);
	if (*type)
		put_char(line, '|');
	if (mode & S_ISUID)
		put_str(line, "S_ISUID|");
	if (mode & S_ISGID)
		put_str(line, "S_ISGID|");
	if (mode & S_ISVTX)
		put_str(line, "S_ISVTX|");
	put_octal(line, mode & ~(uint32_t)(S_IFMT | S_ISUID | S_ISGID | S_ISVTX));
}

static void put_stat(struct line *line, uint64_t addr)
{
	struct stat st;

	if (fetch(line, &st, addr, sizeof(st)))
		return;
	put_str(line, "{st_mode=");
	put_mode(line, st.st_mode);
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
		/* glibc's major() and minor() of the 64-bit dev_t */
		uint64_t dev = st.st_rdev;
		put_str(line, ", st_rdev=makedev(");
		put_hex(line, ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffUL));
		put_str(line, ", ");
		put_hex(line, (dev & 0xff) | ((dev >> 12) & ~0xffUL));
		put_char(line, ')');
	} else {
		put_fmt(line, ", st_size=%lu", (unsigned long)st.st_size);
	}
	put_str(line, ", ...}");
}

static void put_timespec(struct line *line, uint64_t addr)
{
	struct __kernel_timespec ts;

	if (!fetch(line, &ts, addr, sizeof(ts)))
		put_fmt(line, "{tv_sec=%ld, tv_nsec=%lu}", (long)ts.tv_sec,
			(unsigned long)ts.tv_nsec);
}

static void put_utsname(struct line *line, uint64_t addr)
{
	struct new_utsname uts;

	if (fetch(line, &uts, addr, sizeof(uts)))
		return;
	put_str(line, "{sysname=");
	put_cstring(line, uts.sysname, sizeof(uts.sysname));
	put_str(line, ", nodename=");
	put_cstring(line, uts.nodename, sizeof(uts.nodename));
	put_str(line, ", ...}");
}

static const char *const signal_names[SIGRTMIN_KERNEL + 1] = {
	[1] = "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
	"SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
	"SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
	"SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS", "SIGRTMIN",
};

/* strace's printsignal: SIGINT, SIGRT_3, or the number. */
static void put_signal(struct line *line, long arg)
{
	int sig = (int)arg;

	if (sig > 0 && sig <= SIGRTMIN_KERNEL)
		put_str(line, signal_names[sig]);
	else if (sig > SIGRTMIN_KERNEL && sig <= 64)
		put_fmt(line, "SIGRT_%d", sig - SIGRTMIN_KERNEL);
	else
		put_fmt(line, "%d", sig);
}

/* strace's sprintsigmask_n: [INT TERM], or ~[...] of the signals not in the
 * set when 2/3 of its nsigs signals or more are. */
static void put_sigset_bits(struct line *line, uint64_t set, int nsigs)
{
	const char *separator = "[";
	int count = 0;

	for (uint64_t bits = set; bits; bits &= bits - 1)
		count++;
	if (count >= nsigs * 2 / 3) {
		set = ~set;
		put_char(line, '~');
	}
	for (int sig = 1; sig <= nsigs; sig++) {
		if (!(set >> (sig - 1) & 1))
			continue;
		put_str(line, separator);
		separator = " ";
		if (sig <= SIGRTMIN_KERNEL)
			put_str(line, signal_names[sig] + 3);
		else
			put_fmt(line, "RT_%d", sig - SIGRTMIN_KERNEL);
	}
	if (*separator == '[')
		put_char(line, '[');
	put_char(line, ']');
}

/* A sigset of size bytes, read in whole 32-bit words as strace does; a
 * size below min_size or above the kernel's is printed as the address. */
static void put_sigset(struct line *line, uint64_t addr, uint64_t size, uint64_t min_size)
{
	uint64_t set = 0;

	if (size < min_size || size > SIGSET_BYTES)
		put_addr(line, addr);
	else if (!fetch(line, &set, addr, (size_t)size))
		put_sigset_bits(line, set, size > 4 ? 64 : 32);
}

/* The kernel's struct sigaction on x86-64. */
struct kernel_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

static void put_sigaction(struct line *line, uint64_t addr)
{
	struct kernel_sigaction sa;
	const char *handler;

	if (fetch(line, &sa, addr, sizeof(sa)))
		return;
	put_str(line, "{sa_handler=");
	handler = xlat_name(LOCAL_TABLE(sa_handlers, NULL), sa.handler);
	if (handler)
		put_str(line, handler);
	else
		put_addr(line, sa.handler);
	put_str(line, ", sa_mask=");
	put_sigset_bits(line, sa.mask, SIGSET_BYTES * 8);
	put_str(line, ", sa_flags=");
	put_flags(line, &xlats[X_SA], sa.flags);
	if (sa.flags & SA_RESTORER) {
		put_str(line, ", sa_restorer=");
		put_addr(line, sa.restorer);
	}
	put_char(line, '}');
}

/* strace's tprint_iov_upto: at most data_size bytes in all (~0: each
 * iov_len), or only the addresses; STRLEN_MAX elements, then "...". */
static void put_iovec(struct line *line, uint64_t addr, uint64_t count, uint64_t data_size,
		      int addresses)
{
	const uint64_t size = sizeof(struct iovec);
	uint64_t i;

	if (!addr) {
		put_str(line, "NULL");
		return;
	}
	if (!count) {
		put_str(line, "[]");
		return;
	}
	if (count > ~0UL / size || addr + count * size <= addr) {
		put_addr(line, addr);
		return;
	}
	for (i = 0; i < count; i++) {
		struct iovec iov;
		uint64_t len;

		if (i)
			put_str(line, ", ");
		if (copy_from_cvm(&iov, (const void *)(addr + i * size), sizeof(iov))) {
			if (!i) {
				put_addr(line, addr);
				return;
			}
			put_fmt(line, "... /* 0x%lx */", (unsigned long)(addr + i * size));
			break;
		}
		if (!i)
			put_char(line, '[');
		if (i == STRLEN_MAX) {
			put_str(line, "...");
			break;
		}
		len = iov.iov_len < data_size ? iov.iov_len : data_size;
		if (data_size != ~0UL)
			data_size -= len;
		put_str(line, "{iov_base=");
		if (addresses)
			put_addr(line, (uint64_t)iov.iov_base);
		else
			put_buf(line, (uint64_t)iov.iov_base, len, 0);
		put_fmt(line, ", iov_len=%lu}", (unsigned long)iov.iov_len);
	}
	put_char(line, ']');
}

/* strace's decode_termios: the four mode fields, delays and speeds by name. */
static void put_termios(struct line *line, uint64_t addr)
{
	static const struct {
		const struct xlat_table table;
		uint32_t mask;
	} delays[] = {
		{ TABLE(term_nldly, "NL?"), NLDLY },  { TABLE(term_crdly, "CR?"), CRDLY },
		{ TABLE(term_tabdly, "TAB?"), TABDLY }, { TABLE(term_bsdly, "BS?"), BSDLY },
		{ TABLE(term_vtdly, "VT?"), VTDLY },  { TABLE(term_ffdly, "FF?"), FFDLY },
	};
	const struct xlat_table *bauds = LOCAL_TABLE(baud_rates, "B???");
	struct termios t;
	uint32_t oflag, cflag;

	if (fetch(line, &t, addr, sizeof(t)))
		return;
	put_str(line, "{c_iflag=");
	put_flags(line, LOCAL_TABLE(term_iflags, NULL), t.c_iflag);
	put_str(line, ", c_oflag=");
	oflag = t.c_oflag;
	for (size_t i = 0; i < sizeof(delays) / sizeof(delays[0]); i++) {
		put_xval(line, &delays[i].table, oflag & delays[i].mask);
		put_char(line, '|');
		oflag &= ~delays[i].mask;
	}
	put_flags(line, LOCAL_TABLE(term_oflags, NULL), oflag);
	put_str(line, ", c_cflag=");
	cflag = t.c_cflag;
	put_xval(line, bauds, cflag & CBAUD);
	put_char(line, '|');
	if (cflag & CIBAUD) {
		put_xval(line, bauds, (cflag & CIBAUD) >> IBSHIFT);
		put_str(line, "<<IBSHIFT|");
	}
	put_xval(line, LOCAL_TABLE(term_csize, "CS?"), cflag & CSIZE);
	put_char(line, '|');
	cflag &= ~(uint32_t)(CBAUD | CIBAUD | CSIZE);
	put_flags(line, LOCAL_TABLE(term_cflags, NULL), cflag);
	put_str(line, ", c_lflag=");
	put_flags(line, LOCAL_TABLE(term_lflags, NULL), t.c_lflag);
	put_str(line, ", ...}");
}

static void put_winsize(struct line *line, uint64_t addr)
{
	struct winsize ws;

	if (!fetch(line, &ws, addr, sizeof(ws)))
		put_fmt(line, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}", ws.ws_row,
			ws.ws_col, ws.ws_xpixel, ws.ws_ypixel);
}

/* An int the call reads or writes: [N]. */
static void put_int_at(struct line *line, uint64_t addr)
{
	int value;

	if (!fetch(line, &value, addr, sizeof(value)))
		put_fmt(line, "[%d]", value);
}

/* strace's printclockname, CPU-time clocks of other threads included. */
static void put_clockid(struct line *line, long arg)
{
	int id = (int)arg;

	if (id >= 0) {
		put_xval(line, LOCAL_TABLE(clock_ids, "CLOCK_???"), (uint64_t)id);
	} else if ((id & 7) == 3) {
		put_fmt(line, "FD_TO_CLOCKID(%d)", ~(id >> 3));
	} else {
		put_fmt(line, "%s(%d, ", id & 4 ? "MAKE_THREAD_CPUCLOCK" : "MAKE_PROCESS_CPUCLOCK",
			~(id >> 3));
		put_xval(line, LOCAL_TABLE(cpu_clocks, "CPUCLOCK_???"), (uint64_t)(id & 7));
		put_char(line, ')');
	}
}

static void put_ioctl_request(struct line *line, unsigned int request)
{
	const char *name = xlat_name(LOCAL_TABLE(ioctl_requests, NULL), request);

	if (name) {
		put_str(line, name);
		return;
	}
	put_str(line, "_IOC(");
	put_flags(line, LOCAL_TABLE(ioctl_dirs, "_IOC_???"), _IOC_DIR(request));
	put_str(line, ", ");
	put_hex(line, _IOC_TYPE(request));
	put_str(line, ", ");
	put_hex(line, _IOC_NR(request));
	put_str(line, ", ");
	put_hex(line, _IOC_SIZE(request));
	put_char(line, ')');
}

static int failed(long result)
{
	return (unsigned long)result >= -(unsigned long)ERRNO_MAX;
}

/* One system call as syscall_traced sees it. */
struct call {
	long nr;
	long args[6];
	long result;
	int restart; /* the ERESTART* code when a signal interrupted the call, else 0 */
	int64_t before; /* an in-out value read before the call (sendfile's offset) */
	int have_before;
};

/* The call failed, or a signal interrupted it: what it wrote is shown as an
 * address (strace's syserror and is_erestart). */
static int no_output(const struct call *call)
{
	return failed(call->result) || call->restart;
}

static void put_timeval(struct line *line, const struct __kernel_old_timeval *tv)
{
	put_fmt(line, "{tv_sec=%ld, tv_usec=%ld}", (long)tv->tv_sec, (long)tv->tv_usec);
}

static void put_timeval_at(struct line *line, uint64_t addr)
{
	struct __kernel_old_timeval tv;

	if (!fetch(line, &tv, addr, sizeof(tv)))
		put_timeval(line, &tv);
}

static void put_itimerval(struct line *line, uint64_t addr)
{
	struct itimerval it;

	if (fetch(line, &it, addr, sizeof(it)))
		return;
	put_str(line, "{it_interval=");
	put_timeval(line, (const struct __kernel_old_timeval *)&it.it_interval);
	put_str(line, ", it_value=");
	put_timeval(line, (const struct __kernel_old_timeval *)&it.it_value);
	put_char(line, '}');
}

/* strace's print_rlim64_t: RLIM64_INFINITY, N*1024 for a multiple of 1024. */
static void put_rlim(struct line *line, uint64_t value)
{
	if (value == ~0ULL)
		put_str(line, "RLIM64_INFINITY");
	else if (value > 1024 && value % 1024 == 0)
		put_fmt(line, "%lu*1024", (unsigned long)(value / 1024));
	else
		put_fmt(line, "%lu", (unsigned long)value);
}

static void put_rlimit(struct line *line, uint64_t addr)
{
	struct rlimit64 rl;

	if (fetch(line, &rl, addr, sizeof(rl)))
		return;
	put_str(line, "{rlim_cur=");
	put_rlim(line, rl.rlim_cur);
	put_str(line, ", rlim_max=");
	put_rlim(line, rl.rlim_max);
	put_char(line, '}');
}

/* Abbreviated, as strace shows it without -v. */
static void put_rusage(struct line *line, uint64_t addr)
{
	struct rusage ru;

	if (fetch(line, &ru, addr, sizeof(ru)))
		return;
	put_str(line, "{ru_utime=");
	put_timeval(line, (const struct __kernel_old_timeval *)&ru.ru_utime);
	put_str(line, ", ru_stime=");
	put_timeval(line, (const struct __kernel_old_timeval *)&ru.ru_stime);
	put_str(line, ", ...}");
}

/* strace's print_affinitylist: the numbers of the set bits of len bytes. */
static void put_cpuset(struct line *line, uint64_t addr, uint64_t len)
{
	uint64_t words[CPU_SET_MAX / 64] = { 0 };
	size_t size = len < sizeof(words) ? (size_t)len : sizeof(words);
	const char *separator = "";

	if (fetch(line, words, addr, size))
		return;
	put_char(line, '[');
	for (size_t cpu = 0; cpu < size * 8; cpu++) {
		if (!(words[cpu / 64] >> (cpu % 64) & 1))
			continue;
		put_fmt(line, "%s%lu", separator, (unsigned long)cpu);
		separator = " ";
	}
	put_char(line, ']');
}

/* A pointer-sized value the call wrote: [NULL], [0x...]. */
static void put_ptr_at(struct line *line, uint64_t addr)
{
	uint64_t value;

	if (fetch(line, &value, addr, sizeof(value)))
		return;
	put_char(line, '[');
	put_addr(line, value);
	put_char(line, ']');
}

static void put_ulong_at(struct line *line, uint64_t addr)
{
	uint64_t value;

	if (!fetch(line, &value, addr, sizeof(value)))
		put_fmt(line, "[%lu]", (unsigned long)value);
}

static void put_int64_at(struct line *line, uint64_t addr)
{
	int64_t value;

	if (!fetch(line, &value, addr, sizeof(value)))
		put_fmt(line, "[%ld]", (long)value);
}

/* strace's printuid: -1 or the number. */
static void put_id(struct line *line, uint32_t id)
{
	if (id == (uint32_t)-1)
		put_str(line, "-1");
	else
		put_fmt(line, "%u", id);
}

static void put_id_at(struct line *line, uint64_t addr)
{
	uint32_t id;

	if (fetch(line, &id, addr, sizeof(id)))
		return;
	put_char(line, '[');
	put_id(line, id);
	put_char(line, ']');
}

/* strace's print_groups: an array of gid_t, at most STRLEN_MAX shown; more than
 * NGROUPS_MAX, or none readable, is the address. */
static void put_groups(struct line *line, uint64_t addr, uint64_t count)
{
	uint32_t gid;

	if (!addr) {
		put_str(line, "NULL");
		return;
	}
	if (count > 65536) {
		put_addr(line, addr);
		return;
	}
	if (!count) {
		put_str(line, "[]");
		return;
	}
	for (uint64_t i = 0; i < count; i++) {
		uint64_t at = addr + i * sizeof(gid);
		if (i)
			put_str(line, ", ");
		if (i >= STRLEN_MAX) {
			put_str(line, "...");
			break;
		}
		if (copy_from_cvm(&gid, (const void *)at, sizeof(gid))) {
			if (!i) {
				put_addr(line, addr);
				return;
			}
			put_fmt(line, "... /* 0x%lx */", (unsigned long)at);
			break;
		}
		if (!i)
			put_char(line, '[');
		put_id(line, gid);
	}
	put_char(line, ']');
}

static void put_sysinfo(struct line *line, uint64_t addr)
{
	struct sysinfo si;

	if (fetch(line, &si, addr, sizeof(si)))
		return;
	put_fmt(line,
		"{uptime=%ld, loads=[%lu, %lu, %lu], totalram=%lu, freeram=%lu, sharedram=%lu, "
		"bufferram=%lu, totalswap=%lu, freeswap=%lu, procs=%u, totalhigh=%lu, "
		"freehigh=%lu, mem_unit=%u}",
		(long)si.uptime, (unsigned long)si.loads[0], (unsigned long)si.loads[1],
		(unsigned long)si.loads[2], (unsigned long)si.totalram, (unsigned long)si.freeram,
		(unsigned long)si.sharedram, (unsigned long)si.bufferram,
		(unsigned long)si.totalswap, (unsigned long)si.freeswap, (unsigned)si.procs,
		(unsigned long)si.totalhigh, (unsigned long)si.freehigh, (unsigned)si.mem_unit);
}

static void put_tms(struct line *line, uint64_t addr)
{
	long tms[4];

	if (!fetch(line, tms, addr, sizeof(tms)))
		put_fmt(line, "{tms_utime=%lu, tms_stime=%lu, tms_cutime=%lu, tms_cstime=%lu}",
			(unsigned long)tms[0], (unsigned long)tms[1], (unsigned long)tms[2],
			(unsigned long)tms[3]);
}

static void put_fd_pair(struct line *line, uint64_t addr)
{
	int fds[2];

	if (!fetch(line, fds, addr, sizeof(fds)))
		put_fmt(line, "[%d, %d]", fds[0], fds[1]);
}

/* utimensat's times: NULL, or two timespecs, each UTIME_NOW or UTIME_OMIT
 * alone when its tv_nsec says so (strace's print_timespec_utime_pair). */
static void put_utimes(struct line *line, uint64_t addr)
{
	struct __kernel_timespec ts[2];

	if (fetch(line, ts, addr, sizeof(ts)))
		return;
	for (int i = 0; i < 2; i++) {
		put_str(line, i ? ", " : "[");
		if (ts[i].tv_nsec == UTIME_NOW)
			put_str(line, "UTIME_NOW");
		else if (ts[i].tv_nsec == UTIME_OMIT)
			put_str(line, "UTIME_OMIT");
		else
			put_fmt(line, "{tv_sec=%ld, tv_nsec=%ld}", (long)ts[i].tv_sec,
				(long)ts[i].tv_nsec);
	}
	put_char(line, ']');
}

/* The kernel's stack_t. */
struct kernel_stack {
	uint64_t sp;
	int32_t flags;
	uint64_t size;
};

static void put_stack(struct line *line, uint64_t addr)
{
	struct kernel_stack ss;

	if (fetch(line, &ss, addr, sizeof(ss)))
		return;
	put_str(line, "{ss_sp=");
	put_addr(line, ss.sp);
	put_str(line, ", ss_flags=");
	put_flags(line, LOCAL_TABLE(sigaltstack_flags, "SS_???"), (uint32_t)ss.flags);
	put_fmt(line, ", ss_size=%lu}", (unsigned long)ss.size);
}

static void put_statx(struct line *line, uint64_t addr)
{
	struct statx stx;

	if (fetch(line, &stx, addr, sizeof(stx)))
		return;
	put_str(line, "{stx_mask=");
	put_flags(line, &xlats[X_STATX_MASK], stx.stx_mask);
	put_str(line, ", stx_attributes=");
	put_flags(line, LOCAL_TABLE(statx_attrs, "STATX_ATTR_???"), stx.stx_attributes);
	put_str(line, ", stx_mode=");
	put_mode(line, stx.stx_mode);
	put_fmt(line, ", stx_size=%lu, ...}", (unsigned long)stx.stx_size);
}

/* The kernel's struct statfs on x86-64: every field a long but f_fsid. */
struct kernel_statfs {
	int64_t f_type, f_bsize;
	uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	int64_t f_namelen, f_frsize, f_flags, f_spare[4];
};

static void put_statfs(struct line *line, uint64_t addr)
{
	struct kernel_statfs st;

	if (fetch(line, &st, addr, sizeof(st)))
		return;
	put_str(line, "{f_type=");
	put_xval(line, LOCAL_TABLE(fs_magics, NULL), (uint64_t)st.f_type);
	put_fmt(line, ", f_bsize=%ld, f_blocks=%lu, f_bfree=%lu, f_bavail=%lu, f_files=%lu, "
		      "f_ffree=%lu, f_fsid={val=[",
		(long)st.f_bsize, (unsigned long)st.f_blocks, (unsigned long)st.f_bfree,
		(unsigned long)st.f_bavail, (unsigned long)st.f_files, (unsigned long)st.f_ffree);
	put_hex(line, (uint32_t)st.f_fsid[0]);
	put_str(line, ", ");
	put_hex(line, (uint32_t)st.f_fsid[1]);
	put_fmt(line, "]}, f_namelen=%ld, f_frsize=%ld, f_flags=", (long)st.f_namelen,
		(long)st.f_frsize);
	put_flags(line, LOCAL_TABLE(statfs_flags, "ST_???"), (uint64_t)st.f_flags);
	put_char(line, '}');
}

/* strace without -v: getdents64's buffer is its address and how many
 * entries the call wrote. */
static void put_dirents(struct line *line, uint64_t addr, long result)
{
	uint64_t offset = 0;
	int entries = 0;

	put_addr(line, addr);
	while (offset + 19 <= (uint64_t)result) { /* d_ino, d_off, d_reclen, d_type */
		uint16_t reclen;
		if (copy_from_cvm(&reclen, (const void *)(addr + offset + 16), sizeof(reclen)) ||
		    !reclen)
			break;
		entries++;
		offset += reclen;
	}
	put_fmt(line, " /* %d entries */", entries);
}

/* The kernel's siginfo, as far as strace shows it for the sender's
 * codes. */
struct kernel_siginfo_head {
	int32_t signo, errno_value, code, pad;
	int32_t pid;
	uint32_t uid;
};

static const struct xlat si_codes[] = {
	{ 0, "SI_USER" }, { 0x80, "SI_KERNEL" }, { (uint32_t)-1, "SI_QUEUE" },
	{ (uint32_t)-2, "SI_TIMER" }, { (uint32_t)-3, "SI_MESGQ" }, { (uint32_t)-4, "SI_ASYNCIO" },
	{ (uint32_t)-5, "SI_SIGIO" }, { (uint32_t)-6, "SI_TKILL" },
};

static void put_siginfo(struct line *line, uint64_t addr)
{
	struct kernel_siginfo_head si;

	if (fetch(line, &si, addr, sizeof(si)))
		return;
	put_str(line, "{si_signo=");
	put_signal(line, si.signo);
	put_str(line, ", si_code=");
	put_xval(line, LOCAL_TABLE(si_codes, NULL), (uint32_t)si.code);
	if (si.code <= 0)
		put_fmt(line, ", si_pid=%d, si_uid=%u", si.pid, si.uid);
	put_char(line, '}');
}

/* --- calls strace decodes with code of their own ------------------------- */

enum phase {
	BEFORE_CALL, /* the arguments strace prints on entry */
	AFTER_CALL, /* those it prints on exit */
	AFTER_RESULT, /* a comment after the result: (Timeout), (flags ...) */
};

static void put_futex(struct line *line, struct call *call, enum phase phase)
{
	static const struct xlat_table cmds = TABLE(futex_cmds, NULL);
	const long *args = call->args;
	unsigned int op = (unsigned int)args[1], cmd = op & FUTEX_CMD_MASK;
	unsigned int val = (unsigned int)args[2], val2 = (unsigned int)args[3];
	unsigned int val3 = (unsigned int)args[5];
	const char *name = xlat_name(&cmds, cmd);

	if (phase != BEFORE_CALL)
		return;
	put_addr(line, (uint64_t)args[0]);
	put_str(line, ", ");
	/* strace's futexops: each command, its _PRIVATE form, and |FUTEX_CLOCK_REALTIME */
	if (name && !(op & ~(FUTEX_CMD_MASK | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))) {
		put_str(line, name);
		if (op & FUTEX_PRIVATE_FLAG)
			put_str(line, "_PRIVATE");
		if (op & FUTEX_CLOCK_REALTIME)
			put_str(line, "|FUTEX_CLOCK_REALTIME");
	} else {
		put_hex(line, op);
		put_str(line, " /* FUTEX_??? */");
	}
	switch (cmd) {
	case FUTEX_WAIT:
		put_fmt(line, ", %u, ", val);
		put_timespec(line, (uint64_t)args[3]);
		break;
	case FUTEX_LOCK_PI:
	case 13: /* FUTEX_LOCK_PI2 */
		put_str(line, ", ");
		put_timespec(line, (uint64_t)args[3]);
		break;
	case FUTEX_WAIT_BITSET:
		put_fmt(line, ", %u, ", val);
		put_timespec(line, (uint64_t)args[3]);
		/* fall through */
	case FUTEX_WAKE_BITSET:
		if (cmd == FUTEX_WAKE_BITSET)
			put_fmt(line, ", %u", val);
		put_str(line, ", ");
		if (val3 == FUTEX_BITSET_MATCH_ANY)
			put_str(line, "FUTEX_BITSET_MATCH_ANY");
		else
			put_hex(line, val3);
		break;
	case FUTEX_REQUEUE:
		put_fmt(line, ", %u, %u, ", val, val2);
		put_addr(line, (uint64_t)args[4]);
		break;
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
		put_fmt(line, ", %u, %u, ", val, val2);
		put_addr(line, (uint64_t)args[4]);
		put_fmt(line, ", %u", val3);
		break;
	case FUTEX_WAKE_OP:
		put_fmt(line, ", %u, %u, ", val, val2);
		put_addr(line, (uint64_t)args[4]);
		put_str(line, ", ");
		if ((val3 >> 28) & FUTEX_OP_OPARG_SHIFT)
			put_str(line, "FUTEX_OP_OPARG_SHIFT<<28|");
		put_xval(line, LOCAL_TABLE(futex_wake_ops, NULL), (val3 >> 28) & 7);
		put_str(line, "<<28");
		if (!xlat_name(LOCAL_TABLE(futex_wake_ops, NULL), (val3 >> 28) & 7))
			put_str(line, " /* FUTEX_OP_??? */");
		put_char(line, '|');
		put_hex(line, (val3 >> 12) & 0xfff);
		put_str(line, "<<12|");
		put_xval(line, LOCAL_TABLE(futex_wake_cmps, NULL), (val3 >> 24) & 0xf);
		put_str(line, "<<24");
		if (!xlat_name(LOCAL_TABLE(futex_wake_cmps, NULL), (val3 >> 24) & 0xf))
			put_str(line, " /* FUTEX_OP_CMP_??? */");
		put_char(line, '|');
		put_hex(line, val3 & 0xfff);
		break;
	case FUTEX_WAIT_REQUEUE_PI:
		put_fmt(line, ", %u, ", val);
		put_timespec(line, (uint64_t)args[3]);
		put_str(line, ", ");
		put_addr(line, (uint64_t)args[4]);
		break;
	case FUTEX_FD:
	case FUTEX_WAKE:
		put_fmt(line, ", %u", val);
		break;
	case FUTEX_UNLOCK_PI:
	case FUTEX_TRYLOCK_PI:
		break;
	default:
		put_fmt(line, ", %u, ", val);
		put_addr(line, (uint64_t)args[3]);
		put_str(line, ", ");
		put_addr(line, (uint64_t)args[4]);
		put_str(line, ", ");
		put_hex(line, val3);
	}
}

/* strace's clone: x86-64 passes flags, stack, parent_tid, child_tid, tls. */
static void put_clone(struct line *line, struct call *call, enum phase phase)
{
	const long *args = call->args;
	uint64_t flags = (uint64_t)args[0] & ~(uint64_t)CSIGNAL;
	int sig = (int)(args[0] & CSIGNAL);

	if (phase == BEFORE_CALL) {
		put_str(line, "child_stack=");
		put_addr(line, (uint64_t)args[1]);
		put_str(line, ", flags=");
		if (flags) {
			put_flags(line, LOCAL_TABLE(clone_flags, "CLONE_???"), flags);
			if (sig) {
				put_char(line, '|');
				put_signal(line, sig);
			}
		} else if (sig) {
			put_signal(line, sig);
		} else {
			put_char(line, '0');
		}
		return;
	}
	if (phase != AFTER_CALL)
		return;
	if (flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)) {
		put_str(line, flags & CLONE_PARENT_SETTID ? ", parent_tid=" : ", pidfd=");
		if (no_output(call))
			put_addr(line, (uint64_t)args[2]);
		else
			put_int_at(line, (uint64_t)args[2]);
	}
	if (flags & CLONE_SETTLS) {
		put_str(line, ", tls=");
		put_addr(line, (uint64_t)args[4]);
	}
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		put_str(line, ", child_tidptr=");
		put_addr(line, (uint64_t)args[3]);
	}
}

static void put_membarrier(struct line *line, struct call *call, enum phase phase)
{
	const long *args = call->args;
	unsigned int cmd = (unsigned int)args[0], flags = (unsigned int)args[1];
	const struct xlat_table *cmds = LOCAL_TABLE(membarrier_cmds, "MEMBARRIER_CMD_???");

	if (phase == BEFORE_CALL) {
		put_xval(line, cmds, cmd);
		put_str(line, ", ");
		put_flags(line, LOCAL_TABLE(membarrier_flags, "MEMBARRIER_CMD_FLAG_???"), flags);
		if (flags & 1)
			put_fmt(line, ", %d", (int)args[2]);
	} else if (phase == AFTER_RESULT && !cmd && !failed(call->result) && call->result) {
		put_str(line, " (");
		put_flags(line, cmds, (uint64_t)call->result);
		put_char(line, ')');
	}
}

static void put_getgroups(struct line *line, struct call *call, enum phase phase)
{
	if (phase == BEFORE_CALL)
		put_fmt(line, "%d, ", (int)call->args[0]);
	else if (phase == AFTER_CALL)
		put_groups(line, (uint64_t)call->args[1],
			   failed(call->result) ? ~0UL : (uint64_t)call->result);
}

static void put_setgroups(struct line *line, struct call *call, enum phase phase)
{
	if (phase != BEFORE_CALL)
		return;
	put_fmt(line, "%d, ", (int)call->args[0]);
	put_groups(line, (uint64_t)call->args[1], (unsigned int)call->args[0]);
}

static void put_policy(struct line *line, long policy)
{
	put_xval(line, LOCAL_TABLE(schedulers, "SCHED_???"), (unsigned int)policy);
}

/* sched_get_priority_max and _min. */
static void put_priority_range(struct line *line, struct call *call, enum phase phase)
{
	if (phase == BEFORE_CALL)
		put_policy(line, call->args[0]);
}

static void put_sched_setscheduler(struct line *line, struct call *call, enum phase phase)
{
	if (phase != BEFORE_CALL)
		return;
	put_fmt(line, "%d, ", (int)call->args[0]);
	put_policy(line, call->args[1]);
	put_str(line, ", ");
	put_int_at(line, (uint64_t)call->args[2]);
}

/* The policy's name after the result, when it has one (not with SCHED_RESET_ON_FORK). */
static void put_sched_getscheduler(struct line *line, struct call *call, enum phase phase)
{
	const char *name = xlat_name(LOCAL_TABLE(schedulers, NULL), (uint64_t)call->result);

	if (phase == BEFORE_CALL)
		put_fmt(line, "%d", (int)call->args[0]);
	else if (phase == AFTER_RESULT && !failed(call->result) && name)
		put_fmt(line, " (%s)", name);
}

/* strace's prctl: the option, then what each takes; unknown ones in hexadecimal. */
static void put_prctl(struct line *line, struct call *call, enum phase phase)
{
	const long *args = call->args;
	unsigned int option = (unsigned int)args[0];
	const struct xlat_table *dumpable = LOCAL_TABLE(dumpable_modes, "SUID_DUMP_???");
	int sig;

	if (phase == BEFORE_CALL) {
		put_xval(line, LOCAL_TABLE(prctl_options, "PR_???"), option);
		switch (option) {
		case PR_GET_DUMPABLE:
		case PR_GET_TIMERSLACK:
			break;
		case PR_SET_DUMPABLE:
			put_str(line, ", ");
			put_xval(line, dumpable, (uint64_t)args[1]);
			break;
		case PR_SET_PDEATHSIG:
			put_str(line, ", ");
			if ((unsigned long)args[1] > 128)
				put_fmt(line, "%lu", (unsigned long)args[1]);
			else
				put_signal(line, args[1]);
			break;
		case PR_GET_PDEATHSIG:
		case PR_GET_NAME:
			put_str(line, ", ");
			break;
		case PR_SET_NAME:
			put_str(line, ", ");
			put_path(line, (uint64_t)args[1], 15);
			break;
		case PR_SET_TIMERSLACK:
			put_fmt(line, ", %lu", (unsigned long)args[1]);
			break;
		case PR_SET_NO_NEW_PRIVS:
		case PR_GET_NO_NEW_PRIVS:
			for (int i = 1; i < 5; i++)
				put_fmt(line, ", %lu", (unsigned long)args[i]);
			break;
		default:
			for (int i = 1; i < 5; i++) {
				put_str(line, ", ");
				put_hex(line, (uint64_t)args[i]);
			}
		}
	} else if (phase == AFTER_CALL) {
		if (option == PR_GET_PDEATHSIG) {
			if (no_output(call)) {
				put_addr(line, (uint64_t)args[1]);
			} else if (!fetch(line, &sig, (uint64_t)args[1], sizeof(sig))) {
				put_char(line, '[');
				put_signal(line, sig);
				put_char(line, ']');
			}
		} else if (option == PR_GET_NAME) {
			if (no_output(call))
				put_addr(line, (uint64_t)args[1]);
			else
				put_path(line, (uint64_t)args[1], 15);
		}
	} else if (option == PR_GET_DUMPABLE && !failed(call->result)) {
		const char *name = xlat_name(dumpable, (uint64_t)call->result);
		if (name)
			put_fmt(line, " (%s)", name);
	}
}

/* strace's poll: the requests on entry; the events that came after the
 * result, with what is left of ppoll's timeout. */
static void put_pollfds(struct line *line, uint64_t addr, uint64_t count, int revents)
{
	const struct xlat_table *events = LOCAL_TABLE(poll_events, "POLL???");
	const char *separator = "[";
	uint64_t i;

	for (i = 0; i < count; i++) {
		struct pollfd pfd;
		if (copy_from_cvm(&pfd, (const void *)(addr + i * sizeof(pfd)), sizeof(pfd))) {
			if (!i) {
				put_addr(line, addr);
				return;
			}
			put_fmt(line, ", ... /* 0x%lx */", (unsigned long)(addr + i * sizeof(pfd)));
			break;
		}
		if (revents && !pfd.revents)
			continue;
		if (i == STRLEN_MAX && !revents) {
			put_str(line, ", ...");
			break;
		}
		put_str(line, separator);
		separator = ", ";
		put_fmt(line, "{fd=%d", pfd.fd);
		if (revents) {
			put_str(line, ", revents=");
			put_flags(line, events, (uint16_t)pfd.revents);
		} else if (pfd.fd >= 0) {
			put_str(line, ", events=");
			put_flags(line, events, (uint16_t)pfd.events);
		}
		put_char(line, '}');
	}
	if (*separator == '[')
		put_char(line, '[');
	put_char(line, ']');
}

static void put_poll(struct line *line, struct call *call, enum phase phase)
{
	const long *args = call->args;
	int is_ppoll = call->nr == __NR_ppoll;

	if (phase == BEFORE_CALL) {
		if (!args[0])
			put_str(line, "NULL");
		else
			put_pollfds(line, (uint64_t)args[0], (uint64_t)args[1], 0);
		put_fmt(line, ", %u, ", (unsigned int)args[1]);
		if (!is_ppoll) {
			put_fmt(line, "%d", (int)args[2]);
			return;
		}
		put_timespec(line, (uint64_t)args[2]);
		put_str(line, ", ");
		put_sigset(line, (uint64_t)args[3], (uint64_t)args[4], SIGSET_BYTES);
		put_fmt(line, ", %lu", (unsigned long)args[4]);
		return;
	}
	if (phase != AFTER_RESULT || no_output(call))
		return;
	if (!call->result) {
		put_str(line, " (Timeout)");
		return;
	}
	put_str(line, " (");
	put_pollfds(line, (uint64_t)args[0], (uint64_t)args[1], 1);
	if (is_ppoll && args[2]) {
		put_str(line, ", left ");
		put_timespec(line, (uint64_t)args[2]);
	}
	put_char(line, ')');
}

/* An fd_set of nfds bits: [0 3 5]. */
static void put_fdset(struct line *line, uint64_t addr, int nfds)
{
	uint64_t words[1024 / 64] = { 0 };
	const char *separator = "";

	if (!addr) {
		put_str(line, "NULL");
		return;
	}
	if (nfds > 1024)
		nfds = 1024;
	if (fetch(line, words, addr, (size_t)(nfds + 63) / 64 * 8))
		return;
	put_char(line, '[');
	for (int fd = 0; fd < nfds; fd++) {
		if (!(words[fd / 64] >> (fd % 64) & 1))
			continue;
		put_fmt(line, "%s%d", separator, fd);
		separator = " ";
	}
	put_char(line, ']');
}

static int fdset_empty(uint64_t addr, int nfds)
{
	uint64_t words[1024 / 64] = { 0 };

	if (nfds > 1024)
		nfds = 1024;
	if (!addr || nfds <= 0 || copy_from_cvm(words, (const void *)addr, (size_t)(nfds + 63) / 64 * 8))
		return 1;
	for (int i = 0; i < (nfds + 63) / 64; i++)
		if (words[i])
			return 0;
	return 1;
}

static void put_select(struct line *line, struct call *call, enum phase phase)
{
	static const char *const set_names[] = { "in", "out", "except" };
	const long *args = call->args;
	int nfds = (int)args[0], is_select = call->nr == __NR_select;
	const char *separator = " (";

	if (phase == BEFORE_CALL) {
		put_fmt(line, "%d", nfds);
		for (int i = 1; i <= 3; i++) {
			put_str(line, ", ");
			if (nfds < 0)
				put_addr(line, (uint64_t)args[i]);
			else
				put_fdset(line, (uint64_t)args[i], nfds);
		}
		put_str(line, ", ");
		if (is_select) {
			put_timeval_at(line, (uint64_t)args[4]);
			return;
		}
		put_timespec(line, (uint64_t)args[4]);
		put_str(line, ", ");
		if (args[5]) {
			struct {
				uint64_t set, size;
			} sig;
			if (!fetch(line, &sig, (uint64_t)args[5], sizeof(sig))) {
				put_str(line, "{sigmask=");
				put_sigset(line, sig.set, sig.size, SIGSET_BYTES);
				put_fmt(line, ", sigsetsize=%lu}", (unsigned long)sig.size);
			}
		} else {
			put_str(line, "NULL");
		}
		return;
	}
	if (phase != AFTER_RESULT || no_output(call))
		return;
	if (!call->result) {
		put_str(line, " (Timeout)");
		return;
	}
	for (int i = 1; i <= 3; i++) {
		if (fdset_empty((uint64_t)args[i], nfds))
			continue;
		put_fmt(line, "%s%s ", separator, set_names[i - 1]);
		separator = ", ";
		put_fdset(line, (uint64_t)args[i], nfds);
	}
	if (args[4]) {
		put_fmt(line, "%sleft ", separator);
		separator = ", ";
		if (is_select)
			put_timeval_at(line, (uint64_t)args[4]);
		else
			put_timespec(line, (uint64_t)args[4]);
	}
	if (*separator == ',')
		put_char(line, ')');
}

/* sendfile's offset: [before] => [after]. */
static void put_sendfile(struct line *line, struct call *call, enum phase phase)
{
	const long *args = call->args;

	if (phase == BEFORE_CALL) {
		put_fmt(line, "%d, %d, ", (int)args[0], (int)args[1]);
		if (!args[2] || copy_from_cvm(&call->before, (const void *)args[2], 8)) {
			put_addr(line, (uint64_t)args[2]);
			return;
		}
		call->have_before = 1;
		put_fmt(line, "[%ld]", (long)call->before);
		return;
	}
	if (phase != AFTER_CALL)
		return;
	if (call->have_before && !no_output(call)) {
		put_str(line, " => ");
		put_int64_at(line, (uint64_t)args[2]);
	}
	put_fmt(line, ", %lu", (unsigned long)args[3]);
}

/* nanosleep and clock_nanosleep: the time left only when a signal
 * interrupted a relative sleep. */
static void put_sleep(struct line *line, struct call *call, enum phase phase)
{
	const long *args = call->args;
	int clock = call->nr == __NR_clock_nanosleep;
	const long *sleep_args = clock ? args + 2 : args;

	if (phase == BEFORE_CALL) {
		if (clock) {
			put_clockid(line, args[0]);
			put_str(line, ", ");
			put_flags(line, &xlats[X_TIMER], (uint64_t)args[1]);
			put_str(line, ", ");
		}
		put_timespec(line, (uint64_t)sleep_args[0]);
		put_str(line, ", "); /* on entry, as strace: "<... nanosleep resumed>" */
		return;
	}
	if (phase != AFTER_CALL)
		return;
	if (call->restart && !(clock && (args[1] & TIMER_ABSTIME)))
		put_timespec(line, (uint64_t)sleep_args[1]);
	else
		put_addr(line, (uint64_t)sleep_args[1]);
}

/* rt_sigreturn: the mask the frame restores, read as strace reads it from
 * the ucontext at the app's stack pointer (the handler's ret popped
 * pretcode), and the result the app gets: the frame's rax, which the gate
 * exit restores after the handler has returned 0. */
#define UC_GREGS_OFFSET 40 /* uc_flags, uc_link, uc_stack */
#define UC_RAX_OFFSET (UC_GREGS_OFFSET + 13 * 8) /* REG_RAX */
#define UC_SIGMASK_OFFSET 296 /* after the 256 bytes of uc_mcontext */

static void put_sigreturn(struct line *line, struct call *call, enum phase phase)
{
	uint64_t ucontext = current_gate()->app_sp, mask;

	if (phase != BEFORE_CALL)
		return;
	if (!copy_from_cvm(&call->before, (const void *)(ucontext + UC_RAX_OFFSET), 8))
		call->have_before = 1;
	if (copy_from_cvm(&mask, (const void *)(ucontext + UC_SIGMASK_OFFSET), sizeof(mask))) {
		put_addr(line, ucontext);
		return;
	}
	put_str(line, "{mask=");
	put_sigset_bits(line, mask, SIGSET_BYTES * 8);
	put_char(line, '}');
}

/* --- the table of system calls ------------------------------------------- */

enum arg_kind {
	END,
	/* Formatted before the call. */
	INT, /* int, decimal */
	UINT,
	LONG,
	ULONG,
	HEX,
	ADDR, /* a pointer the call does not follow (NULL or 0x...) */
	FD,
	DIRFD, /* AT_FDCWD or an fd */
	PATH,
	MODE, /* octal permission bits */
	UMASK,
	SIGNAL,
	CLOCKID,
	FLAGS, /* aux: enum xlat_id */
	XVAL, /* one value of table aux */
	OPEN_FLAGS,
	OPEN_MODE, /* aux: the flags argument; only with O_CREAT or O_TMPFILE */
	MMAP_FLAGS,
	FCNTL_CMD,
	FCNTL_ARG, /* aux: the command argument */
	IOCTL_REQUEST,
	IN_BUF, /* aux: the length argument */
	IN_IOV, /* aux: the count argument */
	IN_SIGSET, /* aux: the size argument */
	IN_SIGACTION,
	MREMAP_ADDR, /* aux: the flags argument; only with MREMAP_MAYMOVE | MREMAP_FIXED */
	SKIPPED, /* not printed: the high half of an offset strace shows whole */
	IN_TIMESPEC,
	IN_ITIMERVAL,
	IN_RLIMIT,
	IN_CPUSET, /* aux: the length argument */
	IN_STACK,
	IN_UTIMES,
	IN_INT64, /* [N]: copy_file_range's offsets */
	STATX_FLAGS,
	ID, /* uid_t or gid_t: -1 or unsigned */
	IN_INT, /* [N]: an int the call reads */
	/* Formatted after the call: what it wrote, or only the address if it failed. */
	FIRST_OUT,
	OUT_BUF = FIRST_OUT, /* the result is the length */
	OUT_HEXBUF, /* the same, in \x escapes (getrandom) */
	OUT_PATH, /* the result is the length with the NUL (getcwd) */
	OUT_STAT,
	OUT_UTSNAME,
	OUT_TIMESPEC,
	OUT_IOV, /* aux: the count argument; the result is the length */
	OUT_SIGSET, /* aux: the size argument */
	OUT_PENDING, /* the same, for rt_sigpending, which takes any size up to 8 */
	OUT_SIGACTION,
	IOCTL_ARG, /* aux: the request argument */
	OUT_FD_PAIR,
	OUT_ITIMERVAL,
	OUT_RLIMIT,
	OUT_RUSAGE,
	OUT_CPUSET, /* the result is the length */
	OUT_PTR, /* [0x...] */
	OUT_ULONG, /* [N] */
	OUT_STATX,
	OUT_STATFS,
	OUT_STACK,
	OUT_SIGINFO,
	OUT_DIRENTS, /* the result is the length */
	OUT_INT, /* [N] */
	OUT_ID, /* [N] of a uid_t or gid_t */
	OUT_SYSINFO,
	OUT_TMS,
};

enum result_kind {
	NO_FORMAT,
	DECIMAL,
	HEXADECIMAL,
	OCTAL,
	NO_RETURN,
	FCNTL_RESULT,
	SIGNAL_RESULT, /* N (SIGNAME): rt_sigtimedwait */
	SIGRETURN_RESULT, /* the rax the frame restores */
};

#define WITH(kind, aux) ((kind) | (aux) << 8)

struct syscall_format {
	uint8_t result;
	uint16_t args[6]; /* enum arg_kind | aux << 8; END after the last */
	/* Instead of args, for a call strace decodes with code of its own. */
	void (*decode)(struct line *line, struct call *call, enum phase phase);
};

#define CALL(result, ...) { result, { __VA_ARGS__ }, NULL }
#define DECODED_BY(result, decode) { result, { END }, decode }

/* One line per system call: how strace prints it. Any other number is
 * printed with six hexadecimal arguments. */
static const struct syscall_format formats[SYSCALL_TABLE_SIZE] = {
	[__NR_read] = CALL(DECIMAL, FD, OUT_BUF, ULONG),
	[__NR_write] = CALL(DECIMAL, FD, WITH(IN_BUF, 2), ULONG),
	[__NR_open] = CALL(DECIMAL, PATH, OPEN_FLAGS, WITH(OPEN_MODE, 1)),
	[__NR_close] = CALL(DECIMAL, FD),
	[__NR_stat] = CALL(DECIMAL, PATH, OUT_STAT),
	[__NR_fstat] = CALL(DECIMAL, FD, OUT_STAT),
	[__NR_lstat] = CALL(DECIMAL, PATH, OUT_STAT),
	[__NR_lseek] = CALL(DECIMAL, FD, LONG, WITH(XVAL, X_WHENCE)),
	[__NR_mmap] = CALL(HEXADECIMAL, ADDR, ULONG, WITH(FLAGS, X_PROT), MMAP_FLAGS, FD, HEX),
	[__NR_mprotect] = CALL(DECIMAL, ADDR, ULONG, WITH(FLAGS, X_PROT)),
	[__NR_munmap] = CALL(DECIMAL, ADDR, ULONG),
	[__NR_brk] = CALL(HEXADECIMAL, ADDR),
	[__NR_rt_sigaction] = CALL(DECIMAL, SIGNAL, IN_SIGACTION, OUT_SIGACTION, ULONG),
	[__NR_rt_sigprocmask] = CALL(DECIMAL, WITH(XVAL, X_HOW), WITH(IN_SIGSET, 3),
				     WITH(OUT_SIGSET, 3), ULONG),
	[__NR_rt_sigpending] = CALL(DECIMAL, WITH(OUT_PENDING, 1), ULONG),
	[__NR_ioctl] = CALL(DECIMAL, FD, IOCTL_REQUEST, WITH(IOCTL_ARG, 1)),
	[__NR_pread64] = CALL(DECIMAL, FD, OUT_BUF, ULONG, LONG),
	[__NR_pwrite64] = CALL(DECIMAL, FD, WITH(IN_BUF, 2), ULONG, LONG),
	[__NR_readv] = CALL(DECIMAL, FD, WITH(OUT_IOV, 2), ULONG),
	[__NR_writev] = CALL(DECIMAL, FD, WITH(IN_IOV, 2), ULONG),
	[__NR_access] = CALL(DECIMAL, PATH, WITH(FLAGS, X_ACCESS)),
	[__NR_sched_yield] = CALL(DECIMAL, END),
	[__NR_madvise] = CALL(DECIMAL, ADDR, ULONG, WITH(XVAL, X_MADVISE)),
	[__NR_mremap] = CALL(HEXADECIMAL, ADDR, ULONG, ULONG, WITH(FLAGS, X_MREMAP),
			     WITH(MREMAP_ADDR, 3)),
	[__NR_msync] = CALL(DECIMAL, ADDR, ULONG, WITH(FLAGS, X_MSYNC)),
	[__NR_preadv] = CALL(DECIMAL, FD, WITH(OUT_IOV, 2), ULONG, LONG),
	[__NR_pwritev] = CALL(DECIMAL, FD, WITH(IN_IOV, 2), ULONG, LONG),
	[__NR_preadv2] = CALL(DECIMAL, FD, WITH(OUT_IOV, 2), ULONG, LONG, SKIPPED,
			      WITH(FLAGS, X_RWF)),
	[__NR_pwritev2] = CALL(DECIMAL, FD, WITH(IN_IOV, 2), ULONG, LONG, SKIPPED,
			       WITH(FLAGS, X_RWF)),
	[__NR_dup] = CALL(DECIMAL, FD),
	[__NR_dup2] = CALL(DECIMAL, FD, FD),
	[__NR_getpid] = CALL(DECIMAL, END),
	[__NR_exit] = CALL(NO_RETURN, INT),
	[__NR_kill] = CALL(DECIMAL, INT, SIGNAL),
	[__NR_uname] = CALL(DECIMAL, OUT_UTSNAME),
	[__NR_fcntl] = CALL(FCNTL_RESULT, FD, FCNTL_CMD, WITH(FCNTL_ARG, 1)),
	[__NR_fsync] = CALL(DECIMAL, FD),
	[__NR_fdatasync] = CALL(DECIMAL, FD),
	[__NR_truncate] = CALL(DECIMAL, PATH, LONG),
	[__NR_ftruncate] = CALL(DECIMAL, FD, LONG),
	[__NR_getcwd] = CALL(DECIMAL, OUT_PATH, ULONG),
	[__NR_chdir] = CALL(DECIMAL, PATH),
	[__NR_fchdir] = CALL(DECIMAL, FD),
	[__NR_rename] = CALL(DECIMAL, PATH, PATH),
	[__NR_mkdir] = CALL(DECIMAL, PATH, MODE),
	[__NR_rmdir] = CALL(DECIMAL, PATH),
	[__NR_unlink] = CALL(DECIMAL, PATH),
	[__NR_readlink] = CALL(DECIMAL, PATH, OUT_BUF, ULONG),
	[__NR_chmod] = CALL(DECIMAL, PATH, MODE),
	[__NR_fchmod] = CALL(DECIMAL, FD, MODE),
	[__NR_umask] = CALL(OCTAL, UMASK),
	[__NR_getuid] = CALL(DECIMAL, END),
	[__NR_getgid] = CALL(DECIMAL, END),
	[__NR_geteuid] = CALL(DECIMAL, END),
	[__NR_getegid] = CALL(DECIMAL, END),
	[__NR_getppid] = CALL(DECIMAL, END),
	[__NR_getpgrp] = CALL(DECIMAL, END),
	[__NR_setsid] = CALL(DECIMAL, END),
	[__NR_setpgid] = CALL(DECIMAL, INT, INT),
	[__NR_getpgid] = CALL(DECIMAL, INT),
	[__NR_getsid] = CALL(DECIMAL, INT),
	[__NR_setuid] = CALL(DECIMAL, ID),
	[__NR_setgid] = CALL(DECIMAL, ID),
	[__NR_setreuid] = CALL(DECIMAL, ID, ID),
	[__NR_setregid] = CALL(DECIMAL, ID, ID),
	[__NR_setresuid] = CALL(DECIMAL, ID, ID, ID),
	[__NR_setresgid] = CALL(DECIMAL, ID, ID, ID),
	[__NR_getresuid] = CALL(DECIMAL, OUT_ID, OUT_ID, OUT_ID),
	[__NR_getresgid] = CALL(DECIMAL, OUT_ID, OUT_ID, OUT_ID),
	[__NR_getgroups] = DECODED_BY(DECIMAL, put_getgroups),
	[__NR_setgroups] = DECODED_BY(DECIMAL, put_setgroups),
	[__NR_sysinfo] = CALL(DECIMAL, OUT_SYSINFO),
	[__NR_times] = CALL(DECIMAL, OUT_TMS),
	[__NR_sched_setparam] = CALL(DECIMAL, INT, IN_INT),
	[__NR_sched_getparam] = CALL(DECIMAL, INT, OUT_INT),
	[__NR_sched_setscheduler] = DECODED_BY(DECIMAL, put_sched_setscheduler),
	[__NR_sched_getscheduler] = DECODED_BY(DECIMAL, put_sched_getscheduler),
	[__NR_sched_get_priority_max] = DECODED_BY(DECIMAL, put_priority_range),
	[__NR_sched_get_priority_min] = DECODED_BY(DECIMAL, put_priority_range),
	[__NR_sched_rr_get_interval] = CALL(DECIMAL, INT, OUT_TIMESPEC),
	[__NR_prctl] = DECODED_BY(DECIMAL, put_prctl),
	[__NR_arch_prctl] = CALL(DECIMAL, WITH(XVAL, X_ARCH_PRCTL), HEX),
	[__NR_gettid] = CALL(DECIMAL, END),
	[__NR_tkill] = CALL(DECIMAL, INT, SIGNAL),
	[__NR_set_tid_address] = CALL(DECIMAL, ADDR),
	[__NR_clock_gettime] = CALL(DECIMAL, CLOCKID, OUT_TIMESPEC),
	[__NR_clock_getres] = CALL(DECIMAL, CLOCKID, OUT_TIMESPEC),
	[__NR_exit_group] = CALL(NO_RETURN, INT),
	[__NR_tgkill] = CALL(DECIMAL, INT, INT, SIGNAL),
	[__NR_openat] = CALL(DECIMAL, DIRFD, PATH, OPEN_FLAGS, WITH(OPEN_MODE, 2)),
	[__NR_mkdirat] = CALL(DECIMAL, DIRFD, PATH, MODE),
	[__NR_newfstatat] = CALL(DECIMAL, DIRFD, PATH, OUT_STAT, WITH(FLAGS, X_AT)),
	[__NR_unlinkat] = CALL(DECIMAL, DIRFD, PATH, WITH(FLAGS, X_AT)),
	[__NR_faccessat] = CALL(DECIMAL, DIRFD, PATH, WITH(FLAGS, X_ACCESS)),
	[__NR_dup3] = CALL(DECIMAL, FD, FD, WITH(FLAGS, X_OPEN)),
	[__NR_getrandom] = CALL(DECIMAL, OUT_HEXBUF, ULONG, WITH(FLAGS, X_GRND)),
	[__NR_faccessat2] = CALL(DECIMAL, DIRFD, PATH, WITH(FLAGS, X_ACCESS),
				 WITH(FLAGS, X_FACCESSAT)),
	[__NR_sigaltstack] = CALL(DECIMAL, IN_STACK, OUT_STACK),
	[__NR_rt_sigreturn] = DECODED_BY(SIGRETURN_RESULT, put_sigreturn),
	[__NR_getdents64] = CALL(DECIMAL, FD, OUT_DIRENTS, ULONG),
	[__NR_renameat] = CALL(DECIMAL, DIRFD, PATH, DIRFD, PATH),
	[__NR_renameat2] = CALL(DECIMAL, DIRFD, PATH, DIRFD, PATH, WITH(FLAGS, X_RENAME)),
	[__NR_link] = CALL(DECIMAL, PATH, PATH),
	[__NR_linkat] = CALL(DECIMAL, DIRFD, PATH, DIRFD, PATH, WITH(FLAGS, X_AT)),
	[__NR_symlink] = CALL(DECIMAL, PATH, PATH),
	[__NR_symlinkat] = CALL(DECIMAL, PATH, DIRFD, PATH),
	[__NR_readlinkat] = CALL(DECIMAL, DIRFD, PATH, OUT_BUF, ULONG),
	[__NR_fchmodat] = CALL(DECIMAL, DIRFD, PATH, MODE),
	[__NR_utimensat] = CALL(DECIMAL, DIRFD, PATH, IN_UTIMES, WITH(FLAGS, X_AT)),
	[__NR_chown] = CALL(DECIMAL, PATH, ID, ID),
	[__NR_fchown] = CALL(DECIMAL, FD, ID, ID),
	[__NR_lchown] = CALL(DECIMAL, PATH, ID, ID),
	[__NR_fchownat] = CALL(DECIMAL, DIRFD, PATH, ID, ID, WITH(FLAGS, X_AT)),
	[__NR_fallocate] = CALL(DECIMAL, FD, WITH(FLAGS, X_FALLOC), LONG, LONG),
	[__NR_fadvise64] = CALL(DECIMAL, FD, LONG, ULONG, WITH(XVAL, X_FADVISE)),
	[__NR_readahead] = CALL(DECIMAL, FD, LONG, ULONG),
	[__NR_flock] = CALL(DECIMAL, FD, WITH(FLAGS, X_FLOCK)),
	[__NR_statx] = CALL(DECIMAL, DIRFD, PATH, STATX_FLAGS, WITH(FLAGS, X_STATX_MASK), OUT_STATX),
	[__NR_statfs] = CALL(DECIMAL, PATH, OUT_STATFS),
	[__NR_fstatfs] = CALL(DECIMAL, FD, OUT_STATFS),
	[__NR_pipe] = CALL(DECIMAL, OUT_FD_PAIR),
	[__NR_pipe2] = CALL(DECIMAL, OUT_FD_PAIR, WITH(FLAGS, X_OPEN)),
	[__NR_poll] = DECODED_BY(DECIMAL, put_poll),
	[__NR_ppoll] = DECODED_BY(DECIMAL, put_poll),
	[__NR_select] = DECODED_BY(DECIMAL, put_select),
	[__NR_pselect6] = DECODED_BY(DECIMAL, put_select),
	[__NR_eventfd] = CALL(DECIMAL, UINT),
	[__NR_eventfd2] = CALL(DECIMAL, UINT, WITH(FLAGS, X_EVENTFD)),
	[__NR_sendfile] = DECODED_BY(DECIMAL, put_sendfile),
	[__NR_copy_file_range] = CALL(DECIMAL, FD, IN_INT64, FD, IN_INT64, ULONG, UINT),
	[__NR_clone] = DECODED_BY(DECIMAL, put_clone),
	[__NR_futex] = DECODED_BY(DECIMAL, put_futex),
	[__NR_setitimer] = CALL(DECIMAL, WITH(XVAL, X_ITIMER), IN_ITIMERVAL, OUT_ITIMERVAL),
	[__NR_getitimer] = CALL(DECIMAL, WITH(XVAL, X_ITIMER), OUT_ITIMERVAL),
	[__NR_alarm] = CALL(DECIMAL, UINT),
	[__NR_prlimit64] = CALL(DECIMAL, INT, WITH(XVAL, X_RLIMIT), IN_RLIMIT, OUT_RLIMIT),
	[__NR_getrlimit] = CALL(DECIMAL, WITH(XVAL, X_RLIMIT), OUT_RLIMIT),
	[__NR_setrlimit] = CALL(DECIMAL, WITH(XVAL, X_RLIMIT), IN_RLIMIT),
	[__NR_getrusage] = CALL(DECIMAL, WITH(XVAL, X_RUSAGE), OUT_RUSAGE),
	[__NR_getpriority] = CALL(DECIMAL, WITH(XVAL, X_PRIO), INT),
	[__NR_setpriority] = CALL(DECIMAL, WITH(XVAL, X_PRIO), INT, INT),
	[__NR_set_robust_list] = CALL(DECIMAL, ADDR, ULONG),
	[__NR_get_robust_list] = CALL(DECIMAL, INT, OUT_PTR, OUT_ULONG),
	[__NR_sched_getaffinity] = CALL(DECIMAL, INT, UINT, OUT_CPUSET),
	[__NR_sched_setaffinity] = CALL(DECIMAL, INT, UINT, WITH(IN_CPUSET, 1)),
	[__NR_membarrier] = DECODED_BY(HEXADECIMAL, put_membarrier),
	[__NR_nanosleep] = DECODED_BY(DECIMAL, put_sleep),
	[__NR_clock_nanosleep] = DECODED_BY(DECIMAL, put_sleep),
	[__NR_pause] = CALL(DECIMAL, END),
	[__NR_rt_sigsuspend] = CALL(DECIMAL, WITH(IN_SIGSET, 1), ULONG),
	[__NR_rt_sigtimedwait] = CALL(SIGNAL_RESULT, WITH(IN_SIGSET, 3), OUT_SIGINFO, IN_TIMESPEC,
				      ULONG),
};

static const struct syscall_format unknown_format =
	CALL(DECIMAL, HEX, HEX, HEX, HEX, HEX, HEX);

/* fcntl commands strace prints without their third argument. */
static int fcntl_has_no_arg(unsigned int cmd)
{
	return cmd == F_GETFD || cmd == F_GETFL || cmd == F_GETOWN || cmd == F_GETSIG ||
	       cmd == F_GETLEASE || cmd == F_GETPIPE_SZ || cmd == F_GET_SEALS;
}

static int omitted(uint16_t arg, const long *args)
{
	unsigned int aux = arg >> 8;

	switch (arg & 0xff) {
	case OPEN_MODE:
		return !(args[aux] & (O_CREAT | __O_TMPFILE));
	case FCNTL_ARG:
		return fcntl_has_no_arg((unsigned int)args[aux]);
	case IOCTL_ARG:
		return (unsigned int)args[aux] == FIOCLEX || (unsigned int)args[aux] == FIONCLEX;
	case MREMAP_ADDR:
		return (args[aux] & (MREMAP_MAYMOVE | MREMAP_FIXED)) !=
		       (MREMAP_MAYMOVE | MREMAP_FIXED);
	case SKIPPED:
		return 1;
	default:
		return 0;
	}
}

static void put_fcntl_arg(struct line *line, unsigned int cmd, long value)
{
	switch (cmd) {
	case F_SETFD:
		put_flags(line, &xlats[X_FD], (uint64_t)value);
		break;
	case F_SETFL:
		put_open_flags(line, (uint64_t)value);
		break;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETOWN:
	case F_SETPIPE_SZ:
		put_fmt(line, "%ld", value);
		break;
	case F_SETSIG:
		put_signal(line, value);
		break;
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		put_addr(line, (uint64_t)value);
		break;
	default:
		put_hex(line, (uint64_t)value);
	}
}

static void put_ioctl_arg(struct line *line, unsigned int request, uint64_t addr, long result)
{
	switch (request) {
	case TCGETS:
	case TIOCGWINSZ:
	case FIONREAD:
	case TIOCGPGRP:
		if (failed(result)) {
			put_addr(line, addr);
			return;
		}
		break;
	}
	switch (request) {
	case TCGETS:
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		put_termios(line, addr);
		break;
	case TIOCGWINSZ:
	case TIOCSWINSZ:
		put_winsize(line, addr);
		break;
	case FIONREAD:
	case FIONBIO:
	case TIOCGPGRP:
	case TIOCSPGRP:
		put_int_at(line, addr);
		break;
	default:
		put_hex(line, addr);
	}
}

/* Argument i of the call; aux names another argument by its index. */
static void put_arg(struct line *line, uint16_t arg, const struct call *call, int i)
{
	const long *args = call->args;
	long result = call->result;
	unsigned int aux = arg >> 8;
	long value = args[i];
	uint64_t bits = (uint64_t)value;

	switch (arg & 0xff) {
	case INT:
	case FD:
		put_fmt(line, "%d", (int)value);
		break;
	case UINT:
		put_fmt(line, "%u", (unsigned int)value);
		break;
	case IN_TIMESPEC:
		put_timespec(line, bits);
		break;
	case IN_ITIMERVAL:
		put_itimerval(line, bits);
		break;
	case IN_RLIMIT:
		put_rlimit(line, bits);
		break;
	case IN_CPUSET:
		put_cpuset(line, bits, (uint64_t)args[aux]);
		break;
	case IN_STACK:
		put_stack(line, bits);
		break;
	case IN_UTIMES:
		put_utimes(line, bits);
		break;
	case IN_INT64:
		put_int64_at(line, bits);
		break;
	case STATX_FLAGS:
		/* strace: the sync type, then the AT_ flags */
		put_xval(line, LOCAL_TABLE(statx_sync_types, "AT_STATX_???"),
			 bits & AT_STATX_SYNC_TYPE);
		if (bits & ~(uint64_t)AT_STATX_SYNC_TYPE) {
			put_char(line, '|');
			put_flags(line, &xlats[X_AT], bits & ~(uint64_t)AT_STATX_SYNC_TYPE);
		}
		break;
	case LONG:
		put_fmt(line, "%ld", value);
		break;
	case ULONG:
		put_fmt(line, "%lu", (unsigned long)value);
		break;
	case HEX:
		put_hex(line, bits);
		break;
	case ADDR:
	case MREMAP_ADDR:
		put_addr(line, bits);
		break;
	case DIRFD:
		if ((int)value == AT_FDCWD)
			put_str(line, "AT_FDCWD");
		else
			put_fmt(line, "%d", (int)value);
		break;
	case PATH:
		put_path(line, bits, PATH_MAX - 1);
		break;
	case MODE:
		put_octal(line, bits & 0xffff);
		break;
	case UMASK:
		put_octal(line, bits & 0xffff); /* strace prints a umode_t, 16 bits */
		break;
	case SIGNAL:
		put_signal(line, value);
		break;
	case CLOCKID:
		put_clockid(line, value);
		break;
	case FLAGS:
		put_flags(line, &xlats[aux], bits);
		break;
	case XVAL:
		put_xval(line, &xlats[aux], bits);
		break;
	case OPEN_FLAGS:
		put_open_flags(line, bits);
		break;
	case OPEN_MODE:
		put_octal(line, bits & 0xffff);
		break;
	case MMAP_FLAGS:
		put_mmap_flags(line, bits);
		break;
	case FCNTL_CMD:
		put_xval(line, &xlats[X_FCNTL], (unsigned int)value);
		break;
	case FCNTL_ARG:
		put_fcntl_arg(line, (unsigned int)args[aux], value);
		break;
	case IOCTL_REQUEST:
		put_ioctl_request(line, (unsigned int)value);
		break;
	case IN_BUF:
		put_buf(line, bits, (uint64_t)args[aux], 0);
		break;
	case IN_IOV:
		put_iovec(line, bits, (uint64_t)args[aux], ~0UL, 0);
		break;
	case IN_SIGSET:
		put_sigset(line, bits, (uint64_t)args[aux], SIGSET_BYTES);
		break;
	case IN_SIGACTION:
		put_sigaction(line, bits);
		break;
	case ID:
		put_id(line, (uint32_t)value);
		break;
	case IN_INT:
		put_int_at(line, bits);
		break;
	default:
		/* What the call wrote: only its address when it failed. */
		if (no_output(call) && (arg & 0xff) != OUT_IOV && (arg & 0xff) != IOCTL_ARG) {
			put_addr(line, bits);
			break;
		}
		switch (arg & 0xff) {
		case OUT_BUF:
			put_buf(line, bits, (uint64_t)result, 0);
			break;
		case OUT_HEXBUF:
			put_buf(line, bits, (uint64_t)result, QUOTE_HEX);
			break;
		case OUT_PATH:
			put_path(line, bits, result > 0 ? (size_t)result - 1 : 0);
			break;
		case OUT_STAT:
			put_stat(line, bits);
			break;
		case OUT_UTSNAME:
			put_utsname(line, bits);
			break;
		case OUT_TIMESPEC:
			put_timespec(line, bits);
			break;
		case OUT_IOV:
			put_iovec(line, bits, (uint64_t)args[aux], (uint64_t)result,
				  failed(result));
			break;
		case OUT_SIGSET:
			put_sigset(line, bits, (uint64_t)args[aux], SIGSET_BYTES);
			break;
		case OUT_PENDING:
			put_sigset(line, bits, (uint64_t)args[aux], 1);
			break;
		case OUT_SIGACTION:
			put_sigaction(line, bits);
			break;
		case IOCTL_ARG:
			put_ioctl_arg(line, (unsigned int)args[aux], bits, result);
			break;
		case OUT_FD_PAIR:
			put_fd_pair(line, bits);
			break;
		case OUT_ITIMERVAL:
			put_itimerval(line, bits);
			break;
		case OUT_RLIMIT:
			put_rlimit(line, bits);
			break;
		case OUT_RUSAGE:
			put_rusage(line, bits);
			break;
		case OUT_CPUSET:
			put_cpuset(line, bits, (uint64_t)result);
			break;
		case OUT_PTR:
			put_ptr_at(line, bits);
			break;
		case OUT_ULONG:
			put_ulong_at(line, bits);
			break;
		case OUT_STATX:
			put_statx(line, bits);
			break;
		case OUT_STATFS:
			put_statfs(line, bits);
			break;
		case OUT_STACK:
			put_stack(line, bits);
			break;
		case OUT_SIGINFO:
			put_siginfo(line, bits);
			break;
		case OUT_DIRENTS:
			put_dirents(line, bits, result);
			break;
		case OUT_INT:
			put_int_at(line, bits);
			break;
		case OUT_ID:
			put_id_at(line, bits);
			break;
		case OUT_SYSINFO:
			put_sysinfo(line, bits);
			break;
		case OUT_TMS:
			put_tms(line, bits);
			break;
		}
	}
}

/* Arguments from index first on, up to the first one the call writes when
 * before_call; returns where it stopped. */
static int put_args(struct line *line, const struct syscall_format *format,
		    const struct call *call, int first, int before_call)
{
	int i, printed = 0;

	for (i = first; i < 6 && format->args[i] != END; i++) {
		uint16_t arg = format->args[i];
		if (before_call && (arg & 0xff) >= FIRST_OUT) {
			/* The separator on entry, as strace: "read(3,  <unfinished ...>" */
			if (i)
				put_str(line, ", ");
			break;
		}
		if (omitted(arg, call->args))
			continue;
		if (i && (before_call || first == 0 || printed))
			put_str(line, ", ");
		put_arg(line, arg, call, i);
		printed = 1;
	}
	return i;
}

/* strace's tabto(): pad to the result column, then "= ". */
static void put_result_column(struct line *line)
{
	put_str(line, ") ");
	while (line->len < RESULT_COLUMN)
		put_char(line, ' ');
	put_str(line, "= ");
}

static const struct {
	const char *name;
	const char *text; /* glibc's strerror, as strace prints it */
} errnos[] = {
	[1] = { "EPERM", "Operation not permitted" },
	[2] = { "ENOENT", "No such file or directory" },
	[3] = { "ESRCH", "No such process" },
	[4] = { "EINTR", "Interrupted system call" },
	[5] = { "EIO", "Input/output error" },
	[6] = { "ENXIO", "No such device or address" },
	[7] = { "E2BIG", "Argument list too long" },
	[8] = { "ENOEXEC", "Exec format error" },
	[9] = { "EBADF", "Bad file descriptor" },
	[10] = { "ECHILD", "No child processes" },
	[11] = { "EAGAIN", "Resource temporarily unavailable" },
	[12] = { "ENOMEM", "Cannot allocate memory" },
	[13] = { "EACCES", "Permission denied" },
	[14] = { "EFAULT", "Bad address" },
	[15] = { "ENOTBLK", "Block device required" },
	[16] = { "EBUSY", "Device or resource busy" },
	[17] = { "EEXIST", "File exists" },
	[18] = { "EXDEV", "Invalid cross-device link" },
	[19] = { "ENODEV", "No such device" },
	[20] = { "ENOTDIR", "Not a directory" },
	[21] = { "EISDIR", "Is a directory" },
	[22] = { "EINVAL", "Invalid argument" },
	[23] = { "ENFILE", "Too many open files in system" },
	[24] = { "EMFILE", "Too many open files" },
	[25] = { "ENOTTY", "Inappropriate ioctl for device" },
	[26] = { "ETXTBSY", "Text file busy" },
	[27] = { "EFBIG", "File too large" },
	[28] = { "ENOSPC", "No space left on device" },
	[29] = { "ESPIPE", "Illegal seek" },
	[30] = { "EROFS", "Read-only file system" },
	[31] = { "EMLINK", "Too many links" },
	[32] = { "EPIPE", "Broken pipe" },
	[33] = { "EDOM", "Numerical argument out of domain" },
	[34] = { "ERANGE", "Numerical result out of range" },
	[35] = { "EDEADLK", "Resource deadlock avoided" },
	[36] = { "ENAMETOOLONG", "File name too long" },
	[37] = { "ENOLCK", "No locks available" },
	[38] = { "ENOSYS", "Function not implemented" },
	[39] = { "ENOTEMPTY", "Directory not empty" },
	[40] = { "ELOOP", "Too many levels of symbolic links" },
	[42] = { "ENOMSG", "No message of desired type" },
	[43] = { "EIDRM", "Identifier removed" },
	[44] = { "ECHRNG", "Channel number out of range" },
	[45] = { "EL2NSYNC", "Level 2 not synchronized" },
	[46] = { "EL3HLT", "Level 3 halted" },
	[47] = { "EL3RST", "Level 3 reset" },
	[48] = { "ELNRNG", "Link number out of range" },
	[49] = { "EUNATCH", "Protocol driver not attached" },
	[50] = { "ENOCSI", "No CSI structure available" },
	[51] = { "EL2HLT", "Level 2 halted" },
	[52] = { "EBADE", "Invalid exchange" },
	[53] = { "EBADR", "Invalid request descriptor" },
	[54] = { "EXFULL", "Exchange full" },
	[55] = { "ENOANO", "No anode" },
	[56] = { "EBADRQC", "Invalid request code" },
	[57] = { "EBADSLT", "Invalid slot" },
	[59] = { "EBFONT", "Bad font file format" },
	[60] = { "ENOSTR", "Device not a stream" },
	[61] = { "ENODATA", "No data available" },
	[62] = { "ETIME", "Timer expired" },
	[63] = { "ENOSR", "Out of streams resources" },
	[64] = { "ENONET", "Machine is not on the network" },
	[65] = { "ENOPKG", "Package not installed" },
	[66] = { "EREMOTE", "Object is remote" },
	[67] = { "ENOLINK", "Link has been severed" },
	[68] = { "EADV", "Advertise error" },
	[69] = { "ESRMNT", "Srmount error" },
	[70] = { "ECOMM", "Communication error on send" },
	[71] = { "EPROTO", "Protocol error" },
	[72] = { "EMULTIHOP", "Multihop attempted" },
	[73] = { "EDOTDOT", "RFS specific error" },
	[74] = { "EBADMSG", "Bad message" },
	[75] = { "EOVERFLOW", "Value too large for defined data type" },
	[76] = { "ENOTUNIQ", "Name not unique on network" },
	[77] = { "EBADFD", "File descriptor in bad state" },
	[78] = { "EREMCHG", "Remote address changed" },
	[79] = { "ELIBACC", "Can not access a needed shared library" },
	[80] = { "ELIBBAD", "Accessing a corrupted shared library" },
	[81] = { "ELIBSCN", ".lib section in a.out corrupted" },
	[82] = { "ELIBMAX", "Attempting to link in too many shared libraries" },
	[83] = { "ELIBEXEC", "Cannot exec a shared library directly" },
	[84] = { "EILSEQ", "Invalid or incomplete multibyte or wide character" },
	[85] = { "ERESTART", "Interrupted system call should be restarted" },
	[86] = { "ESTRPIPE", "Streams pipe error" },
	[87] = { "EUSERS", "Too many users" },
	[88] = { "ENOTSOCK", "Socket operation on non-socket" },
	[89] = { "EDESTADDRREQ", "Destination address required" },
	[90] = { "EMSGSIZE", "Message too long" },
	[91] = { "EPROTOTYPE", "Protocol wrong type for socket" },
	[92] = { "ENOPROTOOPT", "Protocol not available" },
	[93] = { "EPROTONOSUPPORT", "Protocol not supported" },
	[94] = { "ESOCKTNOSUPPORT", "Socket type not supported" },
	[95] = { "EOPNOTSUPP", "Operation not supported" },
	[96] = { "EPFNOSUPPORT", "Protocol family not supported" },
	[97] = { "EAFNOSUPPORT", "Address family not supported by protocol" },
	[98] = { "EADDRINUSE", "Address already in use" },
	[99] = { "EADDRNOTAVAIL", "Cannot assign requested address" },
	[100] = { "ENETDOWN", "Network is down" },
	[101] = { "ENETUNREACH", "Network is unreachable" },
	[102] = { "ENETRESET", "Network dropped connection on reset" },
	[103] = { "ECONNABORTED", "Software caused connection abort" },
	[104] = { "ECONNRESET", "Connection reset by peer" },
	[105] = { "ENOBUFS", "No buffer space available" },
	[106] = { "EISCONN", "Transport endpoint is already connected" },
	[107] = { "ENOTCONN", "Transport endpoint is not connected" },
	[108] = { "ESHUTDOWN", "Cannot send after transport endpoint shutdown" },
	[109] = { "ETOOMANYREFS", "Too many references: cannot splice" },
	[110] = { "ETIMEDOUT", "Connection timed out" },
	[111] = { "ECONNREFUSED", "Connection refused" },
	[112] = { "EHOSTDOWN", "Host is down" },
	[113] = { "EHOSTUNREACH", "No route to host" },
	[114] = { "EALREADY", "Operation already in progress" },
	[115] = { "EINPROGRESS", "Operation now in progress" },
	[116] = { "ESTALE", "Stale file handle" },
	[117] = { "EUCLEAN", "Structure needs cleaning" },
	[118] = { "ENOTNAM", "Not a XENIX named type file" },
	[119] = { "ENAVAIL", "No XENIX semaphores available" },
	[120] = { "EISNAM", "Is a named type file" },
	[121] = { "EREMOTEIO", "Remote I/O error" },
	[122] = { "EDQUOT", "Disk quota exceeded" },
	[123] = { "ENOMEDIUM", "No medium found" },
	[124] = { "EMEDIUMTYPE", "Wrong medium type" },
	[125] = { "ECANCELED", "Operation canceled" },
	[126] = { "ENOKEY", "Required key not available" },
	[127] = { "EKEYEXPIRED", "Key has expired" },
	[128] = { "EKEYREVOKED", "Key has been revoked" },
	[129] = { "EKEYREJECTED", "Key was rejected by service" },
	[130] = { "EOWNERDEAD", "Owner died" },
	[131] = { "ENOTRECOVERABLE", "State not recoverable" },
	[132] = { "ERFKILL", "Operation not possible due to RF-kill" },
	[133] = { "EHWPOISON", "Memory page has hardware error" },
};

/* Linux's codes for a call a signal interrupted, as strace names them
 * (its syserror): what the kernel has in rax when strace looks at the end of
 * the call, before the signal is delivered and the call restarted or failed
 * with EINTR. */
static const struct {
	int code;
	const char *text;
} restart_codes[] = {
	{ ERESTARTSYS, "ERESTARTSYS (To be restarted if SA_RESTART is set)" },
	{ ERESTARTNOINTR, "ERESTARTNOINTR (To be restarted)" },
	{ ERESTARTNOHAND, "ERESTARTNOHAND (To be restarted if no handler)" },
	{ ERESTART_RESTARTBLOCK, "ERESTART_RESTARTBLOCK (Interrupted by signal)" },
};

static void put_result(struct line *line, const struct syscall_format *format,
		       const struct call *call)
{
	unsigned int cmd = (unsigned int)call->args[1];
	long result = call->result;

	if (format->result == SIGRETURN_RESULT && call->have_before)
		result = call->before;
	for (size_t i = 0; call->restart && i < sizeof(restart_codes) / sizeof(restart_codes[0]);
	     i++) {
		if (restart_codes[i].code == call->restart) {
			put_fmt(line, "? %s", restart_codes[i].text);
			return;
		}
	}
	if (failed(result)) {
		unsigned long err = (unsigned long)-result;
		if (err < sizeof(errnos) / sizeof(errnos[0]) && errnos[err].name)
			put_fmt(line, "-1 %s (%s)", errnos[err].name, errnos[err].text);
		else
			put_fmt(line, "-1 (errno %lu)", err);
		return;
	}
	switch (format->result) {
	case HEXADECIMAL:
		put_hex(line, (uint64_t)result);
		break;
	case OCTAL:
		put_octal(line, (uint64_t)result);
		break;
	case FCNTL_RESULT:
		if (cmd == F_GETFL || (cmd == F_GETFD && result)) {
			put_hex(line, (uint64_t)result);
			put_str(line, " (flags ");
			if (cmd == F_GETFL)
				put_open_flags(line, (uint64_t)result);
			else
				put_flags(line, &xlats[X_FD], (uint64_t)result);
			put_char(line, ')');
			break;
		}
		put_fmt(line, "%ld", result);
		break;
	case SIGNAL_RESULT:
		put_fmt(line, "%ld (", result);
		put_signal(line, result);
		put_char(line, ')');
		break;
	default:
		put_fmt(line, "%ld", result);
	}
}

/* strace -f's "<unfinished ...>": the calls other threads are in, each
 * with the part of its line written before the call (its own stack's line,
 * which it appends to only after the call, under the lock). When a line is
 * sent while such a call goes on, that call's part goes first, ended with
 * " <unfinished ...>", and its thread sends the rest later as
 * "<... NAME resumed>...". Under the LibOS's lock. */
#define PENDING_MAX 512 /* more than the threads an app can have */

struct pending_call {
	int tid; /* 0: a free entry */
	int split; /* the part before the call has been sent */
	const struct line *line;
	size_t len;
};

static struct pending_call pending[PENDING_MAX];

static void pending_begin(const struct line *line)
{
	for (int i = 0; i < PENDING_MAX; i++)
		if (!pending[i].tid) {
			pending[i] = (struct pending_call){ current_gate()->tid, 0, line, line->len };
			return;
		}
}

/* 1 when the part before this thread's call has been sent. */
static int pending_end(void)
{
	int tid = current_gate()->tid;

	for (int i = 0; i < PENDING_MAX; i++)
		if (pending[i].tid == tid) {
			pending[i].tid = 0;
			return pending[i].split;
		}
	return 0;
}

/* Send line, with the lock held, after the unfinished parts of the calls
 * other threads are in. */
static void trace_send_locked(const struct line *line)
{
	static struct line part;
	int tid = current_gate()->tid;

	for (int i = 0; i < PENDING_MAX; i++) {
		struct pending_call *p = &pending[i];
		if (!p->tid || p->tid == tid || p->split)
			continue;
		memcpy(part.text, p->line->text, p->len);
		part.len = p->len;
		put_str(&part, " <unfinished ...>");
		hostcall(HC_TRACE, (long)part.text, (long)part.len, 0, 0, 0);
		p->split = 1;
	}
	hostcall(HC_TRACE, (long)line->text, (long)line->len, 0, 0, 0);
}

static void trace_send(const struct line *line)
{
	libos_lock();
	trace_send_locked(line);
	libos_unlock();
}

static void monotonic_now(struct __kernel_timespec *ts)
{
	if (clock_now(CLOCK_MONOTONIC, ts))
		ts->tv_sec = ts->tv_nsec = 0;
}

static long run(long nr, const long *args)
{
	unsigned long index = (unsigned long)nr;

	if (index < SYSCALL_TABLE_SIZE && syscall_table[index] != syscall_unknown_entry)
		return syscall_table[index](args[0], args[1], args[2], args[3], args[4], args[5]);
	return syscall_unknown(nr);
}

/* strace -f: once the app has several threads, every line starts with the
 * id of the thread that made the call, the main one's included, as strace
 * prints it to stderr ("[pid %5u] "; with -o FILE it would be "%-5u ").
 * Like strace, the prefix is decided when the call starts: clone's own line
 * has none. */
static void put_thread_prefix(struct line *line)
{
	if (libos_threads() > 1)
		put_fmt(line, "[pid %5d] ", current_gate()->tid);
}

/* si_code's name, as strace prints it: the generic ones, then those of
 * the fault signals (asm-generic/siginfo.h). */
static void put_si_code(struct line *line, int sig, int code)
{
	static const char *const segv[] = { 0, "SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR",
					    "SEGV_PKUERR" };
	static const char *const bus[] = { 0, "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR" };
	static const char *const fpe[] = { 0, "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV",
					   "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV",
					   "FPE_FLTSUB" };
	static const char *const ill[] = { 0, "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR",
					   "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC",
					   "ILL_BADSTK" };
	static const char *const trap[] = { 0, "TRAP_BRKPT", "TRAP_TRACE" };
	const char *const *names = NULL;
	int count = 0;

	switch (code) {
	case SI_USER:
		put_str(line, "SI_USER");
		return;
	case SI_KERNEL:
		put_str(line, "SI_KERNEL");
		return;
	case SI_QUEUE:
		put_str(line, "SI_QUEUE");
		return;
	case SI_TKILL:
		put_str(line, "SI_TKILL");
		return;
	}
#define NAMES(table) (names = table, count = (int)(sizeof(table) / sizeof(table[0])))
	if (sig == SIGSEGV)
		NAMES(segv);
	else if (sig == SIGBUS)
		NAMES(bus);
	else if (sig == SIGFPE)
		NAMES(fpe);
	else if (sig == SIGILL)
		NAMES(ill);
	else if (sig == SIGTRAP)
		NAMES(trap);
#undef NAMES
	if (names && code > 0 && code < count)
		put_str(line, names[code]);
	else
		put_fmt(line, "%d", code);
}

void strace_signal(int sig, int code, uint64_t addr)
{
	struct line line;

	line.len = 0;
	put_thread_prefix(&line);
	put_str(&line, "--- ");
	put_signal(&line, sig);
	put_str(&line, " {si_signo=");
	put_signal(&line, sig);
	put_str(&line, ", si_code=");
	put_si_code(&line, sig, code);
	if (code == SI_USER || code == SI_TKILL || code == SI_QUEUE) {
		put_fmt(&line, ", si_pid=%ld, si_uid=%ld", sys_getpid(), sys_getuid());
	} else if (code > 0 && code != SI_KERNEL) {
		put_str(&line, ", si_addr=");
		put_addr(&line, addr);
	}
	put_str(&line, "} ---");
	trace_send_locked(&line); /* signal.c holds the lock */
}

/* The interrupted call's ERESTART* code: signal_syscall_end stored it in
 * the gate block and turned the result into -EINTR, to be restarted or kept
 * when the signal is delivered, after this returns. */
static int restart_code(long result)
{
	return result == -EINTR ? current_gate()->restart_how : 0;
}

/* Decoding reads app memory, which another thread may unmap meanwhile: it
 * runs under the LibOS's lock, which uaccess.h's checks rely on. The handler
 * itself runs without it, as from the untraced gate (the table's wrappers
 * take it, and futex, clone, exit and the sleeping calls must not wait with
 * it held). */
static int put_before_call(struct line *line, const struct syscall_format *format,
			   struct call *call)
{
	int next = 0;

	libos_lock();
	if (format->decode)
		format->decode(line, call, BEFORE_CALL);
	else
		next = put_args(line, format, call, 0, 1);
	libos_unlock();
	return next;
}

static void put_after_call(struct line *line, const struct syscall_format *format,
			   struct call *call, int next, const char *name)
{
	libos_lock();
	if (pending_end()) { /* "<unfinished ...>" went out: the rest as strace resumes it */
		line->len = 0;
		put_thread_prefix(line);
		put_fmt(line, "<... %s resumed>", name);
	}
	if (format->decode)
		format->decode(line, call, AFTER_CALL);
	else
		put_args(line, format, call, next, 0);
	put_result_column(line);
	put_result(line, format, call);
	if (format->decode && !call->restart)
		format->decode(line, call, AFTER_RESULT);
	libos_unlock();
}

long syscall_traced(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
	struct call call = { nr, { a0, a1, a2, a3, a4, a5 }, 0, 0, 0, 0 };
	unsigned long index = (unsigned long)nr;
	const struct syscall_format *format = &unknown_format;
	struct __kernel_timespec start, end;
	struct line line;
	char name[32];
	int next;

	line.len = 0;
	if (index < SYSCALL_TABLE_SIZE && formats[index].result != NO_FORMAT)
		format = &formats[index];
	if (index < SYSCALL_TABLE_SIZE && syscall_names[index])
		ksnprintf(name, sizeof(name), "%s", syscall_names[index]);
	else
		ksnprintf(name, sizeof(name), "syscall_0x%lx", index);
	put_thread_prefix(&line);
	put_str(&line, name);
	put_char(&line, '(');
	next = put_before_call(&line, format, &call);
	if (format->result == NO_RETURN) {
		/* exit_group does not come back: strace prints "= ?" */
		put_result_column(&line);
		put_char(&line, '?');
		trace_send(&line);
		return run(nr, call.args);
	}
	libos_lock();
	pending_begin(&line);
	libos_unlock();
	if (strace_flags & TRACE_TIMES)
		monotonic_now(&start);
	call.result = run(nr, call.args);
	if (strace_flags & TRACE_TIMES)
		monotonic_now(&end);
	call.restart = restart_code(call.result);
	put_after_call(&line, format, &call, next, name);
	if (strace_flags & TRACE_TIMES) {
		long ns = (long)((end.tv_sec - start.tv_sec) * 1000000000 +
				 (end.tv_nsec - start.tv_nsec));
		put_fmt(&line, " <%ld.%06ld>", ns / 1000000000, ns % 1000000000 / 1000);
	}
	trace_send(&line);
	return call.result;
}
