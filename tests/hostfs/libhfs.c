/* A library dlopen.c loads from a mounted host directory. */
static int calls;

const char *hfs_greeting(void)
{
	return ++calls == 1 ? "hello from a library on the host" : "called again";
}
