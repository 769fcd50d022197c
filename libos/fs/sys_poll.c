/* poll(2), ppoll(2), select(2) and pselect6(2) over the LibOS's files, with fs/select.c's
 * rules: POLLNVAL for an fd that is not open, EBADF from select, the timeouts' checks and the
 * remaining time written back.
 *
 * Readiness: files without a poll method (regular files, directories, most devices) are
 * always readable and writable; pipes and eventfds by their state; console output is
 * writable; console input is never reported ready, as only the host knows (a host poll call
 * would tell).
 *
 * Waiting: with nothing ready the call sleeps on waitq_any (libos/wait.h), which every change
 * of a pipe or an eventfd wakes, then looks again; a finite timeout is the futex wait's
 * timeout, and the call ends with nothing ready once it has passed. A wait without end while
 * the app has one thread only could only be ended by that thread: it fails with EDEADLK. A
 * wait without end that includes console input ends as that input will end it, readable (the
 * read then waits in the host for the data). */
#include <linux/poll.h>
#include <linux/time_types.h>
#include <libos/clock.h>
#include <libos/errno.h>
#include <libos/kmalloc.h>
#include <libos/log.h>
#include <libos/signal.h>
#include <libos/string.h>
#include <libos/syscalls.h>
#include <libos/uaccess.h>
#include <libos/vfs.h>
#include <libos/wait.h>

#define CLOCK_MONOTONIC 1
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)
/* What makes an fd ready in each of select's sets; POLLNVAL (an O_PATH fd) counts in all of
 * them since Linux 5.14. */
#define POLLIN_SET (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR | POLLNVAL)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR | POLLNVAL)
#define POLLEX_SET (POLLPRI | POLLNVAL)
#define FD_SET_WORDS (FD_MAX / 64)

enum timeout_kind { TIMEOUT_NONE, TIMEOUT_AT, TIMEOUT_NEVER };

struct timeout {
	enum timeout_kind kind;
	struct __kernel_timespec end; /* CLOCK_MONOTONIC, for TIMEOUT_AT */
};

static int monotonic_now(struct __kernel_timespec *now)
{
	return clock_now(CLOCK_MONOTONIC, now);
}

/* poll_select_set_timeout(): a zero timeout does not wait; the end saturates. */
static long set_timeout(struct timeout *to, int64_t sec, int64_t nsec)
{
	struct __kernel_timespec now;

	if (sec < 0 || nsec < 0 || nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if (!sec && !nsec) {
		to->kind = TIMEOUT_NONE;
		return 0;
	}
	long err = monotonic_now(&now);
	if (err)
		return err;
	to->kind = TIMEOUT_AT;
	if (sec > INT64_MAX - now.tv_sec - 1) {
		to->end.tv_sec = INT64_MAX;
		to->end.tv_nsec = NSEC_PER_SEC - 1;
		return 0;
	}
	to->end.tv_sec = now.tv_sec + sec;
	to->end.tv_nsec = now.tv_nsec + nsec;
	if (to->end.tv_nsec >= NSEC_PER_SEC) {
		to->end.tv_sec++;
		to->end.tv_nsec -= NSEC_PER_SEC;
	}
	return 0;
}

/* Nothing is ready: sleep until a pipe or an eventfd changes or the timeout's end. 1 once the
 * end has passed (or the clock fails), -ERESTARTNOHAND when a signal came, else 0: look
 * again. */
static long wait_change(const struct timeout *to)
{
	struct __kernel_timespec left;
	long ret;

	if (to->kind != TIMEOUT_AT) {
		ret = waitq_wait(&waitq_any, 0);
		return ret == -EINTR ? -ERESTARTNOHAND : 0;
	}
	if (time_left(&to->end, &left) || (!left.tv_sec && !left.tv_nsec))
		return 1;
	ret = waitq_wait(&waitq_any, &left);
	return ret == -EINTR ? -ERESTARTNOHAND : ret == -ETIMEDOUT;
}

static long never_ready(void)
{
	log_once("poll/select: nothing is ready and only this very thread could make it ready "
		 "(the app has no other, no signal handler, no timer): a wait without a "
		 "timeout would never end: -EDEADLK");
	return -EDEADLK;
}

/* poll_select_finish(): the time left goes back to a finite timeout, not to a zero one; a
 * timeout in read-only memory does not fail the call. */
static long finish(const struct timeout *to, long user, int timeval, long ret)
{
	struct __kernel_timespec left;

	if (!user || to->kind != TIMEOUT_AT || time_left(&to->end, &left))
		return ret;
	if (timeval) {
		struct __kernel_old_timeval tv = { left.tv_sec, left.tv_nsec / NSEC_PER_USEC };
		copy_to_cvm((void *)user, &tv, sizeof(tv));
	} else {
		copy_to_cvm((void *)user, &left, sizeof(left));
	}
	return ret;
}

/* What file reports; for a wait without end, console input as it will be when that ends. */
static unsigned file_poll(struct file *file, int forever)
{
	const struct file_ops *fops = file->inode->fops;
	unsigned mask = fops->poll ? fops->poll(file) : DEFAULT_POLLMASK;

	if (forever && fops->poll_host)
		mask |= fops->poll_host(file);
	return mask;
}

/* do_pollfd() for each entry: how many have something to report. */
static int poll_scan(struct pollfd *fds, unsigned nfds, int forever)
{
	int count = 0;

	for (unsigned i = 0; i < nfds; i++) {
		unsigned mask = 0;
		if (fds[i].fd >= 0) {
			/* fdget(): O_PATH fds are not there for poll */
			struct file *file = fd_get_io(fds[i].fd);
			unsigned filter = (unsigned short)fds[i].events | POLLERR | POLLHUP;
			mask = file ? file_poll(file, forever) & filter : POLLNVAL;
		}
		fds[i].revents = (short)mask;
		count += !!mask;
	}
	return count;
}

static long do_poll(long user_fds, unsigned nfds, const struct timeout *to)
{
	long ret;

	if (nfds > (unsigned)fd_limit()) /* RLIMIT_NOFILE */
		return -EINVAL;
	struct pollfd *fds = kmalloc(nfds * sizeof(*fds));
	if (!fds)
		return -ENOMEM;
	if (copy_from_cvm(fds, (void *)user_fds, nfds * sizeof(*fds))) {
		kfree(fds);
		return -EFAULT;
	}
	ret = poll_scan(fds, nfds, 0);
	while (!ret && to->kind != TIMEOUT_NONE) {
		if (to->kind == TIMEOUT_NEVER) {
			ret = poll_scan(fds, nfds, 1);
			if (ret)
				break;
			if (wait_would_deadlock()) {
				ret = never_ready();
				break;
			}
		}
		long passed = wait_change(to);
		ret = poll_scan(fds, nfds, 0); /* one last look when the time is up */
		if (!ret && passed < 0)
			ret = passed;
		if (passed)
			break;
	}
	if (ret >= 0 && copy_to_cvm((void *)user_fds, fds, nfds * sizeof(*fds)))
		ret = -EFAULT;
	kfree(fds);
	return ret;
}

long sys_poll(long fds, long nfds, long timeout_msecs)
{
	struct timeout to = { TIMEOUT_NEVER, { 0, 0 } };
	int msecs = (int)timeout_msecs;

	if (msecs >= 0)
		set_timeout(&to, msecs / 1000, (int64_t)(msecs % 1000) * 1000000);
	return do_poll(fds, (unsigned)nfds, &to);
}

/* A signal mask for the length of the call: NULL or sigsetsize bytes (set_user_sigmask()). */
static long mask_from_cvm(long mask, long sigsetsize, int *given, uint64_t *out)
{
	*given = 0;
	if (!mask)
		return 0;
	if ((unsigned long)sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (copy_from_cvm(out, (void *)mask, sizeof(*out)))
		return -EFAULT;
	*given = 1;
	return 0;
}

/* A struct timespec timeout from the app; NULL leaves "no timeout". */
static long timeout_from_cvm(long tsp, struct timeout *to)
{
	struct __kernel_timespec ts;

	if (!tsp)
		return 0;
	if (copy_from_cvm(&ts, (void *)tsp, sizeof(ts)))
		return -EFAULT;
	return set_timeout(to, ts.tv_sec, ts.tv_nsec);
}

long sys_ppoll(long fds, long nfds, long tsp, long sigmask, long sigsetsize)
{
	struct timeout to = { TIMEOUT_NEVER, { 0, 0 } };
	uint64_t mask, saved = 0;
	int masked;
	long ret;

	ret = timeout_from_cvm(tsp, &to);
	if (ret)
		return ret;
	ret = mask_from_cvm(sigmask, sigsetsize, &masked, &mask);
	if (ret)
		return ret;
	if (masked)
		saved = signal_swap_blocked(mask);
	ret = do_poll(fds, (unsigned)nfds, &to);
	if (masked)
		signal_restore_blocked(saved, ret);
	return finish(&to, tsp, 0, ret);
}

static int bit_set(const uint64_t *set, int fd)
{
	return (int)((set[fd / 64] >> (fd % 64)) & 1);
}

/* One look at the fds of select's sets: the results in res_*, how many bits are set. An fd
 * closed by another thread meanwhile counts as POLLNVAL. */
static long select_scan(int nfds, const uint64_t *in, const uint64_t *out, const uint64_t *ex,
			uint64_t *res_in, uint64_t *res_out, uint64_t *res_ex, int forever)
{
	long ret = 0;

	memset(res_in, 0, FD_SET_WORDS * sizeof(uint64_t));
	memset(res_out, 0, FD_SET_WORDS * sizeof(uint64_t));
	memset(res_ex, 0, FD_SET_WORDS * sizeof(uint64_t));
	for (int fd = 0; fd < nfds; fd++) {
		uint64_t bit = 1UL << (fd % 64);
		if (!bit_set(in, fd) && !bit_set(out, fd) && !bit_set(ex, fd))
			continue;
		struct file *file = fd_get_io(fd);
		unsigned mask = file ? file_poll(file, forever) : POLLNVAL;
		if ((mask & POLLIN_SET) && bit_set(in, fd)) {
			res_in[fd / 64] |= bit;
			ret++;
		}
		if ((mask & POLLOUT_SET) && bit_set(out, fd)) {
			res_out[fd / 64] |= bit;
			ret++;
		}
		if ((mask & POLLEX_SET) && bit_set(ex, fd)) {
			res_ex[fd / 64] |= bit;
			ret++;
		}
	}
	return ret;
}

/* core_sys_select() and do_select(): every fd named must be open, O_PATH ones included. */
static long do_select(long n, long inp, long outp, long exp, const struct timeout *to)
{
	uint64_t in[FD_SET_WORDS] = { 0 }, out[FD_SET_WORDS] = { 0 }, ex[FD_SET_WORDS] = { 0 };
	uint64_t res_in[FD_SET_WORDS], res_out[FD_SET_WORDS], res_ex[FD_SET_WORDS];
	long ret = 0;

	if ((int)n < 0)
		return -EINVAL;
	int nfds = (int)n > FD_MAX ? FD_MAX : (int)n; /* the size of the fd table */
	size_t bytes = (size_t)(nfds + 63) / 64 * sizeof(uint64_t);
	if ((inp && copy_from_cvm(in, (void *)inp, bytes)) ||
	    (outp && copy_from_cvm(out, (void *)outp, bytes)) ||
	    (exp && copy_from_cvm(ex, (void *)exp, bytes)))
		return -EFAULT;
	for (int fd = 0; fd < nfds; fd++)
		if ((bit_set(in, fd) || bit_set(out, fd) || bit_set(ex, fd)) && !fd_get(fd))
			return -EBADF;
	ret = select_scan(nfds, in, out, ex, res_in, res_out, res_ex, 0);
	while (!ret && to->kind != TIMEOUT_NONE) {
		if (to->kind == TIMEOUT_NEVER) {
			ret = select_scan(nfds, in, out, ex, res_in, res_out, res_ex, 1);
			if (ret)
				break;
			if (wait_would_deadlock())
				return never_ready();
		}
		long passed = wait_change(to);
		ret = select_scan(nfds, in, out, ex, res_in, res_out, res_ex, 0);
		if (!ret && passed < 0)
			return passed; /* the sets are left as they were */
		if (passed)
			break;
	}
	if ((inp && copy_to_cvm((void *)inp, res_in, bytes)) ||
	    (outp && copy_to_cvm((void *)outp, res_out, bytes)) ||
	    (exp && copy_to_cvm((void *)exp, res_ex, bytes)))
		return -EFAULT;
	return ret;
}

long sys_select(long n, long inp, long outp, long exp, long tvp)
{
	struct timeout to = { TIMEOUT_NEVER, { 0, 0 } };
	struct __kernel_old_timeval tv;

	if (tvp) {
		if (copy_from_cvm(&tv, (void *)tvp, sizeof(tv)))
			return -EFAULT;
		long err = set_timeout(&to, tv.tv_sec + tv.tv_usec / USEC_PER_SEC,
				       (tv.tv_usec % USEC_PER_SEC) * NSEC_PER_USEC);
		if (err)
			return err;
	}
	return finish(&to, tvp, 1, do_select(n, inp, outp, exp, &to));
}

/* The last argument points at { const sigset_t *mask; size_t size; } (pselect6(2), NOTES). */
long sys_pselect6(long n, long inp, long outp, long exp, long tsp, long sig)
{
	struct timeout to = { TIMEOUT_NEVER, { 0, 0 } };
	uint64_t pack[2] = { 0, 0 }, mask, saved = 0;
	int masked;
	long ret;

	ret = timeout_from_cvm(tsp, &to);
	if (ret)
		return ret;
	if (sig && copy_from_cvm(pack, (void *)sig, sizeof(pack)))
		return -EFAULT;
	ret = mask_from_cvm((long)pack[0], (long)pack[1], &masked, &mask);
	if (ret)
		return ret;
	if (masked)
		saved = signal_swap_blocked(mask);
	ret = do_select(n, inp, outp, exp, &to);
	if (masked)
		signal_restore_blocked(saved, ret);
	return finish(&to, tsp, 0, ret);
}
