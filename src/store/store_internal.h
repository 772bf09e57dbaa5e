/*
 * Store internals shared by store.c, store_log.c and store_csv.c.
 */
#ifndef UL_STORE_INTERNAL_H
#define UL_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store/store.h"

struct Store {
    sqlite3 *db;
    char dir[512];
    char path[600];
    char error[512];
    bool error_logged; // error was logged here (callers show it only)
    char notice[512];
    bool read_only;
    int64_t profile; // whose sessions are read and written
    StoreProgress progress;
    void *progress_ctx;
};

// A session more than this after now (or after a new session's start) has
// a clock that was set ahead.
#define STORE_FUTURE_SLACK_S 86400

// clock_suspect values: why a session's clock is not trusted.
enum { STORE_CLOCK_OK = 0, STORE_CLOCK_BEHIND = 1, STORE_CLOCK_AHEAD = 2 };

// A database failure: sets the error ("what: reason") and logs it once, with
// the file's path.
void store_fail(Store *st, const char *what);
// A refusal the caller explains (no such session, a date out of range, a
// file that may not be written): sets the error, logs nothing.
void store_set_error(Store *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
bool store_exec(Store *st, const char *sql, const char *what);
// A prepared statement, or NULL after store_fail(st, what).
sqlite3_stmt *store_prepare(Store *st, const char *sql, const char *what);
// False (store_error says why) when the store is read-only; clears the error.
bool store_writable(Store *st);

// Inserting whole sessions (import): prepared once, used for many rows
// inside the caller's transaction.
typedef struct StoreInserter {
    sqlite3_stmt *session, *set;
} StoreInserter;
bool store_inserter_init(Store *st, StoreInserter *in);
void store_inserter_deinit(StoreInserter *in);
// Insert a session with its sets; *dup is set when a session with the same
// start and routine exists (nothing is written). No transaction of its own.
bool store_insert_full(Store *st, StoreInserter *in, const HistorySession *s,
                       const HistorySet *sets, int nsets, bool *dup);

// "disk full", "folder not writable" ... for a failed write in dir, or
// NULL when the file system does not explain it.
const char *store_fs_reason(const char *dir);
// The same words for an errno value (strerror for the others).
const char *store_errno_reason(int e);

// store.c, for recovery: open path into st->db; WAL, pragmas, migrations;
// the schema version (-1 if unreadable); run a check pragma ("ok" or why).
bool store_open_db(Store *st, const char *path, int flags);
bool store_setup_rw(Store *st);
int store_user_version(sqlite3 *db);
bool store_check(sqlite3 *db, const char *pragma, char *why, size_t size);

// store_csv.c: the current profile's history to path, with no check of
// where path is (store_export_csv checks).
bool store_write_csv(Store *st, const char *path);

// store_profile.c: the profile used last (the lowest id if none was).
int64_t store_profile_last_used(Store *st);

// store_recover.c: st->path is damaged (why) and st->db closed. Keeps the
// file aside, restores the newest good backup, adds what can be read from
// the damaged file, sets st->notice. False (err says why) if nothing could
// be opened.
bool store_recover(Store *st, const char *why, char *err, size_t errsize);

// store_backup.c: the backups (history-*.db and pre-damage-*.db), newest
// date first; names[i] is a file name in <dir>/backups. Returns the count.
#define STORE_BACKUP_NAME_MAX 64
int store_backup_list(const Store *st, char (*names)[STORE_BACKUP_NAME_MAX],
                      int max);
// Keep <dir>/backups/name as pre-damage-DATE.db: rotation never removes it.
void store_backup_pin(Store *st, const char *name);

#endif
