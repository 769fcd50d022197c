/* The __thread variables of a library the tls_dlopen program loads with dlopen(3), after
 * threads exist: their copies are made for those threads too. */
static __thread int counter = 11;
static __thread char zeros[4096];
__thread int tls_dlopen_exported = 5;

int *tls_dlopen_counter_address(void)
{
	return &counter;
}

/* Adds to this thread's copy; answers how many bytes of zeros were not zero. */
int tls_dlopen_bump(int by)
{
	int nonzero = 0;

	for (unsigned i = 0; i < sizeof(zeros); i++)
		nonzero += zeros[i] != 0;
	zeros[by % sizeof(zeros)] = 1;
	counter += by;
	tls_dlopen_exported += by;
	return nonzero;
}

int tls_dlopen_counter(void)
{
	return counter;
}
