/*
 * CSV fields, times and sets as spreadsheets and people write them.
 */
#include "store/store_csv_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/routine.h"
#include "core/strutil.h"

static bool push(CsvFields *f, char *v)
{
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 16;
        char **grown = realloc(f->v, sizeof(*grown) * (size_t)cap);
        if (!grown)
            return false;
        f->v = grown;
        f->cap = cap;
    }
    f->v[f->n++] = v;
    return true;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

bool csv_split(char *line, char sep, CsvFields *f)
{
    f->n = 0;
    char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '"') {
            char *w = ++p;
            if (!push(f, w))
                return false;
            for (;;) {
                if (*p == '\0')
                    return false; // unterminated quote
                if (*p == '"' && p[1] == '"') {
                    *w++ = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    *w++ = *p++;
                }
            }
            *w = '\0';
            while (*p == ' ' || *p == '\t')
                p++;
            if (*p == sep) {
                p++;
                continue;
            }
            return *p == '\0';
        }
        char *c = strchr(p, sep);
        if (c)
            *c = '\0';
        if (!push(f, trim(p)))
            return false;
        if (!c)
            return true;
        p = c + 1;
    }
}

void csv_fields_free(CsvFields *f)
{
    free(f->v);
    f->v = NULL;
    f->n = f->cap = 0;
}

char csv_detect_sep(const char *header)
{
    int commas = 0, semis = 0;
    bool quoted = false;
    for (const char *p = header; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted)
            commas += *p == ',', semis += *p == ';';
    }
    return semis > commas ? ';' : ',';
}

// A local wall time on its date's offset (summer time or not).
static bool local_to_utc(int y, int mo, int d, int h, int mi, int s,
                         int64_t *utc, int *offset_min)
{
    int64_t days = cal_days_from_civil(y, mo, d);
    int yy, mm, dd;
    cal_civil_from_days(days, &yy, &mm, &dd);
    if (yy != y || mm != mo || dd != d || h > 23 || mi > 59 || s > 60)
        return false;
    struct tm tm = {.tm_year = y - 1900,
                    .tm_mon = mo - 1,
                    .tm_mday = d,
                    .tm_hour = h,
                    .tm_min = mi,
                    .tm_sec = s,
                    .tm_isdst = -1};
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && !(y == 1969 && mo == 12 && d == 31))
        return false;
    struct tm lt;
    localtime_r(&t, &lt);
    *utc = (int64_t)t;
    *offset_min = (int)(lt.tm_gmtoff / 60);
    return true;
}

static bool parse_clock(const char *s, int *h, int *mi, int *sec)
{
    int used = 0;
    *sec = 0;
    if (sscanf(s, "%2d:%2d:%2d%n", h, mi, sec, &used) == 3 && s[used] == '\0')
        return true;
    used = 0;
    *sec = 0;
    return sscanf(s, "%2d:%2d%n", h, mi, &used) == 2 && s[used] == '\0';
}

bool csv_parse_start(const char *s, int64_t *utc, int *offset_min, char *why,
                     size_t size)
{
    if (cal_parse_iso(s, utc, offset_min) == 0)
        return true;
    int y, mo, d, h, mi, sec, used = 0;
    char sepc;
    // YYYY-MM-DD HH:MM[:SS] or with a T, no offset: local time.
    if (sscanf(s, "%4d-%2d-%2d%c%n", &y, &mo, &d, &sepc, &used) == 4 &&
        (sepc == ' ' || sepc == 'T') && parse_clock(s + used, &h, &mi, &sec) &&
        local_to_utc(y, mo, d, h, mi, sec, utc, offset_min))
        return true;
    // DD/MM/YYYY HH:MM[:SS], where day and month cannot be mixed up.
    int a, b;
    used = 0;
    if (sscanf(s, "%2d/%2d/%4d %n", &a, &b, &y, &used) == 3 && used > 0 &&
        parse_clock(s + used, &h, &mi, &sec)) {
        if (a <= 12 && b <= 12 && a != b) {
            snprintf(
                why, size,
                "ambiguous date '%d%d/%d%d/%d': write it as %04d-%02d-%02d or "
                "%04d-%02d-%02d",
                a / 10, a % 10, b / 10, b % 10, y, y, b, a, y, a, b);
            return false;
        }
        d = a > 12 ? a : b;
        mo = a > 12 ? b : a;
        if (local_to_utc(y, mo, d, h, mi, sec, utc, offset_min))
            return true;
    }
    snprintf(why, size,
             "bad started_at '%.40s' (expected like 2026-11-25 18:02 or "
             "2026-11-25T18:02:00-07:00)",
             s);
    return false;
}

bool csv_parse_day(const char *s, int64_t *day)
{
    int y, m, d, used = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || s[used] != '\0' ||
        used != 10)
        return false;
    *day = cal_days_from_civil(y, m, d);
    int yy, mm, dd;
    cal_civil_from_days(*day, &yy, &mm, &dd);
    return yy == y && mm == m && dd == d;
}

bool csv_parse_sets(char *text, HistorySet **sets, int *cap, int *n, char *why,
                    size_t size)
{
    *n = 0;
    if (!*text)
        return true;
    char *save = NULL;
    for (char *item = strtok_r(text, ";", &save); item;
         item = strtok_r(NULL, ";", &save)) {
        if (*n == *cap) {
            int grown_cap = *cap ? *cap * 2 : 64;
            HistorySet *grown =
                realloc(*sets, sizeof(**sets) * (size_t)grown_cap);
            if (!grown) {
                snprintf(why, size, "out of memory");
                return false;
            }
            *sets = grown;
            *cap = grown_cap;
        }
        char *part[9];
        int k = 0;
        char *p = item;
        part[k++] = p;
        while (k < 9 && (p = strchr(p, '/'))) {
            *p++ = '\0';
            part[k++] = p;
        }
        HistorySet *t = &(*sets)[*n];
        memset(t, 0, sizeof(*t));
        long step, set, target, done;
        double load;
        bool skipped;
        if (k == 9)
            for (char *c = part[7]; *c; c++)
                if (*c == ',')
                    *c = '.'; // a decimal comma
        if (k != 9 || !str_is_id(part[0]) ||
            !str_parse_int(part[2], 0, RT_STEPS_MAX, &step) ||
            !str_parse_int(part[3], 0, RT_SETS_MAX, &set) ||
            !str_parse_int(part[5], 0, RT_REPS_MAX, &target) ||
            !str_parse_int(part[6], 0, RT_REPS_MAX, &done) ||
            !str_parse_double(part[7], &load) || load < 0 || load > 1000 ||
            !str_parse_bool(part[8], &skipped) ||
            (strcmp(part[4], "L") && strcmp(part[4], "R") &&
             strcmp(part[4], "-")) ||
            (*part[1] && strcmp(part[1], "both") &&
             strcmp(part[1], "single-leg"))) {
            snprintf(why, size,
                     "bad set '%.60s' (expected "
                     "exercise/block/step/set/side/target/done/load_kg/skipped;"
                     " step 0-%d, set 0-%d, target and done 0-%d, load_kg "
                     "0-1000)",
                     part[0], RT_STEPS_MAX, RT_SETS_MAX, RT_REPS_MAX);
            return false;
        }
        str_copy(t->exercise, sizeof(t->exercise), part[0]);
        t->block = !strcmp(part[1], "both")         ? STEP_BLOCK_BOTH
                   : !strcmp(part[1], "single-leg") ? STEP_BLOCK_SINGLE
                                                    : STEP_BLOCK_NONE;
        t->step = (int)step;
        t->set_no = (int)set;
        t->side = part[4][0] == 'L'   ? HSIDE_LEFT
                  : part[4][0] == 'R' ? HSIDE_RIGHT
                                      : HSIDE_NONE;
        t->target = (int)target;
        t->done = (int)done;
        t->load_kg = load;
        t->skipped = skipped;
        (*n)++;
    }
    return true;
}
