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

void cpu_names(char vendor[16], char model[64])
{
	unsigned regs[12] = { 0 };

	memset(vendor, 0, 16);
	memset(model, 0, 64);
	if (__get_cpuid(0, &regs[0], &regs[1], &regs[3], &regs[2]))
		memcpy(vendor, &regs[1], 12); /* ebx, edx, ecx */
	for (unsigned leaf = 0; leaf < 3; leaf++)
		if (!__get_cpuid(0x80000002 + leaf, &regs[4 * leaf], &regs[4 * leaf + 1],
				 &regs[4 * leaf + 2], &regs[4 * leaf + 3]))
			return;
	memcpy(model, regs, 48);
	/* The brand string is padded with spaces on either side. */
	char *start = model;
	while (*start == ' ')
		start++;
	memmove(model, start, strlen(start) + 1);
	for (size_t n = strlen(model); n && model[n - 1] == ' '; n--)
		model[n - 1] = 0;
}

uint64_t cpu_hwcap(void)
{
	return getauxval(AT_HWCAP);
}
