/*
 * Plans: a routine turned into the steps the session coaches (targets,
 * cadence, rest), the default options, and how long a plan takes.
 */
#include <string.h>

#include "core/session_internal.h"
#include "core/strutil.h"

void session_options_default(SessionOptions *opt)
{
    memset(opt, 0, sizeof(*opt));
    opt->auto_advance = false;
    opt->paced = true;
    opt->include_optional = true;
    opt->tempo_pct = 100;
    opt->intro_ms = 8000;
    opt->countdown_s = 3;
    opt->switch_ms = 2000;
}

bool session_plan_from_routine(SessionPlan *plan, const Library *lib,
                               const Routine *rt)
{
    memset(plan, 0, sizeof(*plan));
    str_copy(plan->routine_id, sizeof(plan->routine_id), rt->id);
    str_copy(plan->title, sizeof(plan->title), rt->title);
    str_copy(plan->after, sizeof(plan->after), rt->after);
    str_copy(plan->finish, sizeof(plan->finish), rt->finish);
    for (int i = 0; i < rt->nsteps; i++) {
        const RoutineStep *rs = &rt->steps[i];
        const Exercise *ex = library_exercise(lib, rs->exercise_id);
        if (!ex)
            return false;
        SessionStep *st = &plan->steps[plan->nsteps++];
        str_copy(st->exercise_id, sizeof(st->exercise_id), ex->id);
        routine_step_title(rs, ex, st->title, sizeof(st->title));
        routine_dose_text(rs, ex, st->dose, sizeof(st->dose));
        str_copy(st->unit, sizeof(st->unit), ex->unit);
        str_copy(st->switch_cue, sizeof(st->switch_cue), ex->switch_cue);
        st->sets = rs->sets > 0 ? rs->sets : 1;
        st->reps_min = rs->reps_min;
        st->reps_max = rs->reps_max;
        st->reps_target = rs->reps_min;
        st->per_side = rs->per_side > 0;
        st->block = rs->block;
        st->optional = rs->optional;
        st->rest_s = rs->rest_s > 0 ? rs->rest_s : 0;
        st->cadence_ms = ex->cadence_ms > 0 ? ex->cadence_ms : 2000;
    }
    return plan->nsteps > 0;
}

int session_cadence_of(const SessionStep *st, int tempo_pct)
{
    int c = (int)((int64_t)st->cadence_ms * 100 / tempo_pct);
    return c < SESSION_CADENCE_MIN_MS ? SESSION_CADENCE_MIN_MS : c;
}

int64_t session_plan_estimate_ms(const SessionPlan *plan,
                                 const SessionOptions *opt)
{
    int64_t t = 0;
    int last = -1;
    for (int i = 0; i < plan->nsteps; i++)
        if (!plan->steps[i].optional || opt->include_optional)
            last = i;
    for (int i = 0; i <= last; i++) {
        const SessionStep *st = &plan->steps[i];
        if (st->optional && !opt->include_optional)
            continue;
        int sides = st->per_side ? 2 : 1;
        int64_t set = sides * ((int64_t)opt->countdown_s * 1000 +
                               (int64_t)st->reps_target *
                                   session_cadence_of(st, opt->tempo_pct));
        if (st->per_side)
            set += opt->switch_ms;
        t += opt->intro_ms + st->sets * set;
        t += (int64_t)st->rest_s * 1000 * (st->sets - 1);
        if (i < last)
            t += (int64_t)st->rest_s * 1000;
    }
    return t;
}

int session_plan_exercises(const SessionPlan *plan)
{
    // A block of the same exercise (both legs, then single leg) is one.
    int n = 0;
    for (int i = 0; i < plan->nsteps; i++)
        if (i == 0 || strcmp(plan->steps[i].exercise_id,
                             plan->steps[i - 1].exercise_id) != 0)
            n++;
    return n;
}

int session_plan_exercise_at(const SessionPlan *plan, int step, int *part,
                             int *parts)
{
    // Steps of one block share its number; the part says which of them.
    int n = 0, first = 0;
    for (int i = 0; i <= step && i < plan->nsteps; i++)
        if (i == 0 || strcmp(plan->steps[i].exercise_id,
                             plan->steps[i - 1].exercise_id) != 0) {
            n++;
            first = i;
        }
    int last = first;
    while (last + 1 < plan->nsteps &&
           strcmp(plan->steps[last + 1].exercise_id,
                  plan->steps[first].exercise_id) == 0)
        last++;
    if (part)
        *part = step - first + 1;
    if (parts)
        *parts = last - first + 1;
    return n;
}
