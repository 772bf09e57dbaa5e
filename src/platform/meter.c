/*
 * Process measures: heap in use, peak resident memory, CPU clocks, time
 * since start.
 */
#include "platform/meter.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define UL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UL_ASAN 1
#endif
#endif

void meter_allocator_setup(void)
{
#if defined(__GLIBC__) && !defined(UL_ASAN)
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

#ifdef UL_ASAN
// The sanitizer runtime's own count (sanitizer/allocator_interface.h, which
// not every compiler installs).
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

uint64_t meter_heap_bytes(void)
{
#if defined(UL_ASAN)
    // The sanitizer's allocator takes every malloc (libavcodec's frames
    // too); mallinfo2 would only see glibc's own, which is then unused.
    return (uint64_t)__sanitizer_get_current_allocated_bytes();
#elif defined(__GLIBC__)
    // Small blocks in use plus blocks served by mmap (frames, textures).
    struct mallinfo2 mi = mallinfo2();
    return (uint64_t)mi.uordblks + (uint64_t)mi.hblkhd;
#else
    return 0;
#endif
}

const char *meter_heap_source(void)
{
#if defined(UL_ASAN)
    return "sanitizer";
#elif defined(__GLIBC__)
    return "glibc";
#else
    return "none";
#endif
}

double meter_peak_rss_mb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return 0;
    char line[256];
    long kb = 0;
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
            break;
    fclose(f);
    return kb / 1024.0;
}

static double cpu_ms(clockid_t id)
{
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0)
        return 0;
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

double meter_thread_cpu_ms(void)
{
    return cpu_ms(CLOCK_THREAD_CPUTIME_ID);
}

double meter_process_cpu_ms(void)
{
    return cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
}

double meter_since_start_ms(void)
{
    // Field 22 of /proc/self/stat: the start, in clock ticks since boot.
    FILE *f = fopen("/proc/self/stat", "r");
    if (!f)
        return -1;
    char buf[1024];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    // The name (field 2) may hold spaces and parentheses: count from the
    // last ')'.
    const char *p = strrchr(buf, ')');
    unsigned long long start = 0;
    if (!p || sscanf(p + 1,
                     " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u "
                     "%*d %*d %*d %*d %*d %*d %llu",
                     &start) != 1)
        return -1;
    long hz = sysconf(_SC_CLK_TCK);
    if (hz <= 0)
        return -1;
    struct timespec ts;
    if (clock_gettime(CLOCK_BOOTTIME, &ts) != 0)
        return -1;
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6 - start * 1000.0 / hz;
}

double meter_named_threads_cpu_ms(const char *const *names, int n)
{
    DIR *d = opendir("/proc/self/task");
    if (!d)
        return 0;
    double total = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[300], comm[64] = "";
        snprintf(path, sizeof(path), "/proc/self/task/%s/comm", e->d_name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        if (!fgets(comm, sizeof(comm), f))
            comm[0] = '\0';
        fclose(f);
        bool wanted = false;
        for (int i = 0; i < n && !wanted; i++)
            wanted = strncmp(comm, names[i], strlen(names[i])) == 0;
        if (!wanted)
            continue;
        // schedstat: nanoseconds on a CPU first.
        snprintf(path, sizeof(path), "/proc/self/task/%s/schedstat", e->d_name);
        unsigned long long ns = 0;
        if ((f = fopen(path, "r"))) {
            if (fscanf(f, "%llu", &ns) == 1)
                total += ns / 1e6;
            fclose(f);
        }
    }
    closedir(d);
    return total;
}
