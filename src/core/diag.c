/*
 * Diagnostics list: a growable array of file:line problems.
 */
#include "core/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strutil.h"

void diag_add(DiagList *dl, DiagLevel level, const char *file, int line,
              const char *subject, const char *fmt, ...)
{
    if (level == DIAG_ERROR)
        dl->errors++;
    else if (level == DIAG_WARNING)
        dl->warnings++;
    if (dl->count == dl->cap) {
        int ncap = dl->cap ? dl->cap * 2 : 16;
        Diag *n = realloc(dl->items, (size_t)ncap * sizeof(*n));
        if (!n)
            return;
        dl->items = n;
        dl->cap = ncap;
    }
    Diag *d = &dl->items[dl->count++];
    memset(d, 0, sizeof(*d));
    d->level = level;
    d->line = line;
    str_copy(d->file, sizeof(d->file), file ? file : "");
    str_copy(d->subject, sizeof(d->subject), subject ? subject : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
    va_end(ap);
}

const char *diag_level_name(DiagLevel level)
{
    switch (level) {
    case DIAG_ERROR: return "error";
    case DIAG_WARNING: return "warning";
    case DIAG_NOTICE: return "notice";
    }
    return "?";
}

int diag_format(const Diag *d, char *buf, size_t size)
{
    if (d->line > 0)
        return snprintf(buf, size, "%s:%d: %s: %s", d->file, d->line,
                        diag_level_name(d->level), d->msg);
    return snprintf(buf, size, "%s: %s: %s", d->file, diag_level_name(d->level),
                    d->msg);
}

void diag_list_free(DiagList *dl)
{
    if (!dl)
        return;
    free(dl->items);
    memset(dl, 0, sizeof(*dl));
}
