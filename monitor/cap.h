/* Making, sealing, checking and printing the monitor's software
 * capabilities (the type is in include/uni/cap.h). */
#ifndef MONITOR_CAP_H
#define MONITOR_CAP_H

#include <uni/cap.h>

struct uni_cap cap_make(uint64_t base, uint64_t length, uint64_t cursor, uint32_t perms);
/* A fresh object type, one per cVM. */
uint32_t cap_new_otype(void);
struct uni_cap cap_seal(struct uni_cap cap, uint32_t otype);
/* 0 if pcc/ddc form an invocable pair: both sealed with one object type,
 * the code one executable and invocable with its cursor inside it. */
int cap_check_pair(const struct uni_cap *pcc, const struct uni_cap *ddc);
void cap_print(const char *owner, const char *label, const struct uni_cap *cap);

#endif
