// Everything is in the header (static inline); SwiftPM wants one source file.
#include "heap_statistics.h"
