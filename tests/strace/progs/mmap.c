/* Anonymous and file mappings, mprotect, madvise, munmap and their errors. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	char *p, *q;
	int fd;

	getppid();
	p = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p[0] = 'x';
	mprotect(p, 4096, PROT_READ);
	mprotect(p + 4096, 4096, PROT_NONE);
	mprotect(p, 4096, PROT_READ | PROT_WRITE | PROT_EXEC);
	madvise(p, 8192, MADV_DONTNEED);
	munmap(p, 8192);
	fd = open("/tmp/uni-strace-mmap", O_CREAT | O_RDWR | O_TRUNC, 0644);
	write(fd, "mapped file contents\n", 21);
	q = mmap(0, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	write(fd, q, 6);
	munmap(q, 4096);
	close(fd);
	mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mmap(0, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0);
	mmap(0, 4096, PROT_READ, MAP_PRIVATE, 77, 0);
	mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 4096);
	mprotect((void *)1, 4096, PROT_READ);
	munmap((void *)1, 4096);
	return 0;
}
