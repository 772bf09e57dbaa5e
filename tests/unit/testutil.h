/*
 * Helpers shared by the unit tests: loading a Library from text or from the
 * built-in assets, and comparing output with reference files in tests/data
 * (set UL_UPDATE_REFERENCE=1 to rewrite a reference after checking the new
 * output by hand).
 */
#ifndef UL_TESTUTIL_H
#define UL_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/routine.h"
#include "core/session.h"

static inline char *tu_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!buf) {
        fclose(f);
        return NULL;
    }
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    if (len)
        *len = got;
    return buf;
}

// Load the built-in exercises, routines and plan.
static inline Library *tu_builtin_library(void)
{
    Library *lib = library_create();
    const char *routines[] = {"ultra-legs", "mountain-legs", "daily-hips"};
    char path[512];
    size_t len = 0;
    snprintf(path, sizeof(path), "%s/exercises.ini", ASSETS_DIR);
    char *t = tu_read(path, &len);
    assert_non_null(t);
    routine_parse_exercises(lib, t, len, "exercises.ini", false);
    free(t);
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof(path), "%s/routines/%s.ini", ASSETS_DIR,
                 routines[i]);
        t = tu_read(path, &len);
        assert_non_null(t);
        char name[64];
        snprintf(name, sizeof(name), "routines/%s.ini", routines[i]);
        routine_parse_routine(lib, t, len, name, routines[i], false);
        free(t);
    }
    snprintf(path, sizeof(path), "%s/plan.ini", ASSETS_DIR);
    t = tu_read(path, &len);
    assert_non_null(t);
    routine_parse_plan(lib, t, len, "plan.ini", false);
    free(t);
    library_check(lib);
    return lib;
}

// A session of a built-in routine that advances by itself (reps counted at
// the tempo), not started; the caller frees it.
static inline Session *tu_auto_session(const Library *lib, const char *routine)
{
    SessionPlan plan;
    assert_true(
        session_plan_from_routine(&plan, lib, library_routine(lib, routine)));
    SessionOptions o;
    session_options_default(&o);
    o.auto_advance = true;
    Session *s = malloc(sizeof(*s));
    assert_non_null(s);
    session_init(s, &plan, &o);
    return s;
}

// Print every diagnostic (for a failing test's log).
static inline void tu_dump_diags(const Library *lib)
{
    for (int i = 0; i < lib->diags.count; i++) {
        char line[800];
        diag_format(&lib->diags.items[i], line, sizeof(line));
        fprintf(stderr, "  diag: %s\n", line);
    }
}

// True when some diagnostic formats exactly as `want`.
static inline int tu_has_diag(const Library *lib, const char *want)
{
    for (int i = 0; i < lib->diags.count; i++) {
        char line[800];
        diag_format(&lib->diags.items[i], line, sizeof(line));
        if (strcmp(line, want) == 0)
            return 1;
    }
    fprintf(stderr, "missing diagnostic: %s\n", want);
    tu_dump_diags(lib);
    return 0;
}

// Compare text with tests/data/<rel>; on difference print the first
// differing line and fail.
static inline void tu_check_reference(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", TEST_DATA_DIR, rel);
    if (getenv("UL_UPDATE_REFERENCE")) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
        return;
    }
    char *want = tu_read(path, NULL);
    if (!want)
        fail_msg("reference %s is missing", path);
    if (strcmp(want, text) != 0) {
        const char *a = want, *b = text;
        int line = 1;
        while (*a && *a == *b) {
            if (*a == '\n')
                line++;
            a++, b++;
        }
        while (a > want && a[-1] != '\n')
            a--;
        while (b > text && b[-1] != '\n')
            b--;
        fprintf(stderr, "%s differs at line %d\n  want: %.*s\n  got:  %.*s\n",
                rel, line, (int)strcspn(a, "\n"), a, (int)strcspn(b, "\n"), b);
        free(want);
        fail_msg("trace differs from %s", rel);
    }
    free(want);
}

#endif
