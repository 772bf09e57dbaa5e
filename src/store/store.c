/*
 * The history file: opening it (schema and migrations, the integrity check,
 * recovery of a damaged file, read-only fallback), daily backups, closing.
 * What goes in and out of it is in store_log.c.
 */
#include "store/store_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/strutil.h"
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
};

void store_fail(Store *st, const char *what)
{
    snprintf(st->error, sizeof(st->error), "%s: %s", what,
             st->db ? sqlite3_errmsg(st->db) : "no database");
    fprintf(stderr, "store: %s (%s)\n", st->error, st->path);
}

bool store_exec(Store *st, const char *sql, const char *what)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(st->error, sizeof(st->error), "%s: %s", what,
                 msg ? msg : sqlite3_errmsg(st->db));
        fprintf(stderr, "store: %s (%s)\n", st->error, st->path);
        sqlite3_free(msg);
        return false;
    }
    return true;
}

const char *store_error(const Store *st) { return st ? st->error : "no store"; }
const char *store_notice(const Store *st) { return st ? st->notice : ""; }
bool store_read_only(const Store *st) { return !st || st->read_only; }
const char *store_path(const Store *st) { return st ? st->path : ""; }

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *q;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return v;
}

// "ok" from quick_check, or the first problem.
static bool quick_check(sqlite3 *db, char *why, size_t size)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &q, NULL) != SQLITE_OK) {
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
    int v = user_version(st->db);
    if (v < 0) {
        store_fail(st, "reading the schema version");
        return false;
    }
    if (v > STORE_SCHEMA_VERSION) {
        snprintf(st->error, sizeof(st->error),
                 "history.db is from a newer version (schema %d, this one "
                 "knows %d)", v, STORE_SCHEMA_VERSION);
        return false;
    }
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
    }
    return true;
}

static void now_stamp(char *buf, size_t size)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y%m%d-%H%M%S", &tm);
}

// Copy every readable row of the damaged file into the new database.
static int recover_rows(Store *st, const char *from)
{
    sqlite3 *old;
    if (sqlite3_open_v2(from, &old, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(old);
        return 0;
    }
    int v = user_version(old);
    const char *cols = v >= 3
        ? "id, routine, started_utc, utc_offset_min, training_day, ended_utc,"
          " completed, duration_s, clock_suspect, boot_id, boot_ms, uid"
        : v == 2
        ? "id, routine, started_utc, utc_offset_min, training_day, ended_utc,"
          " completed, duration_s, 0, '', 0, started_utc || ':' || routine"
        : "id, routine, started_utc, utc_offset_min, training_day, ended_utc,"
          " completed, 0, 0, '', 0, started_utc || ':' || routine";
    char sql[512];
    snprintf(sql, sizeof(sql), "SELECT %s FROM sessions", cols);
    sqlite3_stmt *q = NULL, *ins = NULL;
    int n = 0;
    sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL);
    if (sqlite3_prepare_v2(old, sql, -1, &q, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(st->db,
                           "INSERT OR IGNORE INTO sessions(id, routine, started_utc,"
                           " utc_offset_min, training_day, ended_utc, completed,"
                           " duration_s, clock_suspect, boot_id, boot_ms, uid)"
                           " VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                           -1, &ins, NULL) == SQLITE_OK) {
        while (sqlite3_step(q) == SQLITE_ROW) {
            for (int c = 0; c < 12; c++)
                sqlite3_bind_value(ins, c + 1, sqlite3_column_value(q, c));
            if (sqlite3_step(ins) == SQLITE_DONE)
                n++;
            sqlite3_reset(ins);
        }
    }
    sqlite3_finalize(q);
    sqlite3_finalize(ins);
    q = ins = NULL;
    const char *scols = v >= 2
        ? "session_id, exercise, set_no, side, reps_target, reps_done, skipped,"
          " load_kg, block, step"
        : "session_id, exercise, set_no, side, reps_target, reps_done, skipped,"
          " 0, '', 0";
    snprintf(sql, sizeof(sql), "SELECT %s FROM sets", scols);
    if (sqlite3_prepare_v2(old, sql, -1, &q, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(st->db,
                           "INSERT INTO sets(session_id, exercise, set_no, side,"
                           " reps_target, reps_done, skipped, load_kg, block, step)"
                           " SELECT ?1,?2,?3,?4,?5,?6,?7,?8,?9,?10"
                           " WHERE EXISTS(SELECT 1 FROM sessions WHERE id = ?1)",
                           -1, &ins, NULL) == SQLITE_OK) {
        while (sqlite3_step(q) == SQLITE_ROW) {
            for (int c = 0; c < 10; c++)
                sqlite3_bind_value(ins, c + 1, sqlite3_column_value(q, c));
            sqlite3_step(ins);
            sqlite3_reset(ins);
        }
    }
    sqlite3_finalize(q);
    sqlite3_finalize(ins);
    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(old);
    return n;
}

static bool open_db(Store *st, int flags)
{
    if (sqlite3_open_v2(st->path, &st->db, flags, NULL) != SQLITE_OK) {
        store_fail(st, "opening");
        sqlite3_close(st->db);
        st->db = NULL;
        return false;
    }
    sqlite3_busy_timeout(st->db, 2000);
    sqlite3_extended_result_codes(st->db, 1);
    return true;
}

static bool setup_rw(Store *st)
{
    return store_exec(st, "PRAGMA journal_mode = WAL", "setting up") &&
           store_exec(st, "PRAGMA synchronous = FULL", "setting up") &&
           store_exec(st, "PRAGMA foreign_keys = ON", "setting up") &&
           migrate(st);
}

Store *store_open(const char *dir, char *err, size_t errsize)
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

    if (dir_ok && open_db(st, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) {
        char why[256] = "";
        int rc = sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_master",
                              NULL, NULL, NULL);
        bool healthy = rc == SQLITE_OK && quick_check(st->db, why, sizeof(why));
        if (rc != SQLITE_OK && !why[0])
            snprintf(why, sizeof(why), "%s", sqlite3_errmsg(st->db));
        bool damaged = !healthy && (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT ||
                                    rc == SQLITE_OK);
        if (damaged) {
            sqlite3_close(st->db);
            st->db = NULL;
            char stamp[32], kept[700];
            now_stamp(stamp, sizeof(stamp));
            snprintf(kept, sizeof(kept), "%s.damaged-%s", st->path, stamp);
            if (rename(st->path, kept) != 0) {
                snprintf(err, errsize, "history.db is damaged (%s) and could "
                         "not be set aside: %s", why, strerror(errno));
                free(st);
                return NULL;
            }
            for (int k = 0; k < 2; k++) {
                char a[700], b[720];
                snprintf(a, sizeof(a), "%s%s", st->path, k ? "-shm" : "-wal");
                snprintf(b, sizeof(b), "%s%s", kept, k ? "-shm" : "-wal");
                rename(a, b);
            }
            if (open_db(st, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) &&
                setup_rw(st)) {
                int n = recover_rows(st, kept);
                snprintf(st->notice, sizeof(st->notice),
                         "The history file was damaged (%.80s). It is kept as "
                         "%.200s; %d session%s recovered.", why, kept, n,
                         n == 1 ? "" : "s");
                fprintf(stderr, "store: %s\n", st->notice);
                return st;
            }
            snprintf(err, errsize, "%s", st->error);
            store_close(st);
            return NULL;
        }
        if (healthy && setup_rw(st))
            return st;
        // Fall through: maybe a read-only location.
        sqlite3_close(st->db);
        st->db = NULL;
    }
    // Read-only: show what is stored, save nothing.
    if (access(st->path, R_OK) == 0 && open_db(st, SQLITE_OPEN_READONLY)) {
        char why[256];
        int v = user_version(st->db);
        if (v == STORE_SCHEMA_VERSION && quick_check(st->db, why, sizeof(why))) {
            st->read_only = true;
            snprintf(st->notice, sizeof(st->notice),
                     "History is read-only (%.200s): new sessions will not be saved",
                     dir_ok ? st->error : strerror(saved_errno));
            snprintf(st->error, sizeof(st->error), "%s", st->notice);
            return st;
        }
    }
    if (!dir_ok)
        snprintf(err, errsize, "cannot create %s: %s", dir, strerror(saved_errno));
    else
        snprintf(err, errsize, "cannot open %s: %s", st->path, st->error);
    store_close(st);
    return NULL;
}

void store_close(Store *st)
{
    if (!st)
        return;
    if (st->db)
        sqlite3_close(st->db);
    free(st);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool store_backup(Store *st, int64_t today, int keep)
{
    char bdir[600], file[700];
    snprintf(bdir, sizeof(bdir), "%s/backups", st->dir);
    if (!paths_mkdirs(bdir)) {
        snprintf(st->error, sizeof(st->error), "cannot create %.300s: %s", bdir,
                 strerror(errno));
        return false;
    }
    int y, m, d;
    cal_civil_from_days(today, &y, &m, &d);
    snprintf(file, sizeof(file), "%s/history-%04d-%02d-%02d.db", bdir, y, m, d);
    if (access(file, F_OK) != 0) {
        char tmp[720];
        snprintf(tmp, sizeof(tmp), "%s.tmp", file);
        sqlite3 *dst;
        bool ok = false;
        if (sqlite3_open(tmp, &dst) == SQLITE_OK) {
            sqlite3_backup *b = sqlite3_backup_init(dst, "main", st->db, "main");
            if (b) {
                sqlite3_backup_step(b, -1);
                ok = sqlite3_backup_finish(b) == SQLITE_OK;
            }
            if (!ok)
                snprintf(st->error, sizeof(st->error), "backup: %s",
                         sqlite3_errmsg(dst));
        }
        sqlite3_close(dst);
        if (!ok || rename(tmp, file) != 0) {
            unlink(tmp);
            return false;
        }
    }
    // Keep the newest `keep` backups (names sort by date).
    DIR *dir = opendir(bdir);
    if (!dir)
        return true;
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && n < 256)
        if (strncmp(e->d_name, "history-", 8) == 0 &&
            strlen(e->d_name) == strlen("history-2026-01-01.db"))
            names[n++] = strdup(e->d_name);
    closedir(dir);
    qsort(names, (size_t)n, sizeof(names[0]), cmp_str);
    for (int i = 0; i < n; i++) {
        if (i < n - keep) {
            snprintf(file, sizeof(file), "%s/%s", bdir, names[i]);
            unlink(file);
        }
        free(names[i]);
    }
    return true;
}
