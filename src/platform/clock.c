/*
 * Wall clock and boot clock (POSIX, Linux's boot id).
 */
#include "platform/clock.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/calendar.h"

void wallclock_init(WallClock *c, const CalLocalTime *now)
{
    memset(c, 0, sizeof(*c));
    if (!now)
        return;
    CalLocalTime t = *now;
    c->fixed = true;
    if (t.has_offset) {
        c->fixed_offset = true;
        c->offset_min = t.offset_min;
        c->base_utc = cal_days_from_civil(t.year, t.month, t.day) * 86400 +
                      t.hour * 3600 + t.minute * 60 + t.second -
                      (int64_t)t.offset_min * 60;
    } else {
        struct tm tm = {0};
        tm.tm_year = t.year - 1900;
        tm.tm_mon = t.month - 1;
        tm.tm_mday = t.day;
        tm.tm_hour = t.hour;
        tm.tm_min = t.minute;
        tm.tm_sec = t.second;
        tm.tm_isdst = -1;
        c->base_utc = (int64_t)mktime(&tm);
    }
}

int64_t wallclock_utc(const WallClock *c, int64_t elapsed_ms)
{
    if (c->fixed)
        return c->base_utc + elapsed_ms / 1000;
    return (int64_t)time(NULL);
}

int wallclock_offset_min(const WallClock *c, int64_t utc)
{
    if (c->fixed_offset)
        return c->offset_min;
    time_t t = (time_t)utc;
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return 0;
    return (int)(tm.tm_gmtoff / 60);
}

void clock_boot_id(char *buf, size_t size)
{
    buf[0] = '\0';
    FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");
    if (!f)
        return;
    if (fgets(buf, (int)size, f))
        buf[strcspn(buf, "\n")] = '\0';
    fclose(f);
}

int64_t clock_boot_ms(void)
{
    struct timespec ts;
#ifdef CLOCK_BOOTTIME
    if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
        return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
#endif
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

double clock_rss_mb(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (double)sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}
