/*
 * Diagnostics: the problems found while reading data files, each with the
 * file, the line and what is wrong. A DiagList owns its items; free it with
 * diag_list_free(), which accepts an empty or zeroed list.
 */
#ifndef UL_CORE_DIAG_H
#define UL_CORE_DIAG_H

#include <stdbool.h>
#include <stddef.h>

typedef enum DiagLevel {
    DIAG_ERROR,   // the item it names cannot be used
    DIAG_WARNING, // usable, but something is missing (a clip, say)
    DIAG_NOTICE,  // for information: an override, a skipped user file
} DiagLevel;

typedef struct Diag {
    DiagLevel level;
    int line; // 0 when the problem is about the whole file
    char file[256];
    char subject[64]; // exercise or routine id the problem belongs to, or ""
    char msg[256];
} Diag;

typedef struct DiagList {
    Diag *items;
    int count;
    int cap;
    int errors;
    int warnings;
} DiagList;

// Append one problem. On allocation failure the problem is counted but not
// stored, so error totals stay right.
void diag_add(DiagList *dl, DiagLevel level, const char *file, int line,
              const char *subject, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

// "file:line: error: msg" (line left out when 0). Returns the snprintf length.
int diag_format(const Diag *d, char *buf, size_t size);

const char *diag_level_name(DiagLevel level);

void diag_list_free(DiagList *dl);

#endif
