/*
 * Changing an exercise's clip keys in the runner's own exercises.ini: only
 * those keys of that section change; comments, blank lines, other keys and
 * sections, and CRLF line endings stay as the runner left them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/ini_set.h"

static const IniSet CLIP[] = {
    {"clip", "coach.mp4"},
    {"clip_start", "121.00"},
    {"clip_end", "172.50"},
};

static void check(const char *in, const char *section, const IniSet *sets,
                  int n, const char *want)
{
    char *out = ini_set_keys(in, strlen(in), section, sets, n);
    assert_non_null(out);
    assert_string_equal(out, want);
    free(out);
}

static void test_empty_file(void **state)
{
    (void)state;
    check("", "band-work", CLIP, 3,
          "[band-work]\nclip = coach.mp4\nclip_start = 121.00\n"
          "clip_end = 172.50\n");
}

static void test_section_added_at_the_end(void **state)
{
    (void)state;
    check("; mine\n[clams]\ncadence = 2 ; slower\n", "band-work", CLIP, 3,
          "; mine\n[clams]\ncadence = 2 ; slower\n\n[band-work]\n"
          "clip = coach.mp4\nclip_start = 121.00\nclip_end = 172.50\n");
}

static void test_keys_replaced_in_place(void **state)
{
    (void)state;
    check("[band-work]\n; my cut\nclip = old.mp4\ncadence = 1.5\n"
          "clip_start=3\n\n; next\n[clams]\nclip = clams.mp4\n",
          "band-work", CLIP, 3,
          "[band-work]\n; my cut\nclip = coach.mp4\ncadence = 1.5\n"
          "clip_start = 121.00\nclip_end = 172.50\n\n; next\n[clams]\n"
          "clip = clams.mp4\n");
}

static void test_removed_and_duplicates(void **state)
{
    (void)state;
    const IniSet sets[] = {{"clip", "a.mp4"}, {"clip_end", NULL}};
    check("[x]\nclip = 1.mp4\nclip_end = 9\nclip = 2.mp4\nname = X", "x", sets,
          2, "[x]\nclip = a.mp4\nname = X\n");
}

static void test_crlf_kept(void **state)
{
    (void)state;
    const IniSet sets[] = {{"clip", "a.mp4"}};
    check("[x]\r\nname = X\r\n[y]\r\nname = Y\r\n", "x", sets, 1,
          "[x]\r\nname = X\r\nclip = a.mp4\r\n[y]\r\nname = Y\r\n");
}

static void test_key_line(void **state)
{
    (void)state;
    const char *t = "[a]\nclip = 1\n[b]\n; c\nclip = 2\n";
    assert_int_equal(ini_key_line(t, "b", "clip"), 5);
    assert_int_equal(ini_key_line(t, "a", "clip"), 2);
    assert_int_equal(ini_key_line(t, "c", "clip"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_section_added_at_the_end),
        cmocka_unit_test(test_keys_replaced_in_place),
        cmocka_unit_test(test_removed_and_duplicates),
        cmocka_unit_test(test_crlf_kept),
        cmocka_unit_test(test_key_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
