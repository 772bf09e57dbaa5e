/*
 * The workout history on disk (SQLite). The only module that includes
 * sqlite3.h.
 *
 * A session is written as it happens: a row when it starts, a row per set
 * when the set ends (each in its own durable transaction: WAL,
 * synchronous=FULL), the end when it ends, so a power cut loses at most the
 * set in progress. Opening runs PRAGMA quick_check; a damaged file is kept
 * aside, the newest backup that passes integrity_check is restored, what can
 * still be read from the damaged file is added to it, and store_notice()
 * says so in one short sentence (the details go to the log). Backups use
 * the online backup API and are checked after writing; daily, weekly and
 * monthly generations are kept, and so is the last backup from before a
 * damage.
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
#include "core/profile.h"
#include "core/routine.h"

#define STORE_SCHEMA_VERSION 4

typedef struct Store Store;

typedef struct StoreStart {
    const char *routine;
    int64_t started_utc; // seconds
    int offset_min;      // local UTC offset at the start
    int cutoff_min;      // day-start cutoff for the training day
    const char *boot_id; // this boot's id ("" if unknown)
    int64_t boot_ms;     // monotonic time since boot at the start
} StoreStart;

// Open (creating dir and file as needed) <dir>/history.db. On failure NULL
// is returned and err says why. A read-only location opens read-only.
Store *store_open(const char *dir, char *err, size_t errsize);
void store_close(Store *st); // accepts NULL

// Why the last operation failed ("" if it did not).
const char *store_error(const Store *st);
// True when the store has already logged store_error() (a database failure,
// with the file's path): the caller shows it and does not log it again.
bool store_error_logged(const Store *st);
// Something the user should know about the file (recovered, read-only), or "".
const char *store_notice(const Store *st);
bool store_read_only(const Store *st);
const char *store_path(const Store *st);

// Start a session; its id goes to *id. The session is flagged when its
// clock cannot be trusted (before 2020, or before the newest sane session;
// a session more than a day after this start is no reference).
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

// Flag the sessions that start more than a day after now_utc (a clock that
// was set ahead once) and lift that flag from those no longer ahead.
// Returns how many were newly flagged (negative on error).
int store_flag_future(Store *st, int64_t now_utc);

typedef struct StoreSuspect {
    int64_t id;
    char routine[RT_ID_MAX];
    int64_t started_utc;
    int offset_min;
    const char
        *why; // "before 2020", "before an earlier session", "in the future"
} StoreSuspect;

// The sessions whose clock is suspect, oldest first; *list is malloc'ed
// (free it), NULL when there are none.
bool store_suspects(Store *st, StoreSuspect **list, int *n);
// Give a session its right start (training day from it and cutoff_min); it
// is no longer suspect. The start obeys the rule that flags sessions: not
// before 2020, not more than a day after now_utc.
bool store_session_redate(Store *st, int64_t id, int64_t started_utc,
                          int offset_min, int cutoff_min, int64_t now_utc);
// Delete a session and its sets. False (store_error says) if there is none.
bool store_session_delete(Store *st, int64_t id);

bool store_set_week_paused(Store *st, int64_t week, bool paused);

// Read the current profile's whole history, oldest first.
bool store_load(Store *st, History *h);

// Profiles: the runners of a household (core/profile.h). Sessions, paused
// weeks, store_load, export and import belong to the store's current
// profile: the one used last when the store opens (a new or migrated file
// has one, "Runner", which holds the history from before profiles). The
// device's clock checks (suspect sessions) span all profiles.
int64_t store_profile_current(const Store *st);
// Read and write as this profile from now on (nothing is written). False
// when there is no such profile.
bool store_profile_select(Store *st, int64_t id);
// Remember that the current profile was just used (the next start picks it).
bool store_profile_mark_used(Store *st, int64_t now_utc);
// All profiles by id, with their session counts; at most max. False (and
// store_error says why) on failure.
bool store_profiles(Store *st, Profile *list, int max, int *n);
bool store_profile_get(Store *st, int64_t id, Profile *out);
// The profile of that name (letters' case aside). False with store_error
// "" when there is none, with the reason when reading failed.
bool store_profile_find(Store *st, const char *name, Profile *out);
// Add a profile in the first colour no one has (colour < 0) or in colour.
// False with the reason: a bad or taken name, PROFILES_MAX reached.
bool store_profile_add(Store *st, const char *name, int colour, int64_t now_utc,
                       int64_t *id);
bool store_profile_rename(Store *st, int64_t id, const char *name);
// Save p's colour and overrides (its name and dates stay).
bool store_profile_save(Store *st, const Profile *p);
// Delete a profile with its sessions, after writing them to
// <dir>/backups/profile-NAME-YYYYMMDD-HHMMSS.csv (its path goes to backup).
// The only profile is not deleted. When the current one goes, the one used
// last becomes current.
bool store_profile_delete(Store *st, int64_t id, int64_t now_utc, char *backup,
                          size_t size);

// Copy the database to <dir>/backups/history-YYYY-MM-DD.db unless that day's
// backup exists, and check the copy. Keeps the newest `keep` daily backups,
// the newest of each of the last STORE_BACKUP_WEEKS weeks and
// STORE_BACKUP_MONTHS months, and the pre-damage-*.db copies made when a
// damaged file was restored (the newest STORE_BACKUP_PINNED). On failure
// store_error() says why ("disk full") and no partial backup is left.
#define STORE_BACKUP_WEEKS 8
#define STORE_BACKUP_MONTHS 12
#define STORE_BACKUP_PINNED 3
bool store_backup(Store *st, int64_t today, int keep);

// CSV: started_at,routine,completed,duration_s,training_day,clock_suspect,sets
// Refuses the database, its -wal/-shm/-journal, the backups folder and any
// other SQLite file as target; writes a temp file and renames it.
bool store_export_csv(Store *st, const char *path);

// Called during an import after each batch: rows read so far, bytes read,
// the file's size.
typedef void (*StoreProgress)(void *ctx, long rows, long bytes_done,
                              long bytes_total);
void store_set_progress(Store *st, StoreProgress fn, void *ctx);

// Rows per import transaction (one sync each).
#define STORE_IMPORT_BATCH 1000

// Import; bad rows are reported (file:line) into problems and skipped, good
// ones stored once (importing the same session twice stores it once). What
// spreadsheets write is read: a BOM, CRLF, padding columns, ';' separators,
// local times without an offset ("2026-11-04 18:00", "25/11/2026 18:00"
// where the day and month cannot be mixed up). started_at decides the
// training day unless a training_day_override column gives one. Rows are
// stored in transactions of STORE_IMPORT_BATCH rows.
bool store_import_csv(Store *st, const char *path, int *imported,
                      int *duplicates, DiagList *problems);

#endif
