/*
 * History model and streak arithmetic.
 */
#include "core/history.h"

#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"

bool history_add_session(History *h, const HistorySession *s)
{
    if (h->nsessions == h->cap) {
        int ncap = h->cap ? h->cap * 2 : 32;
        HistorySession *n = realloc(h->sessions, (size_t)ncap * sizeof(*n));
        if (!n)
            return false;
        h->sessions = n;
        h->cap = ncap;
    }
    HistorySession *d = &h->sessions[h->nsessions++];
    *d = *s;
    d->first_set = h->nsets;
    d->nsets = 0;
    return true;
}

bool history_add_set(History *h, const HistorySet *set)
{
    if (h->nsessions == 0)
        return false;
    if (h->nsets == h->setcap) {
        int ncap = h->setcap ? h->setcap * 2 : 128;
        HistorySet *n = realloc(h->sets, (size_t)ncap * sizeof(*n));
        if (!n)
            return false;
        h->sets = n;
        h->setcap = ncap;
    }
    h->sets[h->nsets++] = *set;
    h->sessions[h->nsessions - 1].nsets++;
    return true;
}

bool history_add_paused_week(History *h, int64_t week)
{
    for (int i = 0; i < h->npaused; i++)
        if (h->paused_weeks[i] == week)
            return true;
    if (h->npaused == h->pausecap) {
        int ncap = h->pausecap ? h->pausecap * 2 : 8;
        int64_t *n = realloc(h->paused_weeks, (size_t)ncap * sizeof(*n));
        if (!n)
            return false;
        h->paused_weeks = n;
        h->pausecap = ncap;
    }
    h->paused_weeks[h->npaused++] = week;
    return true;
}

void history_free(History *h)
{
    if (!h)
        return;
    free(h->sessions);
    free(h->sets);
    free(h->paused_weeks);
    memset(h, 0, sizeof(*h));
}

bool history_counts(const StreakRules *r, const char *routine)
{
    for (int i = 0; i < r->nroutines; i++)
        if (strcmp(r->routines[i], routine) == 0)
            return true;
    return false;
}

static bool paused(const History *h, int64_t week)
{
    for (int i = 0; i < h->npaused; i++)
        if (h->paused_weeks[i] == week)
            return true;
    return false;
}

const char *streak_status_name(StreakStatus s)
{
    switch (s) {
    case STREAK_OPEN: return "open";
    case STREAK_MET: return "met";
    case STREAK_PAUSED: return "paused";
    }
    return "?";
}

static bool counting(const HistorySession *s, const StreakRules *r)
{
    return s->completed && !s->clock_suspect && history_counts(r, s->routine);
}

void history_weekly_streak(const History *h, const StreakRules *r,
                           int64_t today, WeeklyStreak *out)
{
    memset(out, 0, sizeof(*out));
    int64_t cur = cal_week_index(today);
    int64_t first = cur + 1;
    for (int i = 0; i < h->nsessions; i++) {
        const HistorySession *s = &h->sessions[i];
        int64_t w = cal_week_index(s->training_day);
        if (counting(s, r) && w < first)
            first = w;
    }
    int target = r->weekly_target > 0 ? r->weekly_target : 1;
    int nweeks = first <= cur ? (int)(cur - first + 1) : 0;
    int *count = nweeks ? calloc((size_t)nweeks, sizeof(int)) : NULL;
    if (nweeks && !count)
        return;
    for (int i = 0; i < h->nsessions; i++) {
        const HistorySession *s = &h->sessions[i];
        int64_t w = cal_week_index(s->training_day);
        if (counting(s, r) && w >= first && w <= cur)
            count[w - first]++;
    }
    int run = 0;
    int64_t run_from = 0, last_met = 0;
    for (int k = 0; k < nweeks; k++) {
        int64_t w = first + k;
        if (paused(h, w))
            continue; // neither breaks nor extends
        if (count[k] >= target) {
            if (run++ == 0)
                run_from = w;
            last_met = w;
            out->ever_met = true;
            if (run > out->longest) {
                out->longest = run;
                out->longest_from = cal_week_monday(run_from);
                out->longest_to = cal_week_monday(last_met) + 6;
            }
        } else if (w != cur) {
            run = 0;
        }
    }
    out->current = run;
    if (run > 0)
        out->current_from = cal_week_monday(run_from);
    out->this_week_sessions = nweeks ? count[nweeks - 1] : 0;
    out->deadline = cal_week_monday(cur) + 6;
    if (paused(h, cur))
        out->status = STREAK_PAUSED;
    else
        out->status =
            out->this_week_sessions >= target ? STREAK_MET : STREAK_OPEN;
    if (out->status == STREAK_OPEN)
        out->needed = target - out->this_week_sessions;
    free(count);
}

static bool includes(const char (*ids)[RT_ID_MAX], int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0)
            return true;
    return false;
}

static bool band_day(const History *h, int i,
                     const char (*band_routines)[RT_ID_MAX], int nband)
{
    const HistorySession *s = &h->sessions[i];
    if (s->clock_suspect)
        return false;
    for (int k = 0; k < s->nsets; k++) {
        const HistorySet *st = &h->sets[s->first_set + k];
        if (!st->skipped && st->done > 0 &&
            strcmp(st->exercise, "band-work") == 0)
            return true;
    }
    // Imported without its sets: the routine says what was done.
    return s->nsets == 0 && s->completed &&
           includes(band_routines, nband, s->routine);
}

static int cmp_day(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

void history_band_streak(const History *h,
                         const char (*band_routines)[RT_ID_MAX], int nband,
                         int64_t today, int *current, int *longest)
{
    *current = *longest = 0;
    int64_t *days = malloc((size_t)(h->nsessions + 1) * sizeof(*days));
    if (!days)
        return;
    int n = 0;
    for (int i = 0; i < h->nsessions; i++)
        if (band_day(h, i, band_routines, nband) &&
            h->sessions[i].training_day <= today)
            days[n++] = h->sessions[i].training_day;
    qsort(days, (size_t)n, sizeof(*days), cmp_day);
    int run = 0;
    int64_t prev = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && days[i] == prev)
            continue;
        run = (i > 0 && days[i] == prev + 1) ? run + 1 : 1;
        prev = days[i];
        if (run > *longest)
            *longest = run;
    }
    // The run is current if it reaches today, or yesterday (today is open).
    if (n > 0 && (prev == today || prev == today - 1))
        *current = run;
    free(days);
}

bool history_counting_on(const History *h, const StreakRules *r, int64_t day)
{
    for (int i = 0; i < h->nsessions; i++) {
        const HistorySession *s = &h->sessions[i];
        if (!s->clock_suspect && s->completed && s->training_day == day &&
            history_counts(r, s->routine))
            return true;
    }
    return false;
}

int64_t history_total_reps(const History *h, const char *exercise)
{
    int64_t n = 0;
    for (int i = 0; i < h->nsets; i++)
        if (!h->sets[i].skipped &&
            (!exercise || strcmp(h->sets[i].exercise, exercise) == 0))
            n += h->sets[i].done;
    return n;
}

double history_total_load(const History *h)
{
    double kg = 0;
    for (int i = 0; i < h->nsets; i++)
        if (!h->sets[i].skipped && h->sets[i].load_kg > 0)
            kg += h->sets[i].load_kg * h->sets[i].done;
    return kg;
}

int history_completed_sessions(const History *h, const char *routine)
{
    int n = 0;
    for (int i = 0; i < h->nsessions; i++)
        if (h->sessions[i].completed &&
            (!routine || strcmp(h->sessions[i].routine, routine) == 0))
            n++;
    return n;
}
