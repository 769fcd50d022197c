/* gdbtest's shared library: loaded by musl's ld.so from /usr/lib. */
#include <string.h>
#include <unistd.h>

int lib_say(const char *text)
{
	size_t len = strlen(text);

	return (int)write(1, text, len);
}
