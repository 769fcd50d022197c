/* What `intravisor run` set up: working directory, environment, a file
 * added with --file, arguments. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char cwd[256], line[256];
	FILE *f;

	printf("cwd %s\n", getcwd(cwd, sizeof(cwd)) ? cwd : "?");
	printf("FOO=%s\n", getenv("FOO") ? getenv("FOO") : "(unset)");
	printf("PATH=%s\n", getenv("PATH") ? getenv("PATH") : "(unset)");
	f = fopen("/data/greeting", "r");
	printf("greeting: %s", f && fgets(line, sizeof(line), f) ? line : "(none)\n");
	if (f)
		fclose(f);
	f = fopen("/etc/hosts", "r");
	printf("hosts: %s", f && fgets(line, sizeof(line), f) ? line : "(none)\n");
	if (f)
		fclose(f);
	for (int i = 1; i < argc; i++)
		printf("arg %d: [%s]\n", i, argv[i]);
	return 0;
}
