/*
 * Day-number calendar (the days-from-civil algorithm, Gregorian).
 */
#include "core/calendar.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

int64_t cal_days_from_civil(int y, int m, int d)
{
    int64_t yy = (int64_t)y - (m <= 2);
    int64_t era = floor_div(yy, 400);
    int64_t yoe = yy - era * 400;
    int64_t mp = (m + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void cal_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t dd = doy - (153 * mp + 2) / 5 + 1;
    int64_t mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

int cal_weekday(int64_t day)
{
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    int64_t w = (day + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int64_t cal_week_index(int64_t day)
{
    return floor_div(day + 3, 7);
}

int64_t cal_week_monday(int64_t week)
{
    return week * 7 - 3;
}

void cal_iso_week(int64_t day, int *iso_year, int *week)
{
    // The ISO week's year is the year of its Thursday.
    int64_t thursday = day - cal_weekday(day) + 3;
    int y, m, d;
    cal_civil_from_days(thursday, &y, &m, &d);
    int64_t jan1 = cal_days_from_civil(y, 1, 1);
    *iso_year = y;
    *week = (int)((thursday - jan1) / 7 + 1);
}

void cal_iso_week_label(int64_t day, char *buf, int size)
{
    int y, w;
    cal_iso_week(day, &y, &w);
    snprintf(buf, (size_t)size, "%04d-W%02d", y, w);
}

static const char *const month_short[12] = {"Jan", "Feb", "Mar", "Apr",
                                            "May", "Jun", "Jul", "Aug",
                                            "Sep", "Oct", "Nov", "Dec"};

const char *cal_month_short(int month)
{
    return month >= 1 && month <= 12 ? month_short[month - 1] : "?";
}

void cal_format_date(int64_t day, char *buf, int size)
{
    int y, m, d;
    cal_civil_from_days(day, &y, &m, &d);
    snprintf(buf, (size_t)size, "%04d-%02d-%02d", y, m, d);
}

void cal_format_day(int64_t day, bool with_year, char *buf, int size)
{
    int y, m, d;
    cal_civil_from_days(day, &y, &m, &d);
    if (with_year)
        snprintf(buf, (size_t)size, "%d %s %d", d, cal_month_short(m), y);
    else
        snprintf(buf, (size_t)size, "%d %s", d, cal_month_short(m));
}

void cal_format_range(int64_t from, int64_t to, char *buf, int size)
{
    int y1, m1, d1, y2, m2, d2;
    cal_civil_from_days(from, &y1, &m1, &d1);
    cal_civil_from_days(to, &y2, &m2, &d2);
    char a[24], b[24];
    cal_format_day(from, y1 != y2, a, sizeof(a));
    cal_format_day(to, true, b, sizeof(b));
    snprintf(buf, (size_t)size, "%s \xe2\x80\x93 %s", a, b);
}

int64_t cal_training_day(int64_t utc_s, int offset_min, int cutoff_min)
{
    int64_t local_min = floor_div(utc_s, 60) + offset_min - cutoff_min;
    return floor_div(local_min, 1440);
}

int64_t cal_days_until(int64_t from_utc, int64_t limit_utc)
{
    int64_t d = limit_utc - from_utc;
    return d >= 0 ? d / 86400 : -((-d + 86399) / 86400);
}

void cal_format_iso(int64_t utc_s, int offset_min, char *buf, int size)
{
    int64_t local = utc_s + (int64_t)offset_min * 60;
    int64_t day = floor_div(local, 86400);
    int64_t sec = local - day * 86400;
    int y, m, d;
    cal_civil_from_days(day, &y, &m, &d);
    int off = offset_min < 0 ? -offset_min : offset_min;
    snprintf(buf, (size_t)size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y,
             m, d, (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60),
             offset_min < 0 ? '-' : '+', off / 60, off % 60);
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int cal_parse_iso(const char *s, int64_t *utc_s, int *offset_min)
{
    int y, mo, d, h, mi, se = 0, oh = 0, om = 0, sign = 1;
    if (strlen(s) < 16 || digits(s, 4, &y) || s[4] != '-' ||
        digits(s + 5, 2, &mo) || s[7] != '-' || digits(s + 8, 2, &d) ||
        (s[10] != 'T' && s[10] != ' ') || digits(s + 11, 2, &h) ||
        s[13] != ':' || digits(s + 14, 2, &mi))
        return -1;
    const char *p = s + 16;
    if (*p == ':') {
        if (digits(p + 1, 2, &se))
            return -1;
        p += 3;
    }
    if (*p == 'Z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        sign = *p == '-' ? -1 : 1;
        if (digits(p + 1, 2, &oh) || p[3] != ':' || digits(p + 4, 2, &om))
            return -1;
        p += 6;
    } else {
        return -1;
    }
    if (*p || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
        se > 60 || oh > 14 || om > 59)
        return -1;
    int64_t day = cal_days_from_civil(y, mo, d);
    int cy, cm, cd;
    cal_civil_from_days(day, &cy, &cm, &cd);
    if (cy != y || cm != mo || cd != d)
        return -1; // 2026-02-30 and the like
    int off = sign * (oh * 60 + om);
    *utc_s = day * 86400 + h * 3600 + mi * 60 + se - (int64_t)off * 60;
    *offset_min = off;
    return 0;
}

static bool two(const char *s, int *a, int *b)
{
    // exactly two digits
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
        return false;
    *a = (s[0] - '0') * 10 + (s[1] - '0');
    (void)b;
    return true;
}

bool cal_parse_local_time(const char *s, CalLocalTime *t)
{
    memset(t, 0, sizeof(*t));
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        y = y * 10 + (s[i] - '0');
    }
    if (s[4] != '-' || !two(s + 5, &t->month, NULL) || s[7] != '-' ||
        !two(s + 8, &t->day, NULL) || (s[10] != 'T' && s[10] != ' ') ||
        !two(s + 11, &t->hour, NULL) || s[13] != ':' ||
        !two(s + 14, &t->minute, NULL))
        return false;
    t->year = y;
    const char *p = s + 16;
    if (*p == ':') {
        if (!two(p + 1, &t->second, NULL))
            return false;
        p += 3;
    }
    if (*p == '+' || *p == '-') {
        int oh, om;
        if (!two(p + 1, &oh, NULL) || p[3] != ':' || !two(p + 4, &om, NULL) ||
            p[6] != '\0' || oh > 14 || om > 59)
            return false;
        t->has_offset = true;
        t->offset_min = (*p == '-' ? -1 : 1) * (oh * 60 + om);
    } else if (*p == 'Z' && p[1] == '\0') {
        t->has_offset = true;
    } else if (*p != '\0') {
        return false;
    }
    static const int mdays[12] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
    if (t->month < 1 || t->month > 12 || t->day < 1 ||
        t->day > mdays[t->month - 1] || t->hour > 23 || t->minute > 59 ||
        t->second > 59)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (t->month == 2 && t->day == 29 && !leap)
        return false;
    return true;
}
