#include <asm/mman.h>
#include <current_gate.h>
#include <libos/errno.h>
#include <libos/mm.h>
#include <libos/string.h>
#include <libos/uaccess.h>

int cvm_ptr_ok(const void *ptr, size_t len, int prot)
{
	if (!len)
		return 0; /* like access_ok(): an empty range is never a fault */
	if (!uni_cap_covers(&current_gate()->app_ddc, (uintptr_t)ptr, len))
		return -EFAULT;
	return mm_check_access((uintptr_t)ptr, len, prot);
}

int copy_from_cvm(void *dst, const void *src, size_t len)
{
	int err = cvm_ptr_ok(src, len, PROT_READ);

	if (!err)
		memcpy(dst, src, len);
	return err;
}

int copy_to_cvm(void *dst, const void *src, size_t len)
{
	int err = cvm_ptr_ok(dst, len, PROT_WRITE);

	if (!err)
		memcpy(dst, src, len);
	return err;
}

long string_from_cvm(char *dst, const char *src, size_t max)
{
	const struct uni_cap *ddc = &current_gate()->app_ddc;
	uint64_t addr = (uintptr_t)src;

	if (addr < ddc->base || addr - ddc->base >= ddc->length)
		return -EFAULT;
	uint64_t room = ddc->length - (addr - ddc->base);
	uint64_t span = mm_readable_span(addr, room < max ? room : max);
	size_t len = strnlen(src, span);

	if (len == span)
		return span == max ? -ENAMETOOLONG : -EFAULT;
	memcpy(dst, src, len + 1);
	return (long)len;
}
