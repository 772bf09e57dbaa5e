/*
 * A runner's own files over the built-in ones: routines and exercises
 * overridden by id, sections merged key by key, the coach's video cut into
 * parts, and plan.ini's errors and streak routines.
 */
#include "testutil.h"

static const char base_ex[] = "[squat]\nname = Squats\n"
                              "[lunge]\nname = Lunges\nper_side = yes\n";

// A user's file overrides a built-in routine by id; a broken one never hides
// the built-in routine.
static void test_user_override(void **state)
{
    (void)state;
    Library *lib = library_create();
    routine_parse_exercises(lib, base_ex, strlen(base_ex), "ex.ini", false);
    const char *builtin =
        "[routine]\ntitle = Built in\n[step]\nexercise = squat\nreps = 10\n";
    const char *mine =
        "[routine]\ntitle = Mine\n[step]\nexercise = lunge\nreps = 12\n";
    routine_parse_routine(lib, builtin, strlen(builtin), "builtin/x.ini", "x",
                          false);
    routine_parse_routine(lib, mine, strlen(mine), "user/x.ini", "x", true);
    library_check(lib);
    assert_int_equal(lib->diags.errors, 0);
    assert_string_equal(library_routine(lib, "x")->title, "Mine");
    assert_true(tu_has_diag(
        lib, "user/x.ini: notice: routine 'x' overrides the built-in one"));
    library_destroy(lib);

    lib = library_create();
    routine_parse_exercises(lib, base_ex, strlen(base_ex), "ex.ini", false);
    const char *broken =
        "[routine]\ntitle = Mine\n[step]\nexercise = lunge\nreps = 0\n";
    routine_parse_routine(lib, builtin, strlen(builtin), "builtin/x.ini", "x",
                          false);
    routine_parse_routine(lib, broken, strlen(broken), "user/x.ini", "x", true);
    library_check(lib);
    assert_int_equal(lib->diags.errors, 1);
    assert_string_equal(library_routine(lib, "x")->title, "Built in");
    assert_true(tu_has_diag(
        lib, "user/x.ini:5: error: reps must be at least 1, not 0"));
    assert_true(
        tu_has_diag(lib, "user/x.ini: notice: routine 'x' skipped because of "
                         "its errors; the built-in one stays"));
    library_destroy(lib);
}

static void test_user_exercise_override(void **state)
{
    (void)state;
    Library *lib = library_create();
    routine_parse_exercises(lib, base_ex, strlen(base_ex), "ex.ini", false);
    const char *mine = "[squat]\nname = Goblet squats\ncadence = 3\n"
                       "[lunge]\nname = Broken\ncadence = fast\n";
    routine_parse_exercises(lib, mine, strlen(mine), "user/ex.ini", true);
    library_check(lib);
    assert_string_equal(library_exercise(lib, "squat")->name, "Goblet squats");
    assert_int_equal(library_exercise(lib, "squat")->cadence_ms, 3000);
    assert_string_equal(library_exercise(lib, "lunge")->name, "Lunges");
    assert_true(tu_has_diag(lib, "user/ex.ini:4: notice: your exercise [lunge] "
                                 "has errors: using the built-in one"));
    library_destroy(lib);
}

// The built-in exercises with a user's exercises.ini over them.
static Library *builtin_with_user(const char *mine)
{
    Library *lib = library_create();
    char path[512];
    size_t len = 0;
    snprintf(path, sizeof(path), "%s/exercises.ini", ASSETS_DIR);
    char *t = tu_read(path, &len);
    assert_non_null(t);
    routine_parse_exercises(lib, t, len, "exercises.ini", false);
    free(t);
    routine_parse_exercises(lib, mine, strlen(mine), "user/exercises.ini",
                            true);
    library_check(lib);
    return lib;
}

// The README's own example: a section of just clip, clip_start and clip_end
// gives the exercise its part of a long video and keeps everything else.
static void test_user_exercise_merge_readme(void **state)
{
    (void)state;
    const char *mine = "; my copy\n"
                       "[band-work]\n"
                       "clip = ultra-legs-video.mp4\n"
                       "clip_start = 2:01\n"
                       "clip_end = 2:52\n";
    Library *lib = builtin_with_user(mine);
    tu_dump_diags(lib);
    assert_int_equal(lib->diags.errors, 0);
    const Exercise *ex = library_exercise(lib, "band-work");
    assert_non_null(ex);
    assert_true(ex->user);
    assert_string_equal(ex->name, "Band work");
    assert_string_equal(ex->unit, "steps");
    assert_string_equal(ex->load, "band");
    assert_string_equal(ex->pose, "band-side-steps");
    assert_int_equal(ex->npoints, 4);
    assert_string_equal(
        ex->points[0],
        "Loop the band around the legs, just above the knees or at the ankles");
    assert_int_equal(ex->cadence_ms, 1200);
    assert_string_equal(ex->clip, "ultra-legs-video.mp4");
    assert_true(ex->clip_start == 121 && ex->clip_end == 172);
    assert_true(ex->coach_video_s == 121);
    assert_true(
        tu_has_diag(lib, "user/exercises.ini:2: notice: exercise [band-work]: "
                         "your file changes clip, clip_start, clip_end"));
    library_destroy(lib);
}

// Which routines count for the streak is plan.ini's to say: a user's plan
// that names none keeps the built-in plan's, one that names some replaces it.
static void test_user_plan_streak_routines(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    const char mine[] =
        "[plan]\nweekly_target = 3\n[monday]\nroutine = daily-hips\n";
    assert_true(
        routine_parse_plan(lib, mine, strlen(mine), "user/plan.ini", true));
    library_check(lib);
    assert_int_equal(lib->plan.weekly_target, 3);
    assert_int_equal(lib->plan.nstreak, 1);
    assert_string_equal(lib->plan.streak_routines[0], "ultra-legs");
    library_destroy(lib);

    lib = tu_builtin_library();
    const char named[] =
        "[plan]\nstreak_routines = mountain-legs, daily-hips\n";
    assert_true(
        routine_parse_plan(lib, named, strlen(named), "user/plan.ini", true));
    library_check(lib);
    assert_int_equal(lib->plan.nstreak, 2);
    assert_string_equal(lib->plan.streak_routines[0], "mountain-legs");
    assert_string_equal(lib->plan.streak_routines[1], "daily-hips");
    library_destroy(lib);
}

// Per-side coaching, cadence and points survive a partial section; a point
// given replaces the built-in points; a new id still needs a name.
static void test_user_exercise_merge_keys(void **state)
{
    (void)state;
    const char *mine = "[step-ups]\n"
                       "cadence = 2.5\n"
                       "point = Drive through the heel\n"
                       "[wall-sit]\n"
                       "cadence = 3\n"
                       "[hops]\n"
                       "name = Pogo hops\n";
    Library *lib = builtin_with_user(mine);
    const Exercise *ex = library_exercise(lib, "step-ups");
    assert_non_null(ex);
    assert_string_equal(ex->name, "Single-leg step-ups");
    assert_true(ex->per_side);
    assert_string_equal(ex->load, "optional weight");
    assert_int_equal(ex->cadence_ms, 2500);
    assert_int_equal(ex->npoints, 1);
    assert_string_equal(ex->points[0], "Drive through the heel");
    assert_true(ex->coach_video_s == 172);
    assert_true(
        tu_has_diag(lib, "user/exercises.ini:1: notice: exercise [step-ups]: "
                         "your file changes cadence, point"));
    assert_true(tu_has_diag(
        lib, "user/exercises.ini:4: error: exercise [wall-sit] has no name"));
    assert_null(library_exercise(lib, "wall-sit"));
    assert_string_equal(library_exercise(lib, "hops")->name, "Pogo hops");
    assert_int_equal(lib->diags.errors, 1);
    library_destroy(lib);
}

// config.ini's coach_video: each exercise with an offset plays from it to
// the next offset in the video (the last one to the end); a clip the runner
// set wins, and so does an exercise without an offset.
static void test_coach_video_cut(void **state)
{
    (void)state;
    const char *mine = "[step-ups]\nclip = mine.webm\n"
                       "[clams]\ncoach_video = 9:10\n";
    Library *lib = builtin_with_user(mine);
    assert_int_equal(library_use_coach_video(lib, ""), 0);
    assert_string_equal(library_exercise(lib, "band-work")->clip,
                        "band-work.mp4");
    assert_int_equal(library_use_coach_video(lib, "coach.mkv"), 7);
    const Exercise *ex = library_exercise(lib, "band-work");
    assert_string_equal(ex->clip, "coach.mkv");
    assert_true(ex->from_coach_video);
    assert_true(ex->clip_start == 121 &&
                ex->clip_end == 172); // step-ups is still at 2:52
    ex = library_exercise(lib, "step-ups");
    assert_string_equal(ex->clip, "mine.webm");
    assert_false(ex->from_coach_video);
    assert_true(ex->clip_start < 0 && ex->clip_end < 0);
    ex = library_exercise(lib, "glute-bridges");
    assert_true(ex->clip_start == 480 &&
                ex->clip_end == 550); // clams moved to 9:10
    ex = library_exercise(lib, "calf-raises");
    assert_true(ex->clip_start == 682 && ex->clip_end < 0);
    ex = library_exercise(lib, "rear-lunges"); // not in the coach's video
    assert_string_equal(ex->clip, "rear-lunges.mp4");
    assert_false(ex->from_coach_video);
    library_destroy(lib);
}

static void test_plan_errors(void **state)
{
    (void)state;
    Library *lib = library_create();
    routine_parse_exercises(lib, base_ex, strlen(base_ex), "ex.ini", false);
    const char *r =
        "[routine]\ntitle = R\n[step]\nexercise = squat\nreps = 3\n";
    routine_parse_routine(lib, r, strlen(r), "r.ini", "r", false);
    const char *plan =
        "[plan]\nweekly_target = 9\n[funday]\n[monday]\nroutine = nope\n"
        "[tuesday]\nroutine = r\n";
    routine_parse_plan(lib, plan, strlen(plan), "plan.ini", false);
    library_check(lib);
    assert_true(tu_has_diag(
        lib,
        "plan.ini:2: error: 'weekly_target' = 9 is out of range (1 to 7)"));
    assert_true(tu_has_diag(lib, "plan.ini:3: error: unknown section [funday]: "
                                 "expected [plan] or a weekday"));
    assert_true(tu_has_diag(
        lib, "plan.ini:5: error: unknown routine 'nope' in the plan"));
    assert_string_equal(lib->plan.days[1].routine, "r");
    library_destroy(lib);

    // A planned routine that has errors of its own: one error, in its file.
    lib = library_create();
    routine_parse_exercises(lib, base_ex, strlen(base_ex), "ex.ini", false);
    r = "[routine]\ntitle = R\n[step]\nexercise = squat\nreps = 3-\n";
    routine_parse_routine(lib, r, strlen(r), "r.ini", "r", false);
    plan = "[tuesday]\nroutine = r\n";
    routine_parse_plan(lib, plan, strlen(plan), "plan.ini", false);
    library_check(lib);
    assert_int_equal(lib->diags.errors, 1);
    assert_true(tu_has_diag(lib, "plan.ini:2: notice: routine 'r' has errors, "
                                 "so the plan leaves this day free"));
    assert_non_null(library_routine_error(lib, "r"));
    assert_int_equal(library_routine_error(lib, "r")->line, 5);
    assert_null(library_routine_error(lib, "nope"));
    library_destroy(lib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_user_override),
        cmocka_unit_test(test_user_exercise_override),
        cmocka_unit_test(test_user_exercise_merge_readme),
        cmocka_unit_test(test_user_exercise_merge_keys),
        cmocka_unit_test(test_coach_video_cut),
        cmocka_unit_test(test_plan_errors),
        cmocka_unit_test(test_user_plan_streak_routines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
