/*
 * --script FILE: timed input for tests and demos, one "<seconds> <action>"
 * per line ('#' starts a comment).
 */
#ifndef UL_APP_SCRIPT_H
#define UL_APP_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/input.h"

#define SCRIPT_MAX 1024

typedef struct ScriptLine {
    int64_t at_ms;
    InputAction action;
} ScriptLine;

typedef struct Script {
    ScriptLine lines[SCRIPT_MAX];
    int n, next;
} Script;

// False with "file:line: what is wrong" in err.
bool script_load(Script *s, const char *path, char *err, size_t errsize);

#endif
