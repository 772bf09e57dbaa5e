/*
 * Line-by-line reading of INI text held in memory, for libinih's
 * ini_parse_stream: counts lines, strips CR, and refuses (empties) lines
 * that are too long or hold a NUL byte, saying which.
 */
#ifndef UL_CORE_INI_LINES_H
#define UL_CORE_INI_LINES_H

#include <stddef.h>

typedef enum IniLineProblem {
    INI_LINE_OK,
    INI_LINE_TOO_LONG,
    INI_LINE_NUL,
} IniLineProblem;

typedef struct IniLines {
    const char *text;
    size_t len, pos;
    int line; // number of the line last read
} IniLines;

// The next line into str (num bytes), NULL at the end of the text. A bad
// line comes back empty with *problem set.
char *ini_lines_next(IniLines *l, char *str, int num, IniLineProblem *problem);

#endif
