/*
 * The history screen and home's account of the week, checked as geometry
 * (layout_util.h) at every size of the layout matrix: two years of imported
 * history paged back to its start, an empty history, and home on a Sunday
 * after a Saturday Ultra Legs.
 */
#include "layout_util.h"

// Two years imported from a spreadsheet (long_history.py) with week 40
// paused on the settings screen that week, and an empty history.
static void make_histories(void)
{
    assert_int_equal(
        ku_run(NULL,
               "cd %s && export HOME=$PWD && mkdir -p empty && "
               "/usr/bin/python3 " ASSETS_DIR
               "/../tests/integration/long_history.py long.csv && printf '1 "
               "settings\\n1.1 down\\n1.2 down\\n1.3 down\\n1.4 down\\n1.5 "
               "down\\n1.6 down\\n1.7 ok\\n2 back\\n2.5 quit\\n' > "
               "pause.txt && " BIN " --headless --virtual-clock --script "
               "pause.txt --data-dir long --now 2025-09-10T12:00-07:00 "
               "2>>stderr.txt && " BIN " --import-history long.csv "
               "--data-dir long >/dev/null 2>>stderr.txt",
               ku_dir),
        0);
}

// Texts of the frame joined without spaces (wrapped lines read as one).
static bool frame_says(const Frame *fr, const char *text)
{
    return shows_title(fr, text);
}

static int count_text(const Frame *fr, const char *text)
{
    int k = 0;
    for (int i = 0; i < fr->n; i++)
        k += strcmp(fr->texts[i].text, text) == 0;
    return k;
}

// The month labels over the calendar, in order ("Sep 2026 Oct Nov").
static void month_labels(const Frame *fr, char *out, size_t size)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr",
                                         "May", "Jun", "Jul", "Aug",
                                         "Sep", "Oct", "Nov", "Dec"};
    out[0] = '\0';
    for (int i = 0; i < fr->n; i++)
        for (int m = 0; m < 12; m++)
            if (strncmp(fr->texts[i].text, months[m], 3) == 0 &&
                (fr->texts[i].text[3] == '\0' || fr->texts[i].text[3] == ' ')) {
                strncat(out, fr->texts[i].text, size - strlen(out) - 1);
                strncat(out, "|", size - strlen(out) - 1);
            }
}

// The history screen at every size, with two years of history (this page,
// the one before, the oldest) and with none: every label there, nothing
// over anything, nothing under the minimum size.
static void test_history_every_size(void **state)
{
    (void)state;
    make_histories();
    char script[400];
    snprintf(script, sizeof(script), "%s/hist.txt", ku_dir);
    FILE *f = fopen(script, "w");
    fputs("1 history\n3 prev\n", f);
    for (int i = 0; i < 8; i++)
        fprintf(f, "%d prev\n", 5 + i);
    fputs("17 next\n19 back\n", f);
    fclose(f);
    for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
        for (int e = 0; e < 2; e++) {
            int w = sizes[s][0], h = sizes[s][1];
            const char *tag = e ? "hist-empty" : "hist-long";
            char args[1024];
            snprintf(args, sizeof(args),
                     "--data-dir %s --script hist.txt"
                     " --screenshot 2:%s-%dx%d-now.png"
                     " --screenshot 4:%s-%dx%d-back.png"
                     " --screenshot 16:%s-%dx%d-oldest.png"
                     " --screenshot 18:%s-%dx%d-forward.png",
                     e ? "empty" : "long", tag, w, h, tag, w, h, tag, w, h, tag,
                     w, h);
            Frame *fr;
            int n = run_and_check(w, h, tag, "", args, &fr);
            assert_int_equal(n, 4);
            char now[200], back[200], oldest[200], fwd[200];
            month_labels(&fr[0], now, sizeof(now));
            month_labels(&fr[1], back, sizeof(back));
            month_labels(&fr[2], oldest, sizeof(oldest));
            month_labels(&fr[3], fwd, sizeof(fwd));
            for (int i = 0; i < n; i++) {
                if (strcmp(fr[i].screen, "history") != 0)
                    BAD(&fr[i], "not the history screen");
                if (!frame_says(&fr[i], "HISTORY") ||
                    count_text(&fr[i], "M") < 1 ||
                    count_text(&fr[i], "F") < 1 ||
                    !frame_says(&fr[i], "week met") ||
                    !frame_says(&fr[i], "paused") ||
                    !frame_says(&fr[i], "doubtful date"))
                    BAD(&fr[i], "a label of the calendar is missing");
            }
            // The hint offers only the pages there are: none on an empty
            // history; back from this week, forward from the oldest.
            static const char *const hints[2][4] = {
                {"\xe2\x97\x80: 16 weeks back    OK or Back: home",
                 "\xe2\x97\x80 \xe2\x96\xb6: 16 weeks back / forward    OK "
                 "or Back: home",
                 "\xe2\x96\xb6: 16 weeks forward    OK or Back: home",
                 "\xe2\x97\x80 \xe2\x96\xb6: 16 weeks back / forward    OK "
                 "or Back: home"},
                {"OK or Back: home", "OK or Back: home", "OK or Back: home",
                 "OK or Back: home"}};
            for (int i = 0; i < n; i++)
                if (count_text(&fr[i], hints[e][i]) != 1)
                    BAD(&fr[i], "the hint is not \"%s\"", hints[e][i]);
            if (!strstr(now, "Sep 2026|") || !strstr(now, "Nov|"))
                BAD(&fr[0], "month labels of this page: %s", now);
            if (e) {
                if (!frame_says(&fr[0], "No streak yet") ||
                    !frame_says(&fr[0],
                                "2 more Ultra Legs by Sunday start a streak"))
                    BAD(&fr[0], "the empty history's streak");
                if (strcmp(now, back) != 0)
                    BAD(&fr[1], "an empty history paged back: %s", back);
            } else {
                if (!frame_says(&fr[0], "Streak 12 weeks since 31 Aug 2026") ||
                    !frame_says(&fr[0], "best 38 weeks: 28 Apr 2025 "
                                        "\xe2\x80\x93 25 Jan 2026") ||
                    !frame_says(&fr[0], "1 more Ultra Legs by Sunday keeps "
                                        "your streak") ||
                    !frame_says(&fr[0], "band work: 3 days in a row") ||
                    !frame_says(&fr[0], "Imported sessions carry no "
                                        "per-exercise detail"))
                    BAD(&fr[0], "the streak's story is not told");
                // 15 weeks met and one broken on this page (the open week
                // has no mark); a doubtful date in week 95.
                if (count_text(&fr[0], "\xe2\x9c\x93") < 14 ||
                    count_text(&fr[0], "\xe2\x9c\x97") < 1 ||
                    count_text(&fr[0], "?") < 1)
                    BAD(&fr[0], "weeks not marked: %d met, %d missed",
                        count_text(&fr[0], "\xe2\x9c\x93"),
                        count_text(&fr[0], "\xe2\x9c\x97"));
                if (!strstr(back, "2026") || strcmp(now, back) == 0)
                    BAD(&fr[1], "16 weeks back shows %s", back);
                if (!strstr(oldest, "2024|"))
                    BAD(&fr[2], "the oldest page shows %s", oldest);
                if (strcmp(fwd, oldest) == 0)
                    BAD(&fr[3], "Right did not come forward: %s", fwd);
            }
            free(fr);
        }
    }
    assert_int_equal(failures, 0);
}

// On a Sunday after a Saturday Ultra Legs, home's lines agree with what
// the week needs: when the week needs it today, strength today and an easy
// run; when the week is met, no strength today.
static void test_home_sunday(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof(path), "%s/sun.csv", ku_dir);
    write_path(path, "started_at,routine,completed,duration_s\n"
                     "2026-11-18T18:00:00-07:00,ultra-legs,yes,900\n"
                     "2026-11-22T18:00:00-07:00,ultra-legs,yes,900\n"
                     "2026-11-28T18:00:00-07:00,ultra-legs,yes,900\n");
    snprintf(path, sizeof(path), "%s/wed.csv", ku_dir);
    write_path(path, "started_at,routine,completed,duration_s\n"
                     "2026-11-25T18:00:00-07:00,ultra-legs,yes,900\n");
    assert_int_equal(ku_run(NULL,
                            "cd %s && HOME=$PWD " BIN
                            " --import-history sun.csv "
                            "--data-dir sun >/dev/null 2>>stderr.txt",
                            ku_dir),
                     0);
    static const char *const needs_today[] = {
        "Strength today: Ultra Legs",
        "1 more Ultra Legs today keeps your streak",
        "Yesterday was Ultra Legs too: keep today's running very easy.",
    };
    static const char *const week_met[] = {
        "Strength today: none, Ultra Legs was yesterday",
        "Week done: streak 2 weeks",
        "Yesterday was Ultra Legs: keep today's running easy.",
    };
    for (int met = 0; met < 2; met++) {
        if (met)
            assert_int_equal(ku_run(NULL,
                                    "cd %s && HOME=$PWD " BIN
                                    " --import-history wed.csv "
                                    "--data-dir sun >/dev/null 2>>stderr.txt",
                                    ku_dir),
                             0);
        for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
            int w = sizes[s][0], h = sizes[s][1];
            char log[400];
            snprintf(log, sizeof(log), "%s/sun%d-%dx%d.jsonl", ku_dir, met, w,
                     h);
            assert_int_equal(
                ku_run(NULL,
                       "cd %s && HOME=$PWD " BIN " --headless --virtual-clock"
                       " --windowed=%dx%d --data-dir sun --layout-log %s"
                       " --now 2026-11-29T09:00:00-07:00"
                       " --screenshot 1:sun%d-%dx%d.png 2>>stderr.txt",
                       ku_dir, w, h, log, met, w, h),
                0);
            char *text = ku_read("%s", log);
            assert_non_null(text);
            Frame *fr = calloc(1, sizeof(Frame));
            assert_true(parse_frame(text, fr));
            check_frame(fr, w, h);
            for (int i = 0; i < 3; i++) {
                const char *want = met ? week_met[i] : needs_today[i];
                if (!frame_says(fr, want))
                    BAD(fr, "home does not say \"%s\"", want);
            }
            if (met && frame_says(fr, "Strength today: Ultra Legs"))
                BAD(fr, "strength today, the day after, with the week met");
            // The card of the plan's routine says TODAY only when it is.
            if (count_text(fr, "TODAY") != (met ? 0 : 1))
                BAD(fr, "%d cards say TODAY", count_text(fr, "TODAY"));
            free(fr);
            free(text);
        }
    }
    assert_int_equal(failures, 0);
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

static int setup(void **state)
{
    failures = 0; // each test counts its own
    return ku_setup(state);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_history_every_size, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_home_sunday, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
