/*
 * Routines as data: the built-in files encode the coach's routines exactly,
 * and every kind of bad input is reported with file:line and what is wrong.
 */
#include "testutil.h"

static Library *parse_pair(const char *exercises, const char *routine)
{
    Library *lib = library_create();
    routine_parse_exercises(lib, exercises, strlen(exercises), "ex.ini", false);
    if (routine)
        routine_parse_routine(lib, routine, strlen(routine), "r.ini", "r",
                              false);
    library_check(lib);
    return lib;
}

static const char base_ex[] = "[squat]\nname = Squats\n"
                              "[lunge]\nname = Lunges\nper_side = yes\n";

typedef struct Want {
    int reps_min, reps_max;
    const char *exercise;
    bool per_side;
    StepBlock block;
    bool optional;
    const char *variant;
} Want;

static void expect_steps(const Library *lib, const char *id, const Want *w,
                         int n)
{
    const Routine *rt = library_routine(lib, id);
    assert_non_null(rt);
    assert_int_equal(rt->nsteps, n);
    for (int i = 0; i < n; i++) {
        const RoutineStep *st = &rt->steps[i];
        assert_string_equal(st->exercise_id, w[i].exercise);
        assert_int_equal(st->reps_min, w[i].reps_min);
        assert_int_equal(st->reps_max, w[i].reps_max);
        assert_int_equal(st->per_side, w[i].per_side);
        assert_int_equal(st->block, w[i].block);
        assert_int_equal(st->optional, w[i].optional);
        assert_int_equal(st->sets, 1);
        assert_string_equal(st->variant, w[i].variant);
    }
}

// ROUTINES.md: Ultra Legs, in order, with its doses.
static void test_builtin_ultra_legs(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    if (lib->diags.errors)
        tu_dump_diags(lib);
    assert_int_equal(lib->diags.errors, 0);
    assert_int_equal(lib->diags.warnings, 0);
    const Want w[] = {
        {20, 20, "band-work", false, STEP_BLOCK_NONE, false, "side to side"},
        {20, 20, "band-work", false, STEP_BLOCK_NONE, false,
         "forward and back"},
        {30, 50, "step-ups", true, STEP_BLOCK_NONE, false, ""},
        {10, 10, "split-squats", true, STEP_BLOCK_NONE, false, ""},
        {10, 10, "nordic-curls", false, STEP_BLOCK_NONE, false, ""},
        {10, 10, "glute-bridges", false, STEP_BLOCK_BOTH, false, ""},
        {10, 10, "glute-bridges", true, STEP_BLOCK_SINGLE, false, ""},
        {10, 10, "clams", true, STEP_BLOCK_NONE, false, ""},
        {10, 10, "single-leg-deadlifts", true, STEP_BLOCK_NONE, false, ""},
        {30, 50, "calf-raises", true, STEP_BLOCK_NONE, true, ""},
    };
    expect_steps(lib, "ultra-legs", w, 10);
    const Routine *rt = library_routine(lib, "ultra-legs");
    assert_string_equal(rt->title, "Ultra Legs");
    assert_string_equal(rt->coach, "David Roche");
    assert_true(rt->counts_for_streak);
    assert_string_equal(rt->after, "an easy day");

    // The coach's video offsets.
    struct {
        const char *id;
        double at;
    } at[] = {{"band-work", 121},
              {"step-ups", 172},
              {"split-squats", 235},
              {"nordic-curls", 329},
              {"glute-bridges", 480},
              {"clams", 540},
              {"single-leg-deadlifts", 573},
              {"calf-raises", 682}};
    for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
        const Exercise *ex = library_exercise(lib, at[i].id);
        assert_non_null(ex);
        assert_true(ex->coach_video_s == at[i].at);
        assert_true(ex->npoints >= 3);
        assert_true(ex->equipment[0] != '\0');
    }
    // Daily exercises, per the coach.
    assert_true(library_exercise(lib, "band-work")->daily);
    assert_true(library_exercise(lib, "glute-bridges")->daily);
    assert_true(library_exercise(lib, "clams")->daily);
    assert_false(library_exercise(lib, "nordic-curls")->daily);
    library_destroy(lib);
}

static void test_builtin_mountain_and_hips(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    const Want m[] = {
        {20, 50, "rear-lunges", true, STEP_BLOCK_NONE, false, ""},
        {30, 100, "step-ups", true, STEP_BLOCK_NONE, false, ""},
    };
    expect_steps(lib, "mountain-legs", m, 2);
    const Want h[] = {
        {20, 20, "band-work", false, STEP_BLOCK_NONE, false, "side to side"},
        {20, 20, "band-work", false, STEP_BLOCK_NONE, false,
         "forward and back"},
        {10, 10, "glute-bridges", false, STEP_BLOCK_BOTH, false, ""},
        {10, 10, "glute-bridges", true, STEP_BLOCK_SINGLE, false, ""},
        {10, 10, "clams", true, STEP_BLOCK_NONE, false, ""},
    };
    expect_steps(lib, "daily-hips", h, 5);
    assert_false(library_routine(lib, "mountain-legs")->counts_for_streak);
    library_destroy(lib);
}

// The coach's example week.
static void test_builtin_plan(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    const Plan *p = &lib->plan;
    assert_true(p->loaded);
    assert_int_equal(p->weekly_target, 2);
    const char *routine[7] = {
        "",          "", "ultra-legs", "mountain-legs", "", "mountain-legs",
        "ultra-legs"};
    const char *run[7] = {"Rest or easy cross-training",
                          "Easy run and hill strides",
                          "Running workout",
                          "Easy run",
                          "Very easy run and strides",
                          "Long run",
                          "Easy run and hill strides"};
    for (int d = 0; d < 7; d++) {
        assert_string_equal(p->days[d].routine, routine[d]);
        assert_string_equal(p->days[d].run, run[d]);
    }
    assert_int_equal(p->nstreak, 1);
    assert_string_equal(p->streak_routines[0], "ultra-legs");
    assert_string_equal(p->daily, "daily-hips");
    library_destroy(lib);
}

static void test_dose_and_title(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    const Routine *rt = library_routine(lib, "ultra-legs");
    char buf[128];
    const RoutineStep *st = &rt->steps[2];
    routine_dose_text(st, library_exercise(lib, st->exercise_id), buf,
                      sizeof(buf));
    assert_string_equal(buf, "30-50 reps each leg");
    st = &rt->steps[0];
    routine_dose_text(st, library_exercise(lib, st->exercise_id), buf,
                      sizeof(buf));
    assert_string_equal(buf, "20 steps");
    st = &rt->steps[6];
    routine_step_title(st, library_exercise(lib, st->exercise_id), buf,
                       sizeof(buf));
    assert_string_equal(buf, "Glute bridges, single leg");
    library_destroy(lib);
}

static void test_bad_numbers(void **state)
{
    (void)state;
    Library *lib =
        parse_pair(base_ex, "[routine]\ntitle = T\n"
                            "[step]\nexercise = squat\nreps = 0\n"
                            "[step]\nexercise = squat\nreps = 50-30\n"
                            "[step]\nexercise = squat\nreps = 10\nrest = -5\n"
                            "[step]\nexercise = squat\nreps = ten\n"
                            "[step]\nexercise = squat\nreps = 5\nsets = 0\n");
    assert_true(
        tu_has_diag(lib, "r.ini:5: error: reps must be at least 1, not 0"));
    assert_true(tu_has_diag(
        lib, "r.ini:8: error: rep range 50-30 runs backwards: write 30-50"));
    assert_true(tu_has_diag(
        lib, "r.ini:12: error: 'rest' = -5 is out of range (0 to 900)"));
    assert_true(tu_has_diag(lib, "r.ini:15: error: reps must be a number or a "
                                 "range like 30-50, not 'ten'"));
    assert_true(tu_has_diag(
        lib, "r.ini:19: error: 'sets' = 0 is out of range (1 to 10)"));
    assert_null(library_routine(lib, "r")); // an invalid routine is not coached
    library_destroy(lib);
}

static int count_diags(const Library *lib, const char *part)
{
    int n = 0;
    for (int i = 0; i < lib->diags.count; i++)
        n += strstr(lib->diags.items[i].msg, part) != NULL;
    return n;
}

// The only error of a routine that has one mistake: exactly want.
static void expect_one_error(const char *routine, const char *want)
{
    static const char ex[] =
        "[squat]\nname = Squats\n"
        "[rear-lunges]\nname = Rear lunges\nper_side = yes\n";
    Library *lib = parse_pair(ex, routine);
    if (lib->diags.errors != 1 || !tu_has_diag(lib, want)) {
        tu_dump_diags(lib);
        fail_msg("want the one error: %s", want);
    }
    assert_null(library_routine(lib, "r"));
    assert_true(tu_has_diag(
        lib, "r.ini: notice: routine 'r' skipped because of its errors"));
    library_destroy(lib);
}

// One mistake, one error: the first cause, never its echoes ("no 'exercise
// ='", "every step is optional", "no title" after the title was misspelt).
static void test_first_cause_only(void **state)
{
    (void)state;
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexercise = rear lunges\nreps = 10\n",
        "r.ini:4: error: bad exercise id 'rear lunges': did you mean "
        "'rear-lunges'?");
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexercise = Back Squat!\nreps = 10\n"
        "[step]\nexercise = squat\nreps = 5\noptional = yes\n",
        "r.ini:4: error: bad exercise id 'Back Squat!': ids use lower-case "
        "letters, digits and '-'");
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexercise = rear-lunge\nreps = 10\n",
        "r.ini:4: error: step 1: unknown exercise 'rear-lunge' (did you mean "
        "'rear-lunges'?)");
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexercise = rear-lungse\nreps = 10\n",
        "r.ini:4: error: step 1: unknown exercise 'rear-lungse' (did you mean "
        "'rear-lunges'?)");
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexercise = pistol-squats\nreps = 10\n",
        "r.ini:4: error: step 1: unknown exercise 'pistol-squats'");
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexcercise = squat\nreps = 10\n",
        "r.ini:4: error: unknown key 'excercise' in [step] (did you mean "
        "'exercise'?)");
    expect_one_error(
        "[routine]\ntitel = T\n[step]\nexercise = squat\nreps = 10\n",
        "r.ini:2: error: unknown key 'titel' in [routine] (did you mean "
        "'title'?)");
    expect_one_error(
        "[routin]\ntitle = T\n[step]\nexercise = squat\nreps = 10\n",
        "r.ini:1: error: unknown section [routin]: expected [routine] or "
        "[step]");
    expect_one_error(
        "[routine]\ntitle = T\n[stpe]\nexercise = squat\nreps = 10\n",
        "r.ini:3: error: unknown section [stpe]: expected [routine] or [step]");
    expect_one_error(
        "[routine]\ntitle = T\n[step\nexercise = squat\nreps = 10\n",
        "r.ini:3: error: section header without ']'");
    // A real omission is still reported.
    expect_one_error("[routine]\ntitle = T\n[step]\nreps = 10\n",
                     "r.ini:3: error: step 1 has no 'exercise ='");
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexercise = squat\nreps = 10\n"
        "optional = yes\n",
        "r.ini: error: routine 'r': every step is optional");
}

// A number too large to read names the limit, not "must be a number".
static void test_limits_named(void **state)
{
    (void)state;
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexercise = squat\nreps = 99999999999\n",
        "r.ini:5: error: reps 99999999999 is more than the limit (500)");
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexercise = squat\nreps = 501\n",
        "r.ini:5: error: reps 501 is more than the limit (500)");
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexercise = squat\nreps = "
        "30-99999999999\n",
        "r.ini:5: error: reps 30-99999999999 is more than the limit (500)");
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexercise = squat\nreps = 10\n"
        "sets = 99999999999\n",
        "r.ini:6: error: 'sets' = 99999999999 is out of range (1 to 10)");
    expect_one_error(
        "[routine]\ntitle = T\nrest = 999999999999999999999999\n[step]\n"
        "exercise = squat\nreps = 10\n",
        "r.ini:3: error: 'rest' = 999999999999999999999999 is out of range (0 "
        "to 900)");
    expect_one_error(
        "[routine]\ntitle = T\n[step]\nexercise = squat\nreps = 10x\n",
        "r.ini:5: error: reps must be a number or a range like 30-50, not "
        "'10x'");
}

static void test_unknown_keys_and_sections(void **state)
{
    (void)state;
    Library *lib = parse_pair("[squat]\nname = Squats\ncolour = red\n",
                              "title = outside\n"
                              "[routine]\ntitle = T\n"
                              "[step]\nexercise = squat\nrpes = 10\n"
                              "[warmup]\nx = 1\n"
                              "this line has no equals sign\n");
    assert_true(tu_has_diag(
        lib, "ex.ini:3: error: unknown key 'colour' in exercise [squat]"));
    assert_true(
        tu_has_diag(lib, "r.ini:1: error: 'title' is outside any [section]"));
    assert_true(tu_has_diag(
        lib,
        "r.ini:6: error: unknown key 'rpes' in [step] (did you mean 'reps'?)"));
    assert_true(tu_has_diag(lib, "r.ini:7: error: unknown section [warmup]: "
                                 "expected [routine] or [step]"));
    assert_true(tu_has_diag(
        lib,
        "r.ini:9: error: expected 'key = value', '[section]' or a comment"));
    // The misspelt key is the cause; "no 'reps ='" would be its echo.
    assert_int_equal(count_diags(lib, "has no 'reps ='"), 0);
    // An exercise with an unknown key is not used, and says why.
    assert_true(tu_has_diag(
        lib, "r.ini:5: error: step 1: exercise 'squat' has errors"));
    library_destroy(lib);
}

static void test_missing_fields(void **state)
{
    (void)state;
    Library *lib = parse_pair("[squat]\ncadence = 2\n[lunge]\nname = L\n",
                              "[routine]\nblurb = no title\n"
                              "[step]\nreps = 10\n"
                              "[step]\nexercise = lunge\n");
    assert_true(
        tu_has_diag(lib, "ex.ini:1: error: exercise [squat] has no name"));
    assert_true(tu_has_diag(lib, "r.ini: error: routine 'r' has no title"));
    assert_true(tu_has_diag(lib, "r.ini:3: error: step 1 has no 'exercise ='"));
    assert_true(
        tu_has_diag(lib, "r.ini:5: error: step 2 (lunge) has no 'reps ='"));
    library_destroy(lib);

    lib = parse_pair(base_ex, "; only a comment\n");
    assert_true(tu_has_diag(
        lib, "r.ini: error: no [routine] section (it needs at least a title)"));
    assert_true(tu_has_diag(lib, "r.ini: error: routine 'r' has no [step]"));
    library_destroy(lib);
}

static void test_unknown_and_duplicate_ids(void **state)
{
    (void)state;
    Library *lib =
        parse_pair("[squat]\nname = Squats\n\n[squat]\nname = Again\n"
                   "[Bad Id]\nname = x\n",
                   "[routine]\ntitle = T\n"
                   "[step]\nexercise = squat\nreps = 5\n"
                   "[step]\nexercise = pistol\nreps = 5\n");
    assert_true(tu_has_diag(lib, "ex.ini:4: error: duplicate exercise id "
                                 "'squat' (first defined at ex.ini:1)"));
    assert_true(tu_has_diag(lib, "ex.ini:6: error: bad exercise id 'Bad Id': "
                                 "use lower-case letters, digits and '-'"));
    assert_true(
        tu_has_diag(lib, "r.ini:7: error: step 2: unknown exercise 'pistol'"));
    // The first squat stays usable.
    assert_non_null(library_exercise(lib, "squat"));
    library_destroy(lib);
}

static void test_duplicate_key(void **state)
{
    (void)state;
    Library *lib =
        parse_pair(base_ex, "[routine]\ntitle = T\n[step]\n"
                            "exercise = squat\nreps = 5\nreps = 6\n");
    assert_true(tu_has_diag(
        lib, "r.ini:6: error: duplicate key 'reps' (first set at line 5)"));
    library_destroy(lib);
}

// Every key of every section lands in its own field, and a second one in the
// same section is named with the first one's line (the key tables).
static void test_every_key_read(void **state)
{
    (void)state;
    Library *lib = library_create();
    const char ex[] =
        "[squat]\nname = Squats\nequipment = Band\nload = kg\nunit = seconds\n"
        "switch = Other leg\nper_side = yes\ncadence = 2.5\nclip = s.mp4\n"
        "clip_start = 1:05\nclip_end = 70\ncoach_video = 12\npose = squat\n"
        "daily = yes\nclip_audio = yes\npoint = Knees out\npoint = Chest up\n"
        "name = Again\n";
    routine_parse_exercises(lib, ex, strlen(ex), "ex.ini", false);
    const char rt[] =
        "[routine]\nid = legs\ntitle = Legs\nblurb = B\ncoach = C\n"
        "frequency = F\nafter = A\ncounts_for_streak = yes\nrest = 45\n"
        "finish = Done\nnote = N1\ntitle = Again\n"
        "[step]\nexercise = squat\nvariant = V\nsets = 3\nreps = 8-12\n"
        "per_side = no\nblock = both\noptional = yes\nrest = 30\nnote = SN\n"
        "sets = 4\n";
    routine_parse_routine(lib, rt, strlen(rt), "r.ini", "r", false);
    const char plan[] =
        "[plan]\nweekly_target = 3\ndaily = legs\nstreak_routines = legs, r\n"
        "weekly_target = 4\n[tuesday]\nrun = Easy 5k\nroutine = legs\nrun = "
        "x\n";
    routine_parse_plan(lib, plan, strlen(plan), "plan.ini", false);

    const Exercise *e = &lib->exercises[0];
    assert_string_equal(e->name, "Squats");
    assert_string_equal(e->equipment, "Band");
    assert_string_equal(e->load, "kg");
    assert_string_equal(e->unit, "seconds");
    assert_string_equal(e->switch_cue, "Other leg");
    assert_true(e->per_side && e->daily && e->clip_audio);
    assert_int_equal(e->cadence_ms, 2500);
    assert_string_equal(e->clip, "s.mp4");
    assert_true(e->clip_start == 65 && e->clip_end == 70 &&
                e->coach_video_s == 12);
    assert_string_equal(e->pose, "squat");
    assert_int_equal(e->npoints, 2);
    assert_string_equal(e->points[1], "Chest up");
    assert_int_equal(e->keys, (1u << EX_KEY_COUNT) - 1); // every key was set
    assert_true(tu_has_diag(
        lib, "ex.ini:18: error: duplicate key 'name' (first set at line 2)"));

    const Routine *r = &lib->routines[0];
    assert_string_equal(r->id, "legs");
    assert_string_equal(r->title, "Legs");
    assert_int_equal(r->title_line, 3);
    assert_string_equal(r->blurb, "B");
    assert_string_equal(r->coach, "C");
    assert_string_equal(r->frequency, "F");
    assert_string_equal(r->after, "A");
    assert_true(r->counts_for_streak);
    assert_int_equal(r->default_rest_s, 45);
    assert_string_equal(r->finish, "Done");
    assert_string_equal(r->notes[0], "N1");
    assert_true(tu_has_diag(
        lib, "r.ini:12: error: duplicate key 'title' (first set at line 3)"));
    const RoutineStep *st = &r->steps[0];
    assert_string_equal(st->exercise_id, "squat");
    assert_int_equal(st->exercise_line, 14);
    assert_string_equal(st->variant, "V");
    assert_int_equal(st->sets, 3);
    assert_int_equal(st->reps_min, 8);
    assert_int_equal(st->reps_max, 12);
    assert_int_equal(st->reps_line, 17);
    assert_int_equal(st->per_side, 0);
    assert_int_equal(st->block, STEP_BLOCK_BOTH);
    assert_true(st->optional);
    assert_int_equal(st->rest_s, 30);
    assert_string_equal(st->note, "SN");
    assert_true(tu_has_diag(
        lib, "r.ini:23: error: duplicate key 'sets' (first set at line 16)"));

    const Plan *pl = &lib->plan;
    assert_int_equal(pl->weekly_target, 3);
    assert_string_equal(pl->daily, "legs");
    assert_int_equal(pl->nstreak, 2);
    assert_string_equal(pl->streak_routines[1], "r");
    assert_string_equal(pl->days[1].run, "Easy 5k");
    assert_string_equal(pl->days[1].routine, "legs");
    assert_int_equal(pl->days[1].line, 8);
    assert_true(tu_has_diag(lib, "plan.ini:5: error: duplicate key "
                                 "'weekly_target' (first set at line 2)"));
    assert_true(tu_has_diag(
        lib, "plan.ini:9: error: duplicate key 'run' (first set at line 7)"));
    library_destroy(lib);
}

static void test_block_rules(void **state)
{
    (void)state;
    Library *lib = parse_pair(
        base_ex, "[routine]\ntitle = T\n"
                 "[step]\nexercise = squat\nblock = both\nreps = 10\n"
                 "[step]\nexercise = squat\nblock = single-leg\nreps = 10\n"
                 "[step]\nexercise = lunge\nblock = half\nreps = 1\n");
    assert_true(tu_has_diag(
        lib,
        "r.ini:13: error: block must be 'both' or 'single-leg', not 'half'"));
    const Routine *rt = &lib->routines[0];
    assert_int_equal(rt->steps[0].per_side, 0);
    assert_int_equal(rt->steps[1].per_side, 1); // single-leg is per side
    library_destroy(lib);

    lib = parse_pair(base_ex, "[routine]\ntitle = T\n[step]\nexercise = squat\n"
                              "block = single-leg\nper_side = no\nreps = 3\n");
    assert_true(tu_has_diag(
        lib, "r.ini:3: error: step 1: a single-leg block is always per side"));
    library_destroy(lib);
}

static void test_long_line_and_binary(void **state)
{
    (void)state;
    char text[1024];
    char longname[400];
    memset(longname, 'a', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    snprintf(text, sizeof(text), "[squat]\nname = %s\n[lunge]\nname = L\n",
             longname);
    Library *lib = library_create();
    routine_parse_exercises(lib, text, strlen(text), "ex.ini", false);
    assert_true(tu_has_diag(
        lib, "ex.ini:2: error: line too long (at most 197 characters)"));
    library_check(lib);
    assert_non_null(library_exercise(lib, "lunge"));
    library_destroy(lib);

    static const char bin[] =
        "[squat]\nname = S\0\xff\xfe\n[lunge]\nname = L\n";
    lib = library_create();
    routine_parse_exercises(lib, bin, sizeof(bin) - 1, "bin.ini", false);
    assert_true(tu_has_diag(
        lib, "bin.ini:2: error: NUL byte in the line: is this a text file?"));
    library_destroy(lib);
}

static void test_exercise_values(void **state)
{
    (void)state;
    Library *lib = parse_pair(
        "[a]\nname = A\ncadence = 0\n"
        "[b]\nname = B\nclip = ../x.mp4\n"
        "[c]\nname = C\nclip = c.mp4\nclip_start = 1:10\nclip_end = 0:30\n"
        "[d]\nname = D\nper_side = maybe\n"
        "[e]\nname = E\nclip = e.mp4\nclip_start = 2:01\nclip_end = 2:52\n",
        NULL);
    assert_true(tu_has_diag(lib, "ex.ini:3: error: cadence must be seconds per "
                                 "rep between 0.3 and 30, not '0'"));
    assert_true(tu_has_diag(lib, "ex.ini:6: error: clip must be a file name in "
                                 "a videos folder, not a path: '../x.mp4'"));
    assert_true(tu_has_diag(lib, "ex.ini:7: error: exercise [c]: clip_end "
                                 "(30.00) must be after clip_start (70.00)"));
    assert_true(tu_has_diag(
        lib, "ex.ini:14: error: 'per_side' must be yes or no, not 'maybe'"));
    const Exercise *e = library_exercise(lib, "e");
    assert_non_null(e);
    assert_true(e->clip_start == 121.0 && e->clip_end == 172.0);
    library_destroy(lib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_ultra_legs),
        cmocka_unit_test(test_builtin_mountain_and_hips),
        cmocka_unit_test(test_builtin_plan),
        cmocka_unit_test(test_dose_and_title),
        cmocka_unit_test(test_bad_numbers),
        cmocka_unit_test(test_unknown_keys_and_sections),
        cmocka_unit_test(test_missing_fields),
        cmocka_unit_test(test_unknown_and_duplicate_ids),
        cmocka_unit_test(test_duplicate_key),
        cmocka_unit_test(test_block_rules),
        cmocka_unit_test(test_long_line_and_binary),
        cmocka_unit_test(test_exercise_values),
        cmocka_unit_test(test_first_cause_only),
        cmocka_unit_test(test_limits_named),
        cmocka_unit_test(test_every_key_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
