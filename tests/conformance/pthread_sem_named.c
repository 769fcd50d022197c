/* Named semaphores: sem_open with O_CREAT makes one with the given value, O_CREAT|O_EXCL on
 * an existing name is EEXIST, opening a missing name is ENOENT; a second sem_open of the
 * name is the same semaphore (in this process, the same address), so a post through one
 * is seen through the other and after sem_close and a reopen; sem_unlink removes the name
 * (ENOENT the second time) but not the semaphore from those that have it open. A thread
 * waiting on it is woken by a post. Names are bad with a slash inside. They live in /dev/shm,
 * a sticky directory anyone may write to. */
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include "check.h"

/* With the pid: other runs of this test may use the host's /dev/shm at the same time. */
static char name[64];

static sem_t *shared;

static void *wait_then_post(void *arg)
{
	(void)arg;
	if (sem_wait(shared))
		return (void *)1L;
	return (void *)(long)sem_post(shared);
}

static void show_value(const char *what, sem_t *sem)
{
	int value = -1;

	if (sem_getvalue(sem, &value))
		printf("%s: getvalue %s\n", what, errno_name(errno));
	else
		printf("%s: value %d\n", what, value);
}

#define OPEN(sem, ...)                                                                             \
	do {                                                                                       \
		errno = 0;                                                                         \
		sem = sem_open(__VA_ARGS__);                                                       \
		printf("sem_open(%s) = %s %s\n", #__VA_ARGS__,                                     \
		       sem == SEM_FAILED ? "SEM_FAILED" : "ok",                                    \
		       sem == SEM_FAILED ? errno_name(errno) : "");                                \
	} while (0)

int main(void)
{
	sem_t *first, *second, *third;
	pthread_t t;
	void *result;

	struct stat st;
	SHOW(stat("/dev/shm", &st));
	/* Not its mode: a container's /dev/shm may be a plain 0755 directory. */
	printf("/dev/shm: dir %d\n", S_ISDIR(st.st_mode));
	snprintf(name, sizeof(name), "/uni-pthread-sem-named-%d", (int)getpid());
	sem_unlink(name);
	OPEN(first, name, 0);
	OPEN(first, name, O_CREAT | O_EXCL, 0600, 3);
	show_value("first", first);
	OPEN(second, name, O_CREAT | O_EXCL, 0600, 1);
	OPEN(second, name, O_CREAT, 0600, 7);
	printf("same address %d\n", first == second);
	show_value("second, created with 3", second);
	SHOW(sem_post(first));
	show_value("second after a post through first", second);
	SHOW(sem_trywait(second));
	SHOW(sem_trywait(second));
	SHOW(sem_trywait(second));
	SHOW(sem_trywait(second));
	SHOW(sem_trywait(second));
	show_value("first", first);
	SHOW(sem_post(first));
	SHOW(sem_post(first));
	SHOW(sem_close(second)); /* one open fewer: first stays usable */
	show_value("first after one close", first);
	SHOW(sem_close(first));
	OPEN(third, name, 0);
	show_value("reopened", third);

	shared = third;
	pthread_create(&t, NULL, wait_then_post, NULL);
	SHOW(sem_wait(third));
	SHOW(sem_wait(third));
	show_value("with a waiter", third);
	SHOW(sem_post(third));
	pthread_join(t, &result);
	printf("waiter: %ld\n", (long)result);
	show_value("after the waiter", third);

	SHOW(sem_unlink(name));
	SHOW(sem_unlink(name));
	OPEN(first, name, 0);
	SHOW(sem_post(third));
	show_value("unlinked but open", third);
	SHOW(sem_close(third));
	OPEN(first, name, O_CREAT, 0600, 5);
	show_value("created again", first);
	SHOW(sem_close(first));
	SHOW(sem_unlink(name));
	OPEN(first, "/uni/slash", O_CREAT, 0600, 1);
	OPEN(first, "/", O_CREAT, 0600, 1);
	return 0;
}
