/*
 * The coaching engine, driven with a fake clock. Whole routines are compared
 * with reference traces in tests/data/traces/ (one line per event:
 * "<seconds>\t<kind>\t<text>", the cue log's format).
 */
#include "testutil.h"

#include "core/session.h"

typedef struct Script {
    double at_s;
    SessionCommand cmd;
} Script;

typedef struct Trace {
    char *buf;
    size_t len, cap;
} Trace;

static void trace_add(Trace *t, const SessionEvent *ev, int n)
{
    for (int i = 0; i < n; i++) {
        char line[256];
        int k =
            snprintf(line, sizeof(line), "%.3f\t%s\t%s\n", ev[i].at_ms / 1000.0,
                     session_event_kind_name(ev[i].kind), ev[i].text);
        if (t->len + (size_t)k + 1 > t->cap) {
            t->cap = (t->cap + (size_t)k + 1) * 2;
            t->buf = realloc(t->buf, t->cap);
        }
        memcpy(t->buf + t->len, line, (size_t)k + 1);
        t->len += (size_t)k;
    }
}

// Run a plan from t0 (ms) with ticks every step_ms, applying the script's
// commands at their times, until done or until limit_s. Returns the trace.
static char *run(Session *s, int64_t t0, int step_ms, const Script *script,
                 int nscript, double limit_s, int cap)
{
    Trace t = {0};
    SessionEvent ev[256];
    assert_true(cap <= 256);
    trace_add(&t, ev, session_start(s, t0, ev, cap));
    int next = 0;
    for (int64_t now = t0; now <= t0 + (int64_t)(limit_s * 1000);
         now += step_ms) {
        while (next < nscript &&
               t0 + (int64_t)(script[next].at_s * 1000) <= now) {
            int64_t at = t0 + (int64_t)(script[next].at_s * 1000);
            trace_add(&t, ev,
                      session_command(s, script[next].cmd, at, ev, cap));
            next++;
        }
        trace_add(&t, ev, session_tick(s, now, ev, cap));
        if (s->phase == SESSION_DONE && next == nscript)
            break;
    }
    if (!t.buf)
        t.buf = calloc(1, 1);
    return t.buf;
}

static Library *test_library(const char *routine_text)
{
    Library *lib = library_create();
    static const char ex[] =
        "[squat]\nname = Squats\ncadence = 1.0\n"
        "[lunge]\nname = Lunges\nper_side = yes\ncadence = 1.5\n"
        "switch = Other leg\n"
        "[hold]\nname = Holds\ncadence = 2\n";
    routine_parse_exercises(lib, ex, sizeof(ex) - 1, "test-exercises.ini",
                            false);
    routine_parse_routine(lib, routine_text, strlen(routine_text), "test.ini",
                          "test", false);
    library_check(lib);
    if (lib->diags.errors)
        tu_dump_diags(lib);
    assert_int_equal(lib->diags.errors, 0);
    return lib;
}

static void plan_of(SessionPlan *plan, const Library *lib, const char *id)
{
    const Routine *rt = library_routine(lib, id);
    assert_non_null(rt);
    assert_true(session_plan_from_routine(plan, lib, rt));
}

static SessionOptions auto_opts(void)
{
    SessionOptions o;
    session_options_default(&o);
    o.auto_advance = true;
    return o;
}

// The whole of Ultra Legs in auto mode, as the kiosk will coach it.
static void test_ultra_legs_auto(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    assert_int_equal(lib->diags.errors, 0);
    SessionPlan plan;
    plan_of(&plan, lib, "ultra-legs");
    SessionOptions o = auto_opts();
    Session *s = malloc(sizeof(*s));
    session_init(s, &plan, &o);
    char *trace = run(s, 0, 16, NULL, 0, 3600, 64);
    tu_check_reference("traces/ultra-legs-auto.trace", trace);

    SessionSummary sum;
    session_summary(s, &sum);
    assert_true(sum.completed);
    // 20 + 20 steps, 30x2 step-ups, 10x2 split squats, 10 Nordics,
    // 10 + 10x2 bridges, 10x2 clams, 10x2 deadlifts, 30x2 calf raises.
    assert_int_equal(sum.reps_total,
                     40 + 60 + 20 + 10 + 10 + 20 + 20 + 20 + 60);
    assert_int_equal(sum.steps_skipped, 0);
    assert_int_equal(sum.sets_skipped, 0);
    // The estimate is what the run took.
    assert_int_equal(sum.active_ms, session_plan_estimate_ms(&plan, &o));

    // Each exercise announced once per step, in the routine's order.
    const char *order[] = {
        "Band work, side to side",   "Band work, forward and back",
        "Single-leg step-ups",       "Split squats",
        "Nordic hamstring curls",    "Glute bridges, both legs",
        "Glute bridges, single leg", "Clams",
        "Single-leg deadlifts",      "Single-leg calf raises"};
    const char *p = trace;
    for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        const char *a = strstr(p, "\tannounce\t");
        assert_non_null(a);
        const char *name = strstr(a, order[i]);
        assert_non_null(name);
        assert_true(name - a < 24);
        p = name;
    }
    assert_null(strstr(p, "\tannounce\t"));

    // Counted as the start says: "8 exercises", the band work and the
    // bridges each one exercise in two parts.
    assert_int_equal(session_plan_exercises(&plan), 8);
    const int want[10][3] = {{1, 1, 2}, {1, 2, 2}, {2, 1, 1}, {3, 1, 1},
                             {4, 1, 1}, {5, 1, 2}, {5, 2, 2}, {6, 1, 1},
                             {7, 1, 1}, {8, 1, 1}};
    assert_int_equal(plan.nsteps, 10);
    for (int i = 0; i < 10; i++) {
        int part = 0, parts = 0;
        assert_int_equal(session_plan_exercise_at(&plan, i, &part, &parts),
                         want[i][0]);
        assert_int_equal(part, want[i][1]);
        assert_int_equal(parts, want[i][2]);
    }
    free(trace);
    free(s);
    library_destroy(lib);
}

// Tick granularity must not change what happens or when.
static void test_tick_rate_independent(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    SessionPlan plan;
    plan_of(&plan, lib, "daily-hips");
    SessionOptions o = auto_opts();
    Session *a = malloc(sizeof(*a)), *b = malloc(sizeof(*b));
    session_init(a, &plan, &o);
    session_init(b, &plan, &o);
    char *fine = run(a, 1000, 1, NULL, 0, 3600, 256);
    // Coarse, irregular ticks and the smallest allowed buffer.
    char *coarse = run(b, 1000, 4999, NULL, 0, 3600, SESSION_EVENTS_MIN);
    assert_string_equal(fine, coarse);
    free(fine);
    free(coarse);
    free(a);
    free(b);
    library_destroy(lib);
}

static const char two_step[] = "[routine]\ntitle = Two\nrest = 5\n"
                               "[step]\nexercise = squat\nreps = 4\n"
                               "[step]\nexercise = hold\nreps = 3\nrest = 0\n";

static void test_pause_across_phase_boundary(void **state)
{
    (void)state;
    Library *lib = test_library(two_step);
    SessionPlan plan;
    plan_of(&plan, lib, "test");
    SessionOptions o = auto_opts();
    o.intro_ms = 5000;
    Session s;
    session_init(&s, &plan, &o);
    // Pause 0.5 s before the intro ends, resume 10 s later: the countdown
    // starts 0.5 s after the resume. Pause again across a rep.
    Script sc[] = {{4.5, SESSION_CMD_PAUSE},
                   {14.5, SESSION_CMD_PAUSE},
                   {19.2, SESSION_CMD_PAUSE},
                   {25.0, SESSION_CMD_PAUSE}};
    char *trace = run(&s, 0, 100, sc, 4, 120, 64);
    tu_check_reference("traces/pause-boundary.trace", trace);
    SessionSummary sum;
    session_summary(&s, &sum);
    assert_true(sum.completed);
    assert_int_equal(sum.active_ms, session_plan_estimate_ms(&plan, &o));
    free(trace);
    library_destroy(lib);
}

static void test_skip_during_countdown(void **state)
{
    (void)state;
    Library *lib = test_library(two_step);
    SessionPlan plan;
    plan_of(&plan, lib, "test");
    SessionOptions o = auto_opts();
    o.intro_ms = 2000;
    Session s;
    session_init(&s, &plan, &o);
    Script sc[] = {{3.5, SESSION_CMD_NEXT}};
    char *trace = run(&s, 0, 50, sc, 1, 120, 64);
    tu_check_reference("traces/skip-countdown.trace", trace);
    SessionSummary sum;
    session_summary(&s, &sum);
    assert_false(sum.completed); // a required exercise was skipped
    assert_int_equal(sum.steps_skipped, 1);
    assert_int_equal(sum.reps_total, 3);
    assert_int_equal(s.nresults, 2);
    assert_true(s.results[0].skipped);
    assert_int_equal(s.results[0].done, 0);
    free(trace);
    library_destroy(lib);
}

static void test_back_at_first_exercise(void **state)
{
    (void)state;
    Library *lib = test_library(two_step);
    SessionPlan plan;
    plan_of(&plan, lib, "test");
    SessionOptions o = auto_opts();
    o.intro_ms = 2000;
    Session s;
    session_init(&s, &plan, &o);
    // Back during the first intro restarts it; back mid-set restarts the
    // exercise and forgets its reps; back at the second intro returns to
    // the first exercise.
    Script sc[] = {{1.0, SESSION_CMD_PREV},
                   {7.5, SESSION_CMD_PREV},
                   {18.5, SESSION_CMD_PREV}};
    char *trace = run(&s, 0, 50, sc, 3, 120, 64);
    tu_check_reference("traces/back-first.trace", trace);
    SessionSummary sum;
    session_summary(&s, &sum);
    assert_true(sum.completed);
    assert_int_equal(sum.reps_total, 4 + 3);
    free(trace);
    library_destroy(lib);
}

static void test_per_side_sets(void **state)
{
    (void)state;
    Library *lib = test_library(
        "[routine]\ntitle = Sides\n"
        "[step]\nexercise = lunge\nsets = 2\nreps = 6\nrest = 4\n");
    SessionPlan plan;
    plan_of(&plan, lib, "test");
    SessionOptions o = auto_opts();
    o.intro_ms = 1000;
    Session s;
    session_init(&s, &plan, &o);
    char *trace = run(&s, 0, 20, NULL, 0, 120, 64);
    tu_check_reference("traces/per-side-sets.trace", trace);
    assert_int_equal(s.nresults, 4);
    SessionSide sides[4] = {SIDE_LEFT, SIDE_RIGHT, SIDE_LEFT, SIDE_RIGHT};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(s.results[i].set, i / 2);
        assert_int_equal(s.results[i].side, sides[i]);
        assert_int_equal(s.results[i].done, 6);
        assert_false(s.results[i].skipped);
    }
    free(trace);
    library_destroy(lib);
}

static void test_tempo_change_mid_set(void **state)
{
    (void)state;
    Library *lib = test_library(
        "[routine]\ntitle = Tempo\n[step]\nexercise = hold\nreps = 6\n");
    SessionPlan plan;
    plan_of(&plan, lib, "test");
    SessionOptions o = auto_opts();
    o.intro_ms = 1000;
    Session s;
    session_init(&s, &plan, &o);
    // Reps every 2 s from 4 s; after rep 2 (at 8 s) tempo goes to 110%:
    // the next rep comes one new cadence (1.818 s) after the last.
    Script sc[] = {{8.5, SESSION_CMD_TEMPO_UP}};
    s.opt.tempo_pct = 100;
    char *trace = run(&s, 0, 10, sc, 1, 60, 64);
    tu_check_reference("traces/tempo.trace", trace);
    // 2 s at 100%, then 2 s * 100/110 = 1.818 s per rep.
    assert_non_null(strstr(trace, "8.000\trep\t2\n"));
    assert_non_null(strstr(trace, "9.818\trep\t3\n"));
    assert_non_null(strstr(trace, "11.636\trep\t4\n"));
    free(trace);
    library_destroy(lib);
}

static void test_zero_rest_steps(void **state)
{
    (void)state;
    Library *lib =
        test_library("[routine]\ntitle = Flow\nrest = 0\n"
                     "[step]\nexercise = squat\nreps = 2\n"
                     "[step]\nexercise = hold\nreps = 2\n"
                     "[step]\nexercise = squat\nreps = 2\nsets = 2\n");
    SessionPlan plan;
    plan_of(&plan, lib, "test");
    SessionOptions o = auto_opts();
    o.intro_ms = 1000;
    Session s;
    session_init(&s, &plan, &o);
    char *trace = run(&s, 0, 20, NULL, 0, 120, 64);
    tu_check_reference("traces/zero-rest.trace", trace);
    assert_null(strstr(trace, "\trest\t"));
    free(trace);
    library_destroy(lib);
}

// Confirm mode: OK counts a rep; end a set early; adjust the reps done.
static void test_confirm_mode_and_adjust(void **state)
{
    (void)state;
    Library *lib = test_library("[routine]\ntitle = Manual\nrest = 3\n"
                                "[step]\nexercise = squat\nreps = 5\n"
                                "[step]\nexercise = lunge\nreps = 4\n");
    SessionPlan plan;
    plan_of(&plan, lib, "test");
    SessionOptions o;
    session_options_default(&o); // intros wait for OK
    o.paced = false;
    Session s;
    session_init(&s, &plan, &o);
    Script sc[] = {
        {30.0, SESSION_CMD_OK},        // leave the intro (it waited)
        {34.0, SESSION_CMD_OK},        // rep 1
        {35.0, SESSION_CMD_OK},        // rep 2
        {36.0, SESSION_CMD_REPS_UP},   // I did one more
        {37.0, SESSION_CMD_END_SET},   // stop at 3 of 5
        {38.0, SESSION_CMD_REPS_DOWN}, // actually 2
        {45.0, SESSION_CMD_OK},        // second intro
        {46.5, SESSION_CMD_OK},        // skip the rest of the countdown
        {49.0, SESSION_CMD_OK},
        {50.0, SESSION_CMD_OK},
        {51.0, SESSION_CMD_OK},
        {52.0, SESSION_CMD_OK}, // left done
        {53.0, SESSION_CMD_OK}, // end the switch pause now
        // the right side's countdown runs 53-56
        {57.0, SESSION_CMD_REPS_UP},
        {57.1, SESSION_CMD_REPS_UP},
        {57.2, SESSION_CMD_REPS_UP},
        {57.3, SESSION_CMD_REPS_UP},
    };
    char *trace =
        run(&s, 0, 100, sc, (int)(sizeof(sc) / sizeof(sc[0])), 120, 64);
    tu_check_reference("traces/confirm-adjust.trace", trace);
    assert_int_equal(s.phase, SESSION_DONE);
    assert_int_equal(s.nresults, 3);
    assert_int_equal(s.results[0].done, 2);
    assert_int_equal(s.results[0].target, 5);
    assert_int_equal(s.results[1].done, 4);
    assert_int_equal(s.results[2].done, 4);
    free(trace);
    library_destroy(lib);
}

static void test_optional_skipped_by_setting(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    SessionPlan plan;
    plan_of(&plan, lib, "ultra-legs");
    SessionOptions o = auto_opts();
    o.include_optional = false;
    Session *s = malloc(sizeof(*s));
    session_init(s, &plan, &o);
    char *trace = run(s, 0, 100, NULL, 0, 3600, 64);
    assert_non_null(
        strstr(trace, "skipped\tSkipping Single-leg calf raises (optional)"));
    assert_null(strstr(trace, "Next up: Single-leg calf raises"));
    SessionSummary sum;
    session_summary(s, &sum);
    assert_true(sum.completed); // optional: still a complete session
    assert_int_equal(sum.optional_skipped, 1);
    assert_int_equal(sum.reps_total, 200);
    free(trace);
    free(s);
    library_destroy(lib);
}

static void test_skip_optional_command(void **state)
{
    (void)state;
    Library *lib =
        test_library("[routine]\ntitle = Opt\n"
                     "[step]\nexercise = squat\nreps = 2\nrest = 0\n"
                     "[step]\nexercise = hold\nreps = 2\noptional = yes\n");
    SessionPlan plan;
    plan_of(&plan, lib, "test");
    SessionOptions o = auto_opts();
    o.intro_ms = 1000;
    Session s;
    session_init(&s, &plan, &o);
    SessionEvent ev[64];
    session_start(&s, 0, ev, 64);
    // Not optional: nothing happens.
    assert_int_equal(
        session_command(&s, SESSION_CMD_SKIP_OPTIONAL, 500, ev, 64), 0);
    assert_int_equal(s.step, 0);
    session_tick(&s, 6500, ev, 64); // squats done, second intro
    assert_int_equal(s.step, 1);
    assert_int_equal(s.phase, SESSION_INTRO);
    int n = session_command(&s, SESSION_CMD_SKIP_OPTIONAL, 6600, ev, 64);
    assert_true(n >= 1);
    assert_int_equal(ev[0].kind, SESSION_EV_SKIPPED);
    assert_int_equal(s.phase, SESSION_DONE);
    SessionSummary sum;
    session_summary(&s, &sum);
    assert_true(sum.completed);
    assert_int_equal(sum.optional_skipped, 1);
    library_destroy(lib);
}

static void test_abort_keeps_partial_set(void **state)
{
    (void)state;
    Library *lib = test_library(two_step);
    SessionPlan plan;
    plan_of(&plan, lib, "test");
    SessionOptions o = auto_opts();
    o.intro_ms = 1000;
    Session s;
    session_init(&s, &plan, &o);
    SessionEvent ev[64];
    session_start(&s, 0, ev, 64);
    session_tick(&s, 6500, ev, 64); // intro 1 s, countdown 3 s, 2 reps
    assert_int_equal(s.reps, 2);
    session_abort(&s);
    SessionSummary sum;
    session_summary(&s, &sum);
    assert_false(sum.completed);
    assert_int_equal(sum.reps_total, 2);
    assert_int_equal(s.nresults, 1);
    library_destroy(lib);
}

static void test_clock_going_back(void **state)
{
    (void)state;
    Library *lib = test_library(two_step);
    SessionPlan plan;
    plan_of(&plan, lib, "test");
    SessionOptions o = auto_opts();
    o.intro_ms = 1000;
    Session s;
    session_init(&s, &plan, &o);
    SessionEvent ev[64];
    session_start(&s, 100000, ev, 64);
    session_tick(&s, 100500, ev, 64);
    // The clock jumps back an hour: nothing fires, nothing breaks; time
    // then goes on from the new value.
    assert_int_equal(session_tick(&s, 100000 - 3600000, ev, 64), 0);
    assert_int_equal(s.phase, SESSION_INTRO);
    int n = session_tick(&s, 100000 - 3600000 + 600, ev, 64);
    assert_true(n >= 1);
    assert_int_equal(s.phase, SESSION_COUNTDOWN);
    library_destroy(lib);
}

// What the screens read, at exact moments of a session: intro 1 s, 3-2-1,
// lunges at 1.5 s a rep per side with a 2 s switch, a 4 s rest between
// sets, then squats.
static void test_accessors_for_screens(void **state)
{
    (void)state;
    Library *lib =
        test_library("[routine]\ntitle = Read\n"
                     "[step]\nexercise = lunge\nsets = 2\nreps = 2\nrest = 4\n"
                     "[step]\nexercise = squat\nreps = 2\n");
    SessionPlan plan;
    plan_of(&plan, lib, "test");
    assert_int_equal(session_plan_exercises(&plan), 2);
    int part = 0, parts = 0;
    assert_int_equal(session_plan_exercise_at(&plan, 1, &part, &parts), 2);
    assert_int_equal(part, 1);
    assert_int_equal(parts, 1);
    SessionOptions o = auto_opts();
    o.intro_ms = 1000;
    Session s;
    session_init(&s, &plan, &o);
    SessionEvent ev[64];
    session_start(&s, 0, ev, 64);
    assert_int_equal(s.phase, SESSION_INTRO);
    session_tick(&s, 250, ev, 64);
    assert_true(session_phase_progress(&s) == 0.25f);
    assert_int_equal(session_phase_remaining_ms(&s), 750);
    assert_int_equal(session_following_step(&s), 1);
    assert_int_equal(session_ms_to_next_rep(&s), -1);
    // Countdown from 1 s: "3" at 1 s, "2" at 2 s, "1" at 3 s.
    session_tick(&s, 1500, ev, 64);
    assert_int_equal(s.phase, SESSION_COUNTDOWN);
    assert_int_equal(session_countdown_number(&s), 3);
    session_tick(&s, 3100, ev, 64);
    assert_int_equal(session_countdown_number(&s), 1);
    // Work from 4 s: rep 1 at 5.5 s, rep 2 at 7 s.
    session_tick(&s, 5000, ev, 64);
    assert_int_equal(s.phase, SESSION_WORK);
    assert_int_equal(session_countdown_number(&s), 0);
    assert_int_equal(session_ms_to_next_rep(&s), 500);
    assert_true(session_phase_progress(&s) == 0.0f); // work waits for reps
    // Left done at 7 s -> switch (2 s) -> countdown 9..12 s -> right reps at
    // 13.5 s and 15 s -> rest of 4 s from 15 s: next up is set 2 of this step.
    session_tick(&s, 16000, ev, 64);
    assert_int_equal(s.phase, SESSION_REST);
    assert_int_equal(session_next_step(&s), 0);
    assert_int_equal(session_phase_remaining_ms(&s), 3000);
    assert_true(session_phase_progress(&s) == 0.25f);
    // Second set: rest ends at 19 s, 8 s per side plus 2 s switch -> 37 s,
    // then the squats' intro; during the last set's work "next" is step 1.
    session_tick(&s, 20000, ev, 64);
    assert_int_equal(s.phase, SESSION_COUNTDOWN);
    assert_int_equal(session_next_step(&s), 1);
    session_tick(&s, 37500, ev, 64);
    assert_int_equal(s.phase, SESSION_INTRO);
    assert_int_equal(s.step, 1);
    assert_int_equal(session_next_step(&s), -1);
    assert_int_equal(session_phase_elapsed_ms(&s), 500);
    library_destroy(lib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ultra_legs_auto),
        cmocka_unit_test(test_tick_rate_independent),
        cmocka_unit_test(test_pause_across_phase_boundary),
        cmocka_unit_test(test_skip_during_countdown),
        cmocka_unit_test(test_back_at_first_exercise),
        cmocka_unit_test(test_per_side_sets),
        cmocka_unit_test(test_tempo_change_mid_set),
        cmocka_unit_test(test_zero_rest_steps),
        cmocka_unit_test(test_confirm_mode_and_adjust),
        cmocka_unit_test(test_optional_skipped_by_setting),
        cmocka_unit_test(test_skip_optional_command),
        cmocka_unit_test(test_abort_keeps_partial_set),
        cmocka_unit_test(test_clock_going_back),
        cmocka_unit_test(test_accessors_for_screens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
