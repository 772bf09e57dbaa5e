/*
 * The kiosk's memory held to a budget: a whole Daily Hips session (three
 * clips, every frame drawn, speech synthesised and mixed) must not need
 * more heap at its peak than the budget allows, as the allocator itself
 * counts it (--stats samples it every frame), never by wall time. The
 * budget is what the session needs today plus a margin, so a change that
 * makes the kiosk hold more frames, phrases or text textures fails here;
 * scripts/bench-kiosk prints the figures behind it.
 */
#include "kiosk_util.h"

#define BIN ULTRALEGS_BIN
#define CLIPGEN CLIPGEN_BIN
#define ENV                                                                    \
    "env HOME=%s XDG_CONFIG_HOME=%s/cfg XDG_DATA_HOME=%s/data "                \
    "ULTRALEGS_VIDEOS_DIR=%s/v SDL_AUDIODRIVER=dummy "

// 720p clips drawn at 1280x720 (the Raspberry Pi set-up). The session
// needs about 98 MB at its peak (glibc's count, release build); it needed
// 141 MB with three clips decoding eight frames ahead, every phrase kept at
// 48 kHz stereo and every text texture kept until 256 were made.
#define HEAP_BUDGET_MB 100.0
#define HEAP_MARGIN 0.15

static void test_session_heap_within_budget(void **state)
{
    (void)state;
    assert_int_equal(ku_run(NULL,
                            CLIPGEN " --size 1280x720 --out %s/v band-work "
                                    "glute-bridges clams > /dev/null",
                            ku_dir),
                     0);
    assert_int_equal(
        ku_run(NULL,
               ENV BIN " --headless --windowed=1280x720 --virtual-clock "
                       "--auto --draw-all --routine daily-hips --data-dir %s/d "
                       "--cue-log %s/cues.tsv --stats %s/stats.json "
                       "2> %s/err.txt",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    char *cues = ku_read("%s/cues.tsv", ku_dir);
    assert_non_null(cues);
    // The whole session was coached, with its clips (none fell back to
    // the demo figure: that would hold no frames at all).
    assert_non_null(strstr(cues, "\tdone\tDaily Hips done"));
    assert_null(strstr(cues, "cannot play"));
    free(cues);
    char *err = ku_read("%s/err.txt", ku_dir);
    assert_non_null(err);
    assert_null(strstr(err, "cannot play"));
    free(err);
    char path[400];
    snprintf(path, sizeof(path), "%s/stats.json", ku_dir);
    cJSON *st = ku_json(path);
    assert_non_null(st);
    double frames = ku_json_number(st, "frames", NULL);
    double drawn = ku_json_number(st, "frames_drawn", NULL);
    double heap = ku_json_number(st, "peak_heap_mb", NULL);
    const char *by = cJSON_GetStringValue(
        cJSON_GetObjectItemCaseSensitive(st, "heap_counted_by"));
    print_message("peak heap %.1f MB (counted by %s) over %.0f frames; "
                  "budget %.0f MB + %.0f%%\n",
                  heap, by ? by : "?", frames, HEAP_BUDGET_MB,
                  HEAP_MARGIN * 100);
    // Four minutes at 60 frames a second, each one drawn.
    assert_true(frames > 4 * 60 * 60 * 0.9);
    assert_true(drawn == frames);
    assert_non_null(by);
    assert_string_not_equal(by, "none");
    assert_true(heap > 5); // it was measured
    assert_true(heap <= HEAP_BUDGET_MB * (1 + HEAP_MARGIN));
    cJSON_Delete(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_session_heap_within_budget,
                                        ku_setup, ku_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
