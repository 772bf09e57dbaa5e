/*
 * A runner's profile, pure: names a kiosk accepts, the initials the picker
 * shows, colours, and overrides over config.ini's settings.
 */
#include "testutil.h"

#include "core/profile.h"

static void test_initials(void **state)
{
    (void)state;
    char out[16];
    static const char *const cases[][2] = {
        {"Ana Lima", "AL"},
        {"sam", "S"},
        {"Jean-Luc Picard", "JL"},
        {"Zo\xc3\xab \xc3\x84rm", "Z\xc3\x84"},
        {"\xe5\xb1\xb1\xe7\x94\xb0 \xe5\xa4\xaa\xe9\x83\x8e",
         "\xe5\xb1\xb1\xe5\xa4\xaa"},
        {"  two  spaces  x", "TS"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        profile_initials(cases[i][0], out, sizeof(out));
        assert_string_equal(out, cases[i][1]);
    }
    // A buffer too small keeps whole characters only.
    char tiny[3];
    profile_initials("\xc3\x84rm \xc3\x96l", tiny, sizeof(tiny));
    assert_string_equal(tiny, "\xc3\x84");
}

static void test_names(void **state)
{
    (void)state;
    assert_null(profile_name_problem("Ana"));
    assert_null(profile_name_problem("Zo\xc3\xab M\xc3\xbcller-Lind"));
    assert_string_equal(profile_name_problem(""), "a profile needs a name");
    assert_string_equal(profile_name_problem(" Ana"),
                        "a profile's name does not start or end with a space");
    assert_string_equal(profile_name_problem("--history"),
                        "a profile's name does not start with '-'");
    assert_string_equal(profile_name_problem("a\tb"),
                        "a profile's name has no control characters");
    assert_string_equal(
        profile_name_problem("123456789012345678901234567890123"),
        "a profile's name is at most 32 bytes");
    assert_null(profile_name_problem("12345678901234567890123456789012"));
}

static void test_colours(void **state)
{
    (void)state;
    // Every colour distinct, and far enough from the dark background.
    for (int i = 0; i < PROFILE_COLOURS; i++) {
        uint32_t a = profile_rgb(i);
        int bright =
            (int)((a >> 16) & 255) + (int)((a >> 8) & 255) + (int)(a & 255);
        assert_true(bright > 300);
        for (int k = 0; k < i; k++)
            assert_int_not_equal(a, profile_rgb(k));
    }
    assert_string_equal(profile_colour_name(1), "blue");
    assert_int_equal(profile_rgb(PROFILE_COLOURS + 1), profile_rgb(1));
}

static void test_overrides(void **state)
{
    (void)state;
    Profile p;
    profile_init(&p);
    char why[200], text[160];
    profile_overrides_text(&p, text, sizeof(text));
    assert_string_equal(text, "");
    assert_true(profile_set_override(&p, "tempo=120", why, sizeof(why)));
    assert_true(profile_set_override(&p, "units=lb", why, sizeof(why)));
    profile_overrides_text(&p, text, sizeof(text));
    assert_string_equal(text, "tempo 120%, units lb");
    assert_false(profile_set_override(&p, "speed=3", why, sizeof(why)));
    assert_string_equal(why, "unknown setting 'speed' (a profile has tempo, "
                             "voice, units, target)");
    assert_false(profile_set_override(&p, "voice=maybe", why, sizeof(why)));
    assert_false(profile_set_override(&p, "target=8", why, sizeof(why)));
    assert_false(profile_set_override(&p, "tempo", why, sizeof(why)));
    Settings s;
    settings_default(&s);
    s.voice = true;
    profile_apply(&p, &s);
    assert_int_equal(s.tempo_pct, 120);
    assert_int_equal(s.units, UNITS_LB);
    assert_true(s.voice); // not overridden: the household's
    assert_true(profile_set_override(&p, "tempo=", why, sizeof(why)));
    settings_default(&s);
    profile_apply(&p, &s);
    assert_int_equal(s.tempo_pct, 100);
    profile_apply(NULL, &s); // no profile: unchanged
    assert_int_equal(s.units, UNITS_LB);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_initials),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_colours),
        cmocka_unit_test(test_overrides),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
