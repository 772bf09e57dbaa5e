/*
 * The workout state machine (see session.h). Time only moves through
 * session_tick(): each timed happening (a countdown number, a paced rep, the
 * end of a rest) sits at a known time inside its phase, and a tick fires
 * every happening it passes, in order, stamped with its exact time.
 */
#include "core/session.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/strutil.h"

// Room a single happening may need in the event buffer.
#define HAPPENING_ROOM 12

typedef struct Out {
    SessionEvent *ev;
    int n, cap;
} Out;

static const char *const kind_names[SESSION_EV_COUNT_] = {
    "start", "phase", "announce", "countdown", "go", "rep", "to_go",
    "halfway", "switch", "set_done", "rest", "next_up", "paused", "resumed",
    "skipped", "back", "tempo", "reps_adjusted", "load", "done"};

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

static void emit(Session *s, Out *o, SessionEventKind kind, int value,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void emit(Session *s, Out *o, SessionEventKind kind, int value,
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

void session_init(Session *s, const SessionPlan *plan, const SessionOptions *opt)
{
    memset(s, 0, sizeof(*s));
    s->plan = *plan;
    if (opt)
        s->opt = *opt;
    else
        session_options_default(&s->opt);
    if (s->opt.tempo_pct < 50 || s->opt.tempo_pct > 200)
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

static int cadence_of(const SessionStep *st, int tempo_pct)
{
    int c = (int)((int64_t)st->cadence_ms * 100 / tempo_pct);
    return c < 100 ? 100 : c;
}

int session_cadence_ms(const Session *s, int step)
{
    if (step < 0 || step >= s->plan.nsteps)
        return 0;
    return cadence_of(&s->plan.steps[step], s->opt.tempo_pct);
}

static const SessionStep *cur(const Session *s)
{
    return &s->plan.steps[s->step];
}

static bool step_included(const Session *s, int i)
{
    return !s->plan.steps[i].optional || s->opt.include_optional;
}

static int next_included(const Session *s, int from)
{
    for (int i = from; i < s->plan.nsteps; i++)
        if (step_included(s, i))
            return i;
    return -1;
}

static void set_phase(Session *s, SessionPhase p, int64_t len)
{
    s->phase = p;
    s->phase_t = 0;
    s->phase_len = len;
}

static void record(Session *s, int step, int set, SessionSide side, int target,
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

static bool recorded(const Session *s, int step, int set, SessionSide side)
{
    for (int i = 0; i < s->nresults; i++)
        if (s->results[i].step == step && s->results[i].set == set &&
            s->results[i].side == side)
            return true;
    return false;
}

static void enter_intro(Session *s, Out *o, int step);

static void enter_done(Session *s, Out *o)
{
    set_phase(s, SESSION_DONE, 0);
    s->side = SIDE_NONE;
    emit(s, o, SESSION_EV_PHASE, 0, "done");
    SessionSummary sum;
    session_summary(s, &sum);
    int minutes = (int)((sum.active_ms + 30000) / 60000);
    char took[32];
    if (minutes < 1)
        snprintf(took, sizeof(took), "under a minute");
    else
        snprintf(took, sizeof(took), "%d minute%s", minutes,
                 minutes == 1 ? "" : "s");
    char extra[RT_TEXT_MAX + RT_NAME_MAX + 32] = "";
    if (s->plan.finish[0] && s->plan.after[0])
        snprintf(extra, sizeof(extra), " %s. Tomorrow: %s.", s->plan.finish,
                 s->plan.after);
    else if (s->plan.finish[0])
        snprintf(extra, sizeof(extra), " %s.", s->plan.finish);
    else if (s->plan.after[0])
        snprintf(extra, sizeof(extra), " Tomorrow: %s.", s->plan.after);
    emit(s, o, SESSION_EV_DONE, sum.reps_total,
         "%s done: %d reps in %s.%s", s->plan.title, sum.reps_total, took,
         extra);
}

static void enter_countdown(Session *s, Out *o)
{
    set_phase(s, SESSION_COUNTDOWN, (int64_t)s->opt.countdown_s * 1000);
    s->countdown_next = s->opt.countdown_s;
    s->reps = 0;
    emit(s, o, SESSION_EV_PHASE, 0, "countdown");
}

static void enter_work(Session *s, Out *o)
{
    set_phase(s, SESSION_WORK, 0);
    s->reps = 0;
    s->next_rep_t = cadence_of(cur(s), s->opt.tempo_pct);
    if (s->side == SIDE_LEFT)
        emit(s, o, SESSION_EV_GO, 0, "Go! Left leg");
    else if (s->side == SIDE_RIGHT)
        emit(s, o, SESSION_EV_GO, 0, "Go! Right leg");
    else
        emit(s, o, SESSION_EV_GO, 0, "Go!");
}

static void start_set(Session *s, Out *o, int set)
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
        start_set(s, o, s->set + 1);
    else
        enter_intro(s, o, s->step + 1);
}

static void enter_rest(Session *s, Out *o)
{
    const SessionStep *st = cur(s);
    bool more_sets = s->set + 1 < st->sets;
    int next = more_sets ? s->step : next_included(s, s->step + 1);
    if (next < 0) {
        enter_intro(s, o, s->step + 1); // records skipped optional steps
        return;
    }
    if (st->rest_s <= 0) {
        if (!more_sets)
            emit(s, o, SESSION_EV_NEXT_UP, next, "Next up: %s",
                 s->plan.steps[next].title);
        after_rest(s, o);
        return;
    }
    set_phase(s, SESSION_REST, (int64_t)st->rest_s * 1000);
    s->side = SIDE_NONE;
    emit(s, o, SESSION_EV_PHASE, 0, "rest");
    emit(s, o, SESSION_EV_REST, st->rest_s, "Rest %d seconds", st->rest_s);
    if (more_sets)
        emit(s, o, SESSION_EV_NEXT_UP, next, "Next up: set %d of %d",
             s->set + 2, st->sets);
    else
        emit(s, o, SESSION_EV_NEXT_UP, next, "Next up: %s",
             s->plan.steps[next].title);
}

// The current side (or set) is over with s->reps done.
static void finish_side(Session *s, Out *o)
{
    const SessionStep *st = cur(s);
    record(s, s->step, s->set, s->side, st->reps_target, s->reps, false);
    if (s->side == SIDE_LEFT)
        emit(s, o, SESSION_EV_SET_DONE, s->reps, "Left leg done");
    else if (st->sets > 1)
        emit(s, o, SESSION_EV_SET_DONE, s->reps, "Set %d of %d done",
             s->set + 1, st->sets);
    else
        emit(s, o, SESSION_EV_SET_DONE, s->reps, "Done");
    if (s->side == SIDE_LEFT) {
        set_phase(s, SESSION_SWITCH, s->opt.switch_ms);
        s->side = SIDE_RIGHT;
        emit(s, o, SESSION_EV_PHASE, 0, "switch");
        emit(s, o, SESSION_EV_SWITCH_SIDE, 0, "%s", st->switch_cue);
        return;
    }
    enter_rest(s, o);
}

static void add_rep(Session *s, Out *o)
{
    const SessionStep *st = cur(s);
    int target = st->reps_target;
    s->reps++;
    emit(s, o, SESSION_EV_REP, s->reps, "%d", s->reps);
    int left = target - s->reps;
    if (left == 3 && target >= 6)
        emit(s, o, SESSION_EV_TO_GO, left, "3 to go");
    else if (left == 10 && target >= 25)
        emit(s, o, SESSION_EV_TO_GO, left, "10 to go");
    else if (target >= 10 && s->reps == target / 2)
        emit(s, o, SESSION_EV_HALFWAY, s->reps, "Halfway");
    if (s->reps >= target)
        finish_side(s, o);
    else
        s->next_rep_t += cadence_of(st, s->opt.tempo_pct);
}

static void enter_intro(Session *s, Out *o, int step)
{
    while (step < s->plan.nsteps && !step_included(s, step)) {
        const SessionStep *st = &s->plan.steps[step];
        s->step = step;
        s->step_skipped[step] = true;
        for (int k = 0; k < st->sets; k++) {
            if (st->per_side) {
                record(s, step, k, SIDE_LEFT, st->reps_target, 0, true);
                record(s, step, k, SIDE_RIGHT, st->reps_target, 0, true);
            } else {
                record(s, step, k, SIDE_NONE, st->reps_target, 0, true);
            }
        }
        emit(s, o, SESSION_EV_SKIPPED, step, "Skipping %s (optional)",
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
    const SessionStep *st = cur(s);
    emit(s, o, SESSION_EV_PHASE, 0, "intro");
    char dose[64];
    if (st->sets > 1)
        snprintf(dose, sizeof(dose), "%d sets of %d %s", st->sets,
                 st->reps_target, st->unit);
    else
        snprintf(dose, sizeof(dose), "%d %s", st->reps_target, st->unit);
    emit(s, o, SESSION_EV_ANNOUNCE, step, "%s%s. %s%s.%s",
         step == next_included(s, 0) ? "First up: " : "", st->title, dose,
         st->per_side ? " each leg" : "", st->optional ? " Optional." : "");
}

int session_start(Session *s, int64_t now, SessionEvent *out, int cap)
{
    Out o = {out, 0, cap};
    s->now = now;
    s->started = true;
    s->active_ms = 0;
    s->nresults = 0;
    memset(s->step_skipped, 0, sizeof(s->step_skipped));
    int exercises = 0;
    for (int i = 0; i < s->plan.nsteps; i++)
        if (i == 0 || strcmp(s->plan.steps[i].exercise_id,
                             s->plan.steps[i - 1].exercise_id) != 0)
            exercises++;
    int64_t est = session_plan_estimate_ms(&s->plan, &s->opt);
    int minutes = (int)((est + 30000) / 60000);
    char length[32];
    if (minutes < 1)
        snprintf(length, sizeof(length), "under a minute");
    else
        snprintf(length, sizeof(length), "about %d minute%s", minutes,
                 minutes == 1 ? "" : "s");
    emit(s, &o, SESSION_EV_START, exercises, "%s: %d exercise%s, %s",
         s->plan.title, exercises, exercises == 1 ? "" : "s", length);
    enter_intro(s, &o, 0);
    return o.n;
}

// Phase time of the next timed happening, or -1 when the phase waits.
static int64_t next_happening(const Session *s)
{
    switch (s->phase) {
    case SESSION_INTRO:
        return s->opt.auto_advance ? s->phase_len : -1;
    case SESSION_COUNTDOWN:
        if (s->countdown_next >= 1)
            return (int64_t)(s->opt.countdown_s - s->countdown_next) * 1000;
        return s->phase_len;
    case SESSION_WORK:
        return s->opt.paced ? s->next_rep_t : -1;
    case SESSION_SWITCH:
    case SESSION_REST:
        return s->phase_len;
    case SESSION_IDLE:
    case SESSION_DONE:
        return -1;
    }
    return -1;
}

static void fire(Session *s, Out *o)
{
    switch (s->phase) {
    case SESSION_INTRO: start_set(s, o, 0); break;
    case SESSION_COUNTDOWN:
        if (s->countdown_next >= 1) {
            emit(s, o, SESSION_EV_COUNTDOWN, s->countdown_next, "%d",
                 s->countdown_next);
            s->countdown_next--;
        } else {
            enter_work(s, o);
        }
        break;
    case SESSION_WORK: add_rep(s, o); break;
    case SESSION_SWITCH: enter_countdown(s, o); break;
    case SESSION_REST: after_rest(s, o); break;
    case SESSION_IDLE:
    case SESSION_DONE: break;
    }
}

static void advance(Session *s, Out *o, int64_t now)
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
    advance(s, &o, now);
    return o.n;
}

// Record every part of the current step not done yet; the side in progress
// keeps the reps done so far.
static void close_step(Session *s)
{
    const SessionStep *st = cur(s);
    bool all_done = true;
    for (int k = 0; k < st->sets; k++) {
        SessionSide sides[2] = {st->per_side ? SIDE_LEFT : SIDE_NONE,
                                SIDE_RIGHT};
        for (int j = 0; j < (st->per_side ? 2 : 1); j++) {
            if (recorded(s, s->step, k, sides[j]))
                continue;
            bool in_progress = s->phase == SESSION_WORK && k == s->set &&
                               sides[j] == s->side && s->reps > 0;
            record(s, s->step, k, sides[j], st->reps_target,
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

// "1 rep", "2 reps", "1 step".
static const char *unit_for(const char *unit, int n, char *buf, size_t size)
{
    size_t len = strlen(unit);
    if (n == 1 && len > 1 && unit[len - 1] == 's') {
        snprintf(buf, size, "%.*s", (int)(len - 1), unit);
        return buf;
    }
    return unit;
}

static void adjust_reps(Session *s, Out *o, int delta)
{
    char u[16];
    if (s->phase == SESSION_WORK) {
        int nr = s->reps + delta;
        if (nr < 0 || nr > RT_REPS_MAX)
            return;
        s->reps = nr;
        emit(s, o, SESSION_EV_REPS_ADJUSTED, s->reps, "%d %s", s->reps,
             unit_for(cur(s)->unit, s->reps, u, sizeof(u)));
        if (s->reps >= cur(s)->reps_target)
            finish_side(s, o);
        return;
    }
    if ((s->phase == SESSION_SWITCH || s->phase == SESSION_REST ||
         s->phase == SESSION_DONE || s->phase == SESSION_INTRO) &&
        s->nresults > 0) {
        SessionSetResult *r = &s->results[s->nresults - 1];
        if (r->skipped || r->done + delta < 0 || r->done + delta > RT_REPS_MAX)
            return;
        r->done += delta;
        emit(s, o, SESSION_EV_REPS_ADJUSTED, r->done, "%d %s in the last set",
             r->done, unit_for(s->plan.steps[r->step].unit, r->done, u,
                               sizeof(u)));
    }
}

static void set_tempo(Session *s, Out *o, int delta)
{
    int old = s->opt.tempo_pct;
    int t = old + delta;
    if (t < 50)
        t = 50;
    if (t > 200)
        t = 200;
    if (t == old)
        return;
    if (s->phase == SESSION_WORK && s->opt.paced) {
        // The next rep comes one new cadence after the last one.
        const SessionStep *st = cur(s);
        int64_t last = s->next_rep_t - cadence_of(st, old);
        s->opt.tempo_pct = t;
        s->next_rep_t = last + cadence_of(st, t);
        if (s->next_rep_t < s->phase_t)
            s->next_rep_t = s->phase_t;
    }
    s->opt.tempo_pct = t;
    emit(s, o, SESSION_EV_TEMPO, t, "Tempo %d percent", t);
}

int session_command(Session *s, SessionCommand cmd, int64_t now,
                    SessionEvent *out, int cap)
{
    Out o = {out, 0, cap};
    advance(s, &o, now);
    if (!s->started || s->phase == SESSION_IDLE)
        return o.n;
    if (s->phase == SESSION_DONE && cmd != SESSION_CMD_REPS_UP &&
        cmd != SESSION_CMD_REPS_DOWN)
        return o.n;
    switch (cmd) {
    case SESSION_CMD_OK:
        if (s->paused) {
            s->paused = false;
            emit(s, &o, SESSION_EV_RESUMED, 0, "Let's go on");
            break;
        }
        switch (s->phase) {
        case SESSION_INTRO: start_set(s, &o, 0); break;
        case SESSION_COUNTDOWN: enter_work(s, &o); break;
        case SESSION_WORK:
            if (!s->opt.paced)
                add_rep(s, &o);
            break;
        case SESSION_SWITCH: enter_countdown(s, &o); break;
        case SESSION_REST: after_rest(s, &o); break;
        default: break;
        }
        break;
    case SESSION_CMD_PAUSE:
        s->paused = !s->paused;
        if (s->paused)
            emit(s, &o, SESSION_EV_PAUSED, 0, "Paused");
        else
            emit(s, &o, SESSION_EV_RESUMED, 0, "Let's go on");
        break;
    case SESSION_CMD_SKIP_OPTIONAL:
        if (!cur(s)->optional)
            break;
        /* fall through */
    case SESSION_CMD_NEXT: {
        s->paused = false;
        close_step(s);
        emit(s, &o, SESSION_EV_SKIPPED, s->step, "Skipped %s", cur(s)->title);
        enter_intro(s, &o, s->step + 1);
        break;
    }
    case SESSION_CMD_PREV: {
        s->paused = false;
        int to = s->step;
        if (s->phase == SESSION_INTRO && s->step > 0)
            to = s->step - 1;
        while (to > 0 && !step_included(s, to))
            to--;
        drop_results_from(s, to);
        s->step = to;
        emit(s, &o, SESSION_EV_BACK, to, "Back to %s", cur(s)->title);
        enter_intro(s, &o, to);
        break;
    }
    case SESSION_CMD_END_SET:
        if (s->phase == SESSION_WORK)
            finish_side(s, &o);
        break;
    case SESSION_CMD_REPS_UP: adjust_reps(s, &o, +1); break;
    case SESSION_CMD_REPS_DOWN: adjust_reps(s, &o, -1); break;
    case SESSION_CMD_LOAD_UP:
    case SESSION_CMD_LOAD_DOWN:
        if (s->phase == SESSION_INTRO) {
            SessionStep *st = &s->plan.steps[s->step];
            double kg = st->load_kg + (cmd == SESSION_CMD_LOAD_UP ? 2.5 : -2.5);
            if (kg < 0 || kg > 200)
                break;
            st->load_kg = kg;
            if (kg > 0)
                emit(s, &o, SESSION_EV_LOAD, (int)(kg * 10), "%g kg", kg);
            else
                emit(s, &o, SESSION_EV_LOAD, 0, "Body weight");
        }
        break;
    case SESSION_CMD_TEMPO_UP: set_tempo(s, &o, +10); break;
    case SESSION_CMD_TEMPO_DOWN: set_tempo(s, &o, -10); break;
    }
    return o.n;
}

void session_abort(Session *s)
{
    if (!s->started || s->phase == SESSION_DONE || s->phase == SESSION_IDLE)
        return;
    if (s->phase == SESSION_WORK && s->reps > 0)
        record(s, s->step, s->set, s->side, cur(s)->reps_target, s->reps,
               false);
    s->step_skipped[s->step] = true;
    s->phase = SESSION_IDLE;
    s->started = false;
}

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
                               (int64_t)st->reps_target * cadence_of(st, opt->tempo_pct));
        if (st->per_side)
            set += opt->switch_ms;
        t += opt->intro_ms + st->sets * set;
        t += (int64_t)st->rest_s * 1000 * (st->sets - 1);
        if (i < last)
            t += (int64_t)st->rest_s * 1000;
    }
    return t;
}
