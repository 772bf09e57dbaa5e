/*
 * Every screen at every size, checked as geometry: the kiosk runs headless
 * with --layout-log and each logged frame is checked for text off the
 * screen, text over text, text under the minimum size (3.5% of the height,
 * 3% of the width on a portrait screen) and cut routine titles. Sizes:
 * 1280x720, 1920x1080, 3840x2160, 1024x768, 1080x1920, 720x1280; routines:
 * 1, 3 (the built-in ones), 12 and 60, with accented, Chinese and Arabic
 * titles. One kiosk process per size and routine count.
 */
#include "layout_util.h"

static const char *const titles[] = {
    "Café Légs Força",
    // 腿部力量训练
    "\xe8\x85\xbf\xe9\x83\xa8\xe5\x8a\x9b\xe9\x87\x8f\xe8\xae\xad\xe7\xbb"
    "\x83",
    // تمارين الساقين
    "\xd8\xaa\xd9\x85\xd8\xa7\xd8\xb1\xd9\x8a\xd9\x86 "
    "\xd8\xa7\xd9\x84\xd8\xb3\xd8\xa7\xd9\x82\xd9\x8a\xd9\x86",
    "Hill Climber Strength and Stability for Long Mountain Races",
    "Żółte Nórdic Curls",
};

static void make_data(const char *name, int extra)
{
    char path[512];
    snprintf(path, sizeof(path), "mkdir -p %s/%s/routines", ku_dir, name);
    assert_int_equal(system(path), 0);
    snprintf(path, sizeof(path), "%s/%s/exercises.ini", ku_dir, name);
    write_path(
        path,
        "[intl-a]\nname = Fentes arrière élargies avec élan contrôlé\n"
        "point = Gardez le buste droit et le genou au-dessus du pied\n"
        "point = \xe6\x85\xa2\xe6\x85\xa2\xe4\xb8\x8b\xe8\xb9\xb2\xef\xbc\x8c"
        "\xe4\xbf\x9d\xe6\x8c\x81\xe8\x86\x9d\xe7\x9b\x96\xe7\xa8\xb3\xe5\xae"
        "\x9a\n"
        "equipment = Une chaise, un mur\nper_side = yes\ncadence = 1\n"
        "pose = rear-lunges\n\n"
        "[intl-b]\nname = \xe5\x8d\x95\xe8\x85\xbf\xe8\x87\x80\xe6\xa1\xa5\n"
        "point = \xd8\xa7\xd8\xb1\xd9\x81\xd8\xb9 "
        "\xd8\xa7\xd9\x84\xd9\x88\xd8\xb1\xd9\x83\n"
        "cadence = 1\npose = glute-bridges\n");
    for (int i = 0; i < extra; i++) {
        snprintf(path, sizeof(path), "%s/%s/routines/r%02d.ini", ku_dir, name,
                 i);
        char body[2048];
        if (i == 0)
            snprintf(body, sizeof(body),
                     "[routine]\ntitle = %s\nfrequency = tous les jours, "
                     "\xe6\xaf\x8f\xe5\xa4\xa9\nrest = 3\n"
                     "[step]\nexercise = intl-a\nreps = 2\nsets = 2\n"
                     "[step]\nexercise = intl-b\nreps = 2\n",
                     titles[0]);
        else
            snprintf(body, sizeof(body),
                     "[routine]\ntitle = %s %d\nrest = 5\n"
                     "[step]\nexercise = intl-b\nreps = 3\n",
                     titles[i % 5], i);
        write_path(path, body);
    }
}

// Assets with one routine only.
static void make_assets1(void)
{
    char cmd[2048];
    snprintf(cmd, sizeof(cmd),
             "cp -r %s %s/assets1 && rm %s/assets1/routines/daily-hips.ini "
             "%s/assets1/routines/mountain-legs.ini && sed -i -e 's/= "
             "*mountain-legs/=/'"
             " -e 's/= *daily-hips/=/' %s/assets1/plan.ini",
             ASSETS_DIR, ku_dir, ku_dir, ku_dir, ku_dir);
    assert_int_equal(system(cmd), 0);
}

static int setup(void **state)
{
    failures = 0; // each test counts its own
    if (ku_setup(state) != 0)
        return -1;
    make_assets1();
    make_data("d3", 0);
    make_data("d12", 9);
    make_data("d60", 57);
    return 0;
}

static int frame_count(const Frame *fr, int n, const char *screen)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += strcmp(fr[i].screen, screen) == 0;
    return k;
}

// Home with 1, 3, 12 and 60 routines; history, settings and the last
// routine reached by scrolling.
static void test_home_every_size(void **state)
{
    (void)state;
    char script[400];
    snprintf(script, sizeof(script), "%s/scroll.txt", ku_dir);
    FILE *f = fopen(script, "w");
    fputs("2 next\n3 next\n", f);
    for (int i = 0; i < 58; i++)
        fprintf(f, "%.2f next\n", 4 + i * 0.05);
    fputs("10 history\n11 back\n12 settings\n13 back\n14 prev\n", f);
    fclose(f);
    static const struct {
        const char *tag, *env, *data;
        int routines;
    } runs[] = {
        {"r1", "ULTRALEGS_ASSETS_DIR=assets1", "d3", 1},
        {"r3", "", "d3", 3},
        {"r12", "", "d12", 12},
        {"r60", "", "d60", 60},
    };
    for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
        for (size_t r = 0; r < sizeof(runs) / sizeof(runs[0]); r++) {
            int w = sizes[s][0], h = sizes[s][1];
            char args[1024];
            bool full = r == 1 || r == 3;
            snprintf(
                args, sizeof(args),
                "--data-dir %s --script %s --screenshot 1:%s-%dx%d-home.png"
                " --screenshot 2.1:%s-%dx%d-scroll.png --screenshot "
                "3.5:%s-%dx%d-next2.png"
                "%s%s%s%s%s%s%s%s",
                runs[r].data, script, runs[r].tag, w, h, runs[r].tag, w, h,
                runs[r].tag, w, h, full ? " --screenshot 10.5:" : "",
                full ? runs[r].tag : "", full ? "-history.png" : "",
                full ? " --screenshot 12.5:" : "", full ? runs[r].tag : "",
                full ? "-settings.png" : "", full ? " --screenshot 15:" : "",
                full ? "home-last.png" : "");
            Frame *fr;
            int n = run_and_check(w, h, runs[r].tag, runs[r].env, args, &fr);
            assert_int_equal(n, full ? 6 : 3);
            assert_int_equal(frame_count(fr, n, "home"), full ? 4 : 3);
            // The first routine is shown whole, with its title.
            if (r >= 2 && !shows_title(&fr[0], "Ultra Legs"))
                BAD(&fr[0], "Ultra Legs not shown whole");
            // On a landscape screen the runner sees what is next: the
            // neighbour to the right names itself.
            if (r == 1 && w > h && !shows_title(&fr[0], "Daily Hips"))
                BAD(&fr[0], "the neighbour card does not say it is Daily Hips");
            if (r == 3) {
                // After 60 steps right and one left: the last of 60.
                char last[200];
                snprintf(last, sizeof(last), "%s 56", titles[56 % 5]);
                if (!shows_title(&fr[n - 1], last))
                    BAD(&fr[n - 1], "\"%s\" (the last routine) not shown whole",
                        last);
                // It has one exercise, and says so in the singular.
                if (!shows_title(&fr[n - 1], "1 exercise") ||
                    shows_title(&fr[n - 1], "1 exercises"))
                    BAD(&fr[n - 1], "not \"1 exercise\"");
            }
            free(fr);
        }
    }
    assert_int_equal(failures, 0);
}

// The coaching screens with an international routine: intro, countdown,
// work, switch, rest, pause, summary.
static void test_session_every_size(void **state)
{
    (void)state;
    char script[400];
    snprintf(script, sizeof(script), "%s/pause.txt", ku_dir);
    write_path(script, "12.55 back\n12.8 ok\n");
    for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
        int w = sizes[s][0], h = sizes[s][1];
        char args[1024];
        // A fresh copy of the data each time: every run saves a session.
        char cmd[1200];
        snprintf(cmd, sizeof(cmd), "cp -r %s/d12 %s/s%dx%d", ku_dir, ku_dir, w,
                 h);
        assert_int_equal(system(cmd), 0);
        snprintf(args, sizeof(args),
                 "--data-dir s%dx%d --routine r00 --auto --script %s"
                 " --screenshot 2:s-%dx%d-intro.png --screenshot "
                 "9:s-%dx%d-countdown.png"
                 " --screenshot 12.5:s-%dx%d-work.png --screenshot "
                 "12.6:s-%dx%d-pause.png"
                 " --screenshot 14.5:s-%dx%d-switch.png --screenshot "
                 "21.5:s-%dx%d-rest.png"
                 " --screenshot 56:s-%dx%d-summary.png",
                 w, h, script, w, h, w, h, w, h, w, h, w, h, w, h, w, h);
        Frame *fr;
        int n = run_and_check(w, h, "session", "", args, &fr);
        assert_int_equal(n, 7);
        static const char *const want[] = {
            "intro", "countdown", "work", "pause", "switch", "rest", "summary"};
        for (size_t k = 0; k < 7; k++)
            if (frame_count(fr, n, want[k]) < 1)
                print_message("%dx%d: no %s frame\n", w, h, want[k]),
                    failures++;
        free(fr);
    }
    assert_int_equal(failures, 0);
}

// The moments of a whole --auto Ultra Legs session, from its cue log:
// every intro (after each "announce"), every rest, every set's work and
// every switch. Returns how many were written into times.
static int session_moments(const char *data, double *times, const char **names,
                           int max)
{
    assert_int_equal(ku_run(NULL,
                            "cd %s && " BIN
                            " --headless --virtual-clock --windowed=1280x720"
                            " --data-dir %s --routine ultra-legs --auto "
                            "--cue-log moments.txt" NOW " 2>/dev/null",
                            ku_dir, data),
                     0);
    char *text = ku_read("%s/moments.txt", ku_dir);
    assert_non_null(text);
    int n = 0;
    for (char *line = text; line && *line && n < max;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        double t;
        char kind[32];
        if (sscanf(line, "%lf\t%31[a-z_]", &t, kind) == 2) {
            if (strcmp(kind, "announce") == 0)
                times[n] = t + 4, names[n++] = "intro";
            else if (strcmp(kind, "rest") == 0)
                times[n] = t + 6, names[n++] = "rest";
            else if (strcmp(kind, "go") == 0)
                times[n] = t + 3.1, names[n++] = "work";
            else if (strcmp(kind, "switch") == 0)
                times[n] = t + 0.5, names[n++] = "switch";
        }
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    return n;
}

// Every intro, rest, work and switch of a whole Ultra Legs session, at the
// sizes a runner's TV or monitor has; with a standing notice (the history
// cannot be opened) that must cover nothing. The built-in texts all fit
// wrapped: none may be cut.
static void run_whole_session(const char *tag, const char *data)
{
    double times[64];
    const char *names[64];
    int nt = session_moments(data, times, names, 64);
    assert_true(nt >= 30);
    static const int whole[][2] = {
        {1280, 720}, {1920, 1080}, {3840, 2160}, {1024, 768}, {1080, 1920}};
    no_cut = true;
    for (size_t s = 0; s < sizeof(whole) / sizeof(whole[0]); s++) {
        int w = whole[s][0], h = whole[s][1];
        char args[8192];
        int len = snprintf(args, sizeof(args),
                           "--data-dir %s --routine ultra-legs --auto", data);
        for (int i = 0; i < nt; i++)
            len += snprintf(args + len, sizeof(args) - (size_t)len,
                            " --screenshot %.2f:%s-%dx%d-%02d-%s.png", times[i],
                            tag, w, h, i, names[i]);
        Frame *fr;
        int n = run_and_check(w, h, tag, "", args, &fr);
        assert_int_equal(n, nt);
        for (int i = 0; i < n; i++)
            if (strcmp(fr[i].screen, names[i]) != 0)
                BAD(&fr[i], "expected the %s screen", names[i]);
        free(fr);
    }
    no_cut = false;
    assert_int_equal(failures, 0);
}

static void test_whole_session(void **state)
{
    (void)state;
    run_whole_session("whole", "d3");
}

// The history cannot be opened (its folder is a file): the notice stands
// all session long, and covers nothing.
static void test_whole_session_notice(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof(path), "%s/nofolder", ku_dir);
    write_path(path, "not a folder\n");
    run_whole_session("notice", "nofolder");
}

// A workout ended early: its summary promises no easy day tomorrow.
static void test_partial_summary(void **state)
{
    (void)state;
    char script[400];
    snprintf(script, sizeof(script), "%s/end.txt", ku_dir);
    write_path(script,
               "1 start\n3 ok\n8 back\n8.2 down\n8.3 down\n8.4 down\n8.5 down\n"
               "8.6 ok\n");
    Frame *fr;
    int n = run_and_check(
        1280, 720, "partial", "",
        "--data-dir d3 --script end.txt --screenshot 10:partial.png", &fr);
    assert_int_equal(n, 1);
    assert_string_equal(fr[0].screen, "summary");
    bool ended = false;
    for (int i = 0; i < fr[0].n; i++) {
        const char *t = fr[0].texts[i].text;
        if (strstr(t, "Tomorrow") || strstr(t, "protein"))
            fail_msg("after a partial session: \"%s\"", t);
        ended = ended || strcmp(t, "Ultra Legs ended") == 0;
    }
    assert_true(ended);
    for (int i = 0; i < fr[0].npics; i++)
        if (strcmp(fr[0].pics[i].name, "confetti") == 0)
            fail_msg("confetti after a partial session");
    free(fr);
    assert_int_equal(failures, 0);
}

// A whole session that completes the week: confetti, the week's line says
// the streak grew, and nothing else says it again.
static void test_summary_week_done(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof(path), "%s/dw/routines", ku_dir);
    assert_int_equal(ku_run(NULL, "mkdir -p %s", path), 0);
    snprintf(path, sizeof(path), "%s/dw/routines/quick.ini", ku_dir);
    write_path(path, "[routine]\ntitle = Quick\n"
                     "[step]\nexercise = glute-bridges\nreps = 2\n");
    snprintf(path, sizeof(path), "%s/dw/plan.ini", ku_dir);
    write_path(path, "[plan]\nweekly_target = 1\nstreak_routines = quick\n");
    Frame *fr;
    int n = run_and_check(
        1280, 720, "weekdone", "",
        "--data-dir dw --routine quick --auto --screenshot 20:weekdone.png",
        &fr);
    assert_int_equal(n, 1);
    assert_string_equal(fr[0].screen, "summary");
    int done = 0, up = 0, confetti = 0;
    for (int i = 0; i < fr[0].n; i++) {
        done += strcmp(fr[0].texts[i].text, "Week done: streak 1 week") == 0;
        up += strstr(fr[0].texts[i].text, "streak") != NULL;
    }
    for (int i = 0; i < fr[0].npics; i++)
        confetti += strcmp(fr[0].pics[i].name, "confetti") == 0;
    assert_int_equal(done, 1);
    assert_int_equal(up, 1); // the week's line alone speaks of the streak
    assert_int_equal(confetti, 1);
    free(fr);
    assert_int_equal(failures, 0);
}

// The window changes size (as a window manager would): the next frame is
// laid out for the new size, and still passes every check.
static void test_resize_relayout(void **state)
{
    (void)state;
    char script[400];
    snprintf(script, sizeof(script), "%s/resize.txt", ku_dir);
    write_path(script, "1 resize\n");
    char log[400];
    snprintf(log, sizeof(log), "%s/resize.jsonl", ku_dir);
    assert_int_equal(
        ku_run(NULL,
               "cd %s && " BIN " --headless --virtual-clock --windowed=1280x720"
               " --data-dir d3 --script resize.txt --layout-log %s" NOW
               " --screenshot 0.5:r1.png --screenshot 2:r2.png 2>/dev/null",
               ku_dir, log),
        0);
    char *text = ku_read("%s", log);
    assert_non_null(text);
    char *second = strchr(text, '\n');
    assert_non_null(second);
    *second++ = '\0';
    Frame *fr = calloc(2, sizeof(Frame));
    assert_true(parse_frame(text, &fr[0]));
    assert_true(parse_frame(second, &fr[1]));
    check_frame(&fr[0], 1280, 720);
    check_frame(&fr[1], 1920, 1080);
    free(fr);
    free(text);
    assert_int_equal(failures, 0);
}

// A short routine is "about 1 minute", not "about 1 minutes".
static void test_describe_singular(void **state)
{
    (void)state;
    assert_int_equal(
        ku_run(NULL, "cd %s && " BIN " --data-dir d12 --describe r00 > d.txt",
               ku_dir),
        0);
    char *text = ku_read("%s/d.txt", ku_dir);
    assert_non_null(text);
    assert_non_null(strstr(text, "; about 1 minute\n"));
    free(text);
}

// UL_KEEP=1 keeps the screenshots and logs to look at.
static int teardown(void **state)
{
    if (getenv("UL_KEEP")) {
        print_message("kept %s\n", ku_dir);
        return 0;
    }
    return ku_teardown(state);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_home_every_size, setup, teardown),
        cmocka_unit_test_setup_teardown(test_session_every_size, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_whole_session, setup, teardown),
        cmocka_unit_test_setup_teardown(test_whole_session_notice, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_partial_summary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_summary_week_done, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_describe_singular, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_resize_relayout, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
