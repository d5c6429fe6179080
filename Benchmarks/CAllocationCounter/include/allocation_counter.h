#ifndef GLUTE_ALLOCATION_COUNTER_H
#define GLUTE_ALLOCATION_COUNTER_H

/// Heap allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign) made by
/// this process so far, as counted by the interposed allocator entry points of the benchmark.
unsigned long glute_allocation_count(void);

#endif
