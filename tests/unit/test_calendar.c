/*
 * Calendar arithmetic: checked against the C library's own ISO-week
 * computation for every day 2000-2100, and on the awkward days: DST changes,
 * 53-week years, leap days, the 03:00 day-start cutoff.
 */
#include "testutil.h"

#include <time.h>

#include "core/calendar.h"
#include "platform/clock.h"

static void test_iso_week_every_day(void **state)
{
    (void)state;
    int64_t first = cal_days_from_civil(2000, 1, 1);
    int64_t last = cal_days_from_civil(2100, 12, 31);
    for (int64_t d = first; d <= last; d++) {
        time_t t = (time_t)(d * 86400 + 43200);
        struct tm tm;
        gmtime_r(&t, &tm);
        char want[16], got[16];
        strftime(want, sizeof(want), "%G-W%V", &tm);
        cal_iso_week_label(d, got, sizeof(got));
        if (strcmp(want, got) != 0)
            fail_msg("day %lld: want %s, got %s", (long long)d, want, got);
        int y, m, dd;
        cal_civil_from_days(d, &y, &m, &dd);
        assert_int_equal(y, tm.tm_year + 1900);
        assert_int_equal(m, tm.tm_mon + 1);
        assert_int_equal(dd, tm.tm_mday);
        assert_int_equal(cal_days_from_civil(y, m, dd), d);
        assert_int_equal(cal_weekday(d), (tm.tm_wday + 6) % 7);
        // Weeks are consecutive and start on Monday.
        assert_int_equal(cal_week_monday(cal_week_index(d)),
                         d - cal_weekday(d));
    }
}

static void test_year_boundaries(void **state)
{
    (void)state;
    char buf[16];
    cal_iso_week_label(cal_days_from_civil(2026, 12, 31), buf, sizeof(buf));
    assert_string_equal(buf, "2026-W53");
    cal_iso_week_label(cal_days_from_civil(2027, 1, 3), buf, sizeof(buf));
    assert_string_equal(buf, "2026-W53");
    cal_iso_week_label(cal_days_from_civil(2027, 1, 4), buf, sizeof(buf));
    assert_string_equal(buf, "2027-W01");
    cal_iso_week_label(cal_days_from_civil(2024, 12, 30), buf, sizeof(buf));
    assert_string_equal(buf, "2025-W01");
    cal_iso_week_label(cal_days_from_civil(2026, 11, 25), buf, sizeof(buf));
    assert_string_equal(buf, "2026-W48");
    // W53 and the next W01 are consecutive weeks.
    assert_int_equal(cal_week_index(cal_days_from_civil(2027, 1, 4)),
                     cal_week_index(cal_days_from_civil(2026, 12, 31)) + 1);
    // Leap day.
    cal_iso_week_label(cal_days_from_civil(2024, 2, 29), buf, sizeof(buf));
    assert_string_equal(buf, "2024-W09");
    assert_int_equal(
        cal_days_from_civil(2024, 3, 1) - cal_days_from_civil(2024, 2, 28), 2);
    assert_int_equal(
        cal_days_from_civil(2100, 3, 1) - cal_days_from_civil(2100, 2, 28), 1);
}

static int64_t utc(const char *iso)
{
    int64_t t;
    int off;
    assert_int_equal(cal_parse_iso(iso, &t, &off), 0);
    return t;
}

static void test_cutoff(void **state)
{
    (void)state;
    int64_t nov25 = cal_days_from_civil(2026, 11, 25);
    // 00:30 belongs to the evening before; 03:00 starts the new day.
    assert_int_equal(
        cal_training_day(utc("2026-11-26T00:30:00-07:00"), -420, 180), nov25);
    assert_int_equal(
        cal_training_day(utc("2026-11-26T02:59:59-07:00"), -420, 180), nov25);
    assert_int_equal(
        cal_training_day(utc("2026-11-26T03:00:00-07:00"), -420, 180),
        nov25 + 1);
    assert_int_equal(
        cal_training_day(utc("2026-11-25T18:02:00-07:00"), -420, 180), nov25);
    // Without a cutoff, midnight is midnight.
    assert_int_equal(
        cal_training_day(utc("2026-11-26T00:30:00-07:00"), -420, 0), nov25 + 1);
    // Before 1970 too (a broken clock): floor, not truncation.
    assert_int_equal(cal_training_day(-1, 0, 0), -1);
}

static void test_iso_format_roundtrip(void **state)
{
    (void)state;
    char buf[40];
    cal_format_iso(utc("2026-11-25T18:02:00-07:00"), -420, buf, sizeof(buf));
    assert_string_equal(buf, "2026-11-25T18:02:00-07:00");
    cal_format_iso(utc("2026-03-29T01:30:00+05:45"), 345, buf, sizeof(buf));
    assert_string_equal(buf, "2026-03-29T01:30:00+05:45");
    int64_t t;
    int off;
    assert_int_not_equal(cal_parse_iso("2026-02-30T10:00:00Z", &t, &off), 0);
    assert_int_not_equal(cal_parse_iso("2026-11-25T18:02:00", &t, &off),
                         0); // no offset
    assert_int_not_equal(cal_parse_iso("2026-11-25T18:02:00+7", &t, &off), 0);
    assert_int_equal(cal_parse_iso("1970-01-01T00:00:00Z", &t, &off), 0);
    assert_int_equal(t, 0);
}

// A session's training day, the way the kiosk computes it: the system time
// zone gives the offset at the instant, the cutoff is 03:00.
static int64_t day_in_zone(const char *tz, const char *iso_utc)
{
    setenv("TZ", tz, 1);
    tzset();
    WallClock wc;
    wallclock_init(&wc, NULL);
    int64_t t = utc(iso_utc);
    return cal_training_day(t, wallclock_offset_min(&wc, t), 180);
}

static void test_dst_days(void **state)
{
    (void)state;
    // Berlin springs forward 2026-03-29 02:00 CET -> 03:00 CEST.
    int64_t mar28 = cal_days_from_civil(2026, 3, 28);
    assert_int_equal(day_in_zone("Europe/Berlin", "2026-03-29T00:30:00Z"),
                     mar28); // 01:30 CET
    assert_int_equal(day_in_zone("Europe/Berlin", "2026-03-29T01:30:00Z"),
                     mar28 + 1); // 03:30 CEST
    // ... and falls back 2026-10-25 03:00 CEST -> 02:00 CET: 02:30 happens
    // twice, both before the cutoff.
    int64_t oct24 = cal_days_from_civil(2026, 10, 24);
    assert_int_equal(day_in_zone("Europe/Berlin", "2026-10-25T00:30:00Z"),
                     oct24); // 02:30 CEST
    assert_int_equal(day_in_zone("Europe/Berlin", "2026-10-25T01:30:00Z"),
                     oct24); // 02:30 CET
    assert_int_equal(day_in_zone("Europe/Berlin", "2026-10-25T02:10:00Z"),
                     oct24 + 1); // 03:10 CET
    // New York: 2026-03-08 02:00 EST -> 03:00 EDT; 2026-11-01 02:00 EDT ->
    // 01:00 EST.
    int64_t mar7 = cal_days_from_civil(2026, 3, 7);
    assert_int_equal(day_in_zone("America/New_York", "2026-03-08T06:30:00Z"),
                     mar7); // 01:30 EST
    assert_int_equal(day_in_zone("America/New_York", "2026-03-08T07:30:00Z"),
                     mar7 + 1); // 03:30 EDT
    int64_t oct31 = cal_days_from_civil(2026, 10, 31);
    assert_int_equal(day_in_zone("America/New_York", "2026-11-01T06:30:00Z"),
                     oct31); // 01:30 EST
    assert_int_equal(day_in_zone("America/New_York", "2026-11-01T08:30:00Z"),
                     oct31 + 1); // 03:30 EST
    // Sydney (southern hemisphere): 2026-04-05 03:00 AEDT -> 02:00 AEST;
    // 2026-10-04 02:00 AEST -> 03:00 AEDT.
    int64_t apr4 = cal_days_from_civil(2026, 4, 4);
    assert_int_equal(day_in_zone("Australia/Sydney", "2026-04-04T15:30:00Z"),
                     apr4); // 02:30 AEDT
    assert_int_equal(day_in_zone("Australia/Sydney", "2026-04-04T16:30:00Z"),
                     apr4); // 02:30 AEST
    assert_int_equal(day_in_zone("Australia/Sydney", "2026-04-04T17:10:00Z"),
                     apr4 + 1); // 03:10 AEST
    int64_t oct3 = cal_days_from_civil(2026, 10, 3);
    assert_int_equal(day_in_zone("Australia/Sydney", "2026-10-03T15:30:00Z"),
                     oct3); // 01:30 AEST
    assert_int_equal(day_in_zone("Australia/Sydney", "2026-10-03T16:30:00Z"),
                     oct3 + 1); // 03:30 AEDT
    // Offsets themselves.
    setenv("TZ", "Australia/Sydney", 1);
    tzset();
    WallClock wc;
    wallclock_init(&wc, NULL);
    assert_int_equal(wallclock_offset_min(&wc, utc("2026-01-15T00:00:00Z")),
                     660);
    assert_int_equal(wallclock_offset_min(&wc, utc("2026-07-15T00:00:00Z")),
                     600);
    unsetenv("TZ");
    tzset();
}

static WallClock clock_at(const char *s)
{
    CalLocalTime t;
    assert_true(cal_parse_local_time(s, &t));
    WallClock wc;
    wallclock_init(&wc, &t);
    return wc;
}

static void test_now_option(void **state)
{
    (void)state;
    WallClock wc = clock_at("2026-11-25T18:02:00-07:00");
    assert_int_equal(wallclock_utc(&wc, 0), utc("2026-11-26T01:02:00Z"));
    assert_int_equal(wallclock_utc(&wc, 90500), utc("2026-11-26T01:03:30Z"));
    assert_int_equal(wallclock_offset_min(&wc, 0), -420);
    setenv("TZ", "Europe/Berlin", 1);
    tzset();
    wc = clock_at("2026-07-01T12:00");
    assert_int_equal(wallclock_utc(&wc, 0), utc("2026-07-01T10:00:00Z"));
    assert_int_equal(wallclock_offset_min(&wc, wallclock_utc(&wc, 0)), 120);
    CalLocalTime bad;
    assert_false(cal_parse_local_time("2026-13-01T12:00", &bad));
    unsetenv("TZ");
    tzset();
}

// Moving a date a day at a time: the most days it may move and stay on or
// before a limit (negative when it is past the limit already).
static void test_days_until(void **state)
{
    (void)state;
    int64_t now, start;
    int off;
    assert_int_equal(cal_parse_iso("2026-11-29T12:00:00+01:00", &now, &off), 0);
    // 20:00 on 20 Nov: today's 20:00 is still to come, so 8 days at most.
    assert_int_equal(cal_parse_iso("2026-11-20T20:00:00+01:00", &start, &off),
                     0);
    assert_int_equal(cal_days_until(start, now), 8);
    assert_int_equal(cal_days_until(start, now + 86400), 9);
    // Exactly now: the whole day count.
    assert_int_equal(cal_days_until(now - 3 * 86400, now), 3);
    // A year ahead: back 366 days to be before now (28 Nov 2026, 18:00).
    assert_int_equal(cal_parse_iso("2027-11-29T18:00:00+01:00", &start, &off),
                     0);
    assert_int_equal(cal_days_until(start, now), -366);
}

// Dates as the history says them: ISO for JSON, "3 Mar 2025" for people,
// a range with the year once when both ends share it.
static void test_date_words(void **state)
{
    (void)state;
    char buf[64];
    cal_format_date(cal_days_from_civil(2025, 3, 3), buf, sizeof(buf));
    assert_string_equal(buf, "2025-03-03");
    cal_format_day(cal_days_from_civil(2025, 3, 3), true, buf, sizeof(buf));
    assert_string_equal(buf, "3 Mar 2025");
    cal_format_range(cal_days_from_civil(2025, 3, 3),
                     cal_days_from_civil(2025, 5, 18), buf, sizeof(buf));
    assert_string_equal(buf, "3 Mar \xe2\x80\x93 18 May 2025");
    cal_format_range(cal_days_from_civil(2025, 12, 29),
                     cal_days_from_civil(2026, 1, 4), buf, sizeof(buf));
    assert_string_equal(buf, "29 Dec 2025 \xe2\x80\x93 4 Jan 2026");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iso_week_every_day),
        cmocka_unit_test(test_year_boundaries),
        cmocka_unit_test(test_cutoff),
        cmocka_unit_test(test_iso_format_roundtrip),
        cmocka_unit_test(test_dst_days),
        cmocka_unit_test(test_now_option),
        cmocka_unit_test(test_days_until),
        cmocka_unit_test(test_date_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
