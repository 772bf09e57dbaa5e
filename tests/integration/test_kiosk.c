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

// A JSON file the kiosk wrote, parsed (NULL when it is not JSON).
static cJSON *read_json(const char *path)
{
    char *text = ku_read("%s", path);
    cJSON *doc = text ? cJSON_Parse(text) : NULL;
    free(text);
    return doc;
}

// The number at a path of object keys (NAN when there is none).
static double json_number(const cJSON *doc, const char *key, const char *sub)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, key);
    if (sub)
        v = cJSON_GetObjectItemCaseSensitive(v, sub);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

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
    cJSON *hist = read_json(path);
    assert_non_null(hist);
    assert_true(json_number(hist, "total_sessions", NULL) == 1);
    assert_true(json_number(hist, "this_week", "sessions") == 1);
    assert_true(json_number(hist, "xp", NULL) > 0);
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
          "42 ok\n" // "Skip this exercise"
          "44 quit\n",
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
    assert_non_null(strstr(log, "\tended\tWorkout ended early\n"));
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

static void test_bad_situations(void **state)
{
    (void)state;
    // No font.
    assert_int_equal(ku_run(NULL,
                            ENV "ULTRALEGS_FONT_DIR=%s " BIN
                                " --headless --virtual-clock --auto 2> %s/err1",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     1);
    char *err = ku_read("%s/err1", ku_dir);
    assert_non_null(
        strstr(err, "install the Debian package fonts-dejavu-core"));
    free(err);
    // No display.
    assert_int_equal(ku_run(NULL,
                            ENV "SDL_VIDEODRIVER=no-such-driver " BIN
                                " --virtual-clock --auto 2> %s/err2",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     1);
    err = ku_read("%s/err2", ku_dir);
    assert_non_null(strstr(err, "ultralegs: cannot start the display"));
    free(err);
    // A history folder that cannot be written: coaching goes on, the screen
    // says why.
    assert_int_equal(ku_run(NULL, "touch %s/notadir", ku_dir), 0);
    assert_int_equal(
        ku_run(NULL,
               ENV BIN " --headless --virtual-clock --routine daily-hips"
                       " --data-dir %s/notadir/x --auto --cue-log %s/c.tsv"
                       " --screenshot 10:%s/nosave.png 2>/dev/null",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    char *log = ku_read("%s/c.tsv", ku_dir);
    assert_non_null(
        strstr(log, "\tnotice\tHistory unavailable (cannot create"));
    assert_non_null(strstr(log, "\tdone\tDaily Hips done:"));
    free(log);
    KuImage im = ku_load("%s/nosave.png", ku_dir);
    // During the workout the notice is a dark red badge in the bottom-right
    // corner (it covers nothing); the left of the bottom stays free of it.
    int red = 0, red_left = 0;
    for (int y = im.h * 9 / 10; y < im.h; y++)
        for (int x = 0; x < im.w; x++) {
            const Uint8 *p =
                (const Uint8 *)im.s->pixels + (size_t)y * im.s->pitch + x * 4;
            if (p[0] > 100 && p[1] < 50 && p[2] < 50)
                x > im.w * 8 / 10 ? red++ : red_left++;
        }
    assert_true(red > 100);
    assert_int_equal(red_left, 0);
    ku_free(&im);
    // A bad script line: file:line and what is wrong.
    assert_int_equal(
        ku_run(NULL, "printf '1 ok\\n2 jump\\n' > %s/bad.txt", ku_dir), 0);
    assert_int_equal(ku_run(NULL,
                            ENV BIN
                            " --headless --virtual-clock --script %s/bad.txt"
                            " 2> %s/err3",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     2);
    err = ku_read("%s/err3", ku_dir);
    assert_non_null(strstr(err, "bad.txt:2: unknown action 'jump'"));
    free(err);
}

static void write_file(const char *name, const char *text)
{
    char path[400];
    snprintf(path, sizeof(path), "%s/%s", ku_dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

// The settings screen: change the streak target, pause this week; saved.
static void test_settings_screen(void **state)
{
    (void)state;
    write_file("set.txt", "1 settings\n2 down\n2.5 down\n3 down\n3.5 right\n"
                          "3.6 right\n4 down\n4.5 down\n4.6 down\n5 ok\n"
                          "5.5 up\n6 back\n");
    assert_int_equal(
        ku_run(NULL,
               ENV BIN " --headless --virtual-clock --script %s/set.txt"
                       " --cue-log %s/set.tsv --screenshot 5.2:%s/settings.png"
                       " --now 2026-11-25T18:00:00-07:00",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    char *ini = ku_read("%s/cfg/ultralegs/config.ini", ku_dir);
    assert_non_null(ini);
    assert_non_null(strstr(ini, "weekly_target = 2\n"));
    free(ini);
    char *log = ku_read("%s/set.tsv", ku_dir);
    assert_non_null(strstr(log, "5.000\tsettings\tStreak paused this week\n"));
    free(log);
    assert_int_equal(ku_run(NULL,
                            ENV BIN
                            " --history --json --now 2026-11-26T10:00:00-07:00"
                            " > %s/h.json",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     0);
    char path[400];
    snprintf(path, sizeof(path), "%s/h.json", ku_dir);
    cJSON *h = read_json(path);
    assert_non_null(h);
    const cJSON *streak = cJSON_GetObjectItemCaseSensitive(h, "weekly_streak");
    const cJSON *status = cJSON_GetObjectItemCaseSensitive(streak, "status");
    assert_true(cJSON_IsString(status));
    assert_string_equal(status->valuestring, "paused");
    cJSON_Delete(h);
    KuImage im = ku_load("%s/settings.png", ku_dir);
    assert_true(ku_frac(&im, 0.01, 0.03, 0.4, 0.13, ku_orange, NULL) >
                0.04); // title
    assert_true(ku_frac(&im, 0.0, 0.12, 1.0, 0.85, ku_bright, NULL) >
                0.008); // items
    ku_free(&im);
}

// Left alone on the home screen, the kiosk dims itself; a key wakes it.
static void test_idle_dim(void **state)
{
    (void)state;
    write_file("idle.txt", "400 ok\n");
    assert_int_equal(
        ku_run(NULL,
               ENV BIN
               " --headless --virtual-clock --script %s/idle.txt"
               " --screenshot 10:%s/awake.png --screenshot 350:%s/dim.png"
               " --screenshot 401:%s/woke.png --now 2026-11-25T18:00:00-07:00",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    KuImage a = ku_load("%s/awake.png", ku_dir),
            d = ku_load("%s/dim.png", ku_dir),
            w = ku_load("%s/woke.png", ku_dir);
    double fa = ku_frac(&a, 0, 0, 1, 1, ku_bright, NULL);
    double fd = ku_frac(&d, 0, 0, 1, 1, ku_bright, NULL);
    double fw = ku_frac(&w, 0, 0, 1, 1, ku_bright, NULL);
    assert_true(fa > 0.01);
    assert_true(fd < fa / 5);
    assert_true(fw > fa / 2); // woken, still home (the press did not start)
    ku_free(&a);
    ku_free(&d);
    ku_free(&w);
}

// A controller unplugged mid-set, a window resized: coaching goes on.
static void test_unplug_and_resize(void **state)
{
    (void)state;
    write_file("pad.txt", "0.5 pad-plug\n20 pad-unplug\n25 resize\n");
    assert_int_equal(
        ku_run(NULL,
               ENV BIN
               " --headless --virtual-clock --auto --routine daily-hips"
               " --script %s/pad.txt --cue-log %s/pad.tsv --screenshot "
               "24:%s/before.png"
               " --screenshot 26:%s/after.png --now 2026-11-25T07:00:00-07:00",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    char *log = ku_read("%s/pad.tsv", ku_dir);
    // Noticed on the frame after it happened.
    const char *n = strstr(log, "\tnotice\tController disconnected");
    assert_non_null(n);
    while (n > log && n[-1] != '\n')
        n--;
    assert_true(atof(n) >= 20.0 && atof(n) < 20.1);
    assert_non_null(strstr(log, "\tdone\tDaily Hips done:"));
    free(log);
    KuImage b = ku_load("%s/before.png", ku_dir),
            a = ku_load("%s/after.png", ku_dir);
    assert_int_equal(b.w, 1280);
    assert_int_equal(a.w, 1920);
    assert_int_equal(a.h, 1080);
    double bb;
    ku_frac(&a, 0.0, 0.45, 0.3, 0.99, ku_bright,
            &bb); // the counter, re-laid out
    assert_true(bb >= 0.25);
    ku_free(&b);
    ku_free(&a);
}

// A renderer that manages one frame a second, on the real clock: every cue
// still comes at its own time.
static void test_one_fps(void **state)
{
    (void)state;
    char dir[400];
    snprintf(dir, sizeof(dir), "%s/cfg/ultralegs/routines", ku_dir);
    assert_int_equal(ku_run(NULL, "mkdir -p %s", dir), 0);
    write_file(
        "cfg/ultralegs/routines/quick.ini",
        "[routine]\ntitle = Quick\n[step]\nexercise = band-work\nreps = 4\n");
    write_file("q.txt", "1 ok\n12 quit\n");
    double secs;
    assert_int_equal(ku_run(&secs,
                            ENV "ULTRALEGS_SLOW_FRAME_MS=1000 " BIN
                                " --headless --routine quick"
                                " --script %s/q.txt --cue-log %s/q.tsv --now "
                                "2026-11-25T18:00:00-07:00",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     0);
    char *log = ku_read("%s/q.tsv", ku_dir);
    assert_non_null(log);
    // OK lands on a frame near 1 s; from there the countdown and the reps
    // keep their spacing although frames are a second apart.
    double t3 = -1, t2 = -1, go = -1, r4 = -1;
    for (const char *l = log; l && *l;
         l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        double t = atof(l);
        if (strstr(l, "\tcountdown\t3") == strchr(l, '\t'))
            t3 = t;
        else if (strstr(l, "\tcountdown\t2") == strchr(l, '\t'))
            t2 = t;
        else if (strstr(l, "\tgo\t") == strchr(l, '\t'))
            go = t;
        else if (strstr(l, "\trep\t4") == strchr(l, '\t'))
            r4 = t;
    }
    assert_true(t3 >= 0 && t2 >= 0 && go >= 0 && r4 >= 0);
    assert_true(t2 - t3 > 0.999 && t2 - t3 < 1.001);
    assert_true(go - t3 > 2.999 && go - t3 < 3.001);
    assert_true(r4 - go > 4.799 && r4 - go < 4.801); // 4 steps at 1.2 s
    assert_non_null(strstr(log, "\tdone\tQuick done: 4 reps"));
    free(log);
    print_message("1 fps run: %.1f s wall\n", secs);
}

// Clips: a generated one plays (its working leg is orange); a broken one
// falls back to the live demo (the left leg blue) and says so.
static void test_clips_and_fallback(void **state)
{
    (void)state;
    assert_int_equal(
        ku_run(NULL, CLIPGEN " --out %s/v step-ups > /dev/null", ku_dir), 0);
    assert_int_equal(ku_run(NULL,
                            "head -c 5000 /dev/urandom > %s/v/split-squats.mp4",
                            ku_dir),
                     0);
    assert_int_equal(
        ku_run(NULL,
               ENV BIN " --headless --virtual-clock --auto --videos-dir %s/v"
                       " --cue-log %s/c.tsv --screenshot 130:%s/clip.png"
                       " --screenshot 290:%s/broken.png --script %s/q.txt"
                       " --now 2026-11-25T18:00:00-07:00",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir,
               ku_dir),
        0);
    double bb;
    KuImage im = ku_load("%s/clip.png", ku_dir);
    // The clip's orange leg: about 2.4% of the stage, a leg's height (38%).
    assert_true(ku_frac(&im, 0.3, 0.1, 0.75, 0.95, ku_orange, &bb) > 0.012);
    assert_true(bb > 0.25);
    assert_true(ku_frac(&im, 0.3, 0.1, 0.75, 0.95, ku_blue_leg, NULL) < 0.0005);
    ku_free(&im);
    im = ku_load("%s/broken.png", ku_dir);
    // The demo's blue leg: about 2.2% of the stage, a leg's height (28%).
    assert_true(ku_frac(&im, 0.3, 0.1, 0.75, 0.9, ku_blue_leg, &bb) > 0.01);
    assert_true(bb > 0.2);
    ku_free(&im);
    char *log = ku_read("%s/c.tsv", ku_dir);
    const char *told = strstr(
        log, "\tnotice\tClip split-squats.mp4 cannot play: showing the demo");
    assert_non_null(told);
    // Told when the exercise comes on, in the logic step, not when a frame
    // happens to be drawn (the screenshot is 30 s later).
    const char *on = strstr(log, "\tannounce\tSplit squats.");
    assert_non_null(on);
    while (on > log && on[-1] != '\n')
        on--;
    while (told > log && told[-1] != '\n')
        told--;
    assert_true(strtod(on, NULL) < 290 &&
                strtod(told, NULL) == strtod(on, NULL));
    free(log);
}

// The day after Ultra Legs: home says easy day; starting it again asks first.
static void test_easy_day_guard(void **state)
{
    (void)state;
    write_file("y.csv", "started_at,routine,completed,duration_s\n"
                        "2026-11-26T18:00:00-07:00,ultra-legs,yes,900\n");
    assert_int_equal(ku_run(NULL,
                            ENV BIN " --import-history %s/y.csv > /dev/null",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     0);
    write_file("e.txt", "2 start\n4 back\n6 start\n8 ok\n12 quit\n");
    assert_int_equal(
        ku_run(NULL,
               ENV BIN
               " --headless --virtual-clock --script %s/e.txt"
               " --cue-log %s/e.tsv --screenshot 1:%s/home.png"
               " --screenshot 3:%s/confirm.png --now 2026-11-27T09:00:00-07:00",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    char *log = ku_read("%s/e.tsv", ku_dir);
    // Back at 4 s cancelled; only the OK at 8 s started the session.
    assert_non_null(strstr(log, "8.000\tstart\tUltra Legs:"));
    assert_int_equal(ku_count(log, "\tstart\t"), 1);
    free(log);
    KuImage im = ku_load("%s/home.png", ku_dir);
    // The green easy-day banner under today's plan.
    int green = 0;
    for (int y = im.h / 3; y < im.h / 2; y++) {
        const Uint8 *p = (const Uint8 *)im.s->pixels + (size_t)y * im.s->pitch +
                         (im.w / 2) * 4;
        if (p[0] > 50 && p[0] < 70 && p[1] > 100 && p[1] < 120 && p[2] > 70 &&
            p[2] < 90)
            green++;
    }
    assert_true(green > 5);
    ku_free(&im);
    im = ku_load("%s/confirm.png", ku_dir);
    assert_true(ku_frac(&im, 0.05, 0.3, 0.95, 0.7, ku_bright, NULL) >
                0.02); // the question
    ku_free(&im);
}

static int ku_black(Uint8 r, Uint8 g, Uint8 b)
{
    return r < 8 && g < 8 && b < 8;
}

// A 4:3 clip on a 16:9 screen: fitted with bars, or covering when set so.
static void test_fit_and_cover(void **state)
{
    (void)state;
    assert_int_equal(
        ku_run(NULL,
               "mkdir -p %s/v %s/cfg/ultralegs && ffmpeg -loglevel error -y "
               "-f lavfi -i testsrc2=size=640x480:rate=30 -t 2 -c:v libx264 "
               "%s/v/band-work.mp4",
               ku_dir, ku_dir, ku_dir),
        0);
    write_file("q.txt", "32 quit\n");
    for (int cover = 0; cover < 2; cover++) {
        // --data-dir holds the settings too.
        char name[64];
        snprintf(name, sizeof(name), "d%d/config.ini", cover);
        assert_int_equal(ku_run(NULL, "mkdir -p %s/d%d", ku_dir, cover), 0);
        write_file(name, cover ? "[settings]\nvideo_fit = cover\n"
                               : "[settings]\nvideo_fit = fit\n");
        assert_int_equal(
            ku_run(NULL,
                   ENV BIN
                   " --headless --virtual-clock --auto --routine ultra-legs"
                   " --videos-dir %s/v --script %s/q.txt --screenshot "
                   "25:%s/f%d.png"
                   " --data-dir %s/d%d --now 2026-11-25T18:00:00-07:00",
                   ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir,
                   cover, ku_dir, cover),
            0);
    }
    KuImage fit = ku_load("%s/f0.png", ku_dir),
            cov = ku_load("%s/f1.png", ku_dir);
    double bars = ku_frac(&fit, 0.0, 0.2, 0.1, 0.45, ku_black, NULL);
    double none = ku_frac(&cov, 0.0, 0.2, 0.1, 0.45, ku_black, NULL);
    print_message(
        "4:3 clip on 16:9: side bars %.0f%% fitted, %.0f%% covering\n",
        bars * 100, none * 100);
    assert_true(bars > 0.9);
    assert_true(none < 0.1);
    ku_free(&fit);
    ku_free(&cov);
}

// As a service: READY once running, then watchdog pings from the frame loop.
static void test_service_notify(void **state)
{
    (void)state;
    char sock[300];
    snprintf(sock, sizeof(sock), "%s/notify", ku_dir);
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un sa = {0};
    sa.sun_family = AF_UNIX;
    snprintf(sa.sun_path, sizeof(sa.sun_path), "%.100s", sock);
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
    // Few enough messages for the socket's queue: this test reads them after.
    write_file("n.txt", "3.5 quit\n");
    assert_int_equal(ku_run(NULL,
                            ENV "NOTIFY_SOCKET=%s WATCHDOG_USEC=2000000 " BIN
                                " --headless --script %s/n.txt",
                            ku_dir, ku_dir, ku_dir, ku_dir, sock, ku_dir),
                     0);
    int ready = 0, pings = 0, stopping = 0;
    char msg[256];
    ssize_t n;
    while ((n = recv(fd, msg, sizeof(msg) - 1, MSG_DONTWAIT)) > 0) {
        msg[n] = '\0';
        ready += strstr(msg, "READY=1") != NULL;
        pings += strcmp(msg, "WATCHDOG=1") == 0;
        stopping += strcmp(msg, "STOPPING=1") == 0;
    }
    close(fd);
    print_message(
        "service: READY %d, %d watchdog pings in 3.5 s, STOPPING %d\n", ready,
        pings, stopping);
    assert_int_equal(ready, 1);
    assert_true(pings >= 2 && pings <= 4); // every second
    assert_int_equal(stopping, 1);
}

// clipgen names what it does not know.
static void test_clipgen_unknown(void **state)
{
    (void)state;
    assert_int_equal(ku_run(NULL, CLIPGEN " --out %s/v pistol-squats 2> %s/err",
                            ku_dir, ku_dir),
                     2);
    char *err = ku_read("%s/err", ku_dir);
    assert_non_null(strstr(err, "clipgen: unknown exercise 'pistol-squats'"));
    free(err);
}

// clip_size in config.ini sets the size of the demo clips; --missing remakes
// demo clips of another size and leaves a runner's own recording alone.
static void test_clipgen_sizes(void **state)
{
    (void)state;
    assert_int_equal(
        ku_run(
            NULL,
            "mkdir -p %s/cfg/ultralegs %s/v && printf "
            "'[settings]\\nclip_size = 720p\\n' > %s/cfg/ultralegs/config.ini",
            ku_dir, ku_dir, ku_dir),
        0);
    assert_int_equal(
        ku_run(NULL, ENV CLIPGEN " --out %s/v --size 640x360 clams > /dev/null",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    // The runner's own recording of step-ups.
    assert_int_equal(
        ku_run(NULL,
               "ffmpeg -loglevel error -y -f lavfi -i testsrc=size=320x240:"
               "rate=30 -t 1 -pix_fmt yuv420p %s/v/step-ups.mp4",
               ku_dir),
        0);
    struct stat own_before, own_after;
    char own[400];
    snprintf(own, sizeof(own), "%s/v/step-ups.mp4", ku_dir);
    assert_int_equal(stat(own, &own_before), 0);
    int w = 0, h = 0;
    char clams[400];
    snprintf(clams, sizeof(clams), "%s/v/clams.mp4", ku_dir);
    assert_true(demo_clip_probe(clams, "clams", &w, &h));
    assert_int_equal(h, 360);

    assert_int_equal(ku_run(NULL,
                            ENV CLIPGEN
                            " --out %s/v --missing clams step-ups > %s/out",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     0);
    char *out = ku_read("%s/out", ku_dir);
    assert_non_null(
        strstr(out, "clipgen: 1280x720 (clip_size = 720p in config.ini)"));
    assert_non_null(strstr(out, "is 640x360: remade at 1280x720"));
    assert_null(strstr(out, "step-ups"));
    assert_non_null(strstr(out, "clipgen: 1 of 2 clips made"));
    free(out);
    assert_true(demo_clip_probe(clams, "clams", &w, &h));
    assert_int_equal(w, 1280);
    assert_int_equal(h, 720);
    assert_false(demo_clip_probe(own, "step-ups", &w, &h));
    assert_int_equal(stat(own, &own_after), 0);
    assert_int_equal(own_after.st_size, own_before.st_size);
    assert_int_equal(own_after.st_mtime, own_before.st_mtime);

    // Nothing to do the second time.
    assert_int_equal(ku_run(NULL,
                            ENV CLIPGEN
                            " --out %s/v --missing clams step-ups > %s/out",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     0);
    out = ku_read("%s/out", ku_dir);
    assert_non_null(strstr(out, "clipgen: 0 of 2 clips made"));
    free(out);
}

static int setup_clips(void **state)
{
    ku_setup(state);
    char path[300];
    snprintf(path, sizeof(path), "%s/q.txt", ku_dir);
    FILE *f = fopen(path, "w");
    fputs("300 quit\n", f);
    fclose(f);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_session_720p, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_clipgen_sizes, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_session_1080p, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_other_screens, setup_quit_script,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_scripted_session, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_bad_situations, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_settings_screen, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_idle_dim, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_unplug_and_resize, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_one_fps, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_clips_and_fallback, setup_clips,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_easy_day_guard, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_clipgen_unknown, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_fit_and_cover, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_service_notify, ku_setup,
                                        ku_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
