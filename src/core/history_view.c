/*
 * The history view: one pass over the History for the screens and reports.
 */
#include "core/history_view.h"

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/strutil.h"

void history_view_rules(const Library *lib, int weekly_target, StreakRules *r)
{
    r->weekly_target = weekly_target > 0             ? weekly_target
                       : lib->plan.weekly_target > 0 ? lib->plan.weekly_target
                                                     : 2;
    r->routines = lib->plan.streak_routines;
    r->nroutines = lib->plan.nstreak;
}

// The routines that include band work: an imported session of one of them
// counts for the daily band-work streak.
static int band_routines(const Library *lib, char (*ids)[RT_ID_MAX], int max)
{
    int n = 0;
    for (int i = 0; i < lib->nroutines && n < max; i++) {
        const Routine *rt = &lib->routines[i];
        for (int k = 0; k < rt->nsteps; k++)
            if (strcmp(rt->steps[k].exercise_id, "band-work") == 0) {
                str_copy(ids[n++], RT_ID_MAX, rt->id);
                break;
            }
    }
    return n;
}

// The calendar: every week from the oldest trusted session's to this one.
static void build_weeks(HistoryView *v, const History *h, const StreakRules *r,
                        int64_t today)
{
    int64_t cur = cal_week_index(today), first = cur;
    for (int i = 0; i < h->nsessions; i++) {
        const HistorySession *s = &h->sessions[i];
        int64_t w = cal_week_index(s->training_day);
        if (!s->clock_suspect && w < first)
            first = w;
    }
    if (cur - first + 1 > HISTORY_WEEKS_MAX)
        first = cur - HISTORY_WEEKS_MAX + 1;
    v->nweeks = (int)(cur - first + 1);
    for (int k = 0; k < v->nweeks; k++)
        v->weeks[k].monday = cal_week_monday(first + k);
    for (int i = 0; i < h->nsessions; i++) {
        const HistorySession *s = &h->sessions[i];
        int64_t w = cal_week_index(s->training_day);
        if (w < first || w > cur || s->training_day > today)
            continue;
        ViewWeek *wk = &v->weeks[w - first];
        unsigned char *d = &wk->day[cal_weekday(s->training_day)];
        if (s->clock_suspect)
            *d |= VIEW_DAY_SUSPECT;
        else if (s->completed && history_counts(r, s->routine)) {
            *d |= VIEW_DAY_STREAK;
            wk->sessions++;
        } else if (s->completed)
            *d |= VIEW_DAY_OTHER;
    }
    for (int k = 0; k < v->nweeks; k++) {
        ViewWeek *wk = &v->weeks[k];
        bool paused = false;
        for (int i = 0; i < h->npaused; i++)
            paused = paused || h->paused_weeks[i] == first + k;
        wk->state = paused                             ? VIEW_WEEK_PAUSED
                    : wk->sessions >= r->weekly_target ? VIEW_WEEK_MET
                    : first + k == cur                 ? VIEW_WEEK_OPEN
                                                       : VIEW_WEEK_MISSED;
    }
}

static const char *const day_names[7] = {"Monday",   "Tuesday", "Wednesday",
                                         "Thursday", "Friday",  "Saturday",
                                         "Sunday"};

void history_view_week_need(const HistoryView *v, char *buf, int size)
{
    const WeeklyStreak *w = &v->weekly;
    if (w->status == STREAK_PAUSED) {
        snprintf(buf, (size_t)size, "Streak paused this week");
        return;
    }
    if (w->status == STREAK_MET) {
        snprintf(buf, (size_t)size, "Week done: streak %d week%s", w->current,
                 w->current == 1 ? "" : "s");
        return;
    }
    const char *what = v->streak_title[0] ? v->streak_title
                       : w->needed == 1   ? "session"
                                          : "sessions";
    char when[32];
    if (v->today == w->deadline)
        snprintf(when, sizeof(when), "today");
    else
        snprintf(when, sizeof(when), "by %s",
                 day_names[cal_weekday(w->deadline)]);
    if (w->current > 0)
        snprintf(buf, (size_t)size, "%d more %s %s keep%s your streak",
                 w->needed, what, when, w->needed == 1 ? "s" : "");
    else
        snprintf(buf, (size_t)size, "%d more %s %s start%s a streak", w->needed,
                 what, when, w->needed == 1 ? "s" : "");
}

void history_view_build(HistoryView *v, const History *h, const Library *lib,
                        int64_t today, int weekly_target)
{
    memset(v, 0, sizeof(*v));
    StreakRules r;
    history_view_rules(lib, weekly_target, &r);
    v->today = today;
    cal_iso_week_label(today, v->iso_week, sizeof(v->iso_week));
    v->weekly_target = r.weekly_target;
    history_weekly_streak(h, &r, today, &v->weekly);
    char band[RT_ROUTINES_MAX][RT_ID_MAX];
    int nband = band_routines(lib, band, RT_ROUTINES_MAX);
    history_band_streak(h, (const char(*)[RT_ID_MAX])band, nband, today,
                        &v->band_current, &v->band_longest);
    build_weeks(v, h, &r, today);
    for (int i = 0; i < h->nsessions; i++)
        v->no_detail_sessions +=
            h->sessions[i].completed && h->sessions[i].nsets == 0;
    if (r.nroutines == 1) {
        const Routine *rt = library_routine(lib, r.routines[0]);
        str_copy(v->streak_title, sizeof(v->streak_title),
                 rt ? rt->title : r.routines[0]);
    }
    v->total_sessions = history_completed_sessions(h, NULL);
    v->xp = progression_xp(h);
    v->level = progression_level(v->xp);
    v->level_start_xp = progression_level_xp(v->level);
    v->next_level_xp = progression_level_xp(v->level + 1);
    v->nbadges = progression_badges(h, &v->weekly, v->badges, BADGES_MAX);
    v->easy_day = history_counting_on(h, &r, today - 1);
    v->done_today = history_counting_on(h, &r, today);
    // Heatmap days: the last HISTORY_DAYS_MAX days up to today.
    int64_t first = cal_week_monday(cal_week_index(today)) - 7 * 15;
    for (int i = 0; i < h->nsessions; i++) {
        const HistorySession *s = &h->sessions[i];
        if (!s->completed || s->clock_suspect || s->training_day < first ||
            s->training_day > today)
            continue;
        int lvl = history_counts(&r, s->routine) ? 2 : 1;
        int k = 0;
        while (k < v->ndays && v->days[k].day != s->training_day)
            k++;
        if (k == v->ndays) {
            if (v->ndays == HISTORY_DAYS_MAX)
                continue;
            v->days[v->ndays++] = (ViewDay){s->training_day, lvl};
        } else if (lvl > v->days[k].level) {
            v->days[k].level = lvl;
        }
    }
    for (int i = 0; i < lib->nroutines; i++) {
        const Routine *rt = &lib->routines[i];
        if (!rt->active)
            continue;
        for (int k = 0; k < rt->nsteps && v->nprog < VIEW_PROG_MAX; k++) {
            const RoutineStep *st = &rt->steps[k];
            ViewProgression *p = &v->prog[v->nprog++];
            str_copy(p->routine, sizeof(p->routine), rt->id);
            p->step = k;
            routine_step_title(st, library_exercise(lib, st->exercise_id),
                               p->title, sizeof(p->title));
            progression_for_step(h, rt->id, st, today, &p->item);
        }
    }
}
