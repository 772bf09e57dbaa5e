/*
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic
 * Gregorian). Pure: no time zone database, no clock. A session's training
 * day comes from its own UTC instant and UTC offset, so today's time zone
 * never rewrites history.
 */
#ifndef UL_CORE_CALENDAR_H
#define UL_CORE_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#define CAL_CUTOFF_DEFAULT_MIN                                                 \
    (3 * 60) // a 00:30 session belongs to the evening before

int64_t cal_days_from_civil(int y, int m, int d);
void cal_civil_from_days(int64_t day, int *y, int *m, int *d);

// Monday = 0 ... Sunday = 6.
int cal_weekday(int64_t day);

// Monday-based week index: consecutive weeks have consecutive indexes.
int64_t cal_week_index(int64_t day);
// The Monday that starts week index w.
int64_t cal_week_monday(int64_t week);

// ISO 8601 week-numbering year and week (1-53) of a day.
void cal_iso_week(int64_t day, int *iso_year, int *week);
// "2026-W48"
void cal_iso_week_label(int64_t day, char *buf, int size);

// "2025-03-03"
void cal_format_date(int64_t day, char *buf, int size);
// "3 Mar 2025"; without the year when with_year is false ("3 Mar").
void cal_format_day(int64_t day, bool with_year, char *buf, int size);
// "3 Mar – 18 May 2025", "29 Dec 2025 – 4 Jan 2026" (an en dash).
void cal_format_range(int64_t from, int64_t to, char *buf, int size);
// "Mar": the month's short English name (1-12).
const char *cal_month_short(int month);

// Local training day of an instant: the local date at utc_s + offset, less
// the day-start cutoff (minutes after midnight).
int64_t cal_training_day(int64_t utc_s, int offset_min, int cutoff_min);

// The most whole days an instant may move and stay at or before limit_utc
// (negative when it is past it already): how far a date moved a day at a
// time may go.
int64_t cal_days_until(int64_t from_utc, int64_t limit_utc);

// "2026-11-25T18:02:00-07:00"
void cal_format_iso(int64_t utc_s, int offset_min, char *buf, int size);
// Parse the same form (seconds optional, 'Z' allowed). 0 on success.
int cal_parse_iso(const char *s, int64_t *utc_s, int *offset_min);

// "YYYY-MM-DDTHH:MM[:SS][+-HH:MM|Z]" -> local broken-down time plus, when an
// offset is given, its minutes east of UTC (has_offset tells). Checks the
// date exists (no 2025-02-29).
typedef struct CalLocalTime {
    int year, month, day, hour, minute, second;
    bool has_offset;
    int offset_min;
} CalLocalTime;
bool cal_parse_local_time(const char *s, CalLocalTime *t);

#endif
