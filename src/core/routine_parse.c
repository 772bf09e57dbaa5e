/*
 * Reading exercises.ini, routines/<id>.ini and plan.ini with libinih.
 *
 * inih reads through our own line reader (ini_parse_stream), which lets us
 * count lines, reject overlong ones and see every [section] header, so a
 * routine may repeat [step] sections and every problem carries file:line.
 * This file reads lines and sections; the keys of each section, and their
 * values (numbers, ranges, booleans), are read through the tables in
 * routine_keys.c. Links between files (exercise ids, routine ids) are
 * checked in routine_check.c.
 */
#include <ctype.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/routine_parse_internal.h"
#include "core/strutil.h"

const char *const parse_weekdays[7] = {"monday",   "tuesday", "wednesday",
                                       "thursday", "friday",  "saturday",
                                       "sunday"};

const char *parse_subject(const ParseCtx *c)
{
    if (c->kind == FILE_ROUTINE && c->rt)
        return c->rt->id;
    if (c->sec == SEC_EXERCISE && c->ex)
        return c->ex->id;
    return "";
}

void parse_mark_invalid(ParseCtx *c)
{
    c->ok = false;
    if (c->kind == FILE_ROUTINE && c->rt)
        c->rt->valid = false;
    if (c->sec == SEC_EXERCISE && c->ex)
        c->ex->valid = false;
}

// The routine's first rejected section header: a [step] that is lost this
// way must not come back as "no [step]".
static void drop_section(ParseCtx *c)
{
    if (c->kind == FILE_ROUTINE && c->rt && !c->rt->dropped_line)
        c->rt->dropped_line = c->line;
}

static void begin_section(ParseCtx *c, const char *name)
{
    Library *lib = c->lib;
    memset(c->key_line, 0, sizeof(c->key_line));
    c->section_line = c->line;
    str_copy(c->section, sizeof(c->section), name);
    c->sec = SEC_SKIP;
    c->ex = NULL;
    c->st = NULL;

    switch (c->kind) {
    case FILE_EXERCISES:
        if (!str_is_id(name)) {
            PERR(c,
                 "bad exercise id '%s': use lower-case letters, digits "
                 "and '-'",
                 name);
            return;
        }
        if (lib->nexercises == RT_EXERCISES_MAX) {
            PERR(c, "too many exercises (at most %d)", RT_EXERCISES_MAX);
            return;
        }
        for (int i = 0; i < lib->nexercises; i++) {
            Exercise *o = &lib->exercises[i];
            if (o->user == c->user && strcmp(o->id, name) == 0) {
                PERR(c, "duplicate exercise id '%s' (first defined at %s:%d)",
                     name, o->file, o->line);
                return;
            }
        }
        c->ex = &lib->exercises[lib->nexercises++];
        memset(c->ex, 0, sizeof(*c->ex));
        str_copy(c->ex->id, sizeof(c->ex->id), name);
        str_copy(c->ex->file, sizeof(c->ex->file), c->file);
        c->ex->line = c->line;
        c->ex->user = c->user;
        c->ex->valid = true;
        c->ex->cadence_ms = RT_CADENCE_DEFAULT_MS;
        c->ex->clip_start = -1;
        c->ex->clip_end = -1;
        c->ex->coach_video_s = -1;
        str_copy(c->ex->unit, sizeof(c->ex->unit), "reps");
        str_copy(c->ex->switch_cue, sizeof(c->ex->switch_cue), "Switch legs");
        c->sec = SEC_EXERCISE;
        return;
    case FILE_ROUTINE:
        if (!c->rt)
            return;
        if (strcmp(name, "routine") == 0) {
            if (c->routine_seen)
                PERR(c, "a second [routine] section");
            c->routine_seen = true;
            if (!c->rt->header_line)
                c->rt->header_line = c->line;
            c->sec = SEC_ROUTINE;
        } else if (strcmp(name, "step") == 0) {
            if (c->rt->nsteps == RT_STEPS_MAX) {
                if (!c->too_many_steps)
                    PERR(c, "too many steps (at most %d)", RT_STEPS_MAX);
                c->too_many_steps = true;
                return;
            }
            c->st = &c->rt->steps[c->rt->nsteps++];
            memset(c->st, 0, sizeof(*c->st));
            c->st->sets = 1;
            c->st->per_side = -1;
            c->st->rest_s = -1;
            c->st->line = c->line;
            c->sec = SEC_STEP;
        } else {
            PERR(c, "unknown section [%s]: expected [routine] or [step]", name);
            drop_section(c);
        }
        return;
    case FILE_PLAN:
        if (strcmp(name, "plan") == 0) {
            c->sec = SEC_PLAN;
            return;
        }
        for (int d = 0; d < 7; d++) {
            if (str_ieq(name, parse_weekdays[d])) {
                c->sec = SEC_DAY;
                c->day = d;
                memset(&lib->plan.days[d], 0, sizeof(lib->plan.days[d]));
                return;
            }
        }
        PERR(c, "unknown section [%s]: expected [plan] or a weekday", name);
        return;
    }
}

// Our fgets for inih: one line at a time, counting lines and catching
// section headers before inih parses them.
static char *read_line(char *str, int num, void *stream)
{
    ParseCtx *c = stream;
    IniLineProblem problem;
    if (!ini_lines_next(&c->in, str, num, &problem))
        return NULL;
    c->line = c->in.line;
    if (problem == INI_LINE_NUL) {
        PERR(c, "NUL byte in the line: is this a text file?");
        return str;
    }
    if (problem == INI_LINE_TOO_LONG) {
        PERR(c, "line too long (at most %d characters)", num - 3);
        return str;
    }
    if (!str_utf8_valid(str)) {
        PERR(c, "not UTF-8: saved as Latin-1? (save the file as UTF-8)");
        // What that line said is unknown: whatever seems missing from the
        // routine may be on it, so nothing is reported missing after it.
        if (c->kind == FILE_ROUTINE && c->rt && !c->rt->unread_line)
            c->rt->unread_line = c->line;
        str[0] = '\0';
        return str;
    }

    const char *p = str;
    while (*p == ' ' || *p == '\t')
        p++;
    if (c->line == 1 && (unsigned char)p[0] == 0xEF &&
        (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
        p += 3;
    if (*p == '[') {
        const char *close = strchr(p, ']');
        if (!close) {
            PERR(c, "section header without ']'");
            drop_section(c);
            c->sec = SEC_SKIP;
            str[0] = '\0';
            return str;
        }
        char name[RT_NAME_MAX];
        size_t k = (size_t)(close - p - 1);
        if (k >= sizeof(name))
            k = sizeof(name) - 1;
        memcpy(name, p + 1, k);
        name[k] = '\0';
        // trim
        char *a = name;
        while (*a == ' ' || *a == '\t')
            a++;
        char *b = a + strlen(a);
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            *--b = '\0';
        begin_section(c, a);
    } else if (*p && *p != ';' && *p != '#' && !strchr(p, '=') &&
               !strchr(p, ':')) {
        PERR(c, "expected 'key = value', '[section]' or a comment");
        str[0] = '\0';
    }
    return str;
}

static int on_key(void *user, const char *section, const char *name,
                  const char *value)
{
    ParseCtx *c = user;
    (void)section;
    switch (c->sec) {
    case SEC_NONE: PERR(c, "'%s' is outside any [section]", name); break;
    case SEC_SKIP: break; // the section header was already reported
    case SEC_EXERCISE: parse_exercise_key(c, name, value); break;
    case SEC_ROUTINE: parse_routine_key(c, name, value); break;
    case SEC_STEP: parse_step_key(c, name, value); break;
    case SEC_PLAN:
    case SEC_DAY: parse_plan_key(c, name, value); break;
    }
    return 1;
}

static void parse(ParseCtx *c)
{
    // Indented lines are plain keys, never continuations; ';' starts an
    // inline comment. These are process-wide settings of the library.
    ini_allow_multiline = false;
    ini_allow_inline_comments = true;
    int r = ini_parse_stream(read_line, c, on_key, c);
    if (r > 0) {
        bool reported = false;
        for (int i = 0; i < c->lib->diags.count; i++) {
            const Diag *d = &c->lib->diags.items[i];
            if (d->line == r && strcmp(d->file, c->file) == 0)
                reported = true;
        }
        if (!reported) {
            c->line = r;
            PERR(c, "cannot read this line");
        }
    } else if (r < 0) {
        c->line = 0;
        PERR(c, "cannot read the file (out of memory?)");
    }
}

static void ctx_init(ParseCtx *c, Library *lib, FileKind kind, const char *text,
                     size_t len, const char *file, bool user)
{
    memset(c, 0, sizeof(*c));
    c->lib = lib;
    c->kind = kind;
    c->in.text = text;
    c->in.len = len;
    c->file = file;
    c->user = user;
    c->ok = true;
}

bool routine_parse_exercises(Library *lib, const char *text, size_t len,
                             const char *file, bool user)
{
    ParseCtx c;
    ctx_init(&c, lib, FILE_EXERCISES, text, len, file, user);
    parse(&c);
    return c.ok;
}

bool routine_parse_routine(Library *lib, const char *text, size_t len,
                           const char *file, const char *default_id, bool user)
{
    ParseCtx c;
    ctx_init(&c, lib, FILE_ROUTINE, text, len, file, user);
    if (lib->nroutines == RT_ROUTINES_MAX) {
        diag_add(&lib->diags, DIAG_ERROR, file, 0, default_id,
                 "too many routines (at most %d): skipped", RT_ROUTINES_MAX);
        lib->routines_skipped++;
        return false;
    }
    Routine *rt = &lib->routines[lib->nroutines++];
    memset(rt, 0, sizeof(*rt));
    rt->valid = true;
    rt->user = user;
    rt->default_rest_s = RT_REST_DEFAULT_S;
    str_copy(rt->file, sizeof(rt->file), file);
    if (str_is_id(default_id))
        str_copy(rt->id, sizeof(rt->id), default_id);
    c.rt = rt;
    parse(&c);
    if (!c.routine_seen && !rt->dropped_line) {
        c.line = 0;
        PERR(&c, "no [routine] section (it needs at least a title)");
    }
    if (!rt->id[0]) {
        c.line = 0;
        PERR(&c, "no routine id: give 'id =' in [routine] or name the file "
                 "<id>.ini");
    }
    return c.ok;
}

bool routine_parse_plan(Library *lib, const char *text, size_t len,
                        const char *file, bool user)
{
    ParseCtx c;
    ctx_init(&c, lib, FILE_PLAN, text, len, file, user);
    // A user's plan replaces the built-in one as a whole.
    Plan saved = lib->plan;
    memset(&lib->plan, 0, sizeof(lib->plan));
    lib->plan.weekly_target = RT_WEEKLY_TARGET_DEFAULT;
    str_copy(lib->plan.file, sizeof(lib->plan.file), file);
    parse(&c);
    if (!c.ok && saved.loaded) {
        lib->plan = saved;
        diag_add(&lib->diags, DIAG_NOTICE, file, 0, "",
                 "plan not used because of the errors above; keeping %s",
                 saved.file);
        return false;
    }
    // A user's plan that names no streak routines keeps the built-in plan's:
    // which routines count is plan.ini's to say, never the code's.
    if (lib->plan.nstreak == 0 && saved.loaded) {
        memcpy(lib->plan.streak_routines, saved.streak_routines,
               sizeof(saved.streak_routines));
        lib->plan.nstreak = saved.nstreak;
    }
    lib->plan.loaded = true;
    return c.ok;
}
