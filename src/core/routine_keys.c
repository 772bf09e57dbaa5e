/*
 * The keys of each section of the data files, as tables of {key, parser,
 * field}: a new key is one line in its section's table (and, when its value
 * needs its own rule, one small parser). A key's place in its table is its
 * number: for "duplicate key" and, for exercises, ExerciseKey (the keys a
 * user's section sets). Every problem names file:line (PERR).
 */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/routine_parse_internal.h"
#include "core/strutil.h"

typedef struct KeyRule KeyRule;

// Reads value into the field of obj (an Exercise, Routine, RoutineStep,
// Plan or PlanDay) that the rule names.
typedef void (*KeyParser)(ParseCtx *c, void *obj, const KeyRule *r,
                          const char *value);

struct KeyRule {
    const char *key;
    KeyParser parse;
    size_t field; // offsetof the field in obj
    size_t size;  // its size (text fields)
};

#define FIELD(T, f) offsetof(T, f), sizeof(((T *)0)->f)
#define AT(obj, r, type) ((type *)((char *)(obj) + (r)->field))
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

// Record key number k as set on this line; false (and an error) if it was
// set before in the same section.
static bool key_once(ParseCtx *c, int k, const char *name)
{
    if (c->key_line[k]) {
        PERR(c, "duplicate key '%s' (first set at line %d)", name,
             c->key_line[k]);
        return false;
    }
    c->key_line[k] = c->line;
    return true;
}

static void set_text(ParseCtx *c, char *dst, size_t size, const char *name,
                     const char *value)
{
    // Limits count characters, not bytes (a Chinese character takes three).
    size_t max_chars = size == RT_NAME_MAX ? RT_NAME_CHARS : size - 1;
    if (str_utf8_len(value) > max_chars || !str_copy(dst, size, value))
        PERR(c, "'%s' is too long (at most %zu characters)", name, max_chars);
}

static void set_bool(ParseCtx *c, bool *dst, const char *name,
                     const char *value)
{
    if (!str_parse_bool(value, dst))
        PERR(c, "'%s' must be yes or no, not '%s'", name, value);
}

// Digits with an optional sign: a number, however large (strtol's limits
// are not the user's mistake, the range is).
static bool is_whole_number(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '-' || *s == '+')
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    while (isdigit((unsigned char)*s))
        s++;
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

static bool get_int(ParseCtx *c, const char *name, const char *value, long min,
                    long max, long *out)
{
    if (str_parse_int(value, min, max, out))
        return true;
    if (is_whole_number(value))
        PERR(c, "'%s' = %s is out of range (%ld to %ld)", name, value, min,
             max);
    else
        PERR(c, "'%s' must be a whole number, not '%s'", name, value);
    return false;
}

// A positive whole number above the rep limit, however many digits.
static bool above_rep_limit(const char *s)
{
    long v;
    return is_whole_number(s) && s[strspn(s, " \t")] != '-' &&
           !str_parse_int(s, 0, RT_REPS_MAX, &v);
}

// "10" or "30-50"
static void set_reps(ParseCtx *c, RoutineStep *st, const char *value)
{
    char buf[64];
    if (!str_copy(buf, sizeof(buf), value)) {
        PERR(c, "bad reps '%s'", value);
        return;
    }
    char *dash = strchr(buf + (buf[0] == '-'), '-');
    if (dash)
        *dash = '\0';
    // A number past any sensible dose is a slip of the keyboard: name the
    // limit, not "no number".
    if (above_rep_limit(buf) || (dash && above_rep_limit(dash + 1))) {
        PERR(c, "reps %s is more than the limit (%d)", value, RT_REPS_MAX);
        return;
    }
    long lo, hi;
    if (dash) {
        if (!str_parse_int(buf, -100000, 100000, &lo) ||
            !str_parse_int(dash + 1, -100000, 100000, &hi)) {
            PERR(c, "reps must be a number or a range like 30-50, not '%s'",
                 value);
            return;
        }
        if (lo < 1 || hi < 1) {
            PERR(c, "reps must be at least 1, not '%s'", value);
            return;
        }
        if (lo > hi) {
            PERR(c, "rep range %ld-%ld runs backwards: write %ld-%ld", lo, hi,
                 hi, lo);
            return;
        }
    } else {
        if (!str_parse_int(buf, -100000, 100000, &lo)) {
            PERR(c, "reps must be a number or a range like 30-50, not '%s'",
                 value);
            return;
        }
        if (lo < 1) {
            PERR(c, "reps must be at least 1, not %ld", lo);
            return;
        }
        hi = lo;
    }
    st->reps_min = (int)lo;
    st->reps_max = (int)hi;
}

static void set_seconds(ParseCtx *c, double *dst, const char *name,
                        const char *value)
{
    double v;
    if (!str_parse_clock(value, &v) || v > 24 * 3600.0)
        PERR(c, "'%s' must be seconds or m:ss, not '%s'", name, value);
    else
        *dst = v;
}

// The known key a misspelt one most likely meant, or -1.
static int near_key(const char *name, const KeyRule *rules, int n)
{
    if (strlen(name) < 3)
        return -1;
    int best = -1, bestd = 3;
    for (int i = 0; i < n; i++) {
        int dist = str_slips(name, rules[i].key);
        if (dist < bestd) {
            best = i;
            bestd = dist;
        }
    }
    return best;
}

// Plain fields.

static void key_text(ParseCtx *c, void *obj, const KeyRule *r,
                     const char *value)
{
    set_text(c, AT(obj, r, char), r->size, r->key, value);
}

static void key_bool(ParseCtx *c, void *obj, const KeyRule *r,
                     const char *value)
{
    set_bool(c, AT(obj, r, bool), r->key, value);
}

static void key_seconds(ParseCtx *c, void *obj, const KeyRule *r,
                        const char *value)
{
    set_seconds(c, AT(obj, r, double), r->key, value);
}

static void key_rest(ParseCtx *c, void *obj, const KeyRule *r,
                     const char *value)
{
    long v;
    if (get_int(c, r->key, value, 0, RT_REST_MAX, &v))
        *AT(obj, r, int) = (int)v;
}

// A routine id, or "" for none.
static void key_routine_ref(ParseCtx *c, void *obj, const KeyRule *r,
                            const char *value)
{
    if (*value && !str_is_id(value))
        PERR(c, "bad routine id '%s'", value);
    else
        str_copy(AT(obj, r, char), r->size, value);
}

static int rule_find(const KeyRule *rules, int n, const char *name)
{
    int k = -1;
    for (int i = 0; i < n; i++)
        if (strcmp(name, rules[i].key) == 0)
            k = i;
    return k;
}

// [exercise id]

static void key_cadence(ParseCtx *c, void *obj, const KeyRule *r,
                        const char *value)
{
    double d;
    if (!str_parse_double(value, &d) || d < RT_CADENCE_MIN_S ||
        d > RT_CADENCE_MAX_S)
        PERR(c,
             "cadence must be seconds per rep between 0.3 and 30, "
             "not '%s'",
             value);
    else
        *AT(obj, r, int) = (int)(d * 1000 + 0.5);
}

static void key_clip(ParseCtx *c, void *obj, const KeyRule *r,
                     const char *value)
{
    if (strchr(value, '/') || strcmp(value, "..") == 0)
        PERR(c,
             "clip must be a file name in a videos folder, not a path: "
             "'%s'",
             value);
    else
        key_text(c, obj, r, value);
}

static void key_pose(ParseCtx *c, void *obj, const KeyRule *r,
                     const char *value)
{
    if (!str_is_id(value))
        PERR(c, "bad pose id '%s'", value);
    else
        str_copy(AT(obj, r, char), r->size, value);
}

// In ExerciseKey order ("point" repeats, so it is read on its own).
static const KeyRule exercise_rules[] = {
    {"name", key_text, FIELD(Exercise, name)},
    {"equipment", key_text, FIELD(Exercise, equipment)},
    {"load", key_text, FIELD(Exercise, load)},
    {"unit", key_text, FIELD(Exercise, unit)},
    {"switch", key_text, FIELD(Exercise, switch_cue)},
    {"per_side", key_bool, FIELD(Exercise, per_side)},
    {"cadence", key_cadence, FIELD(Exercise, cadence_ms)},
    {"clip", key_clip, FIELD(Exercise, clip)},
    {"clip_start", key_seconds, FIELD(Exercise, clip_start)},
    {"clip_end", key_seconds, FIELD(Exercise, clip_end)},
    {"coach_video", key_seconds, FIELD(Exercise, coach_video_s)},
    {"pose", key_pose, FIELD(Exercise, pose)},
    {"daily", key_bool, FIELD(Exercise, daily)},
    {"clip_audio", key_bool, FIELD(Exercise, clip_audio)},
};
_Static_assert(COUNT(exercise_rules) == EX_KEY_POINT,
               "one rule per ExerciseKey before point");

const char *exercise_key_name(ExerciseKey k)
{
    if (k == EX_KEY_POINT)
        return "point";
    return k >= 0 && k < EX_KEY_POINT ? exercise_rules[k].key : "";
}

void parse_exercise_key(ParseCtx *c, const char *name, const char *value)
{
    Exercise *ex = c->ex;
    if (strcmp(name, "point") == 0) {
        ex->keys |= 1u << EX_KEY_POINT;
        if (ex->npoints == RT_POINTS_MAX)
            PERR(c, "too many coaching points (at most %d)", RT_POINTS_MAX);
        else
            set_text(c, ex->points[ex->npoints++], RT_TEXT_MAX, name, value);
        return;
    }
    int k = rule_find(exercise_rules, COUNT(exercise_rules), name);
    if (k < 0) {
        PERR(c, "unknown key '%s' in exercise [%s]", name, ex->id);
        return;
    }
    if (!key_once(c, k, name))
        return;
    // Which keys the section sets: a user's section changes only these in
    // the built-in exercise of the same id.
    ex->keys |= 1u << k;
    exercise_rules[k].parse(c, ex, &exercise_rules[k], value);
}

// [routine]

static void key_routine_id(ParseCtx *c, void *obj, const KeyRule *r,
                           const char *value)
{
    if (!str_is_id(value))
        PERR(c,
             "bad routine id '%s': use lower-case letters, digits and "
             "'-'",
             value);
    else
        str_copy(AT(obj, r, char), r->size, value);
}

static void key_title(ParseCtx *c, void *obj, const KeyRule *r,
                      const char *value)
{
    ((Routine *)obj)->title_line = c->line;
    key_text(c, obj, r, value);
}

static const KeyRule routine_rules[] = {
    {"id", key_routine_id, FIELD(Routine, id)},
    {"title", key_title, FIELD(Routine, title)},
    {"blurb", key_text, FIELD(Routine, blurb)},
    {"coach", key_text, FIELD(Routine, coach)},
    {"frequency", key_text, FIELD(Routine, frequency)},
    {"after", key_text, FIELD(Routine, after)},
    {"counts_for_streak", key_bool, FIELD(Routine, counts_for_streak)},
    {"rest", key_rest, FIELD(Routine, default_rest_s)},
    {"finish", key_text, FIELD(Routine, finish)},
};

void parse_routine_key(ParseCtx *c, const char *name, const char *value)
{
    Routine *rt = c->rt;
    if (strcmp(name, "note") == 0) {
        if (rt->nnotes == RT_NOTES_MAX)
            PERR(c, "too many notes (at most %d)", RT_NOTES_MAX);
        else
            set_text(c, rt->notes[rt->nnotes++], RT_TEXT_MAX, name, value);
        return;
    }
    int k = rule_find(routine_rules, COUNT(routine_rules), name);
    if (k < 0) {
        int near = near_key(name, routine_rules, COUNT(routine_rules));
        if (near < 0) {
            PERR(c, "unknown key '%s' in [routine]", name);
            return;
        }
        PERR(c, "unknown key '%s' in [routine] (did you mean '%s'?)", name,
             routine_rules[near].key);
        if (routine_rules[near].parse == key_title && !rt->title_line)
            rt->title_line = c->line; // the title is not missing, misspelt
        return;
    }
    if (key_once(c, k, name))
        routine_rules[k].parse(c, rt, &routine_rules[k], value);
}

// [step]

// "rear lunges", "Rear_Lunges": the id the runner meant, when one exists.
static void bad_exercise_id(ParseCtx *c, const char *value)
{
    char id[RT_ID_MAX];
    size_t n = 0;
    for (const char *p = value; *p && n + 1 < sizeof(id); p++)
        id[n++] =
            *p == ' ' || *p == '_' ? '-' : (char)tolower((unsigned char)*p);
    id[n] = '\0';
    for (int i = 0; i < c->lib->nexercises; i++)
        if (strcmp(c->lib->exercises[i].id, id) == 0) {
            PERR(c, "bad exercise id '%s': did you mean '%s'?", value, id);
            return;
        }
    PERR(c, "bad exercise id '%s': ids use lower-case letters, digits and '-'",
         value);
}

static void key_step_exercise(ParseCtx *c, void *obj, const KeyRule *r,
                              const char *value)
{
    RoutineStep *st = obj;
    if (!str_is_id(value))
        bad_exercise_id(c, value);
    else
        str_copy(AT(obj, r, char), r->size, value);
    st->exercise_line = c->line;
}

static void key_sets(ParseCtx *c, void *obj, const KeyRule *r,
                     const char *value)
{
    long v;
    if (get_int(c, r->key, value, 1, RT_SETS_MAX, &v))
        *AT(obj, r, int) = (int)v;
}

static void key_reps(ParseCtx *c, void *obj, const KeyRule *r,
                     const char *value)
{
    RoutineStep *st = obj;
    st->reps_line = c->line;
    set_reps(c, st, value);
}

// yes or no into an int that is -1 until set ("as the exercise says").
static void key_per_side(ParseCtx *c, void *obj, const KeyRule *r,
                         const char *value)
{
    bool b;
    if (str_parse_bool(value, &b))
        *AT(obj, r, int) = b;
    else
        PERR(c, "'per_side' must be yes or no, not '%s'", value);
}

static void key_block(ParseCtx *c, void *obj, const KeyRule *r,
                      const char *value)
{
    StepBlock *b = AT(obj, r, StepBlock);
    if (strcmp(value, "both") == 0)
        *b = STEP_BLOCK_BOTH;
    else if (strcmp(value, "single-leg") == 0)
        *b = STEP_BLOCK_SINGLE;
    else
        PERR(c, "block must be 'both' or 'single-leg', not '%s'", value);
}

static const KeyRule step_rules[] = {
    {"exercise", key_step_exercise, FIELD(RoutineStep, exercise_id)},
    {"variant", key_text, FIELD(RoutineStep, variant)},
    {"sets", key_sets, FIELD(RoutineStep, sets)},
    {"reps", key_reps, 0, 0},
    {"per_side", key_per_side, FIELD(RoutineStep, per_side)},
    {"block", key_block, FIELD(RoutineStep, block)},
    {"optional", key_bool, FIELD(RoutineStep, optional)},
    {"rest", key_rest, FIELD(RoutineStep, rest_s)},
    {"note", key_text, FIELD(RoutineStep, note)},
};

void parse_step_key(ParseCtx *c, const char *name, const char *value)
{
    RoutineStep *st = c->st;
    int k = rule_find(step_rules, COUNT(step_rules), name);
    if (k < 0) {
        int near = near_key(name, step_rules, COUNT(step_rules));
        if (near < 0) {
            PERR(c, "unknown key '%s' in [step]", name);
            return;
        }
        PERR(c, "unknown key '%s' in [step] (did you mean '%s'?)", name,
             step_rules[near].key);
        // Not missing but misspelt: the check must not say so again.
        if (step_rules[near].parse == key_step_exercise && !st->exercise_line)
            st->exercise_line = c->line;
        if (step_rules[near].parse == key_reps && !st->reps_line)
            st->reps_line = c->line;
        return;
    }
    if (key_once(c, k, name))
        step_rules[k].parse(c, st, &step_rules[k], value);
}

// plan.ini: [plan] and the weekdays

static void key_weekly_target(ParseCtx *c, void *obj, const KeyRule *r,
                              const char *value)
{
    long v;
    if (get_int(c, r->key, value, 1, 7, &v))
        *AT(obj, r, int) = (int)v;
}

static void key_streak_routines(ParseCtx *c, void *obj, const KeyRule *r,
                                const char *value)
{
    Plan *pl = obj;
    (void)r;
    pl->nstreak = 0;
    char buf[RT_TEXT_MAX];
    str_copy(buf, sizeof(buf), value);
    for (char *save = NULL, *tok = strtok_r(buf, ", ", &save); tok;
         tok = strtok_r(NULL, ", ", &save)) {
        if (!str_is_id(tok)) {
            PERR(c, "bad routine id '%s'", tok);
        } else if (pl->nstreak == RT_STREAK_ROUTINES_MAX) {
            PERR(c, "at most 4 streak routines");
            break;
        } else {
            str_copy(pl->streak_routines[pl->nstreak++], RT_ID_MAX, tok);
        }
    }
}

static void key_day_routine(ParseCtx *c, void *obj, const KeyRule *r,
                            const char *value)
{
    key_routine_ref(c, obj, r, value);
    ((PlanDay *)obj)->line = c->line;
}

static const KeyRule plan_rules[] = {
    {"weekly_target", key_weekly_target, FIELD(Plan, weekly_target)},
    {"daily", key_routine_ref, FIELD(Plan, daily)},
    {"streak_routines", key_streak_routines, 0, 0},
};

static const KeyRule day_rules[] = {
    {"run", key_text, FIELD(PlanDay, run)},
    {"routine", key_day_routine, FIELD(PlanDay, routine)},
};

void parse_plan_key(ParseCtx *c, const char *name, const char *value)
{
    Plan *pl = &c->lib->plan;
    if (c->sec == SEC_PLAN) {
        int k = rule_find(plan_rules, COUNT(plan_rules), name);
        if (k < 0)
            PERR(c, "unknown key '%s' in [plan]", name);
        else if (key_once(c, k, name))
            plan_rules[k].parse(c, pl, &plan_rules[k], value);
        return;
    }
    int k = rule_find(day_rules, COUNT(day_rules), name);
    if (k < 0)
        PERR(c, "unknown key '%s' in [%s]", name, parse_weekdays[c->day]);
    else if (key_once(c, k, name))
        day_rules[k].parse(c, &pl->days[c->day], &day_rules[k], value);
}
