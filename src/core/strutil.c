/*
 * String helpers: bounded copy and strict parsers for the data files.
 */
#include "core/strutil.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

bool str_copy(char *dst, size_t size, const char *src)
{
    if (size == 0)
        return false;
    size_t n = strlen(src);
    if (n >= size) {
        memcpy(dst, src, size - 1);
        dst[size - 1] = '\0';
        return false;
    }
    memcpy(dst, src, n + 1);
    return true;
}

static const char *skip_blank(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static bool only_blank(const char *s)
{
    return *skip_blank(s) == '\0';
}

bool str_parse_int(const char *s, long min, long max, long *out)
{
    s = skip_blank(s);
    if (!*s)
        return false;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || !only_blank(end) || v < min || v > max)
        return false;
    *out = v;
    return true;
}

bool str_parse_double(const char *s, double *out)
{
    s = skip_blank(s);
    if (!*s)
        return false;
    // Plain decimals only: no hex, inf or nan from strtod.
    for (const char *p = s; *p && *p != ' ' && *p != '\t'; p++)
        if (!isdigit((unsigned char)*p) && *p != '.' && *p != '-' && *p != '+')
            return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || !only_blank(end) || !isfinite(v))
        return false;
    *out = v;
    return true;
}

bool str_ieq(const char *a, const char *b)
{
    while (*a && *b) {
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
        a++, b++;
    }
    return *a == *b;
}

bool str_parse_bool(const char *s, bool *out)
{
    static const char *yes[] = {"yes", "true", "1", "on"};
    static const char *no[] = {"no", "false", "0", "off"};
    for (size_t i = 0; i < 4; i++) {
        if (str_ieq(s, yes[i])) {
            *out = true;
            return true;
        }
        if (str_ieq(s, no[i])) {
            *out = false;
            return true;
        }
    }
    return false;
}

bool str_parse_clock(const char *s, double *out)
{
    s = skip_blank(s);
    if (!strchr(s, ':')) {
        double v;
        if (!str_parse_double(s, &v) || v < 0)
            return false;
        *out = v;
        return true;
    }
    double total = 0;
    int parts = 0;
    const char *p = s;
    for (;;) {
        if (!isdigit((unsigned char)*p))
            return false;
        char *end;
        double v = strtod(p, &end);
        bool last = *end != ':';
        if (!last && strchr(p, '.') && strchr(p, '.') < end)
            return false; // fractions only in the seconds
        if (parts > 0 && v >= 60)
            return false;
        total = total * 60 + v;
        parts++;
        if (last) {
            if (!only_blank(end) || parts > 3)
                return false;
            break;
        }
        p = end + 1;
    }
    if (parts < 2 || !isfinite(total))
        return false;
    *out = total;
    return true;
}

bool str_is_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 47 || !isalnum((unsigned char)s[0]))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(islower(c) || isdigit(c) || c == '-' || c == '_'))
            return false;
    }
    return true;
}

bool str_utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        int n;
        unsigned min;
        if (c < 0x80) {
            p++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1, min = 0x80, c &= 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2, min = 0x800, c &= 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3, min = 0x10000, c &= 0x07;
        } else {
            return false; // a continuation byte or 0xF8-0xFF first
        }
        for (int i = 1; i <= n; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            c = c << 6 | (p[i] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return false;
        p += n + 1;
    }
    return true;
}

size_t str_utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

// The keys are short, and only "one or two typing slips" matters.
int str_slips(const char *a, const char *b)
{
    enum { W = 40 };
    size_t la = strlen(a), lb = strlen(b);
    if (la >= W || lb >= W)
        return 99;
    int d[W + 1][W + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb];
}
