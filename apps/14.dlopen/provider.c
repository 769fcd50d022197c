/* libprovider.so: defines what liblazy.so calls. */
int provided_later(void)
{
	return 41;
}
