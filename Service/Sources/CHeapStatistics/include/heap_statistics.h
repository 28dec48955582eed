// Bytes currently allocated through malloc, for Phase 5's measuring lesson.
// Swift's Glibc module does not expose <malloc.h>, so this small shim does.
#ifndef HANDBOOK_HEAP_STATISTICS_H
#define HANDBOOK_HEAP_STATISTICS_H

#include <stddef.h>

#if defined(__linux__)
#include <malloc.h>  // (a glibc header: it defines __GLIBC__ when glibc is the C library)
#endif

#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 33)  // mallinfo2 arrived in glibc 2.33
static inline int handbook_heap_statistics_available(void) { return 1; }
// uordblks counts chunks in the malloc arenas; a large block (above the mmap
// threshold, 128 KiB to start with) is mmapped and counted in hblkhd instead.
static inline size_t handbook_heap_bytes_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}
#else
static inline int handbook_heap_statistics_available(void) { return 0; }
static inline size_t handbook_heap_bytes_in_use(void) { return 0; }
#endif

#endif
