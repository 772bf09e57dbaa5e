/*
 * Settings: reading config.ini, keeping defaults for what is wrong, and
 * writing it back.
 */
#include "testutil.h"

#include "core/settings.h"

static void test_parse_and_format(void **state)
{
    (void)state;
    Settings s;
    settings_default(&s);
    DiagList d = {0};
    const char *text =
        "[settings]\nvolume = 40\nvoice = no\ntempo = 120\n"
        "weekly_target = 3\nunits = lb\noptional_exercises = no\n"
        "speech_voice = en-us\nspeech_rate = 190\nvideo_fit = cover\n"
        "clip_size = 720p\n";
    assert_true(settings_parse(&s, text, strlen(text), "config.ini", &d));
    assert_int_equal(d.count, 0);
    assert_int_equal(s.volume, 40);
    assert_false(s.voice);
    assert_int_equal(s.tempo_pct, 120);
    assert_int_equal(s.weekly_target, 3);
    assert_int_equal(s.units, UNITS_LB);
    assert_false(s.include_optional);
    assert_string_equal(s.speech_voice, "en-us");
    assert_int_equal(s.speech_rate, 190);
    assert_true(s.video_cover);
    assert_int_equal(s.clip_height, 720);
    char buf[4096];
    settings_format(&s, buf, sizeof(buf));
    Settings t;
    settings_default(&t);
    assert_true(settings_parse(&t, buf, strlen(buf), "config.ini", &d));
    assert_int_equal(t.volume, s.volume);
    assert_int_equal(t.voice, s.voice);
    assert_int_equal(t.tempo_pct, s.tempo_pct);
    assert_int_equal(t.weekly_target, s.weekly_target);
    assert_int_equal(t.units, s.units);
    assert_int_equal(t.include_optional, s.include_optional);
    assert_string_equal(t.speech_voice, s.speech_voice);
    assert_int_equal(t.speech_rate, s.speech_rate);
    assert_int_equal(t.video_cover, s.video_cover);
    assert_int_equal(t.clip_height, 720);
    assert_non_null(strstr(buf, "\nclip_size = 720p\n"));
    char load[32];
    settings_load_text(&s, 10, load, sizeof(load));
    assert_string_equal(load, "22 lb");
    s.units = UNITS_KG;
    settings_load_text(&s, 12.5, load, sizeof(load));
    assert_string_equal(load, "12.5 kg");
    diag_list_free(&d);
}

static void test_bad_values_keep_defaults(void **state)
{
    (void)state;
    Settings s;
    settings_default(&s);
    DiagList d = {0};
    const char *text =
        "[settings]\nvolume = loud\ntempo = 500\nunits = stone\ncolour = red\n";
    assert_false(settings_parse(&s, text, strlen(text), "config.ini", &d));
    assert_int_equal(s.volume, 80);
    assert_int_equal(s.tempo_pct, 100);
    assert_int_equal(s.units, UNITS_KG);
    char line[600];
    diag_format(&d.items[0], line, sizeof(line));
    assert_string_equal(line, "config.ini:2: error: 'volume' must be 0 to 100, "
                              "not 'loud' (keeping the default)");
    diag_format(&d.items[3], line, sizeof(line));
    assert_string_equal(line, "config.ini:5: error: unknown setting 'colour'");
    diag_list_free(&d);
}

// A misspelt key names the one it most likely meant; every key of the
// table is one the parser knows, and every key config.ini is written with
// is in the table (the page's form lists the table).
static void test_keys_known_and_suggested(void **state)
{
    (void)state;
    Settings s;
    settings_default(&s);
    DiagList d = {0};
    const char *text = "[settings]\nvolme = 50\nspeech_rat = 100\nxyz = 1\n";
    assert_false(settings_parse(&s, text, strlen(text), "config.ini", &d));
    assert_int_equal(d.count, 3);
    static const char *const said[] = {
        "config.ini:2: error: unknown setting 'volme' (did you mean "
        "'volume'?)",
        "config.ini:3: error: unknown setting 'speech_rat' (did you mean "
        "'speech_rate'?)",
        "config.ini:4: error: unknown setting 'xyz'"};
    char line[600];
    for (int i = 0; i < 3; i++) {
        diag_format(&d.items[i], line, sizeof(line));
        assert_string_equal(line, said[i]);
    }
    diag_list_free(&d);
    for (int i = 0; i < settings_nkeys; i++) {
        char one[128];
        snprintf(one, sizeof(one), "[settings]\n%s = \"?\"\n",
                 settings_keys[i].key);
        DiagList e = {0};
        settings_parse(&s, one, strlen(one), "config.ini", &e);
        for (int k = 0; k < e.count; k++) {
            diag_format(&e.items[k], line, sizeof(line));
            if (strstr(line, "unknown setting"))
                fail_msg("%s", line);
        }
        diag_list_free(&e);
    }
    char all[8192];
    settings_default(&s);
    settings_format(&s, all, sizeof(all));
    int written = 0;
    for (char *l = strtok(all, "\n"); l; l = strtok(NULL, "\n")) {
        char *eq = strstr(l, " = ");
        if (l[0] == ';' || l[0] == '[' || !eq)
            continue;
        *eq = '\0';
        bool found = false;
        for (int i = 0; i < settings_nkeys; i++)
            found = found || strcmp(settings_keys[i].key, l) == 0;
        if (!found)
            fail_msg("config.ini's key '%s' is not in the table", l);
        written++;
    }
    assert_int_equal(written, settings_nkeys);
}

static void test_clip_size(void **state)
{
    (void)state;
    Settings s;
    settings_default(&s);
    int w, h;
    // Auto: a Raspberry Pi gets 720p, anything else 1080p.
    settings_clip_size(&s, true, &w, &h);
    assert_int_equal(w, 1280);
    assert_int_equal(h, 720);
    settings_clip_size(&s, false, &w, &h);
    assert_int_equal(w, 1920);
    assert_int_equal(h, 1080);
    DiagList d = {0};
    const char *text = "[settings]\nclip_size = 1080p\n";
    assert_true(settings_parse(&s, text, strlen(text), "config.ini", &d));
    settings_clip_size(&s, true, &w, &h);
    assert_int_equal(h, 1080);
    text = "[settings]\nclip_size = 4k\n";
    assert_false(settings_parse(&s, text, strlen(text), "config.ini", &d));
    char line[600];
    diag_format(&d.items[0], line, sizeof(line));
    assert_string_equal(
        line, "config.ini:2: error: 'clip_size' must be auto, 720p or 1080p, "
              "not '4k' (keeping the default)");
    assert_int_equal(s.clip_height, 1080); // the value before stays
    char buf[4096];
    settings_default(&s);
    settings_format(&s, buf, sizeof(buf));
    assert_non_null(strstr(buf, "\nclip_size = auto\n"));
    diag_list_free(&d);
}

// Every problem is listed with its line, not only the first; the good
// values around them are still read.
static void test_every_problem_listed(void **state)
{
    (void)state;
    Settings s;
    settings_default(&s);
    DiagList d = {0};
    const char *text =
        "; mine\n[settings]\nvolume = loud\nvoice = perhaps\ntempo = 120\n"
        "this line is wrong\n[settings\nunits = stone\n# fine\n"
        "speech_rate = 5\nvolume = 30\nvolume = 40\nvideo_fit = stretch\n";
    assert_false(settings_parse(&s, text, strlen(text), "config.ini", &d));
    static const char *const want[] = {
        "config.ini:3: error: 'volume' must be 0 to 100, not 'loud'",
        "config.ini:4: error: 'voice' must be yes or no, not 'perhaps'",
        "config.ini:6: error: not a setting, a section or a comment",
        "config.ini:7: error: not a setting, a section or a comment",
        "config.ini:8: error: 'units' must be kg or lb, not 'stone'",
        "config.ini:10: error: 'speech_rate' must be 80 to 450",
        "config.ini:11: warning: 'volume' is set again (line 3 is overridden)",
        "config.ini:12: warning: 'volume' is set again (line 11 is overridden)",
        "config.ini:13: error: 'video_fit' must be fit or cover, not 'stretch'",
    };
    assert_int_equal(d.count, 9);
    assert_int_equal(d.errors, 7);
    for (int i = 0; i < 9; i++) {
        char line[600];
        diag_format(&d.items[i], line, sizeof(line));
        if (!strstr(line, want[i]))
            fail_msg("problem %d: '%s', want '%s'", i, line, want[i]);
    }
    assert_int_equal(s.tempo_pct, 120);
    assert_int_equal(s.volume, 40);
    diag_list_free(&d);
}

// The runner's music: on by default at 60 %, ducking 12 dB under speech;
// the four keys round-trip and bad values keep the defaults, with file:line.
static void test_music_settings(void **state)
{
    (void)state;
    Settings s;
    settings_default(&s);
    assert_true(s.music);
    assert_string_equal(s.music_dir, "");
    assert_int_equal(s.music_volume, 60);
    assert_int_equal(s.music_duck_db, 12);
    DiagList d = {0};
    const char *text = "[settings]\nmusic = off\nmusic_dir = /srv/tunes\n"
                       "music_volume = 35\nmusic_duck_db = 18\n";
    assert_true(settings_parse(&s, text, strlen(text), "config.ini", &d));
    assert_int_equal(d.count, 0);
    assert_false(s.music);
    assert_string_equal(s.music_dir, "/srv/tunes");
    assert_int_equal(s.music_volume, 35);
    assert_int_equal(s.music_duck_db, 18);
    char buf[4096];
    settings_format(&s, buf, sizeof(buf));
    assert_non_null(strstr(buf, "\nmusic = off\n"));
    assert_non_null(strstr(buf, "\nmusic_dir = /srv/tunes\n"));
    Settings t;
    settings_default(&t);
    assert_true(settings_parse(&t, buf, strlen(buf), "config.ini", &d));
    assert_false(t.music);
    assert_string_equal(t.music_dir, "/srv/tunes");
    assert_int_equal(t.music_volume, 35);
    assert_int_equal(t.music_duck_db, 18);

    settings_default(&s);
    text = "[settings]\nmusic = loud\nmusic_volume = 101\n"
           "music_duck_db = -3\nmusic_dir = tunes\n";
    assert_false(settings_parse(&s, text, strlen(text), "config.ini", &d));
    static const char *const want[] = {
        "config.ini:2: error: 'music' must be on or off, not 'loud'",
        "config.ini:3: error: 'music_volume' must be 0 to 100, not '101'",
        "config.ini:4: error: 'music_duck_db' must be 0 to 40 (dB), not '-3'",
        "config.ini:5: error: 'music_dir' must be a folder's full path",
    };
    assert_int_equal(d.count, 4);
    for (int i = 0; i < 4; i++) {
        char line[600];
        diag_format(&d.items[i], line, sizeof(line));
        if (!strstr(line, want[i]))
            fail_msg("problem %d: '%s', want '%s'", i, line, want[i]);
    }
    assert_true(s.music);
    assert_int_equal(s.music_volume, 60);
    assert_int_equal(s.music_duck_db, 12);
    diag_list_free(&d);
}

// The companion's settings: on by default on 0.0.0.0:8080; bad values
// named with their line and the default kept.
static void test_web_settings(void **state)
{
    (void)state;
    Settings s;
    settings_default(&s);
    assert_true(s.web);
    assert_int_equal(s.web_port, 8080);
    assert_string_equal(s.web_bind, "0.0.0.0");
    DiagList d = {0};
    const char *text =
        "[settings]\nweb = off\nweb_port = 18081\nweb_bind = 192.168.1.20\n";
    assert_true(settings_parse(&s, text, strlen(text), "config.ini", &d));
    assert_false(s.web);
    assert_int_equal(s.web_port, 18081);
    assert_string_equal(s.web_bind, "192.168.1.20");
    char buf[4096];
    settings_format(&s, buf, sizeof(buf));
    Settings t;
    settings_default(&t);
    assert_true(settings_parse(&t, buf, strlen(buf), "config.ini", &d));
    assert_false(t.web);
    assert_int_equal(t.web_port, 18081);
    assert_string_equal(t.web_bind, "192.168.1.20");
    text = "[settings]\nweb = maybe\nweb_port = 70000\nweb_bind = "
           "256.1.1.1\nweb_bind = kiosk.local\n";
    settings_default(&s);
    assert_false(settings_parse(&s, text, strlen(text), "config.ini", &d));
    static const char *const want[] = {
        "config.ini:2: error: 'web' must be on or off, not 'maybe' (keeping "
        "the default)",
        "config.ini:3: error: 'web_port' must be a port from 1 to 65535, not "
        "'70000' (keeping the default)",
        "config.ini:4: error: 'web_bind' must be an IPv4 address like "
        "0.0.0.0, not '256.1.1.1' (keeping the default)",
    };
    for (int i = 0; i < 3; i++) {
        char line[600];
        diag_format(&d.items[i], line, sizeof(line));
        assert_string_equal(line, want[i]);
    }
    assert_true(s.web);
    assert_int_equal(s.web_port, 8080);
    assert_string_equal(s.web_bind, "0.0.0.0");
    assert_false(settings_ipv4_valid("1.2.3"));
    assert_false(settings_ipv4_valid("1.2.3.4.5"));
    assert_false(settings_ipv4_valid("01234.1.1.1"));
    assert_true(settings_ipv4_valid("127.0.0.1"));
    diag_list_free(&d);
}

static void test_upload_limit(void **state)
{
    (void)state;
    Settings s;
    settings_default(&s);
    assert_int_equal(s.web_upload_max_mb, 4096);
    DiagList d = {0};
    const char *text = "[settings]\nweb_upload_max_mb = 800\n";
    assert_true(settings_parse(&s, text, strlen(text), "config.ini", &d));
    assert_int_equal(s.web_upload_max_mb, 800);
    char buf[4096];
    settings_format(&s, buf, sizeof(buf));
    assert_non_null(strstr(buf, "\nweb_upload_max_mb = 800\n"));
    text = "[settings]\nweb_upload_max_mb = 0\n";
    assert_false(settings_parse(&s, text, strlen(text), "config.ini", &d));
    char line[600];
    diag_format(&d.items[0], line, sizeof(line));
    assert_string_equal(line, "config.ini:2: error: 'web_upload_max_mb' must "
                              "be megabytes from 1 to 1048576, not '0' "
                              "(keeping the default)");
    assert_int_equal(s.web_upload_max_mb, 800);
    diag_list_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_and_format),
        cmocka_unit_test(test_bad_values_keep_defaults),
        cmocka_unit_test(test_keys_known_and_suggested),
        cmocka_unit_test(test_clip_size),
        cmocka_unit_test(test_every_problem_listed),
        cmocka_unit_test(test_music_settings),
        cmocka_unit_test(test_web_settings),
        cmocka_unit_test(test_upload_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
