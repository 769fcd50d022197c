/* System calls without a handler: the syscall gate (arch/.../syscall_gate.S)
 * calls the table's entries itself and lands here, through
 * syscall_unknown_entry, for every other number. */
#include <libos/errno.h>
#include <libos/log.h>
#include <libos/syscall_table.h>

static unsigned char reported[SYSCALL_TABLE_SIZE];

long syscall_unknown(long nr)
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
