/*
 * Backups of the history file in <dir>/backups: one a day, written with the
 * online backup API into a temp file, checked (integrity_check, the same
 * number of sessions) and only then renamed into place. Rotation keeps the
 * newest daily ones, the newest of each recent week and month, and the
 * pre-damage copies pinned when a damaged file was restored, so a damage
 * noticed late still finds a good copy.
 */
#include "store/store_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/calendar.h"
#include "platform/log.h"
#include "platform/paths.h"

static int64_t name_day(const char *name)
{
    int y, m, d, used = 0;
    const char *p = strncmp(name, "history-", 8) == 0       ? name + 8
                    : strncmp(name, "pre-damage-", 11) == 0 ? name + 11
                                                            : NULL;
    if (!p || sscanf(p, "%4d-%2d-%2d.db%n", &y, &m, &d, &used) != 3 ||
        p[used] != '\0' || used != 13)
        return -1;
    return cal_days_from_civil(y, m, d);
}

static int newest_first(const void *a, const void *b)
{
    int64_t da = name_day(a), db = name_day(b);
    if (da != db)
        return da > db ? -1 : 1;
    return strcmp(a, b); // the same day: the daily one before its pinned copy
}

int store_backup_list(const Store *st, char (*names)[STORE_BACKUP_NAME_MAX],
                      int max)
{
    char bdir[600];
    snprintf(bdir, sizeof(bdir), "%s/backups", st->dir);
    DIR *dir = opendir(bdir);
    if (!dir)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && n < max)
        if (name_day(e->d_name) >= 0 &&
            strlen(e->d_name) < STORE_BACKUP_NAME_MAX)
            memcpy(names[n++], e->d_name, strlen(e->d_name) + 1);
    closedir(dir);
    qsort(names, (size_t)n, STORE_BACKUP_NAME_MAX, newest_first);
    return n;
}

void store_backup_pin(Store *st, const char *name)
{
    if (strncmp(name, "history-", 8) != 0)
        return; // already a pinned copy
    char from[700], to[700];
    snprintf(from, sizeof(from), "%s/backups/%s", st->dir, name);
    snprintf(to, sizeof(to), "%s/backups/pre-damage-%s", st->dir, name + 8);
    if (access(to, F_OK) != 0 && link(from, to) != 0)
        log_warn("store", "cannot keep %s as %s: %s", from, to,
                 strerror(errno));
}

static void fail_backup(Store *st, const char *bdir, const char *what)
{
    const char *reason = store_fs_reason(bdir);
    snprintf(st->error, sizeof(st->error), "backup failed (%s)",
             reason ? reason : what);
    st->error_logged = true;
    log_warn("store", "%s: %s (%s)", st->error, what, bdir);
}

// The copy in tmp is whole and holds as many sessions as the history.
static bool verify(Store *st, const char *tmp, char *why, size_t size)
{
    sqlite3 *db = NULL;
    bool ok = false;
    if (sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        store_check(db, "PRAGMA integrity_check", why, size)) {
        sqlite3_stmt *a = NULL, *b = NULL;
        const char *sql = "SELECT count(*) FROM sessions";
        ok = sqlite3_prepare_v2(db, sql, -1, &a, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(st->db, sql, -1, &b, NULL) == SQLITE_OK &&
             sqlite3_step(a) == SQLITE_ROW && sqlite3_step(b) == SQLITE_ROW &&
             sqlite3_column_int64(a, 0) == sqlite3_column_int64(b, 0);
        if (!ok)
            snprintf(why, size, "the copy does not hold every session");
        sqlite3_finalize(a);
        sqlite3_finalize(b);
    } else if (!why[0]) {
        snprintf(why, size, "%s",
                 db ? sqlite3_errmsg(db) : "cannot open the copy");
    }
    sqlite3_close(db);
    return ok;
}

static bool write_backup(Store *st, const char *bdir, const char *file)
{
    char tmp[720], why[256] = "";
    snprintf(tmp, sizeof(tmp), "%s.tmp", file);
    sqlite3 *dst = NULL;
    bool ok = false;
    if (sqlite3_open(tmp, &dst) == SQLITE_OK) {
        sqlite3_backup *b = sqlite3_backup_init(dst, "main", st->db, "main");
        if (b) {
            sqlite3_backup_step(b, -1);
            ok = sqlite3_backup_finish(b) == SQLITE_OK;
        }
        if (!ok)
            snprintf(why, sizeof(why), "%s", sqlite3_errmsg(dst));
        // The copy is a plain file: no -wal beside it.
        ok = ok && sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL,
                                NULL) == SQLITE_OK;
    } else {
        snprintf(why, sizeof(why), "%s", strerror(errno));
    }
    if (sqlite3_close(dst) != SQLITE_OK)
        ok = false;
    if (ok && !verify(st, tmp, why, sizeof(why)))
        ok = false;
    if (ok && rename(tmp, file) != 0) {
        snprintf(why, sizeof(why), "%s", strerror(errno));
        ok = false;
    }
    if (!ok) {
        for (const char *sfx = ""; sfx; sfx = *sfx ? NULL : "-journal") {
            char p[740];
            snprintf(p, sizeof(p), "%s%s", tmp, sfx);
            unlink(p);
        }
        fail_backup(st, bdir, why[0] ? why : "unknown");
    }
    return ok;
}

static int64_t sessions_in(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *q = NULL;
    int64_t n = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT count(*) FROM sessions", -1, &q, NULL) ==
            SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    return n;
}

// Keep the newest `keep` daily backups, the newest of each of the last
// weeks and months, and the newest pinned copies; remove the rest. A daily
// one named after a day past tomorrow was written while the clock was
// ahead: it takes no place, and goes once a backup of a sane date holds
// as many sessions (until then it may be the only copy of some).
static void rotate(const char *bdir, char (*names)[STORE_BACKUP_NAME_MAX],
                   int n, int keep, int64_t today)
{
    int64_t weeks[STORE_BACKUP_WEEKS], months[STORE_BACKUP_MONTHS];
    int nweeks = 0, nmonths = 0, daily = 0, pinned = 0;
    int64_t sane_most = -1;
    for (int i = 0; i < n; i++) {
        char path[700];
        snprintf(path, sizeof(path), "%s/%s", bdir, names[i]);
        if (strncmp(names[i], "history-", 8) == 0 &&
            name_day(names[i]) <= today + 1) {
            int64_t s = sessions_in(path);
            sane_most = s > sane_most ? s : sane_most;
        }
    }
    for (int i = 0; i < n; i++) {
        int64_t day = name_day(names[i]);
        char path[700];
        snprintf(path, sizeof(path), "%s/%s", bdir, names[i]);
        bool keep_it;
        if (strncmp(names[i], "pre-damage-", 11) == 0) {
            keep_it = pinned++ < STORE_BACKUP_PINNED;
        } else if (day > today + 1) {
            keep_it = sessions_in(path) > sane_most;
        } else {
            keep_it = daily++ < keep;
            // Weeks start on Monday; 1970-01-01 was a Thursday.
            int64_t week = (day + 3) >= 0 ? (day + 3) / 7 : -1;
            int y, m, d;
            cal_civil_from_days(day, &y, &m, &d);
            int64_t month = (int64_t)y * 12 + m;
            if ((nweeks == 0 || weeks[nweeks - 1] != week) &&
                nweeks < STORE_BACKUP_WEEKS) {
                weeks[nweeks++] = week;
                keep_it = true;
            }
            if ((nmonths == 0 || months[nmonths - 1] != month) &&
                nmonths < STORE_BACKUP_MONTHS) {
                months[nmonths++] = month;
                keep_it = true;
            }
        }
        if (!keep_it) {
            if (day > today + 1)
                log_info("store",
                         "removed %s: named after a day to come, and a backup "
                         "of a sane date holds as many sessions",
                         names[i]);
            unlink(path);
        }
    }
}

#define BACKUPS_LISTED 512

bool store_backup(Store *st, int64_t today, int keep)
{
    char bdir[600], file[700];
    snprintf(bdir, sizeof(bdir), "%s/backups", st->dir);
    if (!paths_mkdirs(bdir)) {
        int e = errno;
        snprintf(st->error, sizeof(st->error), "backup failed (%s)",
                 store_errno_reason(e));
        st->error_logged = true;
        log_warn("store", "cannot create %s: %s", bdir, strerror(e));
        return false;
    }
    int y, m, d;
    cal_civil_from_days(today, &y, &m, &d);
    snprintf(file, sizeof(file), "%s/history-%04d-%02d-%02d.db", bdir, y, m, d);
    if (access(file, F_OK) != 0 && !write_backup(st, bdir, file))
        return false;
    char(*names)[STORE_BACKUP_NAME_MAX] =
        malloc(BACKUPS_LISTED * STORE_BACKUP_NAME_MAX);
    if (!names)
        return true;
    int n = store_backup_list(st, names, BACKUPS_LISTED);
    rotate(bdir, names, n, keep, today);
    free(names);
    return true;
}
