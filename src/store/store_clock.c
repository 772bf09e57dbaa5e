/*
 * Sessions whose clock cannot be trusted: flagging those stamped ahead of
 * today's clock, listing every suspect one with its reason, and the
 * runner's way out: a new date, or deleting the session.
 */
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/calendar.h"
#include "core/strutil.h"
#include "platform/log.h"

int store_flag_future(Store *st, int64_t now_utc)
{
    if (st->read_only || now_utc < HISTORY_SANE_UTC)
        return 0;
    char sql[256];
    int64_t bound = now_utc + STORE_FUTURE_SLACK_S;
    // Lifting first: a session flagged ahead that the clock has reached is
    // fine again (the clock, not the session, was wrong when it was flagged).
    snprintf(sql, sizeof(sql),
             "UPDATE sessions SET clock_suspect = %d"
             " WHERE clock_suspect = %d AND started_utc <= %lld",
             STORE_CLOCK_OK, STORE_CLOCK_AHEAD, (long long)bound);
    if (!store_exec(st, sql, "checking session times"))
        return -1;
    snprintf(sql, sizeof(sql),
             "UPDATE sessions SET clock_suspect = %d"
             " WHERE clock_suspect = %d AND started_utc > %lld",
             STORE_CLOCK_AHEAD, STORE_CLOCK_OK, (long long)bound);
    if (!store_exec(st, sql, "checking session times"))
        return -1;
    int n = sqlite3_changes(st->db);
    if (n > 0)
        log_warn("store",
                 "%d session%s later than tomorrow: flagged as clock suspect",
                 n, n == 1 ? "" : "s");
    return n;
}

bool store_suspects(Store *st, StoreSuspect **list, int *n)
{
    *list = NULL;
    *n = 0;
    sqlite3_stmt *q;
    if (!(q = store_prepare(
              st,
              "SELECT id, routine, started_utc, utc_offset_min, clock_suspect"
              " FROM sessions WHERE clock_suspect != 0"
              " ORDER BY started_utc, id",
              "listing suspect sessions")))
        return false;
    int cap = 0, rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            StoreSuspect *grown = realloc(*list, sizeof(**list) * (size_t)cap);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            *list = grown;
        }
        StoreSuspect *s = &(*list)[(*n)++];
        s->id = sqlite3_column_int64(q, 0);
        str_copy(s->routine, sizeof(s->routine),
                 (const char *)sqlite3_column_text(q, 1));
        s->started_utc = sqlite3_column_int64(q, 2);
        s->offset_min = sqlite3_column_int(q, 3);
        s->why = sqlite3_column_int(q, 4) == STORE_CLOCK_AHEAD ? "in the future"
                 : s->started_utc < HISTORY_SANE_UTC
                     ? "before 2020"
                     : "before an earlier session";
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        store_fail(st, "listing suspect sessions");
        free(*list);
        *list = NULL;
        *n = 0;
        return false;
    }
    return true;
}

static bool exists(Store *st, int64_t id, char *routine, size_t size)
{
    sqlite3_stmt *q;
    bool found = false;
    if (sqlite3_prepare_v2(st->db, "SELECT routine FROM sessions WHERE id = ?",
                           -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(q, 1, id);
        if (sqlite3_step(q) == SQLITE_ROW) {
            found = true;
            str_copy(routine, size, (const char *)sqlite3_column_text(q, 0));
        }
    }
    sqlite3_finalize(q);
    if (!found)
        store_set_error(st, "no session %lld in the history", (long long)id);
    return found;
}

bool store_session_redate(Store *st, int64_t id, int64_t started_utc,
                          int offset_min, int cutoff_min, int64_t now_utc)
{
    char routine[RT_ID_MAX], uid[96];
    if (!store_writable(st) || !exists(st, id, routine, sizeof(routine)))
        return false;
    if (started_utc < HISTORY_SANE_UTC) {
        store_set_error(st, "a session cannot start before 2020");
        return false;
    }
    if (started_utc > now_utc + STORE_FUTURE_SLACK_S) {
        static const char *const mn[12] = {"Jan", "Feb", "Mar", "Apr",
                                           "May", "Jun", "Jul", "Aug",
                                           "Sep", "Oct", "Nov", "Dec"};
        int y, m, d;
        cal_civil_from_days(cal_training_day(now_utc, offset_min, 0), &y, &m,
                            &d);
        store_set_error(
            st,
            "a session cannot start more than a day after now (the clock "
            "says %d %s %d)",
            d, mn[m - 1], y);
        return false;
    }
    snprintf(uid, sizeof(uid), "%lld:%s", (long long)started_utc, routine);
    sqlite3_stmt *q;
    if (!(q = store_prepare(
              st,
              "UPDATE sessions SET started_utc = ?1, utc_offset_min = ?2,"
              " ended_utc = ?1 + duration_s, training_day = ?3,"
              " clock_suspect = 0, uid = ?4 WHERE id = ?5",
              "changing the date")))
        return false;
    sqlite3_bind_int64(q, 1, started_utc);
    sqlite3_bind_int(q, 2, offset_min);
    sqlite3_bind_int64(q, 3,
                       cal_training_day(started_utc, offset_min, cutoff_min));
    sqlite3_bind_text(q, 4, uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 5, id);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        if (rc == SQLITE_CONSTRAINT_UNIQUE)
            store_set_error(st, "another %s session starts at that time",
                            routine);
        else
            store_fail(st, "changing the date");
        return false;
    }
    return true;
}

bool store_session_delete(Store *st, int64_t id)
{
    char routine[RT_ID_MAX], sql[160];
    if (!store_writable(st) || !exists(st, id, routine, sizeof(routine)))
        return false;
    snprintf(sql, sizeof(sql),
             "BEGIN IMMEDIATE; DELETE FROM sets WHERE session_id = %lld;"
             " DELETE FROM sessions WHERE id = %lld; COMMIT",
             (long long)id, (long long)id);
    if (!store_exec(st, sql, "deleting a session")) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return false;
    }
    return true;
}
