/*
 * Inside the data-file parser: the state of one file being read (shared by
 * routine_parse.c, which reads lines and sections, and routine_keys.c, which
 * reads the keys of each section through tables), and the one way a problem
 * is reported: PERR names file:line and marks what is being read invalid.
 */
#ifndef UL_CORE_ROUTINE_PARSE_INTERNAL_H
#define UL_CORE_ROUTINE_PARSE_INTERNAL_H

#include <stdbool.h>

#include "core/ini_lines.h"
#include "core/routine.h"

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
    enum {
        SEC_NONE,
        SEC_SKIP,
        SEC_EXERCISE,
        SEC_ROUTINE,
        SEC_STEP,
        SEC_PLAN,
        SEC_DAY
    } sec;
    Exercise *ex;
    Routine *rt;
    RoutineStep *st;
    int day;
    int key_line[KEYS_MAX]; // where each key of this section was first set
    bool routine_seen;
    bool too_many_steps;
} ParseCtx;

extern const char *const parse_weekdays[7]; // "monday" first

// What a problem is about (the routine or exercise id, or "").
const char *parse_subject(const ParseCtx *c);
// The file, and the routine or exercise being read, are not usable.
void parse_mark_invalid(ParseCtx *c);

#define PERR(c, ...)                                                           \
    do {                                                                       \
        diag_add(&(c)->lib->diags, DIAG_ERROR, (c)->file, (c)->line,           \
                 parse_subject(c), __VA_ARGS__);                               \
        parse_mark_invalid(c);                                                 \
    } while (0)

// One key = value of the current section (routine_keys.c).
void parse_exercise_key(ParseCtx *c, const char *name, const char *value);
void parse_routine_key(ParseCtx *c, const char *name, const char *value);
void parse_step_key(ParseCtx *c, const char *name, const char *value);
void parse_plan_key(ParseCtx *c, const char *name, const char *value);

#endif
