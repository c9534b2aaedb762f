// mimalloc, the allocator the coro executable links in place of glibc's malloc.
#include <mimalloc.h>
