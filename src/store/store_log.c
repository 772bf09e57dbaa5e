/*
 * The session log in the history file: a session's start, each set as it
 * ends, its end; re-dating sessions once the clock is right; paused weeks;
 * loading the whole history; whole sessions for import.
 */
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/strutil.h"

bool store_writable(Store *st)
{
    if (st->read_only) {
        // Logged once when the store opened (store_open's notice).
        snprintf(st->error, sizeof(st->error), "%s", st->notice);
        st->error_logged = true;
        return false;
    }
    st->error[0] = '\0';
    st->error_logged = false;
    return true;
}

// The newest start a new one is measured against: sessions more than a day
// after `start` are no reference (a clock once set ahead would otherwise
// flag every correct session after it).
static int64_t newest_start(Store *st, int64_t start)
{
    sqlite3_stmt *q;
    int64_t v = 0;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT max(started_utc) FROM sessions"
                           " WHERE clock_suspect = 0 AND started_utc <= ?",
                           -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(q, 1, start + STORE_FUTURE_SLACK_S);
        if (sqlite3_step(q) == SQLITE_ROW)
            v = sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
    return v;
}

bool store_session_begin(Store *st, const StoreStart *s, int64_t *id,
                         bool *clock_suspect)
{
    if (!store_writable(st))
        return false;
    // A minute of slack: two sessions can start in the same minute.
    bool suspect = s->started_utc < HISTORY_SANE_UTC ||
                   s->started_utc + 60 < newest_start(st, s->started_utc);
    sqlite3_stmt *q;
    if (!(q = store_prepare(
              st,
              "INSERT INTO sessions(routine, started_utc, utc_offset_min,"
              " training_day, completed, clock_suspect, boot_id, boot_ms, uid,"
              " profile_id) VALUES(?,?,?,?,0,?,?,?,?,?)",
              "starting a session")))
        return false;
    int rc = SQLITE_CONSTRAINT_UNIQUE;
    // Two starts of one routine in the same second get distinct ids.
    for (int attempt = 0; attempt < 5 && rc == SQLITE_CONSTRAINT_UNIQUE;
         attempt++) {
        char uid[96];
        if (attempt == 0)
            snprintf(uid, sizeof(uid), "%lld:%s", (long long)s->started_utc,
                     s->routine);
        else
            snprintf(uid, sizeof(uid), "%lld:%s:%d", (long long)s->started_utc,
                     s->routine, attempt + 1);
        sqlite3_reset(q);
        sqlite3_bind_text(q, 1, s->routine, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(q, 2, s->started_utc);
        sqlite3_bind_int(q, 3, s->offset_min);
        sqlite3_bind_int64(
            q, 4,
            cal_training_day(s->started_utc, s->offset_min, s->cutoff_min));
        sqlite3_bind_int(q, 5, suspect);
        sqlite3_bind_text(q, 6, s->boot_id ? s->boot_id : "", -1,
                          SQLITE_TRANSIENT);
        sqlite3_bind_int64(q, 7, s->boot_ms);
        sqlite3_bind_text(q, 8, uid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(q, 9, st->profile);
        rc = sqlite3_step(q);
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        store_fail(st, "starting a session");
        return false;
    }
    *id = sqlite3_last_insert_rowid(st->db);
    if (clock_suspect)
        *clock_suspect = suspect;
    return true;
}

static const char *side_text(HistorySide s)
{
    return s == HSIDE_LEFT ? "L" : s == HSIDE_RIGHT ? "R" : "-";
}

static HistorySide side_of(const char *s)
{
    return s && s[0] == 'L'   ? HSIDE_LEFT
           : s && s[0] == 'R' ? HSIDE_RIGHT
                              : HSIDE_NONE;
}

static StepBlock block_of(const char *s)
{
    if (s && strcmp(s, "both") == 0)
        return STEP_BLOCK_BOTH;
    if (s && strcmp(s, "single-leg") == 0)
        return STEP_BLOCK_SINGLE;
    return STEP_BLOCK_NONE;
}

// The columns of one set, in the order of both INSERT INTO sets statements.
static void bind_set(sqlite3_stmt *q, int64_t session_id, const HistorySet *set)
{
    sqlite3_bind_int64(q, 1, session_id);
    sqlite3_bind_text(q, 2, set->exercise, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(q, 3, set->set_no);
    sqlite3_bind_text(q, 4, side_text(set->side), -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 5, set->target);
    sqlite3_bind_int(q, 6, set->done);
    sqlite3_bind_int(q, 7, set->skipped);
    sqlite3_bind_double(q, 8, set->load_kg);
    sqlite3_bind_text(q, 9, step_block_name(set->block), -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 10, set->step);
}

static bool insert_set(Store *st, int64_t session_id, const HistorySet *set)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(
            st->db,
            "INSERT INTO sets(session_id, exercise, set_no, side,"
            " reps_target, reps_done, skipped, load_kg, block, step)"
            " VALUES(?,?,?,?,?,?,?,?,?,?)",
            -1, &q, NULL) != SQLITE_OK)
        return false;
    bind_set(q, session_id, set);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE;
}

bool store_set_append(Store *st, int64_t session_id, const HistorySet *set)
{
    if (!store_writable(st))
        return false;
    if (!insert_set(st, session_id, set)) {
        store_fail(st, "saving a set");
        return false;
    }
    return true;
}

bool store_sets_discard(Store *st, int64_t session_id, int from_step)
{
    if (!store_writable(st))
        return false;
    char sql[160];
    snprintf(sql, sizeof(sql),
             "DELETE FROM sets WHERE session_id = %lld AND step >= %d",
             (long long)session_id, from_step);
    return store_exec(st, sql, "going back");
}

bool store_session_end(Store *st, int64_t session_id, int duration_s,
                       bool completed)
{
    if (!store_writable(st))
        return false;
    sqlite3_stmt *q;
    if (!(q = store_prepare(st,
                            "UPDATE sessions SET ended_utc = started_utc + ?1,"
                            " duration_s = ?1, completed = ?2 WHERE id = ?3",
                            "finishing a session")))
        return false;
    sqlite3_bind_int(q, 1, duration_s);
    sqlite3_bind_int(q, 2, completed);
    sqlite3_bind_int64(q, 3, session_id);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        store_fail(st, "finishing a session");
        return false;
    }
    return true;
}

int store_reconcile_clock(Store *st, int64_t now_utc, const char *boot_id,
                          int64_t boot_ms_now, int cutoff_min)
{
    if (st->read_only || now_utc < HISTORY_SANE_UTC || !boot_id || !*boot_id)
        return 0;
    if (now_utc + 60 < newest_start(st, now_utc))
        return 0; // still behind: not sane yet
    sqlite3_stmt *q = NULL, *u = NULL;
    int fixed = 0;
    if (sqlite3_prepare_v2(
            st->db,
            "SELECT id, boot_ms, utc_offset_min, routine FROM sessions"
            " WHERE clock_suspect = 1 AND boot_id = ? AND boot_ms <= ?",
            -1, &q, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db,
                           "UPDATE sessions SET started_utc = ?1,"
                           " ended_utc = ?1 + duration_s, training_day = ?2,"
                           " clock_suspect = 0, uid = ?3 WHERE id = ?4",
                           -1, &u, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_text(q, 1, boot_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 2, boot_ms_now);
    if (!store_exec(st, "BEGIN IMMEDIATE", "fixing session times"))
        goto fail;
    while (sqlite3_step(q) == SQLITE_ROW) {
        // Same boot: the monotonic clock tells how long ago it started.
        int64_t start =
            now_utc - (boot_ms_now - sqlite3_column_int64(q, 1)) / 1000;
        if (start < HISTORY_SANE_UTC)
            continue;
        char uid[96];
        snprintf(uid, sizeof(uid), "%lld:%s", (long long)start,
                 (const char *)sqlite3_column_text(q, 3));
        sqlite3_bind_int64(u, 1, start);
        sqlite3_bind_int64(
            u, 2,
            cal_training_day(start, sqlite3_column_int(q, 2), cutoff_min));
        sqlite3_bind_text(u, 3, uid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(u, 4, sqlite3_column_int64(q, 0));
        if (sqlite3_step(u) == SQLITE_DONE)
            fixed++;
        sqlite3_reset(u);
    }
    if (!store_exec(st, "COMMIT", "fixing session times"))
        goto fail;
    sqlite3_finalize(q);
    sqlite3_finalize(u);
    return fixed;
fail:
    store_fail(st, "fixing session times");
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_finalize(q);
    sqlite3_finalize(u);
    return -1;
}

bool store_set_week_paused(Store *st, int64_t week, bool paused)
{
    if (!store_writable(st))
        return false;
    char sql[160];
    snprintf(sql, sizeof(sql),
             paused ? "INSERT OR IGNORE INTO paused_weeks(profile_id, week)"
                      " VALUES(%lld, %lld)"
                    : "DELETE FROM paused_weeks WHERE profile_id = %lld"
                      " AND week = %lld",
             (long long)st->profile, (long long)week);
    return store_exec(st, sql, "pausing the streak");
}

bool store_load(Store *st, History *h)
{
    sqlite3_stmt *q = NULL;
    bool ok = false;
    if (sqlite3_prepare_v2(
            st->db,
            "SELECT s.id, s.routine, s.started_utc, s.utc_offset_min,"
            " s.training_day, s.duration_s, s.completed, s.clock_suspect,"
            " t.exercise, t.block, t.step, t.set_no, t.side,"
            " t.reps_target, t.reps_done, t.load_kg, t.skipped"
            " FROM sessions s LEFT JOIN sets t ON t.session_id = s.id"
            " WHERE s.profile_id = ?"
            " ORDER BY s.started_utc, s.id, t.id",
            -1, &q, NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int64(q, 1, st->profile);
    int64_t last = -1;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(q, 0);
        if (id != last) {
            HistorySession s = {0};
            s.id = id;
            str_copy(s.routine, sizeof(s.routine),
                     (const char *)sqlite3_column_text(q, 1));
            s.started_utc = sqlite3_column_int64(q, 2);
            s.offset_min = sqlite3_column_int(q, 3);
            s.training_day = sqlite3_column_int64(q, 4);
            s.duration_s = sqlite3_column_int(q, 5);
            s.completed = sqlite3_column_int(q, 6);
            s.clock_suspect = sqlite3_column_int(q, 7);
            if (!history_add_session(h, &s))
                goto out;
            last = id;
        }
        if (sqlite3_column_type(q, 8) == SQLITE_NULL)
            continue;
        HistorySet set = {0};
        str_copy(set.exercise, sizeof(set.exercise),
                 (const char *)sqlite3_column_text(q, 8));
        set.block = block_of((const char *)sqlite3_column_text(q, 9));
        set.step = sqlite3_column_int(q, 10);
        set.set_no = sqlite3_column_int(q, 11);
        set.side = side_of((const char *)sqlite3_column_text(q, 12));
        set.target = sqlite3_column_int(q, 13);
        set.done = sqlite3_column_int(q, 14);
        set.load_kg = sqlite3_column_double(q, 15);
        set.skipped = sqlite3_column_int(q, 16);
        if (!history_add_set(h, &set))
            goto out;
    }
    if (rc != SQLITE_DONE)
        goto out;
    sqlite3_finalize(q);
    q = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT week FROM paused_weeks WHERE profile_id = ?",
                           -1, &q, NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int64(q, 1, st->profile);
    while (sqlite3_step(q) == SQLITE_ROW)
        history_add_paused_week(h, sqlite3_column_int64(q, 0));
    ok = true;
out:
    if (!ok)
        store_fail(st, "reading the history");
    sqlite3_finalize(q);
    return ok;
}

bool store_inserter_init(Store *st, StoreInserter *in)
{
    in->session = in->set = NULL;
    if (sqlite3_prepare_v2(
            st->db,
            "INSERT OR IGNORE INTO sessions(routine, started_utc,"
            " utc_offset_min, training_day, ended_utc, completed,"
            " duration_s, clock_suspect, uid, profile_id)"
            " VALUES(?,?,?,?,?,?,?,?,?,?)",
            -1, &in->session, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(
            st->db,
            "INSERT INTO sets(session_id, exercise, set_no, side,"
            " reps_target, reps_done, skipped, load_kg, block, step)"
            " VALUES(?,?,?,?,?,?,?,?,?,?)",
            -1, &in->set, NULL) != SQLITE_OK) {
        store_fail(st, "importing");
        store_inserter_deinit(in);
        return false;
    }
    return true;
}

void store_inserter_deinit(StoreInserter *in)
{
    sqlite3_finalize(in->session);
    sqlite3_finalize(in->set);
    in->session = in->set = NULL;
}

bool store_insert_full(Store *st, StoreInserter *in, const HistorySession *s,
                       const HistorySet *sets, int nsets, bool *dup)
{
    *dup = false;
    if (!store_writable(st))
        return false;
    char uid[96];
    snprintf(uid, sizeof(uid), "%lld:%s", (long long)s->started_utc,
             s->routine);
    sqlite3_stmt *q = in->session;
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, s->routine, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 2, s->started_utc);
    sqlite3_bind_int(q, 3, s->offset_min);
    sqlite3_bind_int64(q, 4, s->training_day);
    sqlite3_bind_int64(q, 5, s->started_utc + s->duration_s);
    sqlite3_bind_int(q, 6, s->completed);
    sqlite3_bind_int(q, 7, s->duration_s);
    sqlite3_bind_int(q, 8, s->clock_suspect);
    sqlite3_bind_text(q, 9, uid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 10, st->profile);
    if (sqlite3_step(q) != SQLITE_DONE)
        goto fail;
    if (sqlite3_changes(st->db) == 0) {
        *dup = true;
        return true;
    }
    int64_t id = sqlite3_last_insert_rowid(st->db);
    for (int i = 0; i < nsets; i++) {
        const HistorySet *set = &sets[i];
        sqlite3_stmt *t = in->set;
        sqlite3_reset(t);
        bind_set(t, id, set);
        if (sqlite3_step(t) != SQLITE_DONE)
            goto fail;
    }
    return true;
fail:
    store_fail(st, "importing");
    return false;
}
