/*
 * --history, --export-history and --import-history.
 */
#ifndef UL_APP_HISTORY_REPORT_H
#define UL_APP_HISTORY_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/history_view.h"

// The report as text or JSON; false (said on stderr) when the JSON could not
// be written.
// runner: whose history it is (said first), or NULL.
bool history_report_print(FILE *f, const HistoryView *v, const char *runner,
                          bool json);

#include "app/cli.h"
#include "platform/paths.h"

// Run --history / --export-history / --import-history; returns the exit
// status (0 ok, 1 failed or some rows were bad).
int history_command(const CliOptions *opt, const Paths *paths,
                    const Library *lib);
#endif
