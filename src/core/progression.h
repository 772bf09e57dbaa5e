/*
 * Progression, XP, levels and badges, all derived from the History.
 *
 * Targets: a rep range (30-50) starts at its bottom and steps up by
 * PROG_STEP after a session in which every set of that exercise reached its
 * target, up to the top; at the top the kiosk suggests weight or another
 * round. A fixed dose suggests more load after PROG_LOAD_AFTER completed
 * sessions in a row. During the first two weeks (from the first session ever)
 * targets stay at the bottom and the soreness note shows. An incomplete set
 * holds the target.
 */
#ifndef UL_CORE_PROGRESSION_H
#define UL_CORE_PROGRESSION_H

#include "core/history.h"
#include "core/routine.h"

#define PROG_STEP 5 // reps the target rises after a session at target
#define PROG_LOAD_AFTER                                                        \
    3 // sessions in a row at a fixed dose before "more load"
#define PROG_EARLY_DAYS 14 // days from the first session that targets hold
#define PROG_SERIES_MAX 12

// XP: one per rep done, and per session these; a level L starts at
// PROG_XP_LEVEL * L * (L - 1).
#define PROG_XP_COMPLETED 50 // a session finished
#define PROG_XP_STARTED 10   // a session stopped early
#define PROG_XP_LEVEL 50

typedef enum ProgSuggestion {
    PROG_NONE,
    PROG_EARLY,        // first two weeks: hold, expect soreness
    PROG_STEP_UP,      // the target went up since last time
    PROG_TOP_OF_RANGE, // add weight or another round
    PROG_ADD_LOAD,     // fixed dose done often enough: add a little weight
} ProgSuggestion;

typedef struct ProgressionItem {
    char exercise[RT_ID_MAX];
    StepBlock block;
    int reps_min, reps_max;
    int target;             // for the next session
    int sessions;           // sessions that included it
    int completed_in_a_row; // sessions in a row at target
    double last_load_kg;
    ProgSuggestion suggestion;
    int series[PROG_SERIES_MAX]; // reps done per session, oldest first
    int nseries;
} ProgressionItem;

// Progression of one step of `routine` as of `today` (a training day),
// from that routine's sessions (all routines when routine is NULL).
void progression_for_step(const History *h, const char *routine,
                          const RoutineStep *st, int64_t today,
                          ProgressionItem *out);

// Screen/voice text for a suggestion ("" for none).
const char *progression_text(ProgSuggestion s);
const char *progression_key(ProgSuggestion s); // "early", "step_up", ...

int64_t progression_xp(const History *h);
// Level 1 from 0 XP; level L needs PROG_XP_LEVEL * L * (L - 1) XP.
int progression_level(int64_t xp);
int64_t progression_level_xp(int level); // XP where a level starts

typedef struct Badge {
    const char *id;
    const char *title;
} Badge;

#define BADGES_MAX 16

// The badges earned; returns how many were written to out.
int progression_badges(const History *h, const WeeklyStreak *ws, Badge *out,
                       int max);

#endif
