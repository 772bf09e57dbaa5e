/*
 * Everything the kiosk shows about the past, computed at one moment: this
 * week, streaks, totals, XP and level, badges, per-step progression, the
 * easy-day guard. Pure; --history prints it and the screens draw it.
 */
#ifndef UL_CORE_HISTORY_VIEW_H
#define UL_CORE_HISTORY_VIEW_H

#include "core/history.h"
#include "core/progression.h"
#include "core/routine.h"

#define VIEW_PROG_MAX 64
#define HISTORY_DAYS_MAX (16 * 7)

typedef struct ViewDay {
    int64_t day;
    int level; // 2: a streak routine done, 1: another routine, 0: none
} ViewDay;

typedef struct ViewProgression {
    char routine[RT_ID_MAX];
    int step;
    char title[RT_NAME_MAX * 2];
    ProgressionItem item;
} ViewProgression;

typedef struct HistoryView {
    int64_t today;     // training day
    char iso_week[16]; // "2026-W48"
    int weekly_target;
    WeeklyStreak weekly;
    int band_current, band_longest;
    int total_sessions; // completed, any routine
    int64_t xp;
    int level;
    int64_t level_start_xp, next_level_xp;
    Badge badges[BADGES_MAX];
    int nbadges;
    bool easy_day;   // a counting routine was done yesterday
    bool done_today; // ... or already today
    ViewProgression prog[VIEW_PROG_MAX];
    int nprog;
    ViewDay days[HISTORY_DAYS_MAX]; // training days with a completed session
    int ndays;
} HistoryView;

// weekly_target: the runner's setting, or 0 for the plan's.
void history_view_build(HistoryView *v, const History *h, const Library *lib,
                        int64_t today, int weekly_target);

// Streak rules from the plan (weekly target and counting routines).
void history_view_rules(const Library *lib, int weekly_target, StreakRules *r);

#endif
