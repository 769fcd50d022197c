/* Thread-specific data: one key, a value of its own in each thread, and the
 * key's destructor run with that value when the thread ends. The workers set
 * their values at the same time; they then print and end one after the other
 * (each destructor hands the turn on), so the output is always the same. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORKERS 3

struct worker_data {
	int id;
	int value;
};

static pthread_key_t key;
static pthread_barrier_t all_set;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn_changed = PTHREAD_COND_INITIALIZER;
static int turn = 1;

static void destructor(void *value)
{
	struct worker_data *data = value;

	pthread_mutex_lock(&lock);
	printf("destructor: thread %d, value %d\n", data->id, data->value);
	turn++;
	pthread_cond_broadcast(&turn_changed);
	pthread_mutex_unlock(&lock);
	free(data);
}

static void *worker(void *arg)
{
	struct worker_data *data = malloc(sizeof(*data));

	if (!data)
		return NULL;
	data->id = (int)(long)arg;
	data->value = data->id * 100;
	if (pthread_getspecific(key) != NULL)
		printf("thread %d: a new thread's value is not NULL\n", data->id);
	pthread_setspecific(key, data);
	pthread_barrier_wait(&all_set);

	pthread_mutex_lock(&lock);
	while (turn != data->id)
		pthread_cond_wait(&turn_changed, &lock);
	struct worker_data *mine = pthread_getspecific(key);
	printf("thread %d: value %d (%s)\n", data->id, mine->value,
	       mine == data ? "its own" : "another thread's");
	pthread_mutex_unlock(&lock);
	return NULL; /* the destructor runs now, in this thread */
}

int main(void)
{
	pthread_t threads[WORKERS];
	int main_value = 7;
	int err = pthread_key_create(&key, destructor);

	if (err || (err = pthread_barrier_init(&all_set, NULL, WORKERS))) {
		fprintf(stderr, "pthread_key_create: %s\n", strerror(err));
		return 1;
	}
	pthread_setspecific(key, &main_value);
	for (long i = 0; i < WORKERS; i++) {
		err = pthread_create(&threads[i], NULL, worker, (void *)(i + 1));
		if (err) {
			fprintf(stderr, "pthread_create: %s\n", strerror(err));
			return 1;
		}
	}
	for (int i = 0; i < WORKERS; i++)
		pthread_join(threads[i], NULL);
	int *value = pthread_getspecific(key);
	printf("main: value %d, %d destructors run\n", value ? *value : -1, turn - 1);
	pthread_key_delete(key);
	return 0;
}
