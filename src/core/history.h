/*
 * The workout history in memory, and what the kiosk reads from it: weekly
 * streaks (with paused weeks), the daily band-work streak, the easy-day
 * guard. Pure: the store fills a History; days are calendar.h day numbers.
 *
 * Sessions whose clock was not trusted (stamped before 2020, or earlier than
 * the newest stored one) count for totals and XP but never for a streak.
 */
#ifndef UL_CORE_HISTORY_H
#define UL_CORE_HISTORY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/routine.h"

#define HISTORY_SANE_UTC 1577836800 // 2020-01-01T00:00:00Z

typedef enum HistorySide { HSIDE_NONE, HSIDE_LEFT, HSIDE_RIGHT } HistorySide;

typedef struct HistorySet {
    char exercise[RT_ID_MAX];
    StepBlock block;
    int step, set_no;
    HistorySide side;
    int target, done;
    double load_kg;
    bool skipped;
} HistorySet;

typedef struct HistorySession {
    int64_t id;
    char routine[RT_ID_MAX];
    int64_t started_utc;
    int offset_min;
    int64_t training_day;
    int duration_s;
    bool completed;
    bool clock_suspect;
    int first_set, nsets; // into History.sets
} HistorySession;

typedef struct History {
    HistorySession *sessions; // in the order they happened
    int nsessions, cap;
    HistorySet *sets;
    int nsets, setcap;
    int64_t *paused_weeks; // cal_week_index values
    int npaused, pausecap;
} History;

// Append; false on allocation failure (nothing is added then).
bool history_add_session(History *h, const HistorySession *s);
bool history_add_set(History *h, const HistorySet *set); // to the last session
bool history_add_paused_week(History *h, int64_t week);
void history_free(History *h); // accepts a zeroed History

typedef struct StreakRules {
    int weekly_target;
    const char (*routines)[RT_ID_MAX]; // the routines that count
    int nroutines;
} StreakRules;

typedef enum StreakStatus {
    STREAK_OPEN,
    STREAK_MET,
    STREAK_PAUSED
} StreakStatus;

typedef struct WeeklyStreak {
    int current;
    int longest;
    StreakStatus status;    // of the week containing today
    int this_week_sessions; // counting sessions this week
    bool ever_met;          // some week reached the target
    // Day numbers: the Monday of a run's first met week and the Sunday of
    // its last (paused weeks inside a run lie between). Valid when the run
    // is longer than 0. Of equal runs the earliest is the longest.
    int64_t current_from;
    int64_t longest_from, longest_to;
    int needed;       // counting sessions still needed this week (0: met)
    int64_t deadline; // the Sunday of this week
} WeeklyStreak;

bool history_counts(const StreakRules *r, const char *routine);
void history_weekly_streak(const History *h, const StreakRules *r,
                           int64_t today, WeeklyStreak *out);
const char *streak_status_name(StreakStatus s);

// Days with band work done, consecutive: a session with a band-work set
// done, or a completed session of a routine that includes band work whose
// sets were not recorded (imported without per-exercise detail). A routine
// coached here with its band work skipped does not count that day.
void history_band_streak(const History *h,
                         const char (*band_routines)[RT_ID_MAX], int nband,
                         int64_t today, int *current, int *longest);

// A counting routine (Ultra Legs) was completed on that training day.
bool history_counting_on(const History *h, const StreakRules *r, int64_t day);

// Totals of done reps and of load lifted (kg x reps) for one exercise, or
// for all when exercise is NULL.
int64_t history_total_reps(const History *h, const char *exercise);
double history_total_load(const History *h);
int history_completed_sessions(const History *h, const char *routine);

#endif
