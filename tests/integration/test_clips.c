/*
 * Clips as runners have them, played by the real kiosk headless on the
 * virtual clock. Every frame of the test videos carries its own index as a
 * bar code (16 black/white cells, least significant bit first, between two
 * black end cells), so a screenshot says exactly which frame was shown:
 * a long video cut into exercises by a partial exercises.ini and by
 * config.ini's coach_video, read back without --draw-all.
 */
#include "kiosk_util.h"

#include <math.h>
#include <stdbool.h>

#define BIN ULTRALEGS_BIN
#define ENV                                                                    \
    "env HOME=%s XDG_CONFIG_HOME=%s/cfg XDG_DATA_HOME=%s/data "                \
    "ULTRALEGS_VIDEOS_DIR=%s/novideos "
#define FPS 30
#define LONG_S 20
#define W 640
#define H 360

static void write_file(const char *name, const char *text)
{
    char path[400];
    snprintf(path, sizeof(path), "%s/%s", ku_dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

// A 320x180 gray video whose frame n shows n as a bar code across its middle
// (cells 17.5 px wide from x = 2.5, rows 75 to 105).
static void make_long_video(const char *name, const char *codec)
{
    assert_int_equal(
        ku_run(NULL, "mkdir -p %s/v %s/d/routines", ku_dir, ku_dir), 0);
    int r = ku_run(
        NULL,
        "ffmpeg -loglevel error -y -f lavfi -i color=gray:size=320x180:rate=%d "
        "-f lavfi -i \"color=black:size=18x1:rate=%d,format=gray,"
        "geq=lum='if(between(X\\,1\\,16)\\,255*mod(floor(N/"
        "pow(2\\,X-1))\\,2)\\,0)'\" "
        "-filter_complex "
        "\"[1]scale=315:30:flags=neighbor[b];[0][b]overlay=2:75:shortest=1\" "
        "-t %d %s '%s/v/%s'",
        FPS, FPS, LONG_S, codec, ku_dir, name);
    assert_int_equal(r, 0);
}

// The frame index shown in the clip drawn at (x, y, w, h) of a screenshot,
// or -1 when no bar code is there.
static int read_frame(const char *png, double x, double y, double w, double h)
{
    KuImage im = ku_load("%s/%s", ku_dir, png);
    int value = 0;
    bool ok = true;
    for (int i = 0; i < 18 && ok; i++) {
        int px = (int)(x + w * (2.5 + 17.5 * i + 8.75) / 320);
        int py = (int)(y + h * 90 / 180);
        const Uint8 *p =
            (const Uint8 *)im.s->pixels + (size_t)py * im.s->pitch + px * 4;
        int lum = (p[0] + p[1] + p[2]) / 3;
        bool white = lum > 160;
        if (lum > 90 && lum < 160)
            ok = false; // neither: not the bar code
        else if (i == 0 || i == 17)
            ok = !white; // the end cells are black
        else if (white)
            value |= 1 << (i - 1);
    }
    // The gray above the bar code: the clip is there.
    int gy = (int)(y + h * 40 / 180), gx = (int)(x + w / 2);
    const Uint8 *g =
        (const Uint8 *)im.s->pixels + (size_t)gy * im.s->pitch + gx * 4;
    if (abs(g[0] - 128) > 25 || abs(g[2] - 128) > 25)
        ok = false;
    ku_free(&im);
    return ok ? value : -1;
}

// Where the intro card and the work screen draw the clip at 640x360.
static int intro_frame(const char *png)
{
    double sw = W * 0.46, sh = sw * 9 / 16;
    return read_frame(png, W * 0.52, H * 0.12, sw, sh);
}

static int work_frame(const char *png)
{
    return read_frame(png, 0, 0, W, H);
}

// The intro card's "From the coach's video" label: its dark panel covers
// the clip's top-left corner.
static bool source_label(const char *png)
{
    KuImage im = ku_load("%s/%s", ku_dir, png);
    double u = H / 100.0;
    int x = (int)(W * 0.52 + 2 * u), y = (int)(H * 0.12 + 2 * u);
    const Uint8 *p =
        (const Uint8 *)im.s->pixels + (size_t)y * im.s->pitch + x * 4;
    bool panel = p[0] < 70 && p[2] > p[0] + 20;
    ku_free(&im);
    return panel;
}

// The frame a part [start, start + len) shows `t` seconds after it came on
// stage: the last frame whose time is at or before t, looping.
static int due_frame(double start, double len, double t)
{
    int nlen = (int)(len * FPS + 0.5);
    return (int)(start * FPS + 0.5) + (int)floor(t * FPS + 1e-6) % nlen;
}

// When the cue log announced the exercise (its intro card came on).
static double announced(const char *log, const char *what)
{
    for (const char *l = log; l && *l;
         l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        const char *tab = strchr(l, '\t');
        if (tab && strncmp(tab, "\tannounce\t", 10) == 0) {
            const char *nl = strchr(l, '\n');
            const char *hit = strstr(l, what);
            if (hit && (!nl || hit < nl))
                return atof(l);
        }
    }
    fail_msg("'%s' never announced", what);
    return -1;
}

static void quick_routine(void)
{
    write_file("d/routines/quick.ini",
               "[routine]\ntitle = Quick\n"
               "[step]\nexercise = band-work\nreps = 10\n"
               "[step]\nexercise = step-ups\nreps = 4\n");
}

typedef struct Shot {
    double at;         // virtual seconds
    bool intro;        // on the intro card (else the work screen)
    const char *ex;    // the announcement it belongs to
    double start, len; // the part of the video
} Shot;

// Runs the quick routine with a screenshot at each shot, then reads every
// frame index back.
static void run_and_read(const Shot *shots, int n, const char *extra)
{
    char args[2048] = "";
    for (int i = 0; i < n; i++) {
        size_t k = strlen(args);
        snprintf(args + k, sizeof(args) - k, " --screenshot %.2f:%s/s%d.png",
                 shots[i].at, ku_dir, i);
    }
    int st =
        ku_run(NULL,
               ENV BIN " --headless --virtual-clock --auto --routine quick"
                       " --windowed=%dx%d --data-dir %s/d --videos-dir %s/v"
                       " --cue-log %s/c.tsv"
                       " --now 2026-11-25T18:00:00-07:00 %s%s 2>%s/err.txt",
               ku_dir, ku_dir, ku_dir, ku_dir, W, H, ku_dir, ku_dir, ku_dir,
               args, extra, ku_dir);
    if (st != 0) {
        char *err = ku_read("%s/err.txt", ku_dir);
        fail_msg("the kiosk exited %d: %s", st, err ? err : "");
    }
    char *log = ku_read("%s/c.tsv", ku_dir);
    assert_non_null(log);
    for (int i = 0; i < n; i++) {
        char png[32];
        snprintf(png, sizeof(png), "s%d.png", i);
        double on = announced(log, shots[i].ex);
        int want = due_frame(shots[i].start, shots[i].len, shots[i].at - on);
        int got = shots[i].intro ? intro_frame(png) : work_frame(png);
        print_message("%6.2f s  %-22s frame %4d (want %4d)\n", shots[i].at,
                      shots[i].ex, got, want);
        if (got != want) {
            free(log);
            fail_msg("screenshot at %.2f s shows frame %d, want %d (see %s/%s)",
                     shots[i].at, got, want, ku_dir, png);
        }
    }
    free(log);
}

// A long video cut by a partial exercises.ini (the README's way): each
// exercise shows exactly its part, looped, frame for frame.
static void test_long_video_cut_by_exercises_ini(void **state)
{
    (void)state;
    make_long_video("long.webm", "-c:v libvpx -b:v 1M -deadline realtime");
    quick_routine();
    write_file("d/exercises.ini",
               "[band-work]\nclip = long.webm\nclip_start = 2\nclip_end = 6\n"
               "[step-ups]\nclip = long.webm\nclip_start = 0:10\n"
               "clip_end = 0:14.5\n");
    const Shot shots[] = {
        {0.50, true, "Band work", 2, 4},
        {3.05, true, "Band work", 2, 4},
        {7.95, true, "Band work", 2, 4},
        {12.50, false, "Band work", 2, 4},
        {18.35, false, "Band work", 2, 4},
        {44.10, true, "step-ups", 10, 4.5},
        {55.25, false, "step-ups", 10, 4.5},
        {61.40, false, "step-ups", 10, 4.5},
    };
    run_and_read(shots, (int)(sizeof(shots) / sizeof(shots[0])), "");
    assert_false(source_label("s0.png")); // a clip of the runner's own
}

// The same frames whether every frame is drawn or only the screenshots.
static void test_same_frames_with_draw_all(void **state)
{
    (void)state;
    make_long_video("long.mkv", "-c:v libx264 -preset ultrafast -g 300");
    quick_routine();
    write_file("d/exercises.ini",
               "[band-work]\nclip = long.mkv\nclip_start = 1\nclip_end = 7\n"
               "[step-ups]\nclip = long.mkv\n");
    const Shot shots[] = {
        {2.20, true, "Band work", 1, 6},
        {12.35, false, "Band work", 1, 6},
        {21.70, false, "Band work", 1, 6},
        {50.05, true, "step-ups", 0, LONG_S},
    };
    run_and_read(shots, 4, "");
    // Drawing every frame is slow under the sanitizers: the first exercise.
    write_file("quit.txt", "22 quit\n");
    char quit[600];
    snprintf(quit, sizeof(quit), " --draw-all --script %s/quit.txt", ku_dir);
    run_and_read(shots, 3, quit);
}

// coach_video: the coach's one video cut at each exercise's offset, to the
// next offset (the last one to the end of the video); the intro card says
// where the clip comes from.
static void test_coach_video(void **state)
{
    (void)state;
    make_long_video("coach.webm", "-c:v libvpx -b:v 1M -deadline realtime");
    quick_routine();
    write_file("d/config.ini", "[settings]\ncoach_video = coach.webm\n");
    // The offsets in the coach's video, as a runner whose copy of the video
    // is shorter would set them: a partial section each.
    write_file("d/exercises.ini", "[band-work]\ncoach_video = 0:03\n"
                                  "[step-ups]\ncoach_video = 0:09\n"
                                  "[split-squats]\ncoach_video = 0:15\n");
    const Shot shots[] = {
        {1.00, true, "Band work", 3, 6},   {14.45, false, "Band work", 3, 6},
        {21.10, false, "Band work", 3, 6}, {45.50, true, "step-ups", 9, 6},
        {57.65, false, "step-ups", 9, 6},
    };
    run_and_read(shots, 5, "");
    // Both intro cards label the clip (a dark panel over its top-left corner).
    assert_true(source_label("s0.png"));
    assert_true(source_label("s3.png"));
    assert_false(source_label("s1.png")); // the work screen does not
    // The last offset plays to the end of the video.
    write_file("d/exercises.ini", "[band-work]\ncoach_video = 0:03\n"
                                  "[step-ups]\ncoach_video = 0:14\n");
    const Shot last[] = {{45.50, true, "step-ups", 14, LONG_S - 14},
                         {57.65, false, "step-ups", 14, LONG_S - 14}};
    run_and_read(last, 2, "");
}

int main(void)
{
    SDL_SetMainReady();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_long_video_cut_by_exercises_ini,
                                        ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_same_frames_with_draw_all,
                                        ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_coach_video, ku_setup,
                                        ku_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
