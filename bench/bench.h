/* Shared by the benchmark programs. Each one is built twice, natively and with
 * uni-cc, and prints one line per benchmark that bench/run reads:
 *
 *   NAME NS_PER_OP           a measurement
 *   NAME n/a REASON          the operation cannot run here (never a number)
 *
 * An operation is timed over many iterations with CLOCK_MONOTONIC, after a
 * warm-up that also picks the iteration count, so that the two clock reads
 * (a host call under musl-uni) are noise next to the measured time. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* The warm-up doubles the iteration count until one batch takes this long... */
#define BENCH_WARMUP_NS 20000000ull
/* ...and the measured batch is scaled from it to take about this long. */
#define BENCH_MEASURE_NS 100000000ull

/* Runs the operation `iterations` times; returns 0 or an errno value. */
typedef int (*bench_op)(void *ctx, long iterations);

static int bench_failures;

static inline uint64_t bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

__attribute__((format(printf, 2, 3))) static inline void bench_unavailable(const char *name,
									   const char *fmt, ...)
{
	va_list ap;

	printf("%s n/a ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	bench_failures++;
}

/* Times op and prints "name ns_per_op"; on an error prints "name n/a what: error". */
/* Run op for iterations; its time in *elapsed, or the error reported. */
static inline int bench_timed(const char *name, const char *what, bench_op op, void *ctx,
			      long iterations, uint64_t *elapsed)
{
	uint64_t start = bench_now_ns();
	int err = op(ctx, iterations);

	*elapsed = bench_now_ns() - start;
	if (err)
		bench_unavailable(name, "%s: %s", what, strerror(err));
	return err;
}

static inline void bench_run(const char *name, const char *what, bench_op op, void *ctx)
{
	uint64_t elapsed;
	long iterations = 1;

	for (;;) {
		if (bench_timed(name, what, op, ctx, iterations, &elapsed))
			return;
		if (elapsed >= BENCH_WARMUP_NS)
			break;
		iterations *= 2;
	}
	iterations = (long)((double)iterations * BENCH_MEASURE_NS / elapsed) + 1;
	if (bench_timed(name, what, op, ctx, iterations, &elapsed))
		return;
	printf("%s %.2f\n", name, (double)elapsed / (double)iterations);
	fflush(stdout);
}

/* Exit status: 1 when some benchmark could not run, so bench/run sees it. */
static inline int bench_exit_status(void)
{
	return bench_failures ? 1 : 0;
}
