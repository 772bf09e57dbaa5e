/*
 * The history file: opening it (schema and migrations, the integrity check,
 * the read-only fallback with its real reason), closing, and cleaning what a
 * full disk leaves behind. Recovery of a damaged file is in store_recover.c,
 * backups in store_backup.c, what goes in and out in store_log.c.
 */
#include "store/store_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "core/strutil.h"
#include "platform/log.h"
#include "platform/paths.h"

// Schema history. Each step takes a database at version N-1 to N.
static const char *const migrations[STORE_SCHEMA_VERSION] = {
    // 1: sessions and sets
    "CREATE TABLE sessions(id INTEGER PRIMARY KEY, routine TEXT NOT NULL,"
    " started_utc INTEGER NOT NULL, utc_offset_min INTEGER NOT NULL,"
    " training_day INTEGER NOT NULL, ended_utc INTEGER,"
    " completed INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE sets(id INTEGER PRIMARY KEY,"
    " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    " exercise TEXT NOT NULL, set_no INTEGER NOT NULL, side TEXT NOT NULL,"
    " reps_target INTEGER NOT NULL, reps_done INTEGER NOT NULL,"
    " skipped INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX sets_session ON sets(session_id);",
    // 2: load, blocks, step order, duration
    "ALTER TABLE sets ADD COLUMN load_kg REAL NOT NULL DEFAULT 0;"
    "ALTER TABLE sets ADD COLUMN block TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE sets ADD COLUMN step INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN duration_s INTEGER NOT NULL DEFAULT 0;",
    // 3: clock sanity, idempotent import, paused weeks
    "ALTER TABLE sessions ADD COLUMN clock_suspect INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN boot_id TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE sessions ADD COLUMN boot_ms INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN uid TEXT;"
    "UPDATE sessions SET uid = started_utc || ':' || routine;"
    "CREATE UNIQUE INDEX sessions_uid ON sessions(uid);"
    "CREATE TABLE paused_weeks(week INTEGER PRIMARY KEY);",
    // 4: profiles; the history so far becomes the first runner's. A session
    // is stored once per runner (two may import the same file).
    "CREATE TABLE profiles(id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    " colour INTEGER NOT NULL DEFAULT 0,"
    " tempo_pct INTEGER NOT NULL DEFAULT -1,"
    " voice INTEGER NOT NULL DEFAULT -1,"
    " units INTEGER NOT NULL DEFAULT -1,"
    " weekly_target INTEGER NOT NULL DEFAULT -1,"
    " created_utc INTEGER NOT NULL,"
    " last_used_utc INTEGER NOT NULL DEFAULT 0);"
    "INSERT INTO profiles(id, name, colour, created_utc) VALUES(1, 'Runner', 0,"
    " coalesce((SELECT min(started_utc) FROM sessions),"
    " CAST(strftime('%s', 'now') AS INTEGER)));"
    "ALTER TABLE sessions ADD COLUMN profile_id INTEGER NOT NULL DEFAULT 1;"
    "DROP INDEX sessions_uid;"
    "CREATE UNIQUE INDEX sessions_uid ON sessions(uid, profile_id);"
    "CREATE INDEX sessions_profile ON sessions(profile_id, started_utc);"
    "CREATE TABLE paused_weeks_p(profile_id INTEGER NOT NULL,"
    " week INTEGER NOT NULL, PRIMARY KEY(profile_id, week));"
    "INSERT INTO paused_weeks_p SELECT 1, week FROM paused_weeks;"
    "DROP TABLE paused_weeks;"
    "ALTER TABLE paused_weeks_p RENAME TO paused_weeks;",
};

void store_fail(Store *st, const char *what)
{
    snprintf(st->error, sizeof(st->error), "%s: %s", what,
             st->db ? sqlite3_errmsg(st->db) : "no database");
    st->error_logged = true;
    log_warn("store", "%s (%s)", st->error, st->path);
}

void store_set_error(Store *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->error, sizeof(st->error), fmt, ap);
    va_end(ap);
    st->error_logged = false;
}

bool store_error_logged(const Store *st)
{
    return st && st->error_logged && st->error[0];
}

bool store_exec(Store *st, const char *sql, const char *what)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(st->error, sizeof(st->error), "%s: %s", what,
                 msg ? msg : sqlite3_errmsg(st->db));
        st->error_logged = true;
        log_warn("store", "%s (%s)", st->error, st->path);
        sqlite3_free(msg);
        return false;
    }
    return true;
}

sqlite3_stmt *store_prepare(Store *st, const char *sql, const char *what)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK) {
        store_fail(st, what);
        return NULL;
    }
    return q;
}

const char *store_error(const Store *st)
{
    return st ? st->error : "no store";
}
const char *store_notice(const Store *st)
{
    return st ? st->notice : "";
}
bool store_read_only(const Store *st)
{
    return !st || st->read_only;
}
const char *store_path(const Store *st)
{
    return st ? st->path : "";
}

int store_user_version(sqlite3 *db)
{
    sqlite3_stmt *q;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL) ==
            SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return v;
}

bool store_check(sqlite3 *db, const char *pragma, char *why, size_t size)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, pragma, -1, &q, NULL) != SQLITE_OK) {
        snprintf(why, size, "%s", sqlite3_errmsg(db));
        return false;
    }
    int rc = sqlite3_step(q);
    bool ok = rc == SQLITE_ROW &&
              strcmp((const char *)sqlite3_column_text(q, 0), "ok") == 0;
    if (!ok)
        snprintf(why, size, "%s",
                 rc == SQLITE_ROW ? (const char *)sqlite3_column_text(q, 0)
                                  : sqlite3_errmsg(db));
    for (char *p = why; *p; p++)
        if (*p == '\n')
            *p = ' ';
    sqlite3_finalize(q);
    return ok;
}

static bool migrate(Store *st)
{
    int v = store_user_version(st->db);
    if (v < 0) {
        store_fail(st, "reading the schema version");
        return false;
    }
    if (v > STORE_SCHEMA_VERSION) {
        store_set_error(
            st,
            "history.db is from a newer version (schema %d, this one "
            "knows %d)",
            v, STORE_SCHEMA_VERSION);
        return false;
    }
    bool migrated = false;
    for (; v < STORE_SCHEMA_VERSION; v++) {
        if (!store_exec(st, "BEGIN IMMEDIATE", "migrating"))
            return false;
        char sql[64];
        snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v + 1);
        if (!store_exec(st, migrations[v], "migrating") ||
            !store_exec(st, sql, "migrating") ||
            !store_exec(st, "COMMIT", "migrating")) {
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
            return false;
        }
        migrated = true;
    }
    // The steps' pages into the file and the -wal emptied: a new file
    // starts small (it may be on a nearly full card).
    if (migrated)
        sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
                     NULL);
    return true;
}

bool store_open_db(Store *st, const char *path, int flags)
{
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
        store_fail(st, "opening");
        sqlite3_close(st->db);
        st->db = NULL;
        return false;
    }
    sqlite3_busy_timeout(st->db, 2000);
    sqlite3_extended_result_codes(st->db, 1);
    return true;
}

bool store_setup_rw(Store *st)
{
    return store_exec(st, "PRAGMA journal_mode = WAL", "setting up") &&
           store_exec(st, "PRAGMA synchronous = FULL", "setting up") &&
           store_exec(st, "PRAGMA foreign_keys = ON", "setting up") &&
           migrate(st);
}

// A -shm smaller than one 32 KB region is never in use by a live
// connection: it is what a write on a full disk left behind. A -wal without
// any frames is the same. Said only when it was there before this open
// (said): the one a failed open of our own makes is no news.
static void clean_stray(const char *path, bool said)
{
    char shm[700], wal[700];
    struct stat sb;
    snprintf(shm, sizeof(shm), "%s-shm", path);
    snprintf(wal, sizeof(wal), "%s-wal", path);
    bool wal_empty = stat(wal, &sb) != 0 || sb.st_size == 0;
    if (wal_empty && stat(shm, &sb) == 0 && sb.st_size < 32768 &&
        unlink(shm) == 0 && said)
        log_warn("store", "removed a stray %s (%lld bytes)", shm,
                 (long long)sb.st_size);
    if (stat(wal, &sb) == 0 && sb.st_size == 0 && access(shm, F_OK) != 0)
        unlink(wal);
}

const char *store_errno_reason(int e)
{
    if (e == ENOSPC || e == EDQUOT)
        return "disk full";
    if (e == EACCES || e == EPERM || e == EROFS)
        return "folder not writable";
    return strerror(e);
}

const char *store_fs_reason(const char *dir)
{
    if (access(dir, W_OK) != 0)
        return store_errno_reason(errno);
    struct statvfs vfs;
    if (statvfs(dir, &vfs) == 0 && vfs.f_bavail == 0)
        return "disk full";
    return NULL;
}

// Open what is stored for reading only; with the folder not writable, an
// immutable open needs no -shm.
static bool open_read_only(Store *st)
{
    char why[256], uri[1400];
    if (store_open_db(st, st->path, SQLITE_OPEN_READONLY) &&
        store_user_version(st->db) == STORE_SCHEMA_VERSION &&
        store_check(st->db, "PRAGMA quick_check", why, sizeof(why)))
        return true;
    sqlite3_close(st->db);
    st->db = NULL;
    clean_stray(st->path, false);
    char *p = uri + snprintf(uri, sizeof(uri), "file:");
    for (const char *c = st->path; *c && p < uri + sizeof(uri) - 24; c++) {
        if (*c == '%' || *c == '?' || *c == '#')
            p += sprintf(p, "%%%02X", (unsigned char)*c);
        else
            *p++ = *c;
    }
    snprintf(p, (size_t)(uri + sizeof(uri) - p), "?immutable=1");
    if (store_open_db(st, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI) &&
        store_user_version(st->db) == STORE_SCHEMA_VERSION &&
        store_check(st->db, "PRAGMA quick_check", why, sizeof(why)))
        return true;
    sqlite3_close(st->db);
    st->db = NULL;
    return false;
}

static Store *open_file(const char *dir, char *err, size_t errsize)
{
    Store *st = calloc(1, sizeof(*st));
    if (!st) {
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    str_copy(st->dir, sizeof(st->dir), dir);
    snprintf(st->path, sizeof(st->path), "%s/history.db", dir);
    bool dir_ok = paths_mkdirs(dir);
    int saved_errno = errno;
    clean_stray(st->path, true);

    if (dir_ok && store_open_db(st, st->path,
                                SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) {
        char why[256] = "";
        int rc = sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_master",
                              NULL, NULL, NULL);
        bool healthy =
            rc == SQLITE_OK &&
            store_check(st->db, "PRAGMA quick_check", why, sizeof(why));
        if (rc != SQLITE_OK && !why[0])
            snprintf(why, sizeof(why), "%s", sqlite3_errmsg(st->db));
        bool damaged = !healthy && (rc == SQLITE_NOTADB ||
                                    rc == SQLITE_CORRUPT || rc == SQLITE_OK);
        if (damaged) {
            sqlite3_close(st->db);
            st->db = NULL;
            if (store_recover(st, why, err, errsize))
                return st;
            store_close(st);
            return NULL;
        }
        if (healthy && store_setup_rw(st))
            return st;
        // Fall through: maybe a read-only location or a full disk.
        sqlite3_close(st->db);
        st->db = NULL;
    }
    const char *reason =
        dir_ok ? store_fs_reason(dir) : store_errno_reason(saved_errno);
    if (!reason)
        reason = st->error[0] ? st->error : "cannot write";
    char why[300];
    snprintf(why, sizeof(why), "%.290s", reason);
    // Read-only: show what is stored, save nothing.
    if (access(st->path, R_OK) == 0 && open_read_only(st)) {
        st->read_only = true;
        snprintf(
            st->notice, sizeof(st->notice),
            "History is read-only (%.200s): new sessions will not be saved",
            why);
        snprintf(st->error, sizeof(st->error), "%s", st->notice);
        st->error_logged = true;
        log_warn("store", "%s (%s)", st->notice, st->path);
        return st;
    }
    if (!dir_ok)
        snprintf(err, errsize, "cannot create %s: %s", dir,
                 strerror(saved_errno));
    else
        snprintf(err, errsize, "cannot open %s: %s", st->path, why);
    clean_stray(st->path, false);
    store_close(st);
    return NULL;
}

Store *store_open(const char *dir, char *err, size_t errsize)
{
    Store *st = open_file(dir, err, errsize);
    // Whose history: the runner who used the kiosk last.
    if (st)
        st->profile = store_profile_last_used(st);
    return st;
}

void store_close(Store *st)
{
    if (!st)
        return;
    if (st->db)
        sqlite3_close(st->db);
    clean_stray(st->path, false);
    free(st);
}
