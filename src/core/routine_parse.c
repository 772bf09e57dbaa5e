/*
 * Reading exercises.ini, routines/<id>.ini and plan.ini with libinih.
 *
 * inih reads through our own line reader (ini_parse_stream), which lets us
 * count lines, reject overlong ones and see every [section] header, so a
 * routine may repeat [step] sections and every problem carries file:line.
 * Values are checked here (numbers, ranges, booleans, known keys); links
 * between files (exercise ids, routine ids) are checked in routine_check.c.
 */
#include <ctype.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ini_lines.h"
#include "core/routine.h"
#include "core/strutil.h"

typedef enum FileKind { FILE_EXERCISES, FILE_ROUTINE, FILE_PLAN } FileKind;

#define KEYS_MAX 24

typedef struct ParseCtx {
    Library *lib;
    FileKind kind;
    const char *file;
    bool user;
    IniLines in;
    int line;
    bool ok;
    // The section being read.
    int section_line;
    char section[RT_NAME_MAX];
    enum { SEC_NONE, SEC_SKIP, SEC_EXERCISE, SEC_ROUTINE, SEC_STEP, SEC_PLAN,
           SEC_DAY } sec;
    Exercise *ex;
    Routine *rt;
    RoutineStep *st;
    int day;
    int key_line[KEYS_MAX]; // where each key of this section was first set
    bool routine_seen;
    bool too_many_steps;
} ParseCtx;

static const char *const weekdays[7] = {"monday", "tuesday", "wednesday",
                                        "thursday", "friday", "saturday",
                                        "sunday"};

#define PERR(c, ...)                                                          \
    do {                                                                      \
        diag_add(&(c)->lib->diags, DIAG_ERROR, (c)->file, (c)->line,          \
                 subject_of(c), __VA_ARGS__);                                 \
        mark_invalid(c);                                                      \
    } while (0)

static const char *subject_of(const ParseCtx *c)
{
    if (c->kind == FILE_ROUTINE && c->rt)
        return c->rt->id;
    if (c->sec == SEC_EXERCISE && c->ex)
        return c->ex->id;
    return "";
}

static void mark_invalid(ParseCtx *c)
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

// Edit distance (with swaps of neighbours) of two short words, capped: the
// keys are short, and only "one or two typing slips" matters.
static int slips(const char *a, const char *b)
{
    enum { W = 24 };
    size_t la = strlen(a), lb = strlen(b);
    if (la >= W || lb >= W)
        return 99;
    int d[W + 1][W + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb];
}

// The known key a misspelt one most likely meant, or -1.
static int near_key(const char *name, const char *const *keys, int n)
{
    if (strlen(name) < 3)
        return -1;
    int best = -1, bestd = 3;
    for (int i = 0; i < n; i++) {
        int dist = slips(name, keys[i]);
        if (dist < bestd) {
            best = i;
            bestd = dist;
        }
    }
    return best;
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
            PERR(c, "bad exercise id '%s': use lower-case letters, digits "
                    "and '-'", name);
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
        c->ex->cadence_ms = 2000;
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
            if (str_ieq(name, weekdays[d])) {
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

// Record key number k as set on this line; false (and an error) if it was
// set before in the same section.
static bool once(ParseCtx *c, int k, const char *name)
{
    if (c->key_line[k]) {
        PERR(c, "duplicate key '%s' (first set at line %d)", name,
             c->key_line[k]);
        return false;
    }
    c->key_line[k] = c->line;
    return true;
}

static void set_text(ParseCtx *c, char *dst, size_t size, const char *name,
                     const char *value)
{
    // Limits count characters, not bytes (a Chinese character takes three).
    size_t max_chars = size == RT_NAME_MAX ? RT_NAME_CHARS : size - 1;
    if (str_utf8_len(value) > max_chars || !str_copy(dst, size, value))
        PERR(c, "'%s' is too long (at most %zu characters)", name, max_chars);
}

static void set_bool(ParseCtx *c, bool *dst, const char *name,
                     const char *value)
{
    if (!str_parse_bool(value, dst))
        PERR(c, "'%s' must be yes or no, not '%s'", name, value);
}

// Digits with an optional sign: a number, however large (strtol's limits
// are not the user's mistake, the range is).
static bool is_whole_number(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '-' || *s == '+')
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    while (isdigit((unsigned char)*s))
        s++;
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

static bool get_int(ParseCtx *c, const char *name, const char *value,
                    long min, long max, long *out)
{
    if (str_parse_int(value, min, max, out))
        return true;
    if (is_whole_number(value))
        PERR(c, "'%s' = %s is out of range (%ld to %ld)", name, value, min,
             max);
    else
        PERR(c, "'%s' must be a whole number, not '%s'", name, value);
    return false;
}

// A positive whole number above the rep limit, however many digits.
static bool above_rep_limit(const char *s)
{
    long v;
    return is_whole_number(s) && s[strspn(s, " \t")] != '-' &&
           !str_parse_int(s, 0, RT_REPS_MAX, &v);
}

// "10" or "30-50"
static void set_reps(ParseCtx *c, RoutineStep *st, const char *value)
{
    char buf[64];
    if (!str_copy(buf, sizeof(buf), value)) {
        PERR(c, "bad reps '%s'", value);
        return;
    }
    char *dash = strchr(buf + (buf[0] == '-'), '-');
    if (dash)
        *dash = '\0';
    // A number past any sensible dose is a slip of the keyboard: name the
    // limit, not "no number".
    if (above_rep_limit(buf) || (dash && above_rep_limit(dash + 1))) {
        PERR(c, "reps %s is more than the limit (%d)", value, RT_REPS_MAX);
        return;
    }
    long lo, hi;
    if (dash) {
        if (!str_parse_int(buf, -100000, 100000, &lo) ||
            !str_parse_int(dash + 1, -100000, 100000, &hi)) {
            PERR(c, "reps must be a number or a range like 30-50, not '%s'",
                 value);
            return;
        }
        if (lo < 1 || hi < 1) {
            PERR(c, "reps must be at least 1, not '%s'", value);
            return;
        }
        if (lo > hi) {
            PERR(c, "rep range %ld-%ld runs backwards: write %ld-%ld", lo, hi,
                 hi, lo);
            return;
        }
    } else {
        if (!str_parse_int(buf, -100000, 100000, &lo)) {
            PERR(c, "reps must be a number or a range like 30-50, not '%s'",
                 value);
            return;
        }
        if (lo < 1) {
            PERR(c, "reps must be at least 1, not %ld", lo);
            return;
        }
        hi = lo;
    }
    st->reps_min = (int)lo;
    st->reps_max = (int)hi;
}

static void set_seconds(ParseCtx *c, double *dst, const char *name,
                        const char *value)
{
    double v;
    if (!str_parse_clock(value, &v) || v > 24 * 3600.0)
        PERR(c, "'%s' must be seconds or m:ss, not '%s'", name, value);
    else
        *dst = v;
}

const char *exercise_key_name(ExerciseKey k)
{
    static const char *const keys[EX_KEY_COUNT] = {
        "name", "equipment", "load", "unit", "switch", "per_side", "cadence",
        "clip", "clip_start", "clip_end", "coach_video", "pose", "daily",
        "clip_audio", "point"};
    return k >= 0 && k < EX_KEY_COUNT ? keys[k] : "";
}

static void exercise_key(ParseCtx *c, const char *name, const char *value)
{
    Exercise *ex = c->ex;
    if (strcmp(name, "point") == 0) {
        ex->keys |= 1u << EX_KEY_POINT;
        if (ex->npoints == RT_POINTS_MAX)
            PERR(c, "too many coaching points (at most %d)", RT_POINTS_MAX);
        else
            set_text(c, ex->points[ex->npoints++], RT_TEXT_MAX, name, value);
        return;
    }
    int k = -1;
    for (int i = 0; i < EX_KEY_POINT; i++)
        if (strcmp(name, exercise_key_name((ExerciseKey)i)) == 0)
            k = i;
    if (k < 0) {
        PERR(c, "unknown key '%s' in exercise [%s]", name, ex->id);
        return;
    }
    if (!once(c, k, name))
        return;
    // Which keys the section sets: a user's section changes only these in
    // the built-in exercise of the same id.
    ex->keys |= 1u << k;
    long v;
    double d;
    switch (k) {
    case 0: set_text(c, ex->name, sizeof(ex->name), name, value); break;
    case 1: set_text(c, ex->equipment, sizeof(ex->equipment), name, value); break;
    case 2: set_text(c, ex->load, sizeof(ex->load), name, value); break;
    case 3: set_text(c, ex->unit, sizeof(ex->unit), name, value); break;
    case 4: set_text(c, ex->switch_cue, sizeof(ex->switch_cue), name, value); break;
    case 5: set_bool(c, &ex->per_side, name, value); break;
    case 6:
        if (!str_parse_double(value, &d) || d < 0.3 || d > 30)
            PERR(c, "cadence must be seconds per rep between 0.3 and 30, "
                    "not '%s'", value);
        else
            ex->cadence_ms = (int)(d * 1000 + 0.5);
        break;
    case 7:
        if (strchr(value, '/') || strcmp(value, "..") == 0)
            PERR(c, "clip must be a file name in a videos folder, not a path: "
                    "'%s'", value);
        else
            set_text(c, ex->clip, sizeof(ex->clip), name, value);
        break;
    case 8: set_seconds(c, &ex->clip_start, name, value); break;
    case 9: set_seconds(c, &ex->clip_end, name, value); break;
    case 10: set_seconds(c, &ex->coach_video_s, name, value); break;
    case 11:
        if (!str_is_id(value))
            PERR(c, "bad pose id '%s'", value);
        else
            str_copy(ex->pose, sizeof(ex->pose), value);
        break;
    case 12: set_bool(c, &ex->daily, name, value); break;
    case 13: set_bool(c, &ex->clip_audio, name, value); break;
    }
    (void)v;
}

static void routine_key(ParseCtx *c, const char *name, const char *value)
{
    Routine *rt = c->rt;
    static const char *const keys[] = {"id", "title", "blurb", "coach",
                                       "frequency", "after",
                                       "counts_for_streak", "rest",
                                       "finish"};
    if (strcmp(name, "note") == 0) {
        if (rt->nnotes == RT_NOTES_MAX)
            PERR(c, "too many notes (at most %d)", RT_NOTES_MAX);
        else
            set_text(c, rt->notes[rt->nnotes++], RT_TEXT_MAX, name, value);
        return;
    }
    int k = -1;
    for (int i = 0; i < (int)(sizeof(keys) / sizeof(keys[0])); i++)
        if (strcmp(name, keys[i]) == 0)
            k = i;
    if (k < 0) {
        int near = near_key(name, keys, (int)(sizeof(keys) / sizeof(keys[0])));
        if (near < 0) {
            PERR(c, "unknown key '%s' in [routine]", name);
            return;
        }
        PERR(c, "unknown key '%s' in [routine] (did you mean '%s'?)", name,
             keys[near]);
        if (near == 1 && !rt->title_line)
            rt->title_line = c->line; // the title is not missing, misspelt
        return;
    }
    if (!once(c, k, name))
        return;
    long v;
    switch (k) {
    case 0:
        if (!str_is_id(value))
            PERR(c, "bad routine id '%s': use lower-case letters, digits and "
                    "'-'", value);
        else
            str_copy(rt->id, sizeof(rt->id), value);
        break;
    case 1:
        rt->title_line = c->line;
        set_text(c, rt->title, sizeof(rt->title), name, value);
        break;
    case 2: set_text(c, rt->blurb, sizeof(rt->blurb), name, value); break;
    case 3: set_text(c, rt->coach, sizeof(rt->coach), name, value); break;
    case 4: set_text(c, rt->frequency, sizeof(rt->frequency), name, value); break;
    case 5: set_text(c, rt->after, sizeof(rt->after), name, value); break;
    case 6: set_bool(c, &rt->counts_for_streak, name, value); break;
    case 7:
        if (get_int(c, name, value, 0, RT_REST_MAX, &v))
            rt->default_rest_s = (int)v;
        break;
    case 8: set_text(c, rt->finish, sizeof(rt->finish), name, value); break;
    }
}

// "rear lunges", "Rear_Lunges": the id the runner meant, when one exists.
static void bad_exercise_id(ParseCtx *c, const char *value)
{
    char id[RT_ID_MAX];
    size_t n = 0;
    for (const char *p = value; *p && n + 1 < sizeof(id); p++)
        id[n++] = *p == ' ' || *p == '_' ? '-' : (char)tolower((unsigned char)*p);
    id[n] = '\0';
    for (int i = 0; i < c->lib->nexercises; i++)
        if (strcmp(c->lib->exercises[i].id, id) == 0) {
            PERR(c, "bad exercise id '%s': did you mean '%s'?", value, id);
            return;
        }
    PERR(c, "bad exercise id '%s': ids use lower-case letters, digits and '-'",
         value);
}

static void step_key(ParseCtx *c, const char *name, const char *value)
{
    RoutineStep *st = c->st;
    static const char *const keys[] = {"exercise", "variant", "sets", "reps",
                                       "per_side", "block", "optional",
                                       "rest", "note"};
    int k = -1;
    for (int i = 0; i < (int)(sizeof(keys) / sizeof(keys[0])); i++)
        if (strcmp(name, keys[i]) == 0)
            k = i;
    if (k < 0) {
        int near = near_key(name, keys, (int)(sizeof(keys) / sizeof(keys[0])));
        if (near < 0) {
            PERR(c, "unknown key '%s' in [step]", name);
            return;
        }
        PERR(c, "unknown key '%s' in [step] (did you mean '%s'?)", name,
             keys[near]);
        // Not missing but misspelt: the check must not say so again.
        if (near == 0 && !st->exercise_line)
            st->exercise_line = c->line;
        if (near == 3 && !st->reps_line)
            st->reps_line = c->line;
        return;
    }
    if (!once(c, k, name))
        return;
    long v;
    bool b;
    switch (k) {
    case 0:
        if (!str_is_id(value))
            bad_exercise_id(c, value);
        else
            str_copy(st->exercise_id, sizeof(st->exercise_id), value);
        st->exercise_line = c->line;
        break;
    case 1: set_text(c, st->variant, sizeof(st->variant), name, value); break;
    case 2:
        if (get_int(c, name, value, 1, RT_SETS_MAX, &v))
            st->sets = (int)v;
        break;
    case 3:
        st->reps_line = c->line;
        set_reps(c, st, value);
        break;
    case 4:
        if (str_parse_bool(value, &b))
            st->per_side = b;
        else
            PERR(c, "'per_side' must be yes or no, not '%s'", value);
        break;
    case 5:
        if (strcmp(value, "both") == 0)
            st->block = STEP_BLOCK_BOTH;
        else if (strcmp(value, "single-leg") == 0)
            st->block = STEP_BLOCK_SINGLE;
        else
            PERR(c, "block must be 'both' or 'single-leg', not '%s'", value);
        break;
    case 6: set_bool(c, &st->optional, name, value); break;
    case 7:
        if (get_int(c, name, value, 0, RT_REST_MAX, &v))
            st->rest_s = (int)v;
        break;
    case 8: set_text(c, st->note, sizeof(st->note), name, value); break;
    }
}

static void plan_key(ParseCtx *c, const char *name, const char *value)
{
    Plan *pl = &c->lib->plan;
    long v;
    if (c->sec == SEC_PLAN) {
        if (strcmp(name, "weekly_target") == 0) {
            if (once(c, 0, name) && get_int(c, name, value, 1, 7, &v))
                pl->weekly_target = (int)v;
        } else if (strcmp(name, "daily") == 0) {
            if (!once(c, 1, name))
                return;
            if (*value && !str_is_id(value))
                PERR(c, "bad routine id '%s'", value);
            else
                str_copy(pl->daily, sizeof(pl->daily), value);
        } else if (strcmp(name, "streak_routines") == 0) {
            if (!once(c, 2, name))
                return;
            pl->nstreak = 0;
            char buf[RT_TEXT_MAX];
            str_copy(buf, sizeof(buf), value);
            for (char *save = NULL, *tok = strtok_r(buf, ", ", &save); tok;
                 tok = strtok_r(NULL, ", ", &save)) {
                if (!str_is_id(tok)) {
                    PERR(c, "bad routine id '%s'", tok);
                } else if (pl->nstreak == 4) {
                    PERR(c, "at most 4 streak routines");
                    break;
                } else {
                    str_copy(pl->streak_routines[pl->nstreak++], RT_ID_MAX,
                             tok);
                }
            }
        } else {
            PERR(c, "unknown key '%s' in [plan]", name);
        }
        return;
    }
    PlanDay *day = &pl->days[c->day];
    if (strcmp(name, "run") == 0) {
        if (once(c, 3, name))
            set_text(c, day->run, sizeof(day->run), name, value);
    } else if (strcmp(name, "routine") == 0) {
        if (!once(c, 4, name))
            return;
        if (*value && !str_is_id(value))
            PERR(c, "bad routine id '%s'", value);
        else
            str_copy(day->routine, sizeof(day->routine), value);
        day->line = c->line;
    } else {
        PERR(c, "unknown key '%s' in [%s]", name, weekdays[c->day]);
    }
}

static int on_key(void *user, const char *section, const char *name,
                  const char *value)
{
    ParseCtx *c = user;
    (void)section;
    switch (c->sec) {
    case SEC_NONE:
        PERR(c, "'%s' is outside any [section]", name);
        break;
    case SEC_SKIP: break; // the section header was already reported
    case SEC_EXERCISE: exercise_key(c, name, value); break;
    case SEC_ROUTINE: routine_key(c, name, value); break;
    case SEC_STEP: step_key(c, name, value); break;
    case SEC_PLAN:
    case SEC_DAY: plan_key(c, name, value); break;
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
    rt->default_rest_s = 20;
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
    lib->plan.weekly_target = 2;
    str_copy(lib->plan.file, sizeof(lib->plan.file), file);
    parse(&c);
    if (!c.ok && saved.loaded) {
        lib->plan = saved;
        diag_add(&lib->diags, DIAG_NOTICE, file, 0, "",
                 "plan not used because of the errors above; keeping %s",
                 saved.file);
        return false;
    }
    lib->plan.loaded = true;
    return c.ok;
}
