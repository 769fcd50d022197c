/* liblazy.so: calls a function no library it depends on defines. RTLD_NOW refuses it;
 * RTLD_LAZY takes it, and the call works once a library loaded RTLD_GLOBAL defines it. */
int provided_later(void);

int lazy_call(void)
{
	return provided_later() + 1;
}
