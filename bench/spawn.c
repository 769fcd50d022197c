/* Process-level benchmarks: run a command RUNS times (after a warm-up run),
 * each from before posix_spawn to after wait4 returns, stdio on /dev/null.
 * Prints the median time per run and the median of the child's peak RSS:
 *
 *   NAME NS_PER_RUN
 *   NAME.maxrss_kib KIB
 *
 * or "NAME n/a REASON" when a run fails. Built natively only. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "bench.h"

extern char **environ;

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *values, int count)
{
	qsort(values, (size_t)count, sizeof(values[0]), compare_double);
	return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

/* One run: 0 and its time and peak RSS, or -1 with a reason printed. */
static int run_once(const char *name, char **argv, double *ns, double *maxrss_kib)
{
	posix_spawn_file_actions_t actions;
	struct rusage usage;
	uint64_t start;
	pid_t pid;
	int status, err;

	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
	start = bench_now_ns();
	err = posix_spawnp(&pid, argv[0], &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	if (err) {
		bench_unavailable(name, "cannot run %s: %s", argv[0], strerror(err));
		return -1;
	}
	if (wait4(pid, &status, 0, &usage) != pid) {
		bench_unavailable(name, "wait4: %s", strerror(errno));
		return -1;
	}
	*ns = (double)(bench_now_ns() - start);
	*maxrss_kib = (double)usage.ru_maxrss;
	if (WIFSIGNALED(status)) {
		bench_unavailable(name, "%s killed by signal %d", argv[0], WTERMSIG(status));
		return -1;
	}
	if (WEXITSTATUS(status)) {
		bench_unavailable(name, "%s exited with status %d", argv[0], WEXITSTATUS(status));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	double *times, *rss, ignored_time, ignored_rss;
	int runs;

	if (argc < 4 || (runs = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: %s NAME RUNS PROGRAM [ARGUMENT...]\n", argv[0]);
		return 2;
	}
	times = calloc((size_t)runs, sizeof(*times));
	rss = calloc((size_t)runs, sizeof(*rss));
	if (!times || !rss) {
		fprintf(stderr, "%s: out of memory\n", argv[0]);
		return 1;
	}
	if (run_once(argv[1], argv + 3, &ignored_time, &ignored_rss))
		return 1;
	for (int i = 0; i < runs; i++)
		if (run_once(argv[1], argv + 3, &times[i], &rss[i]))
			return 1;
	printf("%s %.0f\n", argv[1], median(times, runs));
	printf("%s.maxrss_kib %.0f\n", argv[1], median(rss, runs));
	free(times);
	free(rss);
	return 0;
}
