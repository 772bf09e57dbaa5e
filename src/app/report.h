/*
 * Command-line reports on the data: --check (a table of exercises and
 * routines with their problems) and --describe (a routine as it will be
 * coached), as text or JSON.
 */
#ifndef UL_APP_REPORT_H
#define UL_APP_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/routine.h"
#include "platform/paths.h"

// Returns the exit status: 0 when there are no errors, 1 otherwise.
int report_check(FILE *f, const Library *lib, const Paths *paths, bool json);

// Returns 0, or 1 (with a message on stderr) when the routine is unknown.
int report_describe(FILE *f, const Library *lib, const Paths *paths,
                    const char *routine_id, bool json);

#endif
