/* A handler run on the way out of the syscall gate, and its rt_sigreturn,
 * leave every register the gate preserves as it was, and rax the system
 * call's result: tkill through the gate directly, with a handler that
 * clobbers all it may. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

__attribute__((visibility("hidden"))) unsigned long out[13];
static volatile int ran;

static void clobber(int sig)
{
	(void)sig;
	ran++;
	__asm__ volatile("mov $-1, %%rbx\n\tmov $-1, %%r12\n\tmov $-1, %%r13\n\t"
			 "mov $-1, %%r14\n\tmov $-1, %%r15\n\tmov $-1, %%r8\n\tmov $-1, %%r9\n\t"
			 "mov $-1, %%r10\n\tstd\n\tcld" ::
				 : "rbx", "r12", "r13", "r14", "r15", "r8", "r9", "r10", "memory");
}

int main(void)
{
	static const char *const names[13] = { "rbx", "rbp", "r12", "r13", "r14", "r15", "rdi",
						"rsi", "rdx", "r8",  "r9",  "r10", "rax" };
	struct sigaction sa;
	long tid = gettid();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = clobber;
	sigaction(SIGUSR1, &sa, NULL);
	__asm__ volatile("mov %[tid], %%rdi\n\tpush %%rbp\n\t"
			 "mov $0x1001, %%rbx\n\tmov $0x1002, %%rbp\n\tmov $0x1003, %%r12\n\t"
			 "mov $0x1004, %%r13\n\tmov $0x1005, %%r14\n\tmov $0x1006, %%r15\n\t"
			 "mov $10, %%esi\n\tmov $0x1009, %%edx\n\t"
			 "mov $0x100a, %%r8d\n\tmov $0x100b, %%r9d\n\tmov $0x100c, %%r10d\n\t"
			 "mov $200, %%eax\n\t" /* tkill(tid, SIGUSR1) */
			 "lea 1f(%%rip), %%rcx\n\tjmp *%%gs:0\n1:\n\t"
			 "mov %%rbx, out(%%rip)\n\tmov %%rbp, out+8(%%rip)\n\t"
			 "mov %%r12, out+16(%%rip)\n\tmov %%r13, out+24(%%rip)\n\t"
			 "mov %%r14, out+32(%%rip)\n\tmov %%r15, out+40(%%rip)\n\t"
			 "mov %%rdi, out+48(%%rip)\n\tmov %%rsi, out+56(%%rip)\n\t"
			 "mov %%rdx, out+64(%%rip)\n\tmov %%r8, out+72(%%rip)\n\t"
			 "mov %%r9, out+80(%%rip)\n\tmov %%r10, out+88(%%rip)\n\t"
			 "mov %%rax, out+96(%%rip)\n\tpop %%rbp"
			 :
			 : [tid] "m"(tid)
			 : "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12",
			   "r13", "r14", "r15", "memory", "cc");
	printf("handler ran: %d\n", ran);
	for (int i = 0; i < 13; i++)
		printf("%s %#lx\n", names[i], out[i]);
	return 0;
}
