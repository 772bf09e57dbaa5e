/*
 * Streaks, progression, XP and badges on hand-made histories.
 */
#include "testutil.h"

#include "core/calendar.h"
#include "core/history.h"
#include "core/history_view.h"
#include "core/progression.h"

static const char counting[1][RT_ID_MAX] = {"ultra-legs"};
static const StreakRules rules = {2, counting, 1};
static const char band_routines[2][RT_ID_MAX] = {"daily-hips", "ultra-legs"};

static int64_t day(int y, int m, int d)
{
    return cal_days_from_civil(y, m, d);
}

// A session on a date (evening, UTC-7) with optional band work.
static void add(History *h, int64_t d, const char *routine, bool completed,
                bool band)
{
    HistorySession s = {0};
    static int64_t next_id = 1;
    s.id = next_id++;
    snprintf(s.routine, sizeof(s.routine), "%s", routine);
    s.started_utc = d * 86400 + 25 * 3600; // 18:00 at UTC-7
    s.offset_min = -420;
    s.training_day = cal_training_day(s.started_utc, s.offset_min, 180);
    assert_int_equal(s.training_day, d);
    s.completed = completed;
    assert_true(history_add_session(h, &s));
    if (band) {
        HistorySet set = {.target = 20, .done = 20};
        snprintf(set.exercise, sizeof(set.exercise), "band-work");
        assert_true(history_add_set(h, &set));
    }
}

static void test_weekly_streak(void **state)
{
    (void)state;
    History h = {0};
    // Weeks of 2026-11-02, -09, -16 met; week of -23 (this week) has one.
    int64_t mon = day(2026, 11, 2);
    for (int w = 0; w < 3; w++) {
        add(&h, mon + 7 * w + 2, "ultra-legs", true, true);
        add(&h, mon + 7 * w + 6, "ultra-legs", true, true);
        add(&h, mon + 7 * w + 3, "mountain-legs", true, false); // not counting
    }
    add(&h, mon + 21 + 2, "ultra-legs", true, false);
    WeeklyStreak ws;
    int64_t today = mon + 21 + 4; // Friday of the open week
    history_weekly_streak(&h, &rules, today, &ws);
    assert_int_equal(ws.current, 3); // the open week does not break it
    assert_int_equal(ws.longest, 3);
    assert_int_equal(ws.status, STREAK_OPEN);
    assert_int_equal(ws.this_week_sessions, 1);
    // Meeting the target extends the streak at once.
    add(&h, mon + 21 + 4, "ultra-legs", true, false);
    history_weekly_streak(&h, &rules, today, &ws);
    assert_int_equal(ws.current, 4);
    assert_int_equal(ws.status, STREAK_MET);
    // A week later with nothing: the previous week (met) still counts while
    // this one is open; a week after that the streak is broken.
    history_weekly_streak(&h, &rules, today + 7, &ws);
    assert_int_equal(ws.current, 4);
    history_weekly_streak(&h, &rules, today + 14, &ws);
    assert_int_equal(ws.current, 0);
    assert_int_equal(ws.longest, 4);
    history_free(&h);
}

static void test_incomplete_and_suspect_do_not_count(void **state)
{
    (void)state;
    History h = {0};
    int64_t mon = day(2026, 11, 16);
    add(&h, mon, "ultra-legs", true, false);
    add(&h, mon + 1, "ultra-legs", false, false); // partial
    WeeklyStreak ws;
    history_weekly_streak(&h, &rules, mon + 6, &ws);
    assert_int_equal(ws.this_week_sessions, 1);
    // A session with an untrusted clock never counts.
    add(&h, mon + 2, "ultra-legs", true, false);
    h.sessions[h.nsessions - 1].clock_suspect = true;
    history_weekly_streak(&h, &rules, mon + 6, &ws);
    assert_int_equal(ws.this_week_sessions, 1);
    assert_int_equal(ws.current, 0);
    history_free(&h);
}

static void test_paused_weeks(void **state)
{
    (void)state;
    History h = {0};
    int64_t mon = day(2026, 10, 5);
    // Met, met, (injury: two paused weeks), met.
    for (int w = 0; w < 2; w++) {
        add(&h, mon + 7 * w, "ultra-legs", true, false);
        add(&h, mon + 7 * w + 3, "ultra-legs", true, false);
    }
    history_add_paused_week(&h, cal_week_index(mon + 14));
    history_add_paused_week(&h, cal_week_index(mon + 21));
    add(&h, mon + 28, "ultra-legs", true, false);
    add(&h, mon + 30, "ultra-legs", true, false);
    WeeklyStreak ws;
    history_weekly_streak(&h, &rules, mon + 31, &ws);
    assert_int_equal(ws.current, 3); // paused weeks neither break nor extend
    assert_int_equal(ws.longest, 3);
    // Pausing the current week shows as paused.
    history_add_paused_week(&h, cal_week_index(mon + 35));
    history_weekly_streak(&h, &rules, mon + 36, &ws);
    assert_int_equal(ws.status, STREAK_PAUSED);
    assert_int_equal(ws.current, 3);
    history_free(&h);
}

static void test_timezone_change_mid_streak(void **state)
{
    (void)state;
    // The runner flies from Denver (UTC-7) to Berlin (UTC+1). Each session's
    // own offset decides its day: a late session in Denver stays on its day.
    History h = {0};
    HistorySession s = {0};
    snprintf(s.routine, sizeof(s.routine), "ultra-legs");
    s.completed = true;
    const char *starts[] = {
        "2026-11-18T23:30:00-07:00", "2026-11-20T19:00:00-07:00",
        "2026-11-24T07:00:00+01:00", "2026-11-26T02:00:00+01:00"};
    int64_t want[] = {day(2026, 11, 18), day(2026, 11, 20), day(2026, 11, 24),
                      day(2026, 11, 25)};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(
            cal_parse_iso(starts[i], &s.started_utc, &s.offset_min), 0);
        s.training_day = cal_training_day(s.started_utc, s.offset_min, 180);
        assert_int_equal(s.training_day, want[i]);
        history_add_session(&h, &s);
    }
    WeeklyStreak ws;
    history_weekly_streak(&h, &rules, day(2026, 11, 27), &ws);
    assert_int_equal(ws.current, 2);
    assert_int_equal(ws.this_week_sessions, 2);
    history_free(&h);
}

static void test_band_streak(void **state)
{
    (void)state;
    History h = {0};
    int64_t d0 = day(2026, 11, 20);
    add(&h, d0, "daily-hips", true, true);
    add(&h, d0 + 1, "ultra-legs", true, true);
    add(&h, d0 + 1, "daily-hips", true, true);     // same day twice
    add(&h, d0 + 2, "mountain-legs", true, false); // no band: a gap
    add(&h, d0 + 3, "daily-hips", true, true);
    add(&h, d0 + 4, "daily-hips", true, true);
    int cur, longest;
    history_band_streak(&h, band_routines, 2, d0 + 4, &cur, &longest);
    assert_int_equal(cur, 2);
    assert_int_equal(longest, 2);
    history_band_streak(&h, band_routines, 2, d0 + 5, &cur,
                        &longest); // today still open
    assert_int_equal(cur, 2);
    history_band_streak(&h, band_routines, 2, d0 + 6, &cur,
                        &longest); // a missed day
    assert_int_equal(cur, 0);
    history_free(&h);
}

// The runs' dates: the Monday of the first met week and the Sunday of the
// last; what this week still needs and by when.
static void test_streak_dates_and_need(void **state)
{
    (void)state;
    History h = {0};
    int64_t mon = day(2025, 3, 3); // a Monday
    // Three met weeks, a broken one, two met, a paused one, one met: the
    // longest (3) is the first run; the current run (3) spans the pause.
    int met[] = {0, 1, 2, 4, 5, 7};
    for (int i = 0; i < 6; i++) {
        add(&h, mon + 7 * met[i] + 1, "ultra-legs", true, false);
        add(&h, mon + 7 * met[i] + 4, "ultra-legs", true, false);
    }
    add(&h, mon + 7 * 3 + 2, "ultra-legs", true, false); // one: broken
    history_add_paused_week(&h, cal_week_index(mon + 7 * 6));
    add(&h, mon + 7 * 8 + 1, "ultra-legs", true, false); // this week: one
    WeeklyStreak ws;
    int64_t today = mon + 7 * 8 + 3; // Thursday
    history_weekly_streak(&h, &rules, today, &ws);
    assert_int_equal(ws.longest, 3);
    assert_int_equal(ws.longest_from, mon);
    assert_int_equal(ws.longest_to, day(2025, 3, 23));
    assert_int_equal(ws.current, 3);
    assert_int_equal(ws.current_from, mon + 7 * 4);
    assert_int_equal(ws.needed, 1);
    assert_int_equal(ws.deadline, mon + 7 * 8 + 6);
    // Met this week: nothing needed; the current run is now the longest.
    add(&h, today, "ultra-legs", true, false);
    history_weekly_streak(&h, &rules, today, &ws);
    assert_int_equal(ws.needed, 0);
    assert_int_equal(ws.longest, 4);
    assert_int_equal(ws.longest_from, mon + 7 * 4);
    assert_int_equal(ws.longest_to, mon + 7 * 8 + 6);
    // A paused week needs nothing.
    history_add_paused_week(&h, cal_week_index(today + 7));
    history_weekly_streak(&h, &rules, today + 7, &ws);
    assert_int_equal(ws.status, STREAK_PAUSED);
    assert_int_equal(ws.needed, 0);
    history_free(&h);
}

// Imported sessions carry no sets: a completed one of a routine with band
// work counts for the band-work streak; one coached here with its band work
// skipped does not.
static void test_band_streak_imported(void **state)
{
    (void)state;
    History h = {0};
    int64_t d0 = day(2026, 11, 20);
    for (int i = 0; i < 4; i++)
        add(&h, d0 + i, "daily-hips", true, false); // imported: no sets
    add(&h, d0 + 4, "mountain-legs", true, false);  // no band work in it
    add(&h, d0 + 5, "daily-hips", false, false);    // not completed
    int cur, longest;
    history_band_streak(&h, band_routines, 2, d0 + 3, &cur, &longest);
    assert_int_equal(cur, 4);
    assert_int_equal(longest, 4);
    history_band_streak(&h, band_routines, 2, d0 + 5, &cur, &longest);
    assert_int_equal(cur, 0);
    assert_int_equal(longest, 4);
    // Coached here, band work skipped: not a band-work day.
    add(&h, d0 + 6, "daily-hips", true, false);
    HistorySet set = {.target = 20, .done = 0, .skipped = true};
    snprintf(set.exercise, sizeof(set.exercise), "band-work");
    assert_true(history_add_set(&h, &set));
    add(&h, d0 + 7, "daily-hips", true, false);
    history_band_streak(&h, band_routines, 2, d0 + 7, &cur, &longest);
    assert_int_equal(cur, 1);
    history_free(&h);
}

// One session of a routine step: `sets` sets of (target, done).
static void add_step(History *h, int64_t d, const char *routine,
                     const char *exercise, StepBlock block, int target,
                     int done, double load)
{
    add(h, d, routine, done >= target, false);
    for (int side = 1; side <= 2; side++) {
        HistorySet set = {.block = block,
                          .side = side,
                          .target = target,
                          .done = done,
                          .load_kg = load};
        snprintf(set.exercise, sizeof(set.exercise), "%s", exercise);
        history_add_set(h, &set);
    }
}

static void test_progression_range(void **state)
{
    (void)state;
    RoutineStep st = {.reps_min = 30, .reps_max = 50, .per_side = 1};
    snprintf(st.exercise_id, sizeof(st.exercise_id), "step-ups");
    History h = {0};
    int64_t d0 = day(2026, 9, 2);
    ProgressionItem p;
    progression_for_step(&h, "ultra-legs", &st, d0, &p);
    assert_int_equal(p.target, 30);
    assert_int_equal(p.suggestion, PROG_EARLY); // nothing done yet

    // First two weeks: hits every rep, but targets hold at the bottom.
    add_step(&h, d0, "ultra-legs", "step-ups", STEP_BLOCK_NONE, 30, 30, 0);
    add_step(&h, d0 + 4, "ultra-legs", "step-ups", STEP_BLOCK_NONE, 30, 30, 0);
    progression_for_step(&h, "ultra-legs", &st, d0 + 7, &p);
    assert_int_equal(p.target, 30);
    assert_int_equal(p.suggestion, PROG_EARLY);
    // After two weeks: +5 for a session completed at target.
    progression_for_step(&h, "ultra-legs", &st, d0 + 14, &p);
    assert_int_equal(p.target, 35);
    assert_int_equal(p.suggestion, PROG_STEP_UP);
    // An incomplete set holds the target.
    add_step(&h, d0 + 15, "ultra-legs", "step-ups", STEP_BLOCK_NONE, 35, 31, 0);
    progression_for_step(&h, "ultra-legs", &st, d0 + 16, &p);
    assert_int_equal(p.target, 35);
    assert_int_equal(p.suggestion, PROG_NONE);
    for (int t = 35; t <= 50; t += 5)
        add_step(&h, d0 + 17 + t, "ultra-legs", "step-ups", STEP_BLOCK_NONE, t,
                 t, 0);
    progression_for_step(&h, "ultra-legs", &st, d0 + 80, &p);
    assert_int_equal(p.target, 50);
    assert_int_equal(p.suggestion, PROG_TOP_OF_RANGE);
    assert_int_equal(p.sessions, 7);
    assert_int_equal(p.nseries, 7);
    assert_int_equal(p.series[6], 100); // 50 per leg
    // Mountain Legs' step-ups (30-100) do not move Ultra Legs' target.
    add_step(&h, d0 + 81, "mountain-legs", "step-ups", STEP_BLOCK_NONE, 30, 10,
             0);
    progression_for_step(&h, "ultra-legs", &st, d0 + 82, &p);
    assert_int_equal(p.target, 50);
    history_free(&h);
}

static void test_progression_fixed(void **state)
{
    (void)state;
    RoutineStep st = {.reps_min = 10, .reps_max = 10, .per_side = 1};
    snprintf(st.exercise_id, sizeof(st.exercise_id), "split-squats");
    History h = {0};
    int64_t d0 = day(2026, 9, 1);
    add(&h, d0, "ultra-legs", true, false); // the first session ever
    ProgressionItem p;
    for (int i = 0; i < 3; i++)
        add_step(&h, d0 + 20 + 3 * i, "ultra-legs", "split-squats",
                 STEP_BLOCK_NONE, 10, 10, 8);
    progression_for_step(&h, "ultra-legs", &st, d0 + 40, &p);
    assert_int_equal(p.target, 10);
    assert_int_equal(p.suggestion, PROG_ADD_LOAD);
    assert_true(p.last_load_kg == 8);
    history_free(&h);
}

static void test_xp_levels_badges(void **state)
{
    (void)state;
    assert_int_equal(progression_level(0), 1);
    assert_int_equal(progression_level(99), 1);
    assert_int_equal(progression_level(100), 2);
    assert_int_equal(progression_level(299), 2);
    assert_int_equal(progression_level(300), 3);
    assert_int_equal(progression_level(600), 4);
    History h = {0};
    int64_t d0 = day(2026, 1, 5);
    // 40 sessions of 20 step-ups with a 13 kg kettlebell (2 sides x 10).
    for (int i = 0; i < 40; i++)
        add_step(&h, d0 + i, "ultra-legs", "step-ups", STEP_BLOCK_NONE, 10, 10,
                 13);
    assert_int_equal(progression_xp(&h), 40 * 20 + 40 * 50);
    assert_true(history_total_load(&h) == 40 * 20 * 13.0);
    WeeklyStreak ws;
    history_weekly_streak(&h, &rules, d0 + 40, &ws);
    assert_true(ws.longest >= 5);
    Badge b[BADGES_MAX];
    int n = progression_badges(&h, &ws, b, BADGES_MAX);
    const char *want[] = {"first-session", "first-full-week", "streak-4",
                          "ultra-10", "honda-civic"};
    assert_int_equal(n, 5);
    for (int i = 0; i < n; i++)
        assert_string_equal(b[i].id, want[i]);
    // 800 + 5 x 40 = 1,000 step-ups.
    for (int i = 0; i < 5; i++)
        add_step(&h, d0 + 60 + i, "mountain-legs", "step-ups", STEP_BLOCK_NONE,
                 20, 20, 0);
    n = progression_badges(&h, &ws, b, BADGES_MAX);
    assert_int_equal(n, 6);
    assert_string_equal(b[4].id, "step-ups-1000");
    assert_string_equal(b[4].title, "1,000 step-ups");
    history_free(&h);
}

static void test_easy_day_guard(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    History h = {0};
    int64_t wed = day(2026, 11, 25);
    add(&h, wed, "ultra-legs", true, true);
    HistoryView *v = malloc(sizeof(*v));
    history_view_build(v, &h, lib, wed + 1, 0);
    assert_true(v->easy_day);
    assert_false(v->done_today);
    history_view_build(v, &h, lib, wed + 2, 0);
    assert_false(v->easy_day);
    history_view_build(v, &h, lib, wed, 0);
    assert_true(v->done_today);
    assert_string_equal(v->iso_week, "2026-W48");
    free(v);
    history_free(&h);
    library_destroy(lib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekly_streak),
        cmocka_unit_test(test_incomplete_and_suspect_do_not_count),
        cmocka_unit_test(test_paused_weeks),
        cmocka_unit_test(test_timezone_change_mid_streak),
        cmocka_unit_test(test_band_streak),
        cmocka_unit_test(test_streak_dates_and_need),
        cmocka_unit_test(test_band_streak_imported),
        cmocka_unit_test(test_progression_range),
        cmocka_unit_test(test_progression_fixed),
        cmocka_unit_test(test_xp_levels_badges),
        cmocka_unit_test(test_easy_day_guard),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
