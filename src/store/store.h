/*
 * The workout history on disk (SQLite). The only module that includes
 * sqlite3.h.
 *
 * A session is written as it happens: a row when it starts, a row per set
 * when the set ends (each in its own durable transaction: WAL,
 * synchronous=FULL), the end when it ends, so a power cut loses at most the
 * set in progress. Opening runs PRAGMA quick_check; a damaged file is kept
 * aside, what can be read is recovered into a new file, and store_notice()
 * says so. Rolling daily backups use the online backup API.
 *
 * Errors never lose stored data: a failed write rolls back, store_error()
 * says why (disk full, read-only ...), and the caller keeps coaching.
 */
#ifndef UL_STORE_STORE_H
#define UL_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/diag.h"
#include "core/history.h"

#define STORE_SCHEMA_VERSION 3

typedef struct Store Store;

typedef struct StoreStart {
    const char *routine;
    int64_t started_utc;  // seconds
    int offset_min;       // local UTC offset at the start
    int cutoff_min;       // day-start cutoff for the training day
    const char *boot_id;  // this boot's id ("" if unknown)
    int64_t boot_ms;      // monotonic time since boot at the start
} StoreStart;

// Open (creating dir and file as needed) <dir>/history.db. On failure NULL
// is returned and err says why. A read-only location opens read-only.
Store *store_open(const char *dir, char *err, size_t errsize);
void store_close(Store *st); // accepts NULL

// Why the last operation failed ("" if it did not).
const char *store_error(const Store *st);
// Something the user should know about the file (recovered, read-only), or "".
const char *store_notice(const Store *st);
bool store_read_only(const Store *st);
const char *store_path(const Store *st);

// Start a session; its id goes to *id. The session is flagged when its
// clock cannot be trusted (before 2020, or before the newest session).
bool store_session_begin(Store *st, const StoreStart *s, int64_t *id,
                         bool *clock_suspect);
bool store_set_append(Store *st, int64_t session_id, const HistorySet *set);
// Forget the sets of steps >= from_step (the runner went back to redo them).
bool store_sets_discard(Store *st, int64_t session_id, int from_step);
bool store_session_end(Store *st, int64_t session_id, int duration_s,
                       bool completed);

// Fix the start of flagged sessions from this same boot once the clock is
// sane again. Returns how many were fixed (negative on error).
int store_reconcile_clock(Store *st, int64_t now_utc, const char *boot_id,
                          int64_t boot_ms_now, int cutoff_min);

bool store_set_week_paused(Store *st, int64_t week, bool paused);

// Read the whole history, oldest first.
bool store_load(Store *st, History *h);

// Copy the database to <dir>/backups/history-YYYY-MM-DD.db unless that day's
// backup exists; keep the newest `keep`.
bool store_backup(Store *st, int64_t today, int keep);

// CSV: started_at,routine,completed,duration_s,training_day,clock_suspect,sets
bool store_export_csv(Store *st, const char *path);
// Import; bad rows are reported (file:line) into problems and skipped, good
// ones stored once (importing the same session twice stores it once).
bool store_import_csv(Store *st, const char *path, int *imported,
                      int *duplicates, DiagList *problems);

#endif
