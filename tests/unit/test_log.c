/*
 * The log: one whole line per message, its form on a terminal and in the
 * service journal, and no interleaving between threads.
 */
#include "testutil.h"

#include <pthread.h>
#include <regex.h>
#include <stdint.h>

#include "platform/log.h"

// Everything logged while `fn` ran, read back from a temporary file.
static char *capture(void (*fn)(void))
{
    FILE *f = tmpfile();
    assert_non_null(f);
    log_set_stream(f);
    fn();
    log_set_stream(NULL);
    long n = ftell(f);
    char *buf = calloc(1, (size_t)n + 1);
    rewind(f);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return buf;
}

static void matches(const char *text, const char *pattern)
{
    regex_t re;
    assert_int_equal(regcomp(&re, pattern, REG_EXTENDED | REG_NEWLINE), 0);
    int rc = regexec(&re, text, 0, NULL, 0);
    regfree(&re);
    if (rc != 0)
        fail_msg("'%s' does not match /%s/", text, pattern);
}

static void two_lines(void)
{
    log_error("store", "cannot write %s: %s", "/data/history.db",
              "No space left on device");
    log_info("audio", "driver %s", "disk");
}

static void test_terminal_form(void **state)
{
    (void)state;
    unsetenv("JOURNAL_STREAM");
    char *out = capture(two_lines);
    matches(out,
            "^ *[0-9]+\\.[0-9]{3} error store: cannot write /data/history.db: "
            "No space left on device\n *[0-9]+\\.[0-9]{3} info  audio: driver "
            "disk\n$");
    free(out);
}

static void test_journal_form(void **state)
{
    (void)state;
    setenv("JOURNAL_STREAM", "8:1234", 1);
    char *out = capture(two_lines);
    unsetenv("JOURNAL_STREAM");
    assert_string_equal(
        out,
        "<3>store: cannot write /data/history.db: No space left on device\n"
        "<6>audio: driver disk\n");
    free(out);
}

static void newline_and_long(void)
{
    log_warn("routine", "first\nsecond\r\nthird");
    char big[5000];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    log_warn("media", "%s", big);
}

static void test_one_message_one_line(void **state)
{
    (void)state;
    setenv("JOURNAL_STREAM", "8:1234", 1);
    char *out = capture(newline_and_long);
    unsetenv("JOURNAL_STREAM");
    // A message with line breaks stays one journal entry; a long one is cut
    // but still ends its line.
    const char *want = "<4>routine: first second  third\n<4>media: xxx";
    if (strncmp(out, want, strlen(want)) != 0)
        fail_msg("got '%.60s'", out);
    char *second = strchr(out, '\n') + 1;
    char *end = strchr(second, '\n');
    assert_non_null(end);
    assert_int_equal(end[1], '\0');
    assert_true(end - second > 1000);
    free(out);
}

enum { THREADS = 4, LINES = 500 };

static void *spam(void *arg)
{
    int id = (int)(intptr_t)arg;
    for (int i = 0; i < LINES; i++)
        log_info("web", "thread %d line %d %s", id, i,
                 "................................");
    return NULL;
}

static void many_threads(void)
{
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, spam, (void *)(intptr_t)i);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
}

static void test_threads_never_interleave(void **state)
{
    (void)state;
    setenv("JOURNAL_STREAM", "8:1234", 1);
    char *out = capture(many_threads);
    unsetenv("JOURNAL_STREAM");
    int lines = 0;
    for (char *p = out, *nl; (nl = strchr(p, '\n')); p = nl + 1, lines++) {
        *nl = '\0';
        int id, i;
        char dots[64];
        if (sscanf(p, "<6>web: thread %d line %d %63s", &id, &i, dots) != 3 ||
            strlen(dots) != 32)
            fail_msg("torn line: '%s'", p);
    }
    assert_int_equal(lines, THREADS * LINES);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_terminal_form),
        cmocka_unit_test(test_journal_form),
        cmocka_unit_test(test_one_message_one_line),
        cmocka_unit_test(test_threads_never_interleave),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
