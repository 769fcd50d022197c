/*
 * A fake monitor for host unit tests of the LibOS: the gate block is a global (see
 * current_gate.h in this directory), host calls go to fake_hostcall, and the app cVM's region
 * is an area of the test process reserved with PROT_NONE, so HC_MAP and HC_PROTECT change real
 * page protections inside it.
 */
#ifndef TESTS_FAKE_MONITOR_H
#define TESTS_FAKE_MONITOR_H

#include <stddef.h>
#include <stdint.h>
#include <uni/boot.h>
#include <uni/gate.h>
#include <uni/hostcall.h>

/* High enough to stay clear of the test's own mappings and of ASan's allocator (0x6000...). */
#define FAKE_APP_BASE 0x200000000000UL
#define FAKE_APP_SIZE (64UL << 20)
#define FAKE_APP_DATA_SIZE (1UL << 20) /* mapped read-write at boot, from FAKE_APP_BASE */
#define FAKE_APP_STACK_SIZE (1UL << 20) /* the top of the region, left unmapped */
#define FAKE_CAPTURE_MAX 8192
#define FAKE_CALLS_MAX 64
#define FAKE_SHM_MAX 16 /* shared memory objects alive at once */

struct fake_capture {
	char data[FAKE_CAPTURE_MAX];
	size_t len;
};

struct fake_memory_call {
	long nr; /* HC_MAP or HC_PROTECT */
	uint64_t addr, len;
	long prot;
};

struct fake_monitor {
	struct fake_capture out[3]; /* HC_WRITE, by host fd; out[0] stays empty */
	struct fake_capture log; /* HC_LOG, one line per call */
	const char *input; /* what HC_READ on host fd 0 returns, consumed as read */
	size_t input_len;
	struct fake_memory_call calls[FAKE_CALLS_MAX]; /* a ring of the latest HC_MAP, HC_PROTECT */
	int ncalls; /* how many there were in all */
	unsigned char random_counter; /* HC_GETRANDOM fills with its successive values */
};

extern struct gate_block test_gate;
extern struct fake_monitor fake;

long fake_hostcall(long nr, long a0, long a1, long a2, long a3, long a4);

/* Points test_gate at fake_hostcall with an app_ddc covering the region; clears fake. */
void fake_monitor_init(void *app_base, size_t app_size);
/* The LibOS's own region (its heap): HC_MAP and HC_SHM_MAP may map there too. */
void fake_monitor_libos_region(void *base, size_t size);
/* How many shared memory objects (HC_SHM_NEW) are alive: they outlive memsets of fake. */
int fake_shm_live(void);

/*
 * What the real monitor does before libos_boot: reserve the app region at FAKE_APP_BASE, map
 * its first FAKE_APP_DATA_SIZE bytes read-write (standing for ld.so's segments) and describe
 * that in *boot. Returns the region's base, or NULL when it cannot be reserved.
 */
void *fake_monitor_boot(struct libos_boot *boot);

/* The most recent HC_MAP or HC_PROTECT, or NULL if there was none. */
const struct fake_memory_call *fake_last_memory_call(void);

#endif
