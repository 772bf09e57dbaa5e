/*
 * Progression rules, XP and badges.
 */
#include "core/progression.h"

#include <math.h>
#include <string.h>

#include "core/strutil.h"

static bool same_step(const HistorySet *s, const RoutineStep *st)
{
    return strcmp(s->exercise, st->exercise_id) == 0 && s->block == st->block;
}

void progression_for_step(const History *h, const char *routine,
                          const RoutineStep *st, int64_t today,
                          ProgressionItem *out)
{
    memset(out, 0, sizeof(*out));
    str_copy(out->exercise, sizeof(out->exercise), st->exercise_id);
    out->block = st->block;
    out->reps_min = st->reps_min;
    out->reps_max = st->reps_max;
    int target = st->reps_min;
    bool range = st->reps_max > st->reps_min;
    bool last_met = false, stepped = false;
    int64_t first_day = INT64_MAX;
    for (int i = 0; i < h->nsessions; i++)
        if (!h->sessions[i].clock_suspect &&
            h->sessions[i].training_day < first_day)
            first_day = h->sessions[i].training_day;

    for (int i = 0; i < h->nsessions; i++) {
        const HistorySession *s = &h->sessions[i];
        if (routine && strcmp(s->routine, routine) != 0)
            continue;
        int sets = 0, reps = 0, last_target = 0;
        bool met = true;
        for (int k = 0; k < s->nsets; k++) {
            const HistorySet *hs = &h->sets[s->first_set + k];
            if (!same_step(hs, st))
                continue;
            sets++;
            if (hs->skipped || hs->done < hs->target)
                met = false;
            if (!hs->skipped)
                reps += hs->done;
            if (hs->target > last_target)
                last_target = hs->target;
            if (hs->load_kg > 0 || !hs->skipped)
                out->last_load_kg = hs->load_kg;
        }
        if (sets == 0)
            continue;
        out->sessions++;
        if (out->nseries == PROG_SERIES_MAX) {
            memmove(out->series, out->series + 1,
                    (PROG_SERIES_MAX - 1) * sizeof(int));
            out->nseries--;
        }
        out->series[out->nseries++] = reps;
        last_met = met;
        stepped = false;
        if (met) {
            out->completed_in_a_row++;
            int next = last_target + (range ? PROG_STEP : 0);
            stepped = next > last_target;
            target = next;
        } else {
            out->completed_in_a_row = 0;
            target = last_target; // an incomplete set holds the target
        }
    }
    if (target < st->reps_min)
        target = st->reps_min;
    if (target > st->reps_max) {
        target = st->reps_max;
        stepped = false;
    }
    bool early = first_day == INT64_MAX || today - first_day < PROG_EARLY_DAYS;
    if (early) {
        out->target = st->reps_min;
        out->suggestion = PROG_EARLY;
        return;
    }
    out->target = target;
    if (range && last_met && target == st->reps_max && !stepped)
        out->suggestion = PROG_TOP_OF_RANGE;
    else if (range && stepped)
        out->suggestion = PROG_STEP_UP;
    else if (!range && out->completed_in_a_row >= PROG_LOAD_AFTER)
        out->suggestion = PROG_ADD_LOAD;
    else
        out->suggestion = PROG_NONE;
}

const char *progression_text(ProgSuggestion s)
{
    switch (s) {
    case PROG_NONE: return "";
    case PROG_EARLY:
        return "First two weeks: targets stay low while the soreness passes";
    case PROG_STEP_UP: return "Target up: you hit every rep last time";
    case PROG_TOP_OF_RANGE:
        return "Top of the range: add weight or another round";
    case PROG_ADD_LOAD: return "Solid for a while: try a little more weight";
    }
    return "";
}

const char *progression_key(ProgSuggestion s)
{
    switch (s) {
    case PROG_NONE: return "none";
    case PROG_EARLY: return "early";
    case PROG_STEP_UP: return "step_up";
    case PROG_TOP_OF_RANGE: return "top_of_range";
    case PROG_ADD_LOAD: return "add_load";
    }
    return "none";
}

int64_t progression_xp(const History *h)
{
    int64_t xp = history_total_reps(h, NULL);
    for (int i = 0; i < h->nsessions; i++)
        xp += h->sessions[i].completed ? PROG_XP_COMPLETED : PROG_XP_STARTED;
    return xp;
}

int64_t progression_level_xp(int level)
{
    return (int64_t)PROG_XP_LEVEL * level * (level - 1);
}

int progression_level(int64_t xp)
{
    if (xp <= 0)
        return 1;
    int level =
        (int)((1 + sqrt(1 + 8.0 * (double)xp / (2.0 * PROG_XP_LEVEL))) / 2);
    // Guard the float estimate at the boundaries.
    while (progression_level_xp(level + 1) <= xp)
        level++;
    while (level > 1 && progression_level_xp(level) > xp)
        level--;
    return level;
}

// Badges: milestones, each named in its title. "10 Ultra Legs sessions" is
// about that routine by name (the coach's flagship), not about which
// routines count for the streak (that is plan.ini's streak_routines).
#define BADGE_STREAK_WEEKS_A 4
#define BADGE_STREAK_WEEKS_B 12
#define BADGE_STREAK_WEEKS_C 52
#define BADGE_ULTRA_ROUTINE "ultra-legs"
#define BADGE_ULTRA_SESSIONS 10
#define BADGE_NORDIC_REPS 100
#define BADGE_STEP_UP_REPS 1000
#define BADGE_LOAD_KG 1300.0 // a Honda Civic

int progression_badges(const History *h, const WeeklyStreak *ws, Badge *out,
                       int max)
{
    int n = 0;
#define AWARD(cond, id_, title_)                                               \
    do {                                                                       \
        if ((cond) && n < max) {                                               \
            out[n].id = id_;                                                   \
            out[n].title = title_;                                             \
            n++;                                                               \
        }                                                                      \
    } while (0)
    int completed = history_completed_sessions(h, NULL);
    AWARD(completed >= 1, "first-session", "First session");
    AWARD(ws->ever_met, "first-full-week", "First full week");
    AWARD(ws->longest >= BADGE_STREAK_WEEKS_A, "streak-4", "4-week streak");
    AWARD(ws->longest >= BADGE_STREAK_WEEKS_B, "streak-12", "12-week streak");
    AWARD(ws->longest >= BADGE_STREAK_WEEKS_C, "streak-52", "A year of weeks");
    AWARD(history_completed_sessions(h, BADGE_ULTRA_ROUTINE) >=
              BADGE_ULTRA_SESSIONS,
          "ultra-10", "10 Ultra Legs sessions");
    AWARD(history_total_reps(h, "nordic-curls") >= BADGE_NORDIC_REPS,
          "nordic-100", "100 Nordic curls");
    AWARD(history_total_reps(h, "step-ups") >= BADGE_STEP_UP_REPS,
          "step-ups-1000", "1,000 step-ups");
    AWARD(history_total_load(h) >= BADGE_LOAD_KG, "honda-civic",
          "Lifted a Honda Civic (1,300 kg)");
#undef AWARD
    return n;
}
