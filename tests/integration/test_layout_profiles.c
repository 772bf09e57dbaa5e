/*
 * "Who's training?" at every size of the layout matrix, checked as geometry
 * (layout_util.h): two runners and six with long names, each name whole
 * under its initials, nothing over anything; the runner used last comes
 * preselected (the cue log); home, the HUD and the summary then name the
 * runner chosen.
 */
#include "layout_util.h"

#include "core/profile.h"
#include "ui/view.h"

static const char *const two[] = {"Ana", "Bo"};
static const char *const six[] = {"Ana",
                                  "Bo Lind",
                                  "Alexandra-Maria Lindqvist",
                                  "Sam",
                                  "Wolfgang M\xc3\xbcller",
                                  "Zo\xc3\xab"};

// A household: each runner with one Ultra Legs from a spreadsheet (last
// week, so that no easy day is asked for).
static void make_household(const char *dir, const char *const *names, int n)
{
    char path[400];
    snprintf(path, sizeof(path), "%s/one.csv", ku_dir);
    write_path(path, "started_at,routine,completed,duration_s\n"
                     "2026-11-18T18:00:00-07:00,ultra-legs,yes,900\n");
    for (int i = 0; i < n; i++)
        assert_int_equal(ku_run(NULL,
                                "cd %s && HOME=$PWD " BIN
                                " --profile '%s' --import-history one.csv"
                                " --data-dir %s >/dev/null 2>>stderr.txt",
                                ku_dir, names[i], dir),
                         0);
}

static bool says(const Frame *fr, const char *text)
{
    return shows_title(fr, text);
}

static const Text *find(const Frame *fr, const char *text)
{
    for (int i = 0; i < fr->n; i++)
        if (strcmp(fr->texts[i].text, text) == 0)
            return &fr->texts[i];
    return NULL;
}

static void test_picker_every_size(void **state)
{
    (void)state;
    make_household("two", two, 2);
    make_household("six", six, 6);
    // Right to the second runner, OK; start Ultra Legs; let it count.
    ku_write("pick.txt", "1 right\n1.5 ok\n3 ok\n");
    for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
        for (int k = 0; k < 2; k++) {
            int w = sizes[s][0], h = sizes[s][1];
            const char *const *names = k ? six : two;
            int n = k ? 6 : 2;
            const char *tag = k ? "six" : "two";
            char args[1024], cues[400];
            snprintf(cues, sizeof(cues), "%s/%s-%dx%d.tsv", ku_dir, tag, w, h);
            // Each run starts where the last left off: the runner used
            // last (the one chosen by the run before, or the first).
            snprintf(args, sizeof(args),
                     "--data-dir %s --script pick.txt --auto --cue-log %s"
                     " --screenshot 0.5:%s-%dx%d-pick.png"
                     " --screenshot 2.5:%s-%dx%d-home.png"
                     " --screenshot 19:%s-%dx%d-hud.png"
                     " --screenshot 840:%s-%dx%d-summary.png",
                     tag, cues, tag, w, h, tag, w, h, tag, w, h, tag, w, h);
            Frame *fr;
            int frames = run_and_check(w, h, tag, "", args, &fr);
            assert_int_equal(frames, 4);
            const Frame *pick = &fr[0];
            if (strcmp(pick->screen, "profiles") != 0)
                BAD(pick, "the first screen is %s, not the picker",
                    pick->screen);
            if (!says(pick, "Who's training?"))
                BAD(pick, "no question");
            for (int i = 0; i < n; i++) {
                char initials[16];
                profile_initials(names[i], initials, sizeof(initials));
                const Text *name = find(pick, names[i]);
                if (!says(pick, names[i]))
                    BAD(pick, "\"%s\" is not shown whole", names[i]);
                // Its initials above it, about the middle of its column.
                bool under = false;
                for (int t = 0; t < pick->n; t++) {
                    const Text *in = &pick->texts[t];
                    if (strcmp(in->text, initials) != 0 || !name)
                        continue;
                    double icx = in->x + in->w / 2, ncx = name->x + name->w / 2;
                    under |= name->y > in->y + in->h - 2 &&
                             fabs(icx - ncx) < fmax(name->w, in->w) / 2;
                }
                if (name && !under)
                    BAD(pick, "\"%s\" is not under its initials %s", names[i],
                        initials);
            }
            // The runner used last is preselected; Right and OK chose the
            // next one, whose name home, the HUD and the summary show.
            char *log = ku_read("%s", cues);
            assert_non_null(log);
            char first[64], chosen[64];
            assert_int_equal(sscanf(log, "0.000\trunner\t%63[^\n]", first), 1);
            const char *nl = strchr(log, '\n');
            assert_non_null(nl);
            const char *second = strstr(nl, "\trunner\t");
            assert_non_null(second);
            assert_int_equal(sscanf(second, "\trunner\t%63[^\n]", chosen), 1);
            int fi = -1;
            for (int i = 0; i < n; i++)
                if (strcmp(names[i], first) == 0)
                    fi = i;
            assert_true(fi >= 0);
            assert_string_equal(chosen, names[(fi + 1) % n]);
            free(log);
            if (strcmp(fr[1].screen, "home") != 0 || !says(&fr[1], chosen))
                BAD(&fr[1], "home does not name %s", chosen);
            char initials[16];
            profile_initials(chosen, initials, sizeof(initials));
            if (strcmp(fr[2].screen, "work") != 0 || !find(&fr[2], initials))
                BAD(&fr[2], "the HUD does not show %s", initials);
            if (strcmp(fr[3].screen, "summary") != 0 || !says(&fr[3], chosen))
                BAD(&fr[3], "the summary does not name %s", chosen);
            free(fr);
        }
    }
    assert_int_equal(failures, 0);
}

// Settings: the name keys (with a long name typed) and the question before
// a runner is deleted, at every size: every key there, nothing over
// anything, nothing too small.
static void test_keys_and_question_every_size(void **state)
{
    (void)state;
    make_household("two", two, 2);
    // Pick, settings, Add a runner; type two letters; then the question.
    ku_write("keys.txt",
             "1 ok\n2 settings\n2.1 up\n2.2 up\n2.3 up\n2.4 up\n2.6 ok\n"
             "3 down\n3.2 right\n3.4 right\n3.6 ok\n3.8 down\n"
             "4 ok\n5 back\n5.2 down\n5.4 ok\n5.6 ok\n6 back\n"
             "6.2 back\n7 quit\n");
    for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
        int w = sizes[s][0], h = sizes[s][1];
        char args[600];
        snprintf(args, sizeof(args),
                 "--data-dir two --script keys.txt"
                 " --screenshot 4.5:keys-%dx%d.png"
                 " --screenshot 5.8:ask-%dx%d.png",
                 w, h, w, h);
        Frame *fr;
        int frames = run_and_check(w, h, "keys", "", args, &fr);
        assert_int_equal(frames, 2);
        if (strcmp(fr[0].screen, "name") != 0)
            BAD(&fr[0], "not the name keys");
        for (const char *k = NAME_KEYS; *k; k++) {
            char key[2] = {*k, 0};
            if (!find(&fr[0], key))
                BAD(&fr[0], "no key %s", key);
        }
        // Down, right, right, OK, down, OK: two keys of the grid as it is
        // laid out (rows of ten, or of seven on a tall screen).
        int cols = name_key_cols(w < h);
        char typed[8] = {NAME_KEYS[cols + 2],
                         (char)(NAME_KEYS[2 * cols + 2] - 'A' + 'a'), '_', 0};
        if (!find(&fr[0], "Space") || !find(&fr[0], "Delete") ||
            !find(&fr[0], "Done") || !says(&fr[0], typed))
            BAD(&fr[0], "the wide keys or the name typed are missing");
        if (strcmp(fr[1].screen, "settings") != 0 ||
            !says(&fr[1], "Really delete") || !says(&fr[1], "OK: delete"))
            BAD(&fr[1], "the second question is not asked");
        free(fr);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_picker_every_size, ku_setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_keys_and_question_every_size,
                                        ku_setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
