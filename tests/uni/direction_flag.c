/* System calls made with the direction flag set, which the ABI forbids but
 * an app can do: the LibOS's copies still go forward (its memcpy clears DF,
 * and the host-call gate does before the monitor's code), so the data is
 * right and nothing outside the buffers is written. */
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* syscall3 through the gate with DF set, cleared again right after. */
static long call_with_df(long nr, long a0, long a1, long a2)
{
	long ret;

	__asm__ volatile("std\n\t"
			 "lea 1f(%%rip), %%rcx\n\t"
			 "jmp *%%gs:0\n"
			 "1:\tcld"
			 : "=a"(ret)
			 : "a"(nr), "D"(a0), "S"(a1), "d"(a2)
			 : "rcx", "r11", "memory");
	return ret;
}

int main(void)
{
	char out[] = "written with DF set\n";
	char in[32];
	int p[2];

	memset(in, '#', sizeof(in));
	if (pipe(p))
		return 1;
	call_with_df(SYS_write, 1, (long)out, sizeof(out) - 1); /* the console: the host call */
	call_with_df(SYS_write, p[1], (long)out, 7);            /* a pipe: the LibOS's copy */
	long n = call_with_df(SYS_read, p[0], (long)in + 8, 7);
	printf("read %ld: [%.23s]\n", n, in);
	return 0;
}
