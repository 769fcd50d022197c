#include <asm/prctl.h>
#include <cpuid.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <uni/gate.h>
#include "cpu.h"

static sigjmp_buf probe_jump;

static void probe_sigill(int sig)
{
	(void)sig;
	siglongjmp(probe_jump, 1);
}

int cpu_has_fsgsbase(void)
{
	struct sigaction probe = { .sa_handler = probe_sigill }, saved;
	volatile int usable = 0;

	sigemptyset(&probe.sa_mask);
	sigaction(SIGILL, &probe, &saved);
	if (!sigsetjmp(probe_jump, 1)) {
		uint64_t base;
		__asm__ volatile("rdfsbase %0" : "=r"(base));
		__asm__ volatile("wrfsbase %0" ::"r"(base));
		usable = 1;
	}
	sigaction(SIGILL, &saved, 0);
	return usable;
}

size_t cpu_xsave_size(void)
{
	unsigned eax, ebx, ecx, edx;

	if (!__get_cpuid_count(0xd, 0, &eax, &ebx, &ecx, &edx))
		return 0;
	return ebx; /* size for the components enabled in XCR0 */
}

uint64_t cpu_fs_base(void)
{
	uint64_t base = 0;

	syscall(SYS_arch_prctl, ARCH_GET_FS, &base);
	return base;
}

int cpu_set_gs_base(uint64_t base)
{
	return (int)syscall(SYS_arch_prctl, ARCH_SET_GS, base);
}

void *cpu_gs_base(void)
{
	void *self;

	__asm__("mov %%gs:%c1, %0" : "=r"(self) : "i"(GATE_SELF));
	return self;
}

uint64_t cpu_hwcap(void)
{
	return getauxval(AT_HWCAP);
}
