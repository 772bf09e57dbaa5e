/*
 * The kiosk's pictures: the demo clips clipgen makes (every size, what it
 * does not know), a broken clip falling back to the live demo, and a clip of
 * another shape fitted or covering the screen.
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
    ku_write("q.txt", "32 quit\n");
    for (int cover = 0; cover < 2; cover++) {
        // --data-dir holds the settings too.
        char name[64];
        snprintf(name, sizeof(name), "d%d/config.ini", cover);
        assert_int_equal(ku_run(NULL, "mkdir -p %s/d%d", ku_dir, cover), 0);
        ku_write(name, cover ? "[settings]\nvideo_fit = cover\n"
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
        cmocka_unit_test_setup_teardown(test_clips_and_fallback, setup_clips,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_fit_and_cover, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_clipgen_unknown, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_clipgen_sizes, ku_setup,
                                        ku_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
