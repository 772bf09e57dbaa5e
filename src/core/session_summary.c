/*
 * The result of a session: reps, sets done and skipped, time coached, and
 * whether it counts as completed.
 */
#include <string.h>

#include "core/session_internal.h"

void session_summary(const Session *s, SessionSummary *sum)
{
    memset(sum, 0, sizeof(*sum));
    for (int i = 0; i < s->nresults; i++) {
        const SessionSetResult *r = &s->results[i];
        sum->reps_total += r->done;
        if (r->skipped)
            sum->sets_skipped++;
        else
            sum->sets_done++;
    }
    for (int i = 0; i < s->plan.nsteps; i++) {
        if (!s->step_skipped[i])
            continue;
        if (s->plan.steps[i].optional)
            sum->optional_skipped++;
        else
            sum->steps_skipped++;
    }
    sum->active_ms = s->active_ms;
    sum->completed = s->phase == SESSION_DONE && sum->steps_skipped == 0;
}
