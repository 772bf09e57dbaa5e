/*
 * The kiosk, run headless as a person would watch it: whole sessions with
 * the virtual clock, screenshots checked by their pixels, the cue log, the
 * saved history, scripted input, and the bad situations.
 */
#include "kiosk_util.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <sys/stat.h>

#include "media/demo_clip.h"

#define BIN ULTRALEGS_BIN
#define CLIPGEN CLIPGEN_BIN
// The kiosk reads a fresh user: no config, no clips, its own data folder.
#define ENV                                                                    \
    "env HOME=%s XDG_CONFIG_HOME=%s/cfg XDG_DATA_HOME=%s/data "                \
    "ULTRALEGS_VIDEOS_DIR=%s/novideos "

static const char *const exercises[8] = {"Band work",
                                         "Single-leg step-ups",
                                         "Split squats",
                                         "Nordic hamstring curls",
                                         "Glute bridges",
                                         "Clams",
                                         "Single-leg deadlifts",
                                         "Single-leg calf raises"};

// The announced exercises, in order, without repeats of the same one.
static void check_announced_in_order(const char *log)
{
    int next = 0;
    const char *last = "";
    for (const char *p = log; (p = strstr(p, "\tannounce\t")); p++) {
        const char *text = p + 10;
        if (strncmp(text, "First up: ", 10) == 0)
            text += 10;
        int found = -1;
        for (int i = 0; i < 8; i++)
            if (strncmp(text, exercises[i], strlen(exercises[i])) == 0)
                found = i;
        assert_true(found >= 0);
        if (strcmp(exercises[found], last) == 0)
            continue;
        if (found != next)
            fail_msg("exercise %d announced is %s, want %s", next,
                     exercises[found], exercises[next]);
        last = exercises[found];
        next++;
    }
    assert_int_equal(next, 8);
}

// Every set counts 1, 2, 3 ... up to its target without a gap.
static int check_reps_counted(const char *log)
{
    int expect = 1, total = 0, sets = 0;
    for (const char *line = log; *line; line = strchr(line, '\n') + 1) {
        const char *tab = strchr(line, '\t');
        if (!tab)
            break;
        if (strncmp(tab, "\trep\t", 5) == 0) {
            int n = atoi(tab + 5);
            if (n != expect)
                fail_msg("rep %d counted where %d was due", n, expect);
            expect++;
            total++;
        } else if (strncmp(tab, "\tset_done\t", 10) == 0) {
            assert_true(expect > 1);
            expect = 1;
            sets++;
        }
        if (!strchr(line, '\n'))
            break;
    }
    assert_true(sets > 0);
    return total;
}

// The kiosk's cue log of a whole auto session must be the engine's reference
// trace (tests/data/traces, checked by unit_test_session) word for word and
// to the millisecond, moved to the moment the session started, without the
// engine's phase lines, and followed only by the badges it earned.
static void check_against_reference(const char *log, const char *trace_name)
{
    char *ref = ku_read("%s/traces/%s", TEST_DATA_DIR, trace_name);
    assert_non_null(ref);
    double t0;
    assert_int_equal(sscanf(log, "%lf\tstart\t", &t0), 1);
    size_t cap = strlen(ref) * 2 + 1, len = 0;
    char *want = calloc(1, cap);
    for (char *line = ref, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
        double t;
        char rest[512];
        *nl = '\0';
        assert_int_equal(sscanf(line, "%lf\t%511[^\n]", &t, rest), 2);
        if (strncmp(rest, "phase\t", 6) == 0)
            continue;
        len +=
            (size_t)snprintf(want + len, cap - len, "%.3f\t%s\n", t + t0, rest);
    }
    size_t n = strlen(want);
    if (strncmp(log, want, n) != 0) {
        size_t i = 0;
        while (log[i] == want[i])
            i++;
        while (i > 0 && want[i - 1] != '\n')
            i--;
        fail_msg("cue log differs from %s at:\n  got:  %.80s\n  want: %.80s",
                 trace_name, log + i, want + i);
    }
    for (const char *p = log + n; *p; p = strchr(p, '\n') + 1) {
        if (!strstr(p, "\tbadge\tNew badge: ") ||
            strstr(p, "\tbadge\t") > strchr(p, '\n'))
            fail_msg("after the session's end: '%.80s'", p);
    }
    free(want);
    free(ref);
}

static void full_session(int w, int h, const char *tag)
{
    double secs;
    int st = ku_run(
        &secs,
        ENV BIN
        " --headless --virtual-clock --auto --windowed=%dx%d"
        " --now 2026-11-25T18:00:00-07:00 --cue-log %s/%s.tsv"
        " --screenshot 1.5:%s/%s-home.png --screenshot 6:%s/%s-intro.png"
        " --screenshot 12.5:%s/%s-countdown.png --screenshot 30:%s/%s-work.png"
        " --screenshot 80:%s/%s-rest.png --screenshot 130:%s/%s-left.png"
        " --screenshot 165:%s/%s-switch.png --screenshot 200:%s/%s-right.png"
        " --screenshot 840:%s/%s-summary.png --screenshot "
        "846:%s/%s-history.png",
        ku_dir, ku_dir, ku_dir, ku_dir, w, h, ku_dir, tag, ku_dir, tag, ku_dir,
        tag, ku_dir, tag, ku_dir, tag, ku_dir, tag, ku_dir, tag, ku_dir, tag,
        ku_dir, tag, ku_dir, tag, ku_dir, tag);
    assert_int_equal(st, 0);
    print_message("%s: a whole Ultra Legs session took %.2f s wall\n", tag,
                  secs);
    // Generous bound for a sanitizer build on a busy machine; the release
    // figure is measured by scripts/bench-session.
    assert_true(secs < 60);

    char *log = ku_read("%s/%s.tsv", ku_dir, tag);
    assert_non_null(log);
    check_against_reference(log, "ultra-legs-auto.trace");
    check_announced_in_order(log);
    assert_int_equal(check_reps_counted(log), 260);
    // Step-ups, split squats, single-leg bridges, clams, deadlifts, calf
    // raises.
    assert_int_equal(ku_count(log, "\tswitch\t"), 6);
    assert_non_null(strstr(log, "\tcountdown\t3\n"));
    assert_non_null(
        strstr(log, "\tnext_up\tNext up: Nordic hamstring curls\n"));
    assert_non_null(strstr(log, "\tdone\tUltra Legs done: 260 reps"));
    free(log);

    // The session is in the history.
    assert_int_equal(ku_run(NULL,
                            ENV BIN
                            " --history --json --now 2026-11-25T20:00:00-07:00"
                            " > %s/%s-history.json",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, tag),
                     0);
    char path[400];
    snprintf(path, sizeof(path), "%s/%s-history.json", ku_dir, tag);
    cJSON *hist = ku_json(path);
    assert_non_null(hist);
    assert_true(ku_json_number(hist, "total_sessions", NULL) == 1);
    assert_true(ku_json_number(hist, "this_week", "sessions") == 1);
    assert_true(ku_json_number(hist, "xp", NULL) > 0);
    cJSON_Delete(hist);

    // The screens, by their pixels.
    double bb;
    KuImage im = ku_load("%s/%s-home.png", ku_dir, tag);
    assert_int_equal(im.w, w);
    assert_int_equal(im.h, h);
    assert_true(ku_frac(&im, 0.01, 0.03, 0.35, 0.13, ku_orange, NULL) >
                0.05); // title
    // The selected card's orange frame: about 1.1-1.4% of the lower half,
    // and as tall as a card (40% of the screen), not a stray mark.
    assert_true(ku_frac(&im, 0.01, 0.5, 0.99, 0.95, ku_orange, &bb) > 0.006);
    assert_true(bb > 0.3);
    assert_true(ku_frac(&im, 0.01, 0.35, 0.99, 0.9, ku_bright, NULL) >
                0.01); // card text
    ku_free(&im);

    im = ku_load("%s/%s-intro.png", ku_dir, tag);
    assert_true(ku_frac(&im, 0.01, 0.1, 0.5, 0.75, ku_bright, NULL) >
                0.03); // name and points
    assert_true(ku_frac(&im, 0.01, 0.18, 0.5, 0.28, ku_orange, NULL) >
                0.02); // the dose
    assert_true(ku_frac(&im, 0.55, 0.15, 0.98, 0.8, ku_figure, NULL) >
                0.01); // demo figure
    ku_free(&im);

    im = ku_load("%s/%s-countdown.png", ku_dir, tag);
    assert_true(ku_frac(&im, 0.3, 0.15, 0.7, 0.75, ku_bright, &bb) >
                0.05); // big "2"
    assert_true(bb > 0.25);
    ku_free(&im);

    im = ku_load("%s/%s-work.png", ku_dir, tag);
    ku_frac(&im, 0.0, 0.45, 0.3, 0.99, ku_bright, &bb); // rep counter
    print_message("%s: rep counter is %.0f%% of the screen height\n", tag,
                  bb * 100);
    assert_true(bb >= 0.25);
    assert_true(ku_frac(&im, 0.35, 0.1, 0.75, 0.9, ku_figure, NULL) >
                0.02); // the demo
    assert_true(ku_frac(&im, 0.01, 0.04, 0.6, 0.12, ku_bright, NULL) >
                0.03); // exercise name
    ku_free(&im);

    im = ku_load("%s/%s-left.png", ku_dir, tag);
    // The working leg: about 2.4% of the demo's area, a leg's height (28%).
    assert_true(ku_frac(&im, 0.3, 0.1, 0.75, 0.9, ku_blue_leg, &bb) > 0.012);
    assert_true(bb > 0.2);
    assert_true(ku_frac(&im, 0.8, 0.1, 0.99, 0.45, ku_blue_leg, NULL) >
                0.03); // "L" badge
    ku_free(&im);
    im = ku_load("%s/%s-right.png", ku_dir, tag);
    assert_true(ku_frac(&im, 0.3, 0.1, 0.75, 0.9, ku_pink_leg, &bb) >
                0.012); // about 2.6%
    assert_true(bb > 0.2);
    assert_true(ku_frac(&im, 0.8, 0.1, 0.99, 0.45, ku_pink_leg, NULL) >
                0.03); // "R" badge
    ku_free(&im);

    im = ku_load("%s/%s-switch.png", ku_dir, tag);
    assert_true(ku_frac(&im, 0.1, 0.3, 0.9, 0.55, ku_pink_leg, NULL) >
                0.02); // "Switch legs"
    ku_free(&im);

    im = ku_load("%s/%s-rest.png", ku_dir, tag);
    assert_true(ku_frac(&im, 0.05, 0.2, 0.5, 0.8, ku_green, NULL) >
                0.02); // rest ring
    assert_true(ku_frac(&im, 0.5, 0.2, 0.99, 0.6, ku_bright, NULL) >
                0.02); // next up
    ku_free(&im);

    im = ku_load("%s/%s-summary.png", ku_dir, tag);
    assert_true(ku_frac(&im, 0.2, 0.03, 0.8, 0.16, ku_orange, NULL) >
                0.05); // "done!"
    assert_true(ku_frac(&im, 0.0, 0.25, 1.0, 0.36, ku_bright, NULL) >
                0.03); // figures
    ku_free(&im);

    im = ku_load("%s/%s-history.png", ku_dir, tag);
    // Today's cell: about 0.5% of the calendar, one cell tall (4.6%).
    assert_true(ku_frac(&im, 0.05, 0.15, 0.58, 0.6, ku_orange, &bb) > 0.0035);
    assert_true(bb > 0.03 && bb < 0.08);
    ku_free(&im);
}

static void test_session_720p(void **state)
{
    (void)state;
    full_session(1280, 720, "720p");
}

static void test_session_1080p(void **state)
{
    (void)state;
    full_session(1920, 1080, "1080p");
}

// 4K, 4:3 and portrait: the work screen keeps its counter and demo.
static void test_other_screens(void **state)
{
    (void)state;
    const int sizes[3][2] = {{3840, 2160}, {1024, 768}, {1080, 1920}};
    for (int i = 0; i < 3; i++) {
        int w = sizes[i][0], h = sizes[i][1];
        assert_int_equal(
            ku_run(NULL,
                   ENV BIN
                   " --headless --virtual-clock --routine ultra-legs"
                   " --windowed=%dx%d --script %s/quit.txt --screenshot "
                   "5:%s/i%d.png"
                   " --screenshot 27:%s/w%d.png --now 2026-11-25T18:00:00-07:00"
                   " --data-dir %s/d%d",
                   ku_dir, ku_dir, ku_dir, ku_dir, w, h, ku_dir, ku_dir, i,
                   ku_dir, i, ku_dir, i),
            0);
        double bb;
        KuImage im = ku_load("%s/w%d.png", ku_dir, i);
        assert_int_equal(im.w, w);
        // The counter's column: left of the clip on wide and 4:3 screens,
        // under it on portrait ones.
        ku_frac(&im, w > h ? 0.0 : 0.2, 0.5, w > h ? 0.39 : 0.8, 0.99,
                ku_bright, &bb);
        print_message("%dx%d: rep counter %.0f%% of the height\n", w, h,
                      bb * 100);
        assert_true(bb >= 0.25);
        assert_true(ku_frac(&im, w > h ? 0.4 : 0.0, 0.07, 1.0,
                            w > h ? 0.9 : 0.53, ku_figure, NULL) > 0.01);
        ku_free(&im);
        im = ku_load("%s/i%d.png", ku_dir, i);
        assert_true(ku_frac(&im, 0.0, 0.0, 1.0, 0.6, ku_bright, NULL) > 0.02);
        ku_free(&im);
    }
}

static int setup_quit_script(void **state)
{
    ku_setup(state);
    char path[300];
    snprintf(path, sizeof(path), "%s/quit.txt", ku_dir);
    FILE *f = fopen(path, "w");
    // Not auto: OK leaves the intro; quit after the first reps.
    fputs("1 ok\n28 quit\n", f);
    fclose(f);
    return 0;
}

// Pause, skip, back, an early set end and a rep adjustment, by script.
static void test_scripted_session(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof(path), "%s/s.txt", ku_dir);
    FILE *f = fopen(path, "w");
    fputs("# a runner with a remote\n"
          "2 start\n"    // home: OK on Ultra Legs
          "4 ok\n"       // ready on the intro (countdown 4-7)
          "10 pause\n"   // reps at 8.2, 9.4; pause at 10
          "20 pause\n"   // resume
          "22 up\n"      // one more than counted
          "23 end-set\n" // stop the set early
          "24 next\n"    // skip band forward-and-back... it is an intro now
          "26 prev\n"    // back to it after all
          "27 ok\n"
          "40 back\n" // pause menu
          "41 down\n"
          "42 ok\n"   // "Skip this exercise"
          "44 back\n" // pause menu again
          "44.2 up\n" // up from "Resume" wraps to "End the workout"
          "44.4 ok\n"
          "46 quit\n",
          f);
    fclose(f);
    assert_int_equal(
        ku_run(NULL,
               ENV BIN
               " --headless --virtual-clock --script %s"
               " --cue-log %s/s.tsv --now 2026-11-27T18:00:00-07:00"
               " --screenshot 15:%s/paused.png --screenshot 40.5:%s/menu.png",
               ku_dir, ku_dir, ku_dir, ku_dir, path, ku_dir, ku_dir, ku_dir),
        0);
    char *log = ku_read("%s/s.tsv", ku_dir);
    assert_non_null(log);
    assert_non_null(strstr(log, "10.000\tpaused\tPaused\n"));
    assert_non_null(strstr(log, "20.000\tresumed\t"));
    assert_non_null(strstr(log, "22.000\treps_adjusted\t"));
    assert_non_null(strstr(log, "23.000\tset_done\tDone\n"));
    assert_non_null(
        strstr(log, "24.000\tskipped\tSkipped Band work, forward and back\n"));
    assert_non_null(
        strstr(log, "26.000\tback\tBack to Band work, forward and back\n"));
    assert_non_null(
        strstr(log, "42.000\tskipped\tSkipped Band work, forward and back\n"));
    // Ended from the pause menu: straight to the end, never "resumed" first.
    assert_non_null(strstr(log, "44.400\tended\tWorkout ended early\n"));
    assert_null(strstr(log, "44.400\tresumed\t"));
    free(log);
    // Paused: no reps were counted between 10 and 20 s.
    KuImage im = ku_load("%s/paused.png", ku_dir);
    assert_true(ku_frac(&im, 0.25, 0.3, 0.75, 0.55, ku_orange, NULL) +
                    ku_frac(&im, 0.25, 0.3, 0.75, 0.55, ku_bright, NULL) >
                0.01);
    ku_free(&im);
    im = ku_load("%s/menu.png", ku_dir);
    assert_true(ku_frac(&im, 0.2, 0.3, 0.8, 0.8, ku_orange, NULL) >
                0.01); // highlighted item
    ku_free(&im);
    // Saved as a partial session with the sets done so far.
    assert_int_equal(ku_run(NULL,
                            ENV BIN " --export-history %s/h.csv > /dev/null",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     0);
    char *csv = ku_read("%s/h.csv", ku_dir);
    assert_non_null(strstr(csv, ",ultra-legs,no,"));
    assert_non_null(strstr(csv, "band-work//0/0/-/20/"));
    free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_session_720p, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_session_1080p, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_other_screens, setup_quit_script,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_scripted_session, ku_setup,
                                        ku_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
