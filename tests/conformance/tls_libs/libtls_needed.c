/* The __thread variables of a library the tls_needed program links against (DT_NEEDED):
 * initialised (.tdata) and zeroed (.tbss), reached from here through the general-dynamic
 * model and from the program through initial-exec. */
__thread int lib_counter = 7;
__thread long lib_zeroed;
__thread char lib_name[16] = "lib initial";
__thread char lib_zeros[8192];

int *lib_counter_address(void)
{
	return &lib_counter;
}

/* Adds to this thread's variables; the sum of lib_zeros shows it started all zero. */
long lib_bump(int by)
{
	long zeros = 0;

	for (unsigned i = 0; i < sizeof(lib_zeros); i++)
		zeros += lib_zeros[i];
	lib_zeros[by % sizeof(lib_zeros)] = 1;
	lib_counter += by;
	lib_zeroed += by;
	return zeros;
}
