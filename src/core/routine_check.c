/*
 * Checking and resolving a parsed Library: required fields, links between
 * files (steps -> exercises, plan -> routines), and which definition of each
 * id is active. A user's valid definition overrides the built-in one; an
 * invalid one is skipped with a notice and the built-in one stays.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/routine.h"
#include "core/strutil.h"

static void check_exercise(Library *lib, Exercise *ex)
{
    DiagList *dl = &lib->diags;
    if (!ex->name[0]) {
        diag_add(dl, DIAG_ERROR, ex->file, ex->line, ex->id,
                 "exercise [%s] has no name", ex->id);
        ex->valid = false;
    }
    if (ex->clip_end >= 0 && ex->clip_start >= 0 &&
        ex->clip_end <= ex->clip_start) {
        diag_add(dl, DIAG_ERROR, ex->file, ex->line, ex->id,
                 "exercise [%s]: clip_end (%.2f) must be after clip_start "
                 "(%.2f)",
                 ex->id, ex->clip_end, ex->clip_start);
        ex->valid = false;
    }
    if ((ex->clip_start >= 0 || ex->clip_end >= 0) && !ex->clip[0]) {
        diag_add(dl, DIAG_ERROR, ex->file, ex->line, ex->id,
                 "exercise [%s]: clip_start/clip_end without a clip", ex->id);
        ex->valid = false;
    }
    if (!ex->clip[0])
        snprintf(ex->clip, sizeof(ex->clip), "%s.mp4", ex->id);
    if (!ex->pose[0])
        str_copy(ex->pose, sizeof(ex->pose), ex->id);
}

// A user's section over the built-in exercise of the same id: the keys it
// sets replace the built-in values, everything else stays as built in (a
// point given replaces all the built-in points).
static void merge_exercise(Exercise *ex, const Exercise *base)
{
    Exercise m = *base;
    unsigned k = ex->keys;
#define TAKE(key, field)                                                       \
    if (k & (1u << (key)))                                                     \
    memcpy(&m.field, &ex->field, sizeof(m.field))
    TAKE(EX_KEY_NAME, name);
    TAKE(EX_KEY_EQUIPMENT, equipment);
    TAKE(EX_KEY_LOAD, load);
    TAKE(EX_KEY_UNIT, unit);
    TAKE(EX_KEY_SWITCH, switch_cue);
    TAKE(EX_KEY_PER_SIDE, per_side);
    TAKE(EX_KEY_CADENCE, cadence_ms);
    TAKE(EX_KEY_CLIP, clip);
    TAKE(EX_KEY_CLIP_START, clip_start);
    TAKE(EX_KEY_CLIP_END, clip_end);
    TAKE(EX_KEY_COACH_VIDEO, coach_video_s);
    TAKE(EX_KEY_POSE, pose);
    TAKE(EX_KEY_DAILY, daily);
    TAKE(EX_KEY_CLIP_AUDIO, clip_audio);
    TAKE(EX_KEY_POINT, points);
    TAKE(EX_KEY_POINT, npoints);
#undef TAKE
    memcpy(m.file, ex->file, sizeof(m.file));
    m.line = ex->line;
    m.user = true;
    m.valid = ex->valid;
    m.keys = ex->keys;
    *ex = m;
}

static void merge_exercises(Library *lib)
{
    for (int i = 0; i < lib->nexercises; i++) {
        Exercise *ex = &lib->exercises[i];
        if (!ex->user)
            continue;
        for (int j = 0; j < lib->nexercises; j++) {
            const Exercise *base = &lib->exercises[j];
            if (!base->user && strcmp(base->id, ex->id) == 0) {
                merge_exercise(ex, base);
                break;
            }
        }
    }
}

// "clip, clip_start, clip_end": the keys a section sets.
static void key_list(unsigned keys, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int k = 0; k < EX_KEY_COUNT; k++)
        if (keys & (1u << k) && n < size)
            n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : "",
                                  exercise_key_name((ExerciseKey)k));
    if (!buf[0])
        snprintf(buf, size, "nothing");
}

// Pick the active definition of every exercise id: the user's valid one,
// else the built-in one.
static void activate_exercises(Library *lib)
{
    for (int i = 0; i < lib->nexercises; i++) {
        Exercise *ex = &lib->exercises[i];
        ex->active = false;
        if (!ex->valid)
            continue;
        if (!ex->user) {
            bool overridden = false;
            for (int j = 0; j < lib->nexercises; j++) {
                const Exercise *o = &lib->exercises[j];
                if (o->user && o->valid && strcmp(o->id, ex->id) == 0)
                    overridden = true;
            }
            ex->active = !overridden;
        } else {
            ex->active = true;
        }
    }
    for (int i = 0; i < lib->nexercises; i++) {
        Exercise *ex = &lib->exercises[i];
        if (ex->user && !ex->valid && library_exercise(lib, ex->id))
            diag_add(&lib->diags, DIAG_NOTICE, ex->file, ex->line, ex->id,
                     "your exercise [%s] has errors: using the built-in one",
                     ex->id);
        else if (ex->user && ex->valid) {
            for (int j = 0; j < lib->nexercises; j++) {
                if (!lib->exercises[j].user &&
                    strcmp(lib->exercises[j].id, ex->id) == 0) {
                    char keys[200];
                    key_list(ex->keys, keys, sizeof(keys));
                    diag_add(&lib->diags, DIAG_NOTICE, ex->file, ex->line,
                             ex->id, "exercise [%s]: your file changes %s",
                             ex->id, keys);
                    break;
                }
            }
        }
    }
}

// Every check below reports a cause of its own: what the parser already
// reported (a misspelt key, a rejected section or value) is not said again
// in other words.
// The active exercise whose id differs from id only by a plural "s" or a
// missing/extra "-" piece at the end ("rear-lunge", "step-up"), or NULL.
// The exercise an unknown id most likely means: one or two typing slips
// away ("nordic-curlz", "nordic-curl"), and never a short id's neighbour.
static const char *nearest_exercise(const Library *lib, const char *id)
{
    const char *best = NULL;
    int bestd = strlen(id) >= 6 ? 3 : 2;
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        if (!ex->active)
            continue;
        int d = str_slips(id, ex->id);
        if (d < bestd) {
            best = ex->id;
            bestd = d;
        }
    }
    return best;
}

static void check_routine(Library *lib, Routine *rt)
{
    DiagList *dl = &lib->diags;
    const char *f = rt->file;
    if (!rt->title[0] && rt->header_line && !rt->title_line &&
        !rt->unread_line) {
        diag_add(dl, DIAG_ERROR, f, 0, rt->id, "routine '%s' has no title",
                 rt->id);
        rt->valid = false;
    }
    if (rt->nsteps == 0 && !rt->dropped_line && !rt->unread_line) {
        diag_add(dl, DIAG_ERROR, f, 0, rt->id, "routine '%s' has no [step]",
                 rt->id);
        rt->valid = false;
    }
    bool any_required = false;
    for (int i = 0; i < rt->nsteps; i++) {
        RoutineStep *st = &rt->steps[i];
        if (!st->optional)
            any_required = true;
        if (!st->exercise_id[0]) {
            if (!st->exercise_line && !rt->unread_line)
                diag_add(dl, DIAG_ERROR, f, st->line, rt->id,
                         "step %d has no 'exercise ='", i + 1);
            rt->valid = false;
            continue;
        }
        const Exercise *ex = library_exercise(lib, st->exercise_id);
        if (!ex) {
            bool broken = false;
            for (int j = 0; j < lib->nexercises; j++)
                if (strcmp(lib->exercises[j].id, st->exercise_id) == 0)
                    broken = true;
            const char *near =
                broken ? NULL : nearest_exercise(lib, st->exercise_id);
            if (near)
                diag_add(dl, DIAG_ERROR, f, st->exercise_line, rt->id,
                         "step %d: unknown exercise '%s' (did you mean '%s'?)",
                         i + 1, st->exercise_id, near);
            else
                diag_add(dl, DIAG_ERROR, f, st->exercise_line, rt->id,
                         broken ? "step %d: exercise '%s' has errors"
                                : "step %d: unknown exercise '%s'",
                         i + 1, st->exercise_id);
            rt->valid = false;
        }
        if (st->reps_min == 0 && st->reps_line == 0 && !rt->unread_line) {
            diag_add(dl, DIAG_ERROR, f, st->line, rt->id,
                     "step %d (%s) has no 'reps ='", i + 1, st->exercise_id);
            rt->valid = false;
        }
        if (st->block == STEP_BLOCK_SINGLE && st->per_side == 0) {
            diag_add(dl, DIAG_ERROR, f, st->line, rt->id,
                     "step %d: a single-leg block is always per side", i + 1);
            rt->valid = false;
        }
        if (st->block == STEP_BLOCK_SINGLE)
            st->per_side = 1;
        else if (st->block == STEP_BLOCK_BOTH)
            st->per_side = 0;
        else if (st->per_side < 0)
            st->per_side = ex ? ex->per_side : 0;
        if (st->rest_s < 0)
            st->rest_s = rt->default_rest_s;
    }
    if (rt->nsteps > 0 && !any_required) {
        diag_add(dl, DIAG_ERROR, f, 0, rt->id,
                 "routine '%s': every step is optional", rt->id);
        rt->valid = false;
    }
}

static void activate_routines(Library *lib)
{
    for (int i = 0; i < lib->nroutines; i++) {
        Routine *rt = &lib->routines[i];
        rt->active = false;
        if (!rt->valid)
            continue;
        bool overridden = false;
        for (int j = 0; j < lib->nroutines; j++) {
            const Routine *o = &lib->routines[j];
            if (o != rt && o->valid && strcmp(o->id, rt->id) == 0 &&
                ((o->user && !rt->user) || (o->user == rt->user && j < i)))
                overridden = true;
        }
        rt->active = !overridden;
        if (!overridden && rt->user)
            for (int j = 0; j < lib->nroutines; j++)
                if (!lib->routines[j].user &&
                    strcmp(lib->routines[j].id, rt->id) == 0)
                    diag_add(&lib->diags, DIAG_NOTICE, rt->file, 0, rt->id,
                             "routine '%s' overrides the built-in one", rt->id);
    }
    for (int i = 0; i < lib->nroutines; i++) {
        Routine *rt = &lib->routines[i];
        if (rt->valid)
            continue;
        lib->routines_skipped++;
        bool fallback = rt->id[0] && library_routine(lib, rt->id);
        diag_add(&lib->diags, DIAG_NOTICE, rt->file, 0, rt->id,
                 fallback ? "routine '%s' skipped because of its errors; the "
                            "built-in one stays"
                          : "routine '%s' skipped because of its errors",
                 rt->id[0] ? rt->id : "?");
    }
    // Two valid files claiming one id at the same level is a mistake.
    for (int i = 0; i < lib->nroutines; i++)
        for (int j = i + 1; j < lib->nroutines; j++) {
            const Routine *a = &lib->routines[i], *b = &lib->routines[j];
            if (a->user == b->user && a->valid && b->valid &&
                strcmp(a->id, b->id) == 0)
                diag_add(&lib->diags, DIAG_ERROR, b->file, 0, b->id,
                         "duplicate routine id '%s' (also in %s): this one is "
                         "ignored",
                         b->id, a->file);
        }
}

static void check_plan(Library *lib)
{
    Plan *pl = &lib->plan;
    if (!pl->loaded)
        return;
    for (int d = 0; d < 7; d++) {
        PlanDay *day = &pl->days[d];
        if (day->routine[0] && !library_routine(lib, day->routine)) {
            // A routine skipped for its own errors is not a second error of
            // the plan's.
            if (library_routine_error(lib, day->routine))
                diag_add(&lib->diags, DIAG_NOTICE, pl->file, day->line, "",
                         "routine '%s' has errors, so the plan leaves this "
                         "day free",
                         day->routine);
            else
                diag_add(&lib->diags, DIAG_ERROR, pl->file, day->line, "",
                         "unknown routine '%s' in the plan", day->routine);
            day->routine[0] = '\0';
        }
    }
    if (pl->daily[0] && !library_routine(lib, pl->daily)) {
        diag_add(&lib->diags, DIAG_ERROR, pl->file, 0, "",
                 "unknown daily routine '%s' in the plan", pl->daily);
        pl->daily[0] = '\0';
    }
    for (int i = 0; i < pl->nstreak; i++)
        if (!library_routine(lib, pl->streak_routines[i]))
            diag_add(&lib->diags, DIAG_WARNING, pl->file, 0, "",
                     "streak routine '%s' does not exist",
                     pl->streak_routines[i]);
}

int library_check(Library *lib)
{
    int before = lib->diags.errors;
    merge_exercises(lib);
    for (int i = 0; i < lib->nexercises; i++)
        check_exercise(lib, &lib->exercises[i]);
    activate_exercises(lib);
    for (int i = 0; i < lib->nroutines; i++)
        check_routine(lib, &lib->routines[i]);
    activate_routines(lib);
    check_plan(lib);
    return lib->diags.errors - before;
}

void routine_step_title(const RoutineStep *st, const Exercise *ex, char *buf,
                        size_t size)
{
    const char *name = ex ? ex->name : st->exercise_id;
    const char *variant = st->variant;
    if (!variant[0] && st->block == STEP_BLOCK_BOTH)
        variant = "both legs";
    else if (!variant[0] && st->block == STEP_BLOCK_SINGLE)
        variant = "single leg";
    if (variant[0])
        snprintf(buf, size, "%s, %s", name, variant);
    else
        snprintf(buf, size, "%s", name);
}

void routine_dose_text(const RoutineStep *st, const Exercise *ex, char *buf,
                       size_t size)
{
    const char *unit = ex && ex->unit[0] ? ex->unit : "reps";
    char reps[32];
    if (st->reps_max > st->reps_min)
        snprintf(reps, sizeof(reps), "%d-%d", st->reps_min, st->reps_max);
    else
        snprintf(reps, sizeof(reps), "%d", st->reps_min);
    const char *side = st->per_side > 0 ? " each leg" : "";
    if (st->sets > 1)
        snprintf(buf, size, "%d x %s %s%s", st->sets, reps, unit, side);
    else
        snprintf(buf, size, "%s %s%s", reps, unit, side);
}
