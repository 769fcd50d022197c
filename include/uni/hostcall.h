/* Host calls: what the LibOS asks of the monitor, through the host-call
 * gate (see gate.h). Each returns a value or -errno. Pointers passed here
 * must lie in the calling LibOS's region or in the region of the cVM it
 * serves; the monitor checks them and answers -EFAULT otherwise. */
#ifndef UNI_HOSTCALL_H
#define UNI_HOSTCALL_H

enum hostcall_nr {
	HC_WRITE = 1, /* (host_fd 0..2, buf, len) -> bytes written */
	HC_READ, /* (host_fd 0, buf, len) -> bytes read */
	HC_EXIT, /* (status) -> does not return: the cVM has ended */
	HC_MAP, /* (addr, len, prot): fresh zeroed pages, inside the caller's regions */
	HC_PROTECT, /* (addr, len, prot) */
	HC_CLOCK_GETTIME, /* (clockid, struct timespec *) */
	HC_GETRANDOM, /* (buf, len) -> bytes */
	HC_SET_APP_FS, /* (address): musl's new thread pointer */
	HC_TTY_IOCTL, /* (host_fd 0..2, TCGETS or TIOCGWINSZ, struct *) -> 0 or -errno */
	HC_UNAME, /* (struct utsname *) */
	HC_LOG, /* (buf, len): a line for the monitor's log (stderr) */
	HC_TRACE, /* (buf, len): a line for the trace output (intravisor --strace) */
	HC_KILLED, /* (sig): a signal's default action ended the app; does not return */
	HC_COUNT
};

#endif
