/*
 * JSON output: strings come out exactly as they went in, or as valid UTF-8
 * with U+FFFD for what was not; numbers keep their decimals; the text is
 * written whole or the failure is said.
 */
#include "testutil.h"

#include <limits.h>
#include <math.h>

#include "app/json.h"
#include "platform/log.h"

#define FFFD "\xEF\xBF\xBD"

// cJSON's one-line text of a value, as the only member of an object.
static char *one_line(cJSON *item)
{
    cJSON *o = cJSON_CreateObject();
    assert_non_null(json_add(o, "v", item));
    char *text = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    assert_non_null(text);
    return text;
}

static void check_text(cJSON *item, const char *want)
{
    char *text = one_line(item);
    char full[512];
    snprintf(full, sizeof(full), "{\"v\":%s}", want);
    assert_string_equal(text, full);
    cJSON_free(text);
}

// The string json_string makes of `in`, printed and parsed back.
static void check_string(const char *in, const char *want)
{
    cJSON *item = json_string(in);
    assert_non_null(item);
    assert_string_equal(item->valuestring, want);
    char *text = one_line(item);
    cJSON *back = cJSON_Parse(text);
    assert_non_null(back);
    assert_string_equal(
        cJSON_GetObjectItemCaseSensitive(back, "v")->valuestring, want);
    cJSON_Delete(back);
    cJSON_free(text);
}

static void test_valid_utf8_kept(void **state)
{
    (void)state;
    check_string("", "");
    check_string("plain", "plain");
    check_string("caf\xC3\xA9", "caf\xC3\xA9"); // 2 bytes
    check_string("\xE6\x97\xA5\xE6\x9C\xAC", "\xE6\x97\xA5\xE6\x9C\xAC"); // 3
    check_string("\xF0\x9F\x8F\x83", "\xF0\x9F\x8F\x83"); // 4: a runner
    check_string("\xED\x9F\xBF", "\xED\x9F\xBF");         // U+D7FF
    check_string("\xEE\x80\x80", "\xEE\x80\x80");         // U+E000
    check_string("\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF"); // U+10FFFF
    check_string("\xEF\xBF\xBD", "\xEF\xBF\xBD");         // U+FFFD itself
    cJSON *empty = json_string(NULL);
    assert_string_equal(empty->valuestring, "");
    cJSON_Delete(empty);
}

// Each ill-formed part becomes one U+FFFD, as the Unicode standard
// recommends (and as strict decoders such as Python's do).
static void test_invalid_utf8_replaced(void **state)
{
    (void)state;
    check_string("caf\xE9", "caf" FFFD);                   // Latin-1
    check_string("\x80", FFFD);                            // stray continuation
    check_string("\xC0\x80", FFFD FFFD);                   // overlong NUL
    check_string("\xC1\xBF", FFFD FFFD);                   // overlong
    check_string("\xE0\x80\x80", FFFD FFFD FFFD);          // overlong
    check_string("\xED\xA0\x80", FFFD FFFD FFFD);          // a surrogate
    check_string("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD); // past U+10FFFF
    check_string("\xF5\x80", FFFD FFFD);
    check_string("\xFF\xFE", FFFD FFFD);
    check_string("\xE2\x82", FFFD); // cut at the end
    check_string("\xE2\x82"
                 "A",
                 FFFD "A"); // cut in the middle
    check_string("\xF0\x9F\x8F"
                 "x",
                 FFFD "x");
    check_string("a\xE9"
                 "b\xE6\x97\xA5\xFF"
                 "c",
                 "a" FFFD "b\xE6\x97\xA5" FFFD "c");
    check_string("\xE9\xE2\x82.mp4", FFFD FFFD ".mp4");
}

// Quotes, backslashes, every control character and DEL go out escaped
// where JSON needs it and come back exactly.
static void test_hostile_text_round_trip(void **state)
{
    (void)state;
    char in[128];
    int n = 0;
    for (int c = 1; c < 0x20; c++)
        in[n++] = (char)c;
    const char *rest = "\"\\/\x7F"
                       "Say \"go\" \\n caf\xC3\xA9 \xF0\x9F\x8F\x83";
    snprintf(in + n, sizeof(in) - (size_t)n, "%s", rest);
    cJSON *item = json_string(in);
    char *text = one_line(item);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        assert_true(*p >= 0x20); // no raw control character in the text
    cJSON *back = cJSON_Parse(text);
    assert_non_null(back);
    assert_string_equal(
        cJSON_GetObjectItemCaseSensitive(back, "v")->valuestring, in);
    cJSON_Delete(back);
    cJSON_free(text);
}

static void test_fixed_decimals(void **state)
{
    (void)state;
    check_text(json_fixed(1.2, 2), "1.20");
    check_text(json_fixed(121, 3), "121.000");
    check_text(json_fixed(682, 0), "682");
    check_text(json_fixed(33.333333, 1), "33.3");
    check_text(json_fixed(-2.5, 1), "-2.5");
    check_text(json_fixed(NAN, 2), "null");
    check_text(json_fixed(INFINITY, 2), "null");
    check_text(json_fixed(-INFINITY, 0), "null");
    check_text(json_fixed(0.5, -3), "0"); // %.0f rounds half to even
    char *big = one_line(json_fixed(1e300, 30));
    assert_true(strlen(big) > 300); // 301 digits and 17 decimals, whole
    cJSON *back = cJSON_Parse(big);
    assert_true(cJSON_GetObjectItemCaseSensitive(back, "v")->valuedouble ==
                1e300);
    cJSON_Delete(back);
    cJSON_free(big);
}

static void test_integers_exact(void **state)
{
    (void)state;
    check_text(json_int(0), "0");
    check_text(json_int(42), "42");
    check_text(json_int(-7), "-7");
    check_text(json_int(INT_MAX), "2147483647");
    check_text(json_int((long long)INT_MAX + 1), "2147483648");
    check_text(json_int(1000000000000000LL), "1000000000000000");
    check_text(json_int(LLONG_MAX), "9223372036854775807");
    check_text(json_int(LLONG_MIN), "-9223372036854775808");
}

static void test_null_and_strings_in_objects(void **state)
{
    (void)state;
    cJSON *o = cJSON_CreateObject();
    json_add_string(o, "s", "x");
    json_add_string_or_null(o, "n", NULL);
    json_add_string_or_null(o, "t", "caf\xE9");
    json_add_int(o, "i", 3);
    json_add_fixed(o, "f", 0.25, 1);
    cJSON *arr = cJSON_AddArrayToObject(o, "a");
    json_push(arr, json_int(1));
    json_push(json_push_object(arr), NULL); // an empty object, then nothing
    char *text = cJSON_PrintUnformatted(o);
    assert_string_equal(text,
                        "{\"s\":\"x\",\"n\":null,\"t\":\"caf" FFFD "\",\"i\":3,"
                        "\"f\":0.2,\"a\":[1,{}]}");
    cJSON_free(text);
    cJSON_Delete(o);
}

// No container: nothing is added and nothing leaks (the sanitizer build
// checks the leaks).
static void test_no_container(void **state)
{
    (void)state;
    assert_null(json_add_string(NULL, "k", "v"));
    assert_null(json_add_string_or_null(NULL, "k", NULL));
    assert_null(json_add_int(NULL, "k", 1));
    assert_null(json_add_fixed(NULL, "k", 1, 1));
    assert_null(json_add(NULL, "k", json_string("v")));
    assert_null(json_push(NULL, json_string("v")));
    assert_null(json_push_object(NULL));
    cJSON *o = cJSON_CreateObject();
    assert_null(json_add(o, "k", NULL));
    assert_null(json_push(o, NULL));
    assert_null(o->child);
    cJSON_Delete(o);
}

static char *file_text(FILE *f)
{
    long n = ftell(f);
    char *buf = calloc(1, (size_t)n + 1);
    rewind(f);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    return buf;
}

static void test_write(void **state)
{
    (void)state;
    cJSON *o = cJSON_CreateObject();
    json_add_string(o, "title", "Say \"go\"");
    cJSON *arr = cJSON_AddArrayToObject(o, "reps");
    json_push(arr, json_int(10));
    json_push(arr, json_int(12));

    FILE *f = tmpfile();
    assert_true(json_write(f, o, false));
    char *line = file_text(f);
    fclose(f);
    assert_string_equal(line,
                        "{\"title\":\"Say \\\"go\\\"\",\"reps\":[10,12]}\n");
    free(line);

    f = tmpfile();
    assert_true(json_write(f, o, true));
    char *pretty = file_text(f);
    fclose(f);
    assert_true(strchr(pretty, '\n') <
                pretty + strlen(pretty) - 1); // several lines
    assert_int_equal(pretty[strlen(pretty) - 1], '\n');
    cJSON *back = cJSON_Parse(pretty);
    assert_true(cJSON_Compare(back, o, true));
    cJSON_Delete(back);
    free(pretty);
    cJSON_Delete(o);
}

// What cannot be written is said once, with the reason.
static void test_write_failures(void **state)
{
    (void)state;
    FILE *logf = tmpfile();
    log_set_stream(logf);
    FILE *full = fopen("/dev/full", "w");
    assert_non_null(full);
    cJSON *o = cJSON_CreateObject();
    json_add_string(o, "k", "v");
    assert_false(json_write(full, o, true));
    fclose(full);
    cJSON_Delete(o);
    assert_false(json_write(stdout, NULL, true));
    log_set_stream(NULL);
    char *said = file_text(logf);
    fclose(logf);
    assert_non_null(
        strstr(said, "json: cannot write: No space left on device\n"));
    assert_non_null(strstr(said, "json: out of memory: nothing written\n"));
    free(said);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_utf8_kept),
        cmocka_unit_test(test_invalid_utf8_replaced),
        cmocka_unit_test(test_hostile_text_round_trip),
        cmocka_unit_test(test_fixed_decimals),
        cmocka_unit_test(test_integers_exact),
        cmocka_unit_test(test_null_and_strings_in_objects),
        cmocka_unit_test(test_no_container),
        cmocka_unit_test(test_write),
        cmocka_unit_test(test_write_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
