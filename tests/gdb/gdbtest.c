/* The program tests/gdb/run debugs: main calls a static function and a
 * function of its own shared library, which writes through the syscall gate. */
int lib_say(const char *text);

static int square(int x)
{
	int result = x * x;

	return result;
}

int main(int argc, char **argv)
{
	int counter = 6;

	(void)argv;
	counter = square(counter + 1);
	counter += argc;
	lib_say("gdbtest: hello\n");
	return counter == 50 ? 0 : 1;
}
