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
// The history screen pages back 16 weeks at a time through this many weeks
// (ten years; older weeks are left out of the calendar, not of the streaks).
#define HISTORY_PAGE_WEEKS 16
#define HISTORY_WEEKS_MAX (HISTORY_PAGE_WEEKS * 33)

// A day of the calendar: what was done on it (bits).
enum {
    VIEW_DAY_STREAK = 1,  // a streak routine completed
    VIEW_DAY_OTHER = 2,   // another routine completed
    VIEW_DAY_SUSPECT = 4, // a session whose clock was not trusted
};

typedef enum ViewWeekState {
    VIEW_WEEK_MISSED, // the target was not reached
    VIEW_WEEK_MET,
    VIEW_WEEK_PAUSED,
    VIEW_WEEK_OPEN, // this week, not met yet
} ViewWeekState;

typedef struct ViewWeek {
    int64_t monday;
    unsigned char day[7]; // VIEW_DAY_* bits, Monday first
    int sessions;         // counting sessions
    ViewWeekState state;
} ViewWeek;

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
    // Every week from the first session's (at most HISTORY_WEEKS_MAX back)
    // to this one, oldest first; at least this week.
    ViewWeek weeks[HISTORY_WEEKS_MAX];
    int nweeks;
    // Completed sessions stored without their sets (imported from a CSV
    // without per-exercise detail).
    int no_detail_sessions;
    char streak_title[RT_NAME_MAX]; // "Ultra Legs"; "" with several routines
} HistoryView;

// Said where the progression would be, when sessions were imported without
// their sets.
#define HISTORY_NO_DETAIL_TEXT                                                 \
    "Imported sessions carry no per-exercise detail: the progression starts "  \
    "with the first session coached here."

// What this week still needs, in words: "1 more Ultra Legs by Sunday keeps
// your streak", "Week done: streak 8 weeks", "Streak paused this week".
void history_view_week_need(const HistoryView *v, char *buf, int size);

// weekly_target: the runner's setting, or 0 for the plan's.
void history_view_build(HistoryView *v, const History *h, const Library *lib,
                        int64_t today, int weekly_target);

// Streak rules from the plan (weekly target and counting routines).
void history_view_rules(const Library *lib, int weekly_target, StreakRules *r);

#endif
