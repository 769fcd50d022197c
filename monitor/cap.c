#include "cap.h"
#include "log.h"

static uint32_t last_otype;

struct uni_cap cap_make(uint64_t base, uint64_t length, uint64_t cursor, uint32_t perms)
{
	return (struct uni_cap){ .base = base, .length = length, .cursor = cursor, .perms = perms };
}

uint32_t cap_new_otype(void)
{
	return ++last_otype;
}

struct uni_cap cap_seal(struct uni_cap cap, uint32_t otype)
{
	cap.otype = otype;
	return cap;
}

int cap_check_pair(const struct uni_cap *pcc, const struct uni_cap *ddc)
{
	if (!uni_cap_is_sealed(pcc) || pcc->otype != ddc->otype)
		return -1;
	if ((pcc->perms & (UNI_CAP_EXECUTE | UNI_CAP_INVOKE)) != (UNI_CAP_EXECUTE | UNI_CAP_INVOKE))
		return -1;
	return uni_cap_covers(pcc, pcc->cursor, 1) ? 0 : -1;
}

void cap_print(const char *owner, const char *label, const struct uni_cap *cap)
{
	log_detail(1, "  %s %-12s [0x%09lx-0x%09lx) cursor 0x%09lx %c%c%c%c otype %u%s", owner, label,
		   (unsigned long)cap->base, (unsigned long)(cap->base + cap->length),
		   (unsigned long)cap->cursor, cap->perms & UNI_CAP_LOAD ? 'r' : '-',
		   cap->perms & UNI_CAP_STORE ? 'w' : '-', cap->perms & UNI_CAP_EXECUTE ? 'x' : '-',
		   cap->perms & UNI_CAP_INVOKE ? 'i' : '-', cap->otype,
		   uni_cap_is_sealed(cap) ? " sealed" : "");
}
