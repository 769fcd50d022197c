/* The C side of the syscall gate: every system call of the app lands here,
 * on this thread's LibOS stack. */
#include <libos/errno.h>
#include <libos/log.h>
#include <libos/syscall_table.h>

static unsigned char reported[SYSCALL_TABLE_SIZE];

static long unknown_syscall(long nr)
{
	unsigned long index = (unsigned long)nr;

	if (index >= SYSCALL_TABLE_SIZE) {
		log_once("unknown system call number %ld: -ENOSYS", nr);
		return -ENOSYS;
	}
	if (!reported[index]) {
		reported[index] = 1;
		log_msg("system call %s (%ld) is not implemented: -ENOSYS",
			syscall_names[index] ? syscall_names[index] : "?", nr);
	}
	return -ENOSYS;
}

long syscall_handler(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
	if ((unsigned long)nr < SYSCALL_TABLE_SIZE && syscall_table[nr])
		return syscall_table[nr](a0, a1, a2, a3, a4, a5);
	return unknown_syscall(nr);
}
