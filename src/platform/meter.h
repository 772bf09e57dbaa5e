/*
 * Measures of the process itself, for the kiosk's --stats figures and the
 * benchmarks: the heap in use as the allocator counts it, the peak resident
 * memory, CPU time of the calling thread and of the whole process, and the
 * time since the process started.
 */
#ifndef UL_PLATFORM_METER_H
#define UL_PLATFORM_METER_H

#include <stdbool.h>
#include <stdint.h>

// Bytes of heap handed out and not yet freed, as the allocator counts them
// (glibc's mallinfo2, or the sanitizer's allocator in a sanitizer build):
// live blocks only, not memory the allocator keeps for reuse. 0 if unknown.
uint64_t meter_heap_bytes(void);
// Have blocks of a video frame's size and above come from the system and go
// back to it when freed (glibc otherwise raises that size as such blocks
// are freed, then keeps freed frames in the decoders' arenas: 45 MB more
// resident by the end of a 1080p Ultra Legs; trimming the heap when a clip
// closes won back 5 of them). Called once at start.
void meter_allocator_setup(void);

// Which allocator meter_heap_bytes asks ("glibc", "sanitizer", "none").
const char *meter_heap_source(void);

// The peak resident memory of the process so far (VmHWM), in MB.
double meter_peak_rss_mb(void);

// CPU time used so far, in ms: by the calling thread, and by the whole
// process (every thread, those ended included).
double meter_thread_cpu_ms(void);
double meter_process_cpu_ms(void);

// CPU time used so far, in ms, by the threads whose name starts with one
// of names (the kernel's per-thread run time; threads that ended are not
// counted).
double meter_named_threads_cpu_ms(const char *const *names, int n);

// Milliseconds since the process was started (from the kernel's record of
// its start, so loading the program counts), or -1 if unknown.
double meter_since_start_ms(void);

#endif
