/*
 * The workout state machine (see session.h): the tick and its transitions.
 * Time only moves through session_advance(): each timed happening (a
 * countdown number, a paced rep, the end of a rest) sits at a known time
 * inside its phase, and a tick fires every happening it passes, in order,
 * stamped with its exact time.
 *
 * Transitions (a phase ends by its time, or by OK through session_phase_end):
 *
 *   IDLE ---start---> INTRO (first included step; optional ones skipped
 *                            and recorded as skipped when left out)
 *   INTRO -----------> COUNTDOWN (set 1; left side when per side)
 *   COUNTDOWN -------> WORK (after "3", "2", "1")
 *   WORK ---reps-----> SWITCH (left side done)  | REST (set done, rest > 0)
 *                      | COUNTDOWN (next set, no rest) | INTRO (next step)
 *                      | DONE (last step)
 *   SWITCH ----------> COUNTDOWN (right side)
 *   REST ------------> COUNTDOWN (next set) | INTRO (next step)
 *
 * The plans, the commands, the spoken texts and the summary are in
 * session_plan.c, session_command.c, session_text.c and session_summary.c.
 */
#include "core/session.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/session_internal.h"

static const char *const kind_names[SESSION_EV_COUNT_] = {
    "start", "phase",   "announce",      "countdown", "go",
    "rep",   "to_go",   "halfway",       "switch",    "set_done",
    "rest",  "next_up", "paused",        "resumed",   "skipped",
    "back",  "tempo",   "reps_adjusted", "load",      "done"};

const char *session_event_kind_name(SessionEventKind k)
{
    return (unsigned)k < SESSION_EV_COUNT_ ? kind_names[k] : "?";
}

const char *session_phase_name(SessionPhase p)
{
    switch (p) {
    case SESSION_IDLE: return "idle";
    case SESSION_INTRO: return "intro";
    case SESSION_COUNTDOWN: return "countdown";
    case SESSION_WORK: return "work";
    case SESSION_SWITCH: return "switch";
    case SESSION_REST: return "rest";
    case SESSION_DONE: return "done";
    }
    return "?";
}

void session_emit(Session *s, Out *o, SessionEventKind kind, int value,
                  const char *fmt, ...)
{
    if (o->n >= o->cap)
        return;
    SessionEvent *e = &o->ev[o->n++];
    memset(e, 0, sizeof(*e));
    e->kind = kind;
    e->at_ms = s->now;
    e->phase = s->phase;
    e->step = s->step;
    e->set = s->set;
    e->side = s->side;
    e->value = value;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->text, sizeof(e->text), fmt, ap);
    va_end(ap);
}

void session_init(Session *s, const SessionPlan *plan,
                  const SessionOptions *opt)
{
    memset(s, 0, sizeof(*s));
    s->plan = *plan;
    if (opt)
        s->opt = *opt;
    else
        session_options_default(&s->opt);
    if (s->opt.tempo_pct < SESSION_TEMPO_MIN ||
        s->opt.tempo_pct > SESSION_TEMPO_MAX)
        s->opt.tempo_pct = 100;
    if (s->opt.countdown_s < 0 || s->opt.countdown_s > 10)
        s->opt.countdown_s = 3;
    for (int i = 0; i < s->plan.nsteps; i++) {
        SessionStep *st = &s->plan.steps[i];
        if (st->reps_target < st->reps_min)
            st->reps_target = st->reps_min;
        if (st->reps_target > st->reps_max)
            st->reps_target = st->reps_max;
        if (st->reps_target < 1)
            st->reps_target = 1;
    }
    s->phase = SESSION_IDLE;
}

int session_cadence_ms(const Session *s, int step)
{
    if (step < 0 || step >= s->plan.nsteps)
        return 0;
    return session_cadence_of(&s->plan.steps[step], s->opt.tempo_pct);
}

static const SessionStep *cur(const Session *s)
{
    return &s->plan.steps[s->step];
}

bool session_step_included(const Session *s, int i)
{
    return !s->plan.steps[i].optional || s->opt.include_optional;
}

int session_next_included(const Session *s, int from)
{
    for (int i = from; i < s->plan.nsteps; i++)
        if (session_step_included(s, i))
            return i;
    return -1;
}

static void set_phase(Session *s, SessionPhase p, int64_t len)
{
    s->phase = p;
    s->phase_t = 0;
    s->phase_len = len;
}

void session_record(Session *s, int step, int set, SessionSide side, int target,
                    int done, bool skipped)
{
    if (s->nresults == SESSION_RESULTS_MAX)
        return;
    SessionSetResult *r = &s->results[s->nresults++];
    r->step = step;
    r->set = set;
    r->side = side;
    r->target = target;
    r->done = done;
    r->load_kg = s->plan.steps[step].load_kg;
    r->skipped = skipped;
}

bool session_recorded(const Session *s, int step, int set, SessionSide side)
{
    for (int i = 0; i < s->nresults; i++)
        if (s->results[i].step == step && s->results[i].set == set &&
            s->results[i].side == side)
            return true;
    return false;
}

static void enter_done(Session *s, Out *o)
{
    set_phase(s, SESSION_DONE, 0);
    s->side = SIDE_NONE;
    session_emit(s, o, SESSION_EV_PHASE, 0, "done");
    SessionSummary sum;
    session_summary(s, &sum);
    char text[SESSION_TEXT_MAX];
    session_text_done(s, &sum, text, sizeof(text));
    session_emit(s, o, SESSION_EV_DONE, sum.reps_total, "%s", text);
}

static void enter_countdown(Session *s, Out *o)
{
    set_phase(s, SESSION_COUNTDOWN, (int64_t)s->opt.countdown_s * 1000);
    s->countdown_next = s->opt.countdown_s;
    s->reps = 0;
    session_emit(s, o, SESSION_EV_PHASE, 0, "countdown");
}

static void enter_work(Session *s, Out *o)
{
    set_phase(s, SESSION_WORK, 0);
    s->reps = 0;
    s->next_rep_t = session_cadence_of(cur(s), s->opt.tempo_pct);
    if (s->side == SIDE_LEFT)
        session_emit(s, o, SESSION_EV_GO, 0, "Go! Left leg");
    else if (s->side == SIDE_RIGHT)
        session_emit(s, o, SESSION_EV_GO, 0, "Go! Right leg");
    else
        session_emit(s, o, SESSION_EV_GO, 0, "Go!");
}

void session_start_set(Session *s, Out *o, int set)
{
    s->set = set;
    s->side = cur(s)->per_side ? SIDE_LEFT : SIDE_NONE;
    enter_countdown(s, o);
}

// Go on after the rest (or straight away when there is none).
static void after_rest(Session *s, Out *o)
{
    const SessionStep *st = cur(s);
    if (s->set + 1 < st->sets)
        session_start_set(s, o, s->set + 1);
    else
        session_enter_intro(s, o, s->step + 1);
}

static void enter_rest(Session *s, Out *o)
{
    const SessionStep *st = cur(s);
    bool more_sets = s->set + 1 < st->sets;
    int next = more_sets ? s->step : session_next_included(s, s->step + 1);
    if (next < 0) {
        session_enter_intro(s, o,
                            s->step + 1); // records skipped optional steps
        return;
    }
    if (st->rest_s <= 0) {
        if (!more_sets)
            session_emit(s, o, SESSION_EV_NEXT_UP, next, "Next up: %s",
                         s->plan.steps[next].title);
        after_rest(s, o);
        return;
    }
    set_phase(s, SESSION_REST, (int64_t)st->rest_s * 1000);
    s->side = SIDE_NONE;
    session_emit(s, o, SESSION_EV_PHASE, 0, "rest");
    session_emit(s, o, SESSION_EV_REST, st->rest_s, "Rest %d seconds",
                 st->rest_s);
    if (more_sets)
        session_emit(s, o, SESSION_EV_NEXT_UP, next, "Next up: set %d of %d",
                     s->set + 2, st->sets);
    else
        session_emit(s, o, SESSION_EV_NEXT_UP, next, "Next up: %s",
                     s->plan.steps[next].title);
}

// The current side (or set) is over with s->reps done.
void session_finish_side(Session *s, Out *o)
{
    const SessionStep *st = cur(s);
    session_record(s, s->step, s->set, s->side, st->reps_target, s->reps,
                   false);
    if (s->side == SIDE_LEFT)
        session_emit(s, o, SESSION_EV_SET_DONE, s->reps, "Left leg done");
    else if (st->sets > 1)
        session_emit(s, o, SESSION_EV_SET_DONE, s->reps, "Set %d of %d done",
                     s->set + 1, st->sets);
    else
        session_emit(s, o, SESSION_EV_SET_DONE, s->reps, "Done");
    if (s->side == SIDE_LEFT) {
        set_phase(s, SESSION_SWITCH, s->opt.switch_ms);
        s->side = SIDE_RIGHT;
        session_emit(s, o, SESSION_EV_PHASE, 0, "switch");
        session_emit(s, o, SESSION_EV_SWITCH_SIDE, 0, "%s", st->switch_cue);
        return;
    }
    enter_rest(s, o);
}

// Thresholds of the spoken encouragements: "3 to go" only in sets long
// enough that it is news, "10 to go" in the long ones, "Halfway" from 10.
#define CUE_TO_GO_SHORT 3
#define CUE_TO_GO_SHORT_MIN_TARGET 6
#define CUE_TO_GO_LONG 10
#define CUE_TO_GO_LONG_MIN_TARGET 25
#define CUE_HALFWAY_MIN_TARGET 10

void session_add_rep(Session *s, Out *o)
{
    const SessionStep *st = cur(s);
    int target = st->reps_target;
    s->reps++;
    session_emit(s, o, SESSION_EV_REP, s->reps, "%d", s->reps);
    int left = target - s->reps;
    if (left == CUE_TO_GO_SHORT && target >= CUE_TO_GO_SHORT_MIN_TARGET)
        session_emit(s, o, SESSION_EV_TO_GO, left, "%d to go", left);
    else if (left == CUE_TO_GO_LONG && target >= CUE_TO_GO_LONG_MIN_TARGET)
        session_emit(s, o, SESSION_EV_TO_GO, left, "%d to go", left);
    else if (target >= CUE_HALFWAY_MIN_TARGET && s->reps == target / 2)
        session_emit(s, o, SESSION_EV_HALFWAY, s->reps, "Halfway");
    if (s->reps >= target)
        session_finish_side(s, o);
    else
        s->next_rep_t += session_cadence_of(st, s->opt.tempo_pct);
}

void session_enter_intro(Session *s, Out *o, int step)
{
    while (step < s->plan.nsteps && !session_step_included(s, step)) {
        const SessionStep *st = &s->plan.steps[step];
        s->step = step;
        s->step_skipped[step] = true;
        for (int k = 0; k < st->sets; k++) {
            if (st->per_side) {
                session_record(s, step, k, SIDE_LEFT, st->reps_target, 0, true);
                session_record(s, step, k, SIDE_RIGHT, st->reps_target, 0,
                               true);
            } else {
                session_record(s, step, k, SIDE_NONE, st->reps_target, 0, true);
            }
        }
        session_emit(s, o, SESSION_EV_SKIPPED, step, "Skipping %s (optional)",
                     st->title);
        step++;
    }
    if (step >= s->plan.nsteps) {
        enter_done(s, o);
        return;
    }
    s->step = step;
    s->set = 0;
    s->side = SIDE_NONE;
    s->reps = 0;
    set_phase(s, SESSION_INTRO, s->opt.auto_advance ? s->opt.intro_ms : 0);
    session_emit(s, o, SESSION_EV_PHASE, 0, "intro");
    char text[SESSION_TEXT_MAX];
    session_text_announce(s, step, text, sizeof(text));
    session_emit(s, o, SESSION_EV_ANNOUNCE, step, "%s", text);
}

int session_start(Session *s, int64_t now, SessionEvent *out, int cap)
{
    Out o = {out, 0, cap};
    s->now = now;
    s->started = true;
    s->active_ms = 0;
    s->nresults = 0;
    memset(s->step_skipped, 0, sizeof(s->step_skipped));
    char text[SESSION_TEXT_MAX];
    session_text_start(s, session_plan_estimate_ms(&s->plan, &s->opt), text,
                       sizeof(text));
    session_emit(s, &o, SESSION_EV_START, session_plan_exercises(&s->plan),
                 "%s", text);
    session_enter_intro(s, &o, 0);
    return o.n;
}

void session_phase_end(Session *s, Out *o)
{
    switch (s->phase) {
    case SESSION_INTRO: session_start_set(s, o, 0); break;
    case SESSION_COUNTDOWN: enter_work(s, o); break;
    case SESSION_SWITCH: enter_countdown(s, o); break;
    case SESSION_REST: after_rest(s, o); break;
    case SESSION_WORK: // a set ends by its reps, not by its time
    case SESSION_IDLE:
    case SESSION_DONE: break;
    }
}

// Phase time of the next timed happening, or -1 when the phase waits.
static int64_t next_happening(const Session *s)
{
    switch (s->phase) {
    case SESSION_INTRO: return s->opt.auto_advance ? s->phase_len : -1;
    case SESSION_COUNTDOWN:
        if (s->countdown_next >= 1)
            return (int64_t)(s->opt.countdown_s - s->countdown_next) * 1000;
        return s->phase_len;
    case SESSION_WORK: return s->opt.paced ? s->next_rep_t : -1;
    case SESSION_SWITCH:
    case SESSION_REST: return s->phase_len;
    case SESSION_IDLE:
    case SESSION_DONE: return -1;
    }
    return -1;
}

static void fire(Session *s, Out *o)
{
    if (s->phase == SESSION_COUNTDOWN && s->countdown_next >= 1) {
        session_emit(s, o, SESSION_EV_COUNTDOWN, s->countdown_next, "%d",
                     s->countdown_next);
        s->countdown_next--;
    } else if (s->phase == SESSION_WORK) {
        session_add_rep(s, o);
    } else {
        session_phase_end(s, o);
    }
}

void session_advance(Session *s, Out *o, int64_t now)
{
    if (!s->started || now <= s->now) {
        if (now < s->now)
            s->now = now; // the clock went back: no time passes
        return;
    }
    if (s->paused) {
        s->now = now;
        return;
    }
    // Bounded: every happening moves the session forward; the cap keeps a
    // corrupt state from spinning.
    for (int guard = 0; guard < 100000; guard++) {
        int64_t h = next_happening(s);
        int64_t remaining = now - s->now;
        if (h < 0 || h - s->phase_t > remaining) {
            s->phase_t += remaining;
            if (s->phase != SESSION_DONE)
                s->active_ms += remaining;
            s->now = now;
            return;
        }
        if (o->cap - o->n < HAPPENING_ROOM)
            return; // continue on the next call
        int64_t dt = h > s->phase_t ? h - s->phase_t : 0;
        s->now += dt;
        s->phase_t += dt;
        s->active_ms += dt;
        fire(s, o);
    }
}

int session_tick(Session *s, int64_t now, SessionEvent *out, int cap)
{
    Out o = {out, 0, cap};
    session_advance(s, &o, now);
    return o.n;
}

// Accessors for the screens: what the session's rules say, so that no
// screen re-derives them from the fields.

int session_next_step(const Session *s)
{
    if (s->phase == SESSION_REST && s->set + 1 < s->plan.steps[s->step].sets)
        return s->step; // the next set of this step
    return session_next_included(s, s->step + 1);
}

int session_following_step(const Session *s)
{
    return session_next_included(s, s->step + 1);
}

float session_phase_progress(const Session *s)
{
    if (s->phase_len <= 0)
        return 0.0f;
    float f = (float)s->phase_t / (float)s->phase_len;
    return f < 0 ? 0.0f : f > 1 ? 1.0f : f;
}

int64_t session_phase_remaining_ms(const Session *s)
{
    return s->phase_len > 0 && s->phase_len > s->phase_t
               ? s->phase_len - s->phase_t
               : 0;
}

int64_t session_ms_to_next_rep(const Session *s)
{
    if (s->phase != SESSION_WORK || !s->opt.paced)
        return -1;
    int64_t d = s->next_rep_t - s->phase_t;
    return d < 0 ? 0 : d;
}

int session_countdown_number(const Session *s)
{
    return s->phase == SESSION_COUNTDOWN ? s->countdown_next + 1 : 0;
}

int64_t session_phase_elapsed_ms(const Session *s)
{
    return s->phase_t;
}
