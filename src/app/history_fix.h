/*
 * --suspect-sessions, --fix-session-date and --delete-session: the way out
 * for sessions stamped by a wrong clock.
 */
#ifndef UL_APP_HISTORY_FIX_H
#define UL_APP_HISTORY_FIX_H

#include <stdint.h>
#include <stdio.h>

#include "app/cli.h"
#include "store/store.h"

// Run one of the three on an open store; now_utc is the (pretend) time.
// Returns the exit status.
int history_fix_command(const CliOptions *opt, Store *st, int64_t now_utc);

// Say why the store refused ("WHAT: reason"); when the store has logged the
// reason already (a database failure), only "WHAT: not done": every reason
// is in the log once.
void history_store_failed(const Store *st, const char *what);

// "N sessions have a suspect date: see --suspect-sessions" when there are.
void history_fix_print_count(FILE *f, Store *st);

#endif
