/*
 * Recovery of a damaged history file. The damaged file is kept aside (with
 * its -wal and -shm); of the backups that pass integrity_check, the one
 * holding the most sessions becomes the new file; then every session that
 * can still be read from the damaged file and that the backup lacks is added
 * with its readable sets (the import key keeps out duplicates). The uid index
 * of the damaged file, often intact when a table page is not, tells how many
 * sessions could not be read. The screen gets one short sentence; the log gets
 * the details.
 */
#include "store/store_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/calendar.h"
#include "platform/log.h"

#define BACKUPS_TRIED 64

static void now_stamp(char *buf, size_t size)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y%m%d-%H%M%S", &tm);
}

// How much a backup holds: its sessions, then its latest session end.
static bool backup_size(sqlite3 *db, int64_t *sessions, int64_t *last_end)
{
    sqlite3_stmt *q = NULL;
    bool ok = sqlite3_prepare_v2(db,
                                 "SELECT count(*), coalesce(max(coalesce("
                                 "ended_utc, started_utc)), 0) FROM sessions",
                                 -1, &q, NULL) == SQLITE_OK &&
              sqlite3_step(q) == SQLITE_ROW;
    if (ok) {
        *sessions = sqlite3_column_int64(q, 0);
        *last_end = sqlite3_column_int64(q, 1);
    }
    sqlite3_finalize(q);
    return ok;
}

// The whole backup that holds the most (sessions, then the latest session
// end); its name goes to name ("" if none). Not the newest name: a clock
// once set ahead leaves backups named after days to come that hold less.
static void pick_backup(Store *st, char *name, size_t size)
{
    char names[BACKUPS_TRIED][STORE_BACKUP_NAME_MAX];
    int64_t best_n = -1, best_end = -1;
    name[0] = '\0';
    int n = store_backup_list(st, names, BACKUPS_TRIED);
    for (int i = 0; i < n; i++) {
        char path[700], why[256] = "";
        snprintf(path, sizeof(path), "%.500s/backups/%.63s", st->dir, names[i]);
        sqlite3 *db = NULL;
        int64_t sessions = 0, last_end = 0;
        if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) ==
                SQLITE_OK &&
            store_user_version(db) >= 1 &&
            store_user_version(db) <= STORE_SCHEMA_VERSION &&
            store_check(db, "PRAGMA integrity_check", why, sizeof(why)) &&
            backup_size(db, &sessions, &last_end)) {
            // Ties go to the first listed: the newest name.
            if (sessions > best_n ||
                (sessions == best_n && last_end > best_end)) {
                best_n = sessions;
                best_end = last_end;
                snprintf(name, size, "%.63s", names[i]);
            }
        } else {
            log_warn("store", "backup %s is not usable: %s", path,
                     why[0] ? why : "not a history file");
        }
        sqlite3_close(db);
    }
}

static bool restore(Store *st, const char *name)
{
    char path[700];
    snprintf(path, sizeof(path), "%s/backups/%s", st->dir, name);
    sqlite3 *src = NULL;
    bool ok = false;
    if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_backup *b = sqlite3_backup_init(st->db, "main", src, "main");
        if (b) {
            sqlite3_backup_step(b, -1);
            ok = sqlite3_backup_finish(b) == SQLITE_OK;
        }
    }
    if (!ok)
        store_fail(st, "restoring the backup");
    sqlite3_close(src);
    return ok;
}

// Walk `sql` (ordered by id, "id > ?1") through a damaged table: on an
// error, start again further on, so one bad page does not end the walk.
typedef bool (*RowFn)(Store *st, sqlite3_stmt *row, void *ctx);

static void walk(Store *st, sqlite3 *old, const char *sql, RowFn fn, void *ctx)
{
    int64_t last = 0;
    int64_t jump = 1;
    // Ids grow by one per row: past 4^12 rows of damage there is nothing left.
    for (int attempts = 0; attempts < 12; attempts++) {
        sqlite3_stmt *q = NULL;
        if (sqlite3_prepare_v2(old, sql, -1, &q, NULL) != SQLITE_OK) {
            sqlite3_finalize(q);
            return;
        }
        sqlite3_bind_int64(q, 1, last);
        int rc;
        while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
            last = sqlite3_column_int64(q, 0);
            jump = 1;
            fn(st, q, ctx);
        }
        sqlite3_finalize(q);
        if (rc == SQLITE_DONE)
            return;
        last += jump;
        jump *= 4;
    }
}

// The damaged file's profiles as they were last (names and colours may have
// changed since the backup, or a runner been added), so that every session
// keeps its runner.
static void copy_profiles(Store *st, sqlite3 *old)
{
    sqlite3_stmt *q = NULL, *ins = NULL;
    if (sqlite3_prepare_v2(old,
                           "SELECT id, name, colour, tempo_pct, voice, units,"
                           " weekly_target, created_utc, last_used_utc"
                           " FROM profiles",
                           -1, &q, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(st->db,
                           "INSERT OR REPLACE INTO profiles VALUES"
                           "(?,?,?,?,?,?,?,?,?)",
                           -1, &ins, NULL) == SQLITE_OK)
        while (sqlite3_step(q) == SQLITE_ROW) {
            for (int c = 0; c < 9; c++)
                sqlite3_bind_value(ins, c + 1, sqlite3_column_value(q, c));
            sqlite3_step(ins);
            sqlite3_reset(ins);
        }
    sqlite3_finalize(q);
    sqlite3_finalize(ins);
}

typedef struct Merge {
    sqlite3_stmt *session, *map, *set, *seen, *read;
    int added;
} Merge;

static bool add_session(Store *st, sqlite3_stmt *row, void *ctx)
{
    Merge *m = ctx;
    for (int c = 1; c < 13; c++)
        sqlite3_bind_value(m->session, c, sqlite3_column_value(row, c));
    bool added =
        sqlite3_step(m->session) == SQLITE_DONE && sqlite3_changes(st->db) == 1;
    sqlite3_reset(m->session);
    if (added) {
        m->added++;
        sqlite3_bind_int64(m->map, 1, sqlite3_column_int64(row, 0));
        sqlite3_bind_int64(m->map, 2, sqlite3_last_insert_rowid(st->db));
        sqlite3_step(m->map);
        sqlite3_reset(m->map);
    }
    sqlite3_bind_int64(m->seen, 1, sqlite3_column_int64(row, 0));
    sqlite3_step(m->seen);
    sqlite3_reset(m->seen);
    sqlite3_bind_int64(m->read, 1, sqlite3_column_int64(row, 0));
    sqlite3_step(m->read);
    sqlite3_reset(m->read);
    return true;
}

static bool add_set(Store *st, sqlite3_stmt *row, void *ctx)
{
    (void)st;
    Merge *m = ctx;
    for (int c = 1; c <= 10; c++)
        sqlite3_bind_value(m->set, c, sqlite3_column_value(row, c));
    sqlite3_step(m->set);
    sqlite3_reset(m->set);
    sqlite3_bind_int64(m->seen, 1,
                       sqlite3_column_int64(row, 1)); // its session existed
    sqlite3_step(m->seen);
    sqlite3_reset(m->seen);
    return true;
}

static bool add_seen(Store *st, sqlite3_stmt *row, void *ctx)
{
    (void)st;
    Merge *m = ctx;
    sqlite3_bind_int64(m->seen, 1, sqlite3_column_int64(row, 0));
    sqlite3_step(m->seen);
    sqlite3_reset(m->seen);
    return true;
}

// Add what the damaged file holds and the new one lacks. Returns sessions
// added; *lost: sessions known to exist there (from its uid index or from
// sets that name them) that are in neither. The backup is a copy of the same
// file, so its ids are the damaged file's ids.
static int merge(Store *st, const char *from, int *lost)
{
    *lost = 0;
    sqlite3 *old = NULL;
    if (sqlite3_open_v2(from, &old, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sqlite3_close(old);
        return 0;
    }
    int v = store_user_version(old);
    const char *uid = v >= 3 ? "uid" : "started_utc || ':' || routine";
    char sess_sql[700], set_sql[400];
    snprintf(sess_sql, sizeof(sess_sql),
             "SELECT id, routine, started_utc, utc_offset_min, training_day, "
             "ended_utc,"
             " completed, %s, %s, %s, %s, %s, %s FROM sessions WHERE id > ?1"
             " ORDER BY id",
             v >= 2 ? "duration_s" : "0", v >= 3 ? "clock_suspect" : "0",
             v >= 3 ? "boot_id" : "''", v >= 3 ? "boot_ms" : "0", uid,
             v >= 4 ? "profile_id" : "1");
    snprintf(set_sql, sizeof(set_sql),
             "SELECT id, session_id, exercise, set_no, side, reps_target, "
             "reps_done, skipped,"
             " %s FROM sets WHERE id > ?1 ORDER BY id",
             v >= 2 ? "load_kg, block, step" : "0, '', 0");
    Merge m = {0};
    sqlite3_exec(
        st->db,
        "CREATE TEMP TABLE idmap(old INTEGER PRIMARY KEY, new INTEGER);"
        "CREATE TEMP TABLE seen(id INTEGER PRIMARY KEY);"
        "CREATE TEMP TABLE readable(id INTEGER PRIMARY KEY);"
        "CREATE TEMP TABLE base AS SELECT id FROM main.sessions",
        NULL, NULL, NULL);
    sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL);
    if (sqlite3_prepare_v2(
            st->db,
            "INSERT OR IGNORE INTO sessions(routine, started_utc,"
            " utc_offset_min, training_day, ended_utc, completed,"
            " duration_s, clock_suspect, boot_id, boot_ms, uid, profile_id)"
            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
            -1, &m.session, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(st->db, "INSERT INTO temp.idmap VALUES(?, ?)", -1,
                           &m.map, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(st->db, "INSERT OR IGNORE INTO temp.seen VALUES(?)",
                           -1, &m.seen, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(st->db,
                           "INSERT OR IGNORE INTO temp.readable VALUES(?)", -1,
                           &m.read, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(
            st->db,
            "INSERT INTO sets(session_id, exercise, set_no, side,"
            " reps_target, reps_done, skipped, load_kg, block, step)"
            " SELECT new, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10"
            " FROM temp.idmap WHERE old = ?1",
            -1, &m.set, NULL) == SQLITE_OK) {
        if (v >= 4)
            copy_profiles(st, old);
        walk(st, old, sess_sql, add_session, &m);
        walk(st, old, set_sql, add_set, &m);
        // The uid index lists sessions whose rows could not be read: one
        // pass in index order, as far as it goes.
        sqlite3_stmt *q = NULL;
        if (v >= 3 && sqlite3_prepare_v2(
                          old,
                          "SELECT rowid FROM sessions INDEXED BY sessions_uid"
                          " WHERE uid IS NOT NULL",
                          -1, &q, NULL) == SQLITE_OK)
            while (sqlite3_step(q) == SQLITE_ROW)
                add_seen(st, q, &m);
        sqlite3_finalize(q);
        // Ids only grow: those after the backup's newest up to the damaged
        // file's newest were sessions too (unless deleted since).
        int64_t top = 0;
        if (sqlite3_prepare_v2(old, "SELECT max(id) FROM sessions", -1, &q,
                               NULL) == SQLITE_OK &&
            sqlite3_step(q) == SQLITE_ROW)
            top = sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
        q = NULL;
        if (top > 0 &&
            sqlite3_prepare_v2(
                st->db,
                "WITH RECURSIVE r(i) AS (SELECT coalesce(max(id), 0) + 1"
                " FROM temp.base UNION ALL SELECT i + 1 FROM r WHERE i < ?1)"
                " INSERT OR IGNORE INTO temp.seen SELECT i FROM r"
                " WHERE i <= ?1 AND ?1 - i < 100000",
                -1, &q, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(q, 1, top);
            sqlite3_step(q);
        }
        sqlite3_finalize(q);
    }
    sqlite3_finalize(m.session);
    sqlite3_finalize(m.map);
    sqlite3_finalize(m.seen);
    sqlite3_finalize(m.read);
    sqlite3_finalize(m.set);
    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(
            st->db,
            "SELECT count(*) FROM temp.seen WHERE id NOT IN temp.readable"
            " AND id NOT IN temp.base",
            -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        *lost = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    sqlite3_exec(
        st->db,
        "DROP TABLE temp.idmap; DROP TABLE temp.seen; DROP TABLE temp.readable;"
        " DROP TABLE temp.base",
        NULL, NULL, NULL);
    sqlite3_close(old);
    return m.added;
}

static const char *const month_abbr[12] = {"Jan", "Feb", "Mar", "Apr",
                                           "May", "Jun", "Jul", "Aug",
                                           "Sep", "Oct", "Nov", "Dec"};

// The runner's sentence and the file names and counts behind it, logged once
// (the caller shows the sentence; it does not log it again).
static bool told(Store *st, const char *detail)
{
    log_warn("store", "%s. %s", st->notice, detail);
    return true;
}

bool store_recover(Store *st, const char *why, char *err, size_t errsize)
{
    char stamp[32], kept[700];
    now_stamp(stamp, sizeof(stamp));
    snprintf(kept, sizeof(kept), "%s.damaged-%s", st->path, stamp);
    if (rename(st->path, kept) != 0) {
        snprintf(err, errsize,
                 "history.db is damaged (%s) and could not be set aside: %s",
                 why, strerror(errno));
        return false;
    }
    for (int k = 0; k < 2; k++) {
        char a[700], b[720];
        snprintf(a, sizeof(a), "%s%s", st->path, k ? "-shm" : "-wal");
        snprintf(b, sizeof(b), "%s%s", kept, k ? "-shm" : "-wal");
        rename(a, b);
    }
    char backup[STORE_BACKUP_NAME_MAX];
    pick_backup(st, backup, sizeof(backup));
    if (!store_open_db(st, st->path,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) ||
        (backup[0] && !restore(st, backup)) || !store_setup_rw(st)) {
        snprintf(err, errsize,
                 "history.db is damaged (%s) and a new one cannot be made: %s",
                 why, st->error);
        return false;
    }
    int lost, added = merge(st, kept, &lost);
    // The -shm is rebuilt from the -wal whenever it is needed; an empty
    // -wal holds nothing.
    char extra[720];
    snprintf(extra, sizeof(extra), "%s-shm", kept);
    unlink(extra);
    snprintf(extra, sizeof(extra), "%s-wal", kept);
    struct stat sb;
    if (stat(extra, &sb) == 0 && sb.st_size == 0)
        unlink(extra);
    char detail[900];
    snprintf(detail, sizeof(detail),
             "history.db was damaged (%s); kept as %s; restored from %s; %d "
             "session%s added "
             "from the damaged file; %d could not be read",
             why, kept, backup[0] ? backup : "no backup (none usable)", added,
             added == 1 ? "" : "s", lost);
    if (!backup[0]) {
        // What the uid index knew of and no page gave back: said when known,
        // in few words so that the sentence stays one line.
        char unread[40] = "";
        if (lost > 0)
            snprintf(unread, sizeof(unread), ", %d unreadable", lost);
        snprintf(st->notice, sizeof(st->notice),
                 "History file damaged and no backup: %d session%s recovered%s",
                 added, added == 1 ? "" : "s", unread);
        return told(st, detail);
    }
    store_backup_pin(st, backup);
    int y, mo, d;
    const char *date = strrchr(backup, '-') - 7; // "...YYYY-MM-DD.db"
    if (sscanf(date, "%4d-%2d-%2d", &y, &mo, &d) != 3 || mo < 1 || mo > 12)
        y = mo = d = 1;
    // A backup named after a day to come (a clock once ahead) says its
    // year: "20 Nov" alone would pass it off as a recent day.
    char when[32];
    bool other_year = cal_days_from_civil(y, mo, d) > time(NULL) / 86400 + 1;
    if (other_year)
        snprintf(when, sizeof(when), "%d %s %d", d, month_abbr[mo - 1], y);
    else
        snprintf(when, sizeof(when), "%d %s", d, month_abbr[mo - 1]);
    if (lost > 0)
        snprintf(st->notice, sizeof(st->notice),
                 "History restored from the backup of %s: %d %ssession%s could "
                 "not be read",
                 when, lost, other_year ? "" : "recent ", lost == 1 ? "" : "s");
    else if (added > 0)
        snprintf(st->notice, sizeof(st->notice),
                 "History restored from the backup of %s and the damaged file",
                 when);
    else
        snprintf(st->notice, sizeof(st->notice),
                 "History restored from the backup of %s: nothing was lost",
                 when);
    return told(st, detail);
}
