/*
 * Wall-clock time for history stamps: the real clock, or the moment given
 * with --now moving forward with the session's clock. Also this boot's id
 * and the monotonic time since boot, which let the store fix sessions
 * stamped while the clock was wrong.
 */
#ifndef UL_PLATFORM_CLOCK_H
#define UL_PLATFORM_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"

typedef struct WallClock {
    bool fixed;        // --now given
    int64_t base_utc;  // its instant
    bool fixed_offset; // --now carried an offset
    int offset_min;
} WallClock;

// now: NULL for the real clock, else the moment --now gave (read once, by
// the command line: this cannot fail).
void wallclock_init(WallClock *c, const CalLocalTime *now);

// UTC seconds now; elapsed_ms is the session clock since start-up (used
// only with --now, so virtual time moves the pretend clock too).
int64_t wallclock_utc(const WallClock *c, int64_t elapsed_ms);

// Local UTC offset (minutes east) at that instant: --now's offset when given,
// else the system time zone's.
int wallclock_offset_min(const WallClock *c, int64_t utc);

// This boot's id ("" when unknown) and milliseconds since boot.
void clock_boot_id(char *buf, size_t size);
int64_t clock_boot_ms(void);

// This process's resident memory in MB (0 when unknown), for the bench and
// soak figures.
double clock_rss_mb(void);

#endif
