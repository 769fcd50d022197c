#ifndef LIBOS_SYSCALL_TABLE_H
#define LIBOS_SYSCALL_TABLE_H

#define SYSCALL_TABLE_SIZE 512 /* above every x86-64 system call number */

#ifndef __ASSEMBLER__
typedef long (*syscall_fn)(long a0, long a1, long a2, long a3, long a4, long a5);

extern const syscall_fn syscall_table[SYSCALL_TABLE_SIZE];
/* Generated from the kernel's asm/unistd_64.h: "read", "write", ... */
extern const char *const syscall_names[SYSCALL_TABLE_SIZE];

/* The gate calls this for a number without a handler: -ENOSYS, logged once. */
long syscall_unknown(long nr);
/* The table's entry for such a number (arch/.../syscall_gate.S): it takes the number from
 * rax, where the gate leaves it, so the gate needs no check for a missing handler. C code
 * calls syscall_unknown instead. */
long syscall_unknown_entry(long a0, long a1, long a2, long a3, long a4, long a5);
#endif

#endif
