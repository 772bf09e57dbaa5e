/*
 * The runner's commands: OK, pause, skip, back, end the set, correct the
 * reps, tempo and load; and ending a session early. Each first lets time
 * move to `now`, so a command lands after every happening before it.
 */
#include <string.h>

#include "core/session_internal.h"

// Record every part of the current step not done yet; the side in progress
// keeps the reps done so far.
static void close_step(Session *s)
{
    const SessionStep *st = &s->plan.steps[s->step];
    bool all_done = true;
    for (int k = 0; k < st->sets; k++) {
        SessionSide sides[2] = {st->per_side ? SIDE_LEFT : SIDE_NONE,
                                SIDE_RIGHT};
        for (int j = 0; j < (st->per_side ? 2 : 1); j++) {
            if (session_recorded(s, s->step, k, sides[j]))
                continue;
            bool in_progress = s->phase == SESSION_WORK && k == s->set &&
                               sides[j] == s->side && s->reps > 0;
            session_record(s, s->step, k, sides[j], st->reps_target,
                           in_progress ? s->reps : 0, !in_progress);
            all_done = false;
        }
    }
    if (!all_done)
        s->step_skipped[s->step] = true;
}

static void drop_results_from(Session *s, int step)
{
    int n = 0;
    for (int i = 0; i < s->nresults; i++)
        if (s->results[i].step < step)
            s->results[n++] = s->results[i];
    s->nresults = n;
    for (int i = step; i < RT_STEPS_MAX; i++)
        s->step_skipped[i] = false;
}

static void adjust_reps(Session *s, Out *o, int delta)
{
    char u[16];
    if (s->phase == SESSION_WORK) {
        int nr = s->reps + delta;
        if (nr < 0 || nr > RT_REPS_MAX)
            return;
        s->reps = nr;
        const SessionStep *st = &s->plan.steps[s->step];
        session_emit(s, o, SESSION_EV_REPS_ADJUSTED, s->reps, "%d %s", s->reps,
                     session_text_unit(st->unit, s->reps, u, sizeof(u)));
        if (s->reps >= st->reps_target)
            session_finish_side(s, o);
        return;
    }
    // Between sets and at the end, the last set's count is corrected.
    if ((s->phase == SESSION_SWITCH || s->phase == SESSION_REST ||
         s->phase == SESSION_DONE || s->phase == SESSION_INTRO) &&
        s->nresults > 0) {
        SessionSetResult *r = &s->results[s->nresults - 1];
        if (r->skipped || r->done + delta < 0 || r->done + delta > RT_REPS_MAX)
            return;
        r->done += delta;
        session_emit(s, o, SESSION_EV_REPS_ADJUSTED, r->done,
                     "%d %s in the last set", r->done,
                     session_text_unit(s->plan.steps[r->step].unit, r->done, u,
                                       sizeof(u)));
    }
}

static void set_tempo(Session *s, Out *o, int delta)
{
    int old = s->opt.tempo_pct;
    int t = old + delta;
    if (t < SESSION_TEMPO_MIN)
        t = SESSION_TEMPO_MIN;
    if (t > SESSION_TEMPO_MAX)
        t = SESSION_TEMPO_MAX;
    if (t == old)
        return;
    if (s->phase == SESSION_WORK && s->opt.paced) {
        // The next rep comes one new cadence after the last one.
        const SessionStep *st = &s->plan.steps[s->step];
        int64_t last = s->next_rep_t - session_cadence_of(st, old);
        s->opt.tempo_pct = t;
        s->next_rep_t = last + session_cadence_of(st, t);
        if (s->next_rep_t < s->phase_t)
            s->next_rep_t = s->phase_t;
    }
    s->opt.tempo_pct = t;
    session_emit(s, o, SESSION_EV_TEMPO, t, "Tempo %d percent", t);
}

static void set_load(Session *s, Out *o, double delta)
{
    if (s->phase != SESSION_INTRO)
        return;
    SessionStep *st = &s->plan.steps[s->step];
    double kg = st->load_kg + delta;
    if (kg < 0 || kg > SESSION_LOAD_MAX_KG)
        return;
    st->load_kg = kg;
    if (kg > 0)
        session_emit(s, o, SESSION_EV_LOAD, (int)(kg * 10), "%g kg", kg);
    else
        session_emit(s, o, SESSION_EV_LOAD, 0, "Body weight");
}

static void ok(Session *s, Out *o)
{
    if (s->paused) {
        s->paused = false;
        session_emit(s, o, SESSION_EV_RESUMED, 0, "Let's go on");
        return;
    }
    if (s->phase == SESSION_WORK) {
        // Paced reps count themselves; unpaced, OK is one rep.
        if (!s->opt.paced)
            session_add_rep(s, o);
        return;
    }
    session_phase_end(s, o);
}

int session_command(Session *s, SessionCommand cmd, int64_t now,
                    SessionEvent *out, int cap)
{
    Out o = {out, 0, cap};
    session_advance(s, &o, now);
    if (!s->started || s->phase == SESSION_IDLE)
        return o.n;
    if (s->phase == SESSION_DONE && cmd != SESSION_CMD_REPS_UP &&
        cmd != SESSION_CMD_REPS_DOWN)
        return o.n;
    switch (cmd) {
    case SESSION_CMD_OK: ok(s, &o); break;
    case SESSION_CMD_PAUSE:
        s->paused = !s->paused;
        if (s->paused)
            session_emit(s, &o, SESSION_EV_PAUSED, 0, "Paused");
        else
            session_emit(s, &o, SESSION_EV_RESUMED, 0, "Let's go on");
        break;
    case SESSION_CMD_SKIP_OPTIONAL:
        if (!s->plan.steps[s->step].optional)
            break;
        /* fall through */
    case SESSION_CMD_NEXT:
        s->paused = false;
        close_step(s);
        session_emit(s, &o, SESSION_EV_SKIPPED, s->step, "Skipped %s",
                     s->plan.steps[s->step].title);
        session_enter_intro(s, &o, s->step + 1);
        break;
    case SESSION_CMD_PREV: {
        s->paused = false;
        int to = s->step;
        if (s->phase == SESSION_INTRO && s->step > 0)
            to = s->step - 1;
        while (to > 0 && !session_step_included(s, to))
            to--;
        drop_results_from(s, to);
        s->step = to;
        session_emit(s, &o, SESSION_EV_BACK, to, "Back to %s",
                     s->plan.steps[to].title);
        session_enter_intro(s, &o, to);
        break;
    }
    case SESSION_CMD_END_SET:
        if (s->phase == SESSION_WORK)
            session_finish_side(s, &o);
        break;
    case SESSION_CMD_REPS_UP: adjust_reps(s, &o, +1); break;
    case SESSION_CMD_REPS_DOWN: adjust_reps(s, &o, -1); break;
    case SESSION_CMD_LOAD_UP: set_load(s, &o, +SESSION_LOAD_STEP_KG); break;
    case SESSION_CMD_LOAD_DOWN: set_load(s, &o, -SESSION_LOAD_STEP_KG); break;
    case SESSION_CMD_TEMPO_UP: set_tempo(s, &o, +SESSION_TEMPO_STEP); break;
    case SESSION_CMD_TEMPO_DOWN: set_tempo(s, &o, -SESSION_TEMPO_STEP); break;
    }
    return o.n;
}

void session_abort(Session *s)
{
    if (!s->started || s->phase == SESSION_DONE || s->phase == SESSION_IDLE)
        return;
    if (s->phase == SESSION_WORK && s->reps > 0)
        session_record(s, s->step, s->set, s->side,
                       s->plan.steps[s->step].reps_target, s->reps, false);
    s->step_skipped[s->step] = true;
    s->phase = SESSION_IDLE;
    s->started = false;
}
