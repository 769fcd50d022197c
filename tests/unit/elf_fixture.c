/*
 * The shared object test_elf loads, built the way libos.so is (-shared -nostdlib -fPIC
 * -Bsymbolic): the initialised pointers below become R_X86_64_RELATIVE relocations because
 * -Bsymbolic binds their targets inside the object, and fixture_bss gives a segment a bss.
 */
int fixture_value = 42;
int fixture_bss[256];
int *fixture_pointer = &fixture_value;

int fixture_entry(void)
{
	return *fixture_pointer + fixture_bss[0];
}

int (*fixture_function)(void) = fixture_entry;

/* ld takes e_entry from _start; a shared object without one has entry 0. */
int _start(void) __attribute__((alias("fixture_entry")));
