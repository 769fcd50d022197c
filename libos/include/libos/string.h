/*
 * The few string functions the LibOS may call. Standard names and prototypes: the compiler
 * may emit calls to memcpy, memmove, memset and memcmp on its own even with -ffreestanding,
 * and host unit tests link the host libc's versions instead of libos/core/string.c.
 */
#ifndef LIBOS_STRING_H
#define LIBOS_STRING_H

#include <stddef.h>

void *memcpy(void *restrict dest, const void *restrict src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *dest, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);

#endif
