/*
 * Session -> store bridge.
 */
#include "app/recorder.h"

#include <stdio.h>
#include <string.h>

#include "core/strutil.h"

static void failed(Recorder *r)
{
    r->failures++;
    snprintf(r->error, sizeof(r->error), "%s", store_error(r->store));
}

void recorder_begin(Recorder *r, Store *st, const StoreStart *start)
{
    memset(r, 0, sizeof(*r));
    r->store = st;
    if (!st) {
        snprintf(r->error, sizeof(r->error), "no history file");
        return;
    }
    if (store_session_begin(st, start, &r->session_id, &r->clock_suspect))
        r->started = true;
    else
        failed(r);
}

static void write_results(Recorder *r, const Session *s)
{
    if (!r->started)
        return;
    while (r->nsaved < s->nresults) {
        const SessionSetResult *res = &s->results[r->nsaved];
        const SessionStep *st = &s->plan.steps[res->step];
        HistorySet set = {0};
        str_copy(set.exercise, sizeof(set.exercise), st->exercise_id);
        set.block = st->block;
        set.step = res->step;
        set.set_no = res->set;
        set.side = res->side == SIDE_LEFT    ? HSIDE_LEFT
                   : res->side == SIDE_RIGHT ? HSIDE_RIGHT
                                             : HSIDE_NONE;
        set.target = res->target;
        set.done = res->done;
        set.load_kg = res->load_kg;
        set.skipped = res->skipped;
        if (!store_set_append(r->store, r->session_id, &set)) {
            failed(r);
            return; // tried again with the next finished set
        }
        r->nsaved++;
    }
}

void recorder_update(Recorder *r, const Session *s, const SessionEvent *ev,
                     int n)
{
    if (!r->started || r->finished)
        return;
    for (int i = 0; i < n; i++) {
        if (ev[i].kind != SESSION_EV_BACK)
            continue;
        int to = ev[i].value;
        if (!store_sets_discard(r->store, r->session_id, to))
            failed(r);
        int keep = 0;
        while (keep < s->nresults && s->results[keep].step < to)
            keep++;
        if (keep < r->nsaved)
            r->nsaved = keep;
    }
    write_results(r, s);
}

void recorder_finish(Recorder *r, const Session *s)
{
    if (!r->started || r->finished)
        return;
    write_results(r, s);
    SessionSummary sum;
    session_summary(s, &sum);
    if (store_session_end(r->store, r->session_id,
                          (int)((sum.active_ms + 500) / 1000), sum.completed))
        r->finished = true;
    else
        failed(r);
}
