/*
 * Strict parsers for the data files.
 */
#include "testutil.h"

#include "core/strutil.h"

static void test_int(void **state)
{
    (void)state;
    long v;
    assert_true(str_parse_int(" 42 ", 0, 100, &v));
    assert_int_equal(v, 42);
    assert_false(str_parse_int("42x", 0, 100, &v));
    assert_false(str_parse_int("", 0, 100, &v));
    assert_false(str_parse_int("101", 0, 100, &v));
    assert_false(str_parse_int("-1", 0, 100, &v));
    assert_false(str_parse_int("99999999999999999999", 0, 100, &v));
}

static void test_double(void **state)
{
    (void)state;
    double d;
    assert_true(str_parse_double("2.5", &d));
    assert_true(d == 2.5);
    assert_false(str_parse_double("nan", &d));
    assert_false(str_parse_double("inf", &d));
    assert_false(str_parse_double("0x10", &d));
    assert_false(str_parse_double("1.5s", &d));
    assert_false(str_parse_double("1e999", &d));
}

static void test_clock(void **state)
{
    (void)state;
    double d;
    assert_true(str_parse_clock("2:01", &d));
    assert_true(d == 121);
    assert_true(str_parse_clock("1:02:03", &d));
    assert_true(d == 3723);
    assert_true(str_parse_clock("11:22.5", &d));
    assert_true(d == 682.5);
    assert_true(str_parse_clock("90", &d));
    assert_true(d == 90);
    assert_false(str_parse_clock("2:61", &d));
    assert_false(str_parse_clock("-3", &d));
    assert_false(str_parse_clock("1:2:3:4", &d));
    assert_false(str_parse_clock("a:01", &d));
    assert_false(str_parse_clock("2:", &d));
}

static void test_bool_and_id(void **state)
{
    (void)state;
    bool b;
    assert_true(str_parse_bool("Yes", &b) && b);
    assert_true(str_parse_bool("off", &b) && !b);
    assert_false(str_parse_bool("maybe", &b));
    assert_true(str_is_id("ultra-legs"));
    assert_true(str_is_id("a1_b"));
    assert_false(str_is_id("-x"));
    assert_false(str_is_id("Ultra"));
    assert_false(str_is_id("a b"));
    assert_false(str_is_id(""));
}

static void test_copy(void **state)
{
    (void)state;
    char buf[4];
    assert_true(str_copy(buf, sizeof(buf), "abc"));
    assert_string_equal(buf, "abc");
    assert_false(str_copy(buf, sizeof(buf), "abcd"));
    assert_string_equal(buf, "abc");
}

// Text files must be UTF-8; limits count characters.
static void test_utf8(void **state)
{
    (void)state;
    assert_true(
        str_utf8_valid("Caf\xc3\xa9 \xe8\x85\xbf \xf0\x9f\x94\xa5 plain"));
    assert_false(str_utf8_valid("Caf\xe9 Legs"));     // Latin-1
    assert_false(str_utf8_valid("\x80"));             // stray continuation
    assert_false(str_utf8_valid("\xc0\xaf"));         // overlong '/'
    assert_false(str_utf8_valid("\xed\xa0\x80"));     // a surrogate
    assert_false(str_utf8_valid("\xf4\x90\x80\x80")); // past U+10FFFF
    assert_false(str_utf8_valid("\xe8\x85"));         // cut short
    assert_int_equal(str_utf8_len("Caf\xc3\xa9"), 4);
    assert_int_equal(str_utf8_len("\xe8\x85\xbf\xe8\x85\xbf"), 2);
    assert_int_equal(str_utf8_len(""), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_int),   cmocka_unit_test(test_double),
        cmocka_unit_test(test_clock), cmocka_unit_test(test_bool_and_id),
        cmocka_unit_test(test_copy),  cmocka_unit_test(test_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
