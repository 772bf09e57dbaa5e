/*
 * The history view: one pass over the History for the screens and reports.
 */
#include "core/history_view.h"

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
    history_band_streak(h, today, &v->band_current, &v->band_longest);
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
