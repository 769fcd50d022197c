/* The one way the LibOS touches memory named by the app: every pointer is
 * checked against the caller's data capability and the mapped pages of its
 * region first. A bad pointer gives -EFAULT, never a fault in the LibOS. */
#ifndef LIBOS_UACCESS_H
#define LIBOS_UACCESS_H

#include <stddef.h>
#include <stdint.h>

/* 0 if the app may access [ptr, ptr + len) with prot (PROT_READ, PROT_WRITE). */
int cvm_ptr_ok(const void *ptr, size_t len, int prot);
int copy_from_cvm(void *dst, const void *src, size_t len);
int copy_to_cvm(void *dst, const void *src, size_t len);
/* Copy a NUL-terminated string of at most max - 1 bytes: its length,
 * -EFAULT, or -ENAMETOOLONG when no NUL comes within max bytes. */
long string_from_cvm(char *dst, const char *src, size_t max);

#endif
