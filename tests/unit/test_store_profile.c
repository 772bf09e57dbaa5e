/*
 * Profiles in the history file: the migration of a file written before
 * profiles (schema 3) keeps every session, set, paused week and the streak,
 * all as the first profile's; two runners' histories, streaks and imports
 * never touch each other; rename, recolour, overrides, delete (with its
 * backup) and the runner used last.
 */
#include "store_testutil.h"

#include "core/history_view.h"
#include "core/profile.h"

#include <sys/wait.h>

static const char counting[1][RT_ID_MAX] = {"ultra-legs"};
static const StreakRules rules = {2, counting, 1};

// Today's schema before profiles, as the kiosk wrote it (migrations 1-3).
static const char v3_schema[] =
    "CREATE TABLE sessions(id INTEGER PRIMARY KEY, routine TEXT NOT NULL,"
    " started_utc INTEGER NOT NULL, utc_offset_min INTEGER NOT NULL,"
    " training_day INTEGER NOT NULL, ended_utc INTEGER,"
    " completed INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE sets(id INTEGER PRIMARY KEY,"
    " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    " exercise TEXT NOT NULL, set_no INTEGER NOT NULL, side TEXT NOT NULL,"
    " reps_target INTEGER NOT NULL, reps_done INTEGER NOT NULL,"
    " skipped INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX sets_session ON sets(session_id);"
    "ALTER TABLE sets ADD COLUMN load_kg REAL NOT NULL DEFAULT 0;"
    "ALTER TABLE sets ADD COLUMN block TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE sets ADD COLUMN step INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN duration_s INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN clock_suspect INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN boot_id TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE sessions ADD COLUMN boot_ms INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN uid TEXT;"
    "UPDATE sessions SET uid = started_utc || ':' || routine;"
    "CREATE UNIQUE INDEX sessions_uid ON sessions(uid);"
    "CREATE TABLE paused_weeks(week INTEGER PRIMARY KEY);"
    "PRAGMA user_version = 3;";

#define OLD_SESSIONS 11

// The old file's history, also built in memory as the old kiosk read it:
// two Ultra Legs a week for six weeks (one of them paused instead), a
// daily-hips session, each with sets of growing loads.
static void make_v3(History *expect)
{
    char path[300];
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, v3_schema, NULL, NULL, NULL), SQLITE_OK);
    int64_t monday = cal_days_from_civil(2026, 10, 19);
    int id = 0;
    for (int w = 0; w < 6; w++) {
        int64_t week = cal_week_index(monday + 7 * w);
        if (w == 3) {
            char sql[96];
            snprintf(sql, sizeof(sql), "INSERT INTO paused_weeks VALUES(%lld)",
                     (long long)week);
            assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
                             SQLITE_OK);
            history_add_paused_week(expect, week);
            continue;
        }
        for (int k = 0; k < 2 + (w == 5 ? 1 : 0); k++) {
            const char *routine = k == 2 ? "daily-hips" : "ultra-legs";
            int64_t day = monday + 7 * w + 2 * k + 1;
            int64_t start = day * 86400 + 25 * 3600; // 18:00 at UTC-7
            HistorySession s = {.id = ++id,
                                .started_utc = start,
                                .offset_min = -420,
                                .training_day = day,
                                .duration_s = 1500 + id,
                                .completed = k != 1 || w != 0};
            snprintf(s.routine, sizeof(s.routine), "%s", routine);
            assert_true(history_add_session(expect, &s));
            char sql[600];
            snprintf(sql, sizeof(sql),
                     "INSERT INTO sessions(id, routine, started_utc,"
                     " utc_offset_min, training_day, ended_utc, completed,"
                     " duration_s, uid) VALUES(%d, '%s', %lld, -420, %lld,"
                     " %lld, %d, %d, '%lld:%s')",
                     id, routine, (long long)start, (long long)day,
                     (long long)(start + s.duration_s), s.completed,
                     s.duration_s, (long long)start, routine);
            assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
                             SQLITE_OK);
            for (int n = 0; n < 3; n++) {
                HistorySet t = {.step = n,
                                .set_no = n,
                                .side = n == 1 ? HSIDE_RIGHT : HSIDE_LEFT,
                                .block = STEP_BLOCK_SINGLE,
                                .target = 10 + n,
                                .done = 9 + n,
                                .load_kg = 2.5 * (w + 1)};
                snprintf(t.exercise, sizeof(t.exercise), "split-squats");
                assert_true(history_add_set(expect, &t));
                snprintf(sql, sizeof(sql),
                         "INSERT INTO sets(session_id, exercise, set_no, side,"
                         " reps_target, reps_done, skipped, load_kg, block,"
                         " step) VALUES(%d, 'split-squats', %d, '%s', %d, %d,"
                         " 0, %g, 'single-leg', %d)",
                         id, n, n == 1 ? "R" : "L", t.target, t.done, t.load_kg,
                         n);
                assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
                                 SQLITE_OK);
            }
        }
    }
    sqlite3_close(db);
    assert_int_equal(expect->nsessions, OLD_SESSIONS);
}

static void test_migrate_v3_keeps_everything(void **state)
{
    (void)state;
    History expect = {0}, got = {0};
    make_v3(&expect);
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    assert_int_equal(sql_int(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    Profile list[PROFILES_MAX];
    int n;
    assert_true(store_profiles(st, list, PROFILES_MAX, &n));
    assert_int_equal(n, 1);
    assert_string_equal(list[0].name, "Runner");
    assert_int_equal(list[0].sessions, OLD_SESSIONS);
    assert_int_equal(store_profile_current(st), list[0].id);
    // The first session's start, as the profile's birth.
    assert_int_equal(list[0].created_utc, expect.sessions[0].started_utc);

    assert_true(store_load(st, &got));
    assert_int_equal(got.nsessions, expect.nsessions);
    assert_int_equal(got.nsets, expect.nsets);
    for (int i = 0; i < expect.nsessions; i++) {
        const HistorySession *a = &expect.sessions[i], *b = &got.sessions[i];
        assert_int_equal(a->id, b->id);
        assert_string_equal(a->routine, b->routine);
        assert_int_equal(a->started_utc, b->started_utc);
        assert_int_equal(a->training_day, b->training_day);
        assert_int_equal(a->duration_s, b->duration_s);
        assert_int_equal(a->completed, b->completed);
        assert_int_equal(a->nsets, b->nsets);
    }
    for (int i = 0; i < expect.nsets; i++) {
        const HistorySet *a = &expect.sets[i], *b = &got.sets[i];
        assert_string_equal(a->exercise, b->exercise);
        assert_int_equal(a->side, b->side);
        assert_int_equal(a->block, b->block);
        assert_int_equal(a->target, b->target);
        assert_int_equal(a->done, b->done);
        assert_true(a->load_kg == b->load_kg);
    }
    assert_int_equal(got.npaused, 1);
    assert_int_equal(got.paused_weeks[0], expect.paused_weeks[0]);
    int64_t today = cal_days_from_civil(2026, 11, 29);
    WeeklyStreak ws_a, ws_b;
    history_weekly_streak(&expect, &rules, today, &ws_a);
    history_weekly_streak(&got, &rules, today, &ws_b);
    assert_int_equal(ws_b.current, ws_a.current);
    assert_int_equal(ws_b.longest, ws_a.longest);
    assert_int_equal(ws_b.current_from, ws_a.current_from);
    assert_true(ws_b.current >= 4); // the paused week bridges the run
    history_free(&got);

    // The import key still knows the old sessions.
    HistorySession s = expect.sessions[0];
    bool dup;
    StoreInserter in;
    assert_true(store_inserter_init(st, &in));
    assert_true(store_insert_full(st, &in, &s, NULL, 0, &dup));
    store_inserter_deinit(&in);
    assert_true(dup);
    store_close(st);
    history_free(&expect);
}

// A migration cut short (the power goes in the middle) leaves schema 3
// whole: the step is one transaction, and the next open does it again.
static void test_migrate_v3_interrupted(void **state)
{
    (void)state;
    History expect = {0};
    make_v3(&expect);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        // A child that dies inside the migration's transaction.
        char path[300];
        snprintf(path, sizeof(path), "%s/history.db", tmpdir);
        sqlite3 *db;
        sqlite3_open(path, &db);
        sqlite3_exec(db,
                     "PRAGMA journal_mode = WAL; BEGIN IMMEDIATE;"
                     " CREATE TABLE profiles(id INTEGER PRIMARY KEY);"
                     " ALTER TABLE sessions ADD COLUMN profile_id INTEGER;",
                     NULL, NULL, NULL);
        _exit(9); // no COMMIT, no close: as kill -9 leaves it
    }
    int status;
    waitpid(pid, &status, 0);
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    History got = {0};
    assert_true(store_load(st, &got));
    assert_int_equal(got.nsessions, OLD_SESSIONS);
    assert_int_equal(got.nsets, expect.nsets);
    history_free(&got);
    store_close(st);
    history_free(&expect);
}

static int64_t add_profile(Store *st, const char *name)
{
    int64_t id;
    assert_true(
        store_profile_add(st, name, -1, utc("2026-11-01T10:00:00Z"), &id));
    return id;
}

static void weekly(Store *st, int64_t today, WeeklyStreak *ws, History *h)
{
    assert_true(store_load(st, h));
    history_weekly_streak(h, &rules, today, ws);
}

static void test_two_runners_apart(void **state)
{
    (void)state;
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    int64_t runner = store_profile_current(st);
    int64_t bo = add_profile(st, "Bo");
    assert_int_not_equal(bo, runner);
    // Runner: two weeks of two sessions; Bo: one session this week.
    const char *runner_days[] = {"2026-11-17", "2026-11-19", "2026-11-24",
                                 "2026-11-26"};
    for (int i = 0; i < 4; i++) {
        char iso[40];
        snprintf(iso, sizeof(iso), "%sT18:00:00-07:00", runner_days[i]);
        write_session(st, "ultra-legs", utc(iso), 2, true);
    }
    assert_true(store_profile_select(st, bo));
    // The same minute as one of the runner's: still Bo's own session.
    write_session(st, "ultra-legs", utc("2026-11-26T18:00:00-07:00"), 1, true);
    assert_true(store_set_week_paused(
        st, cal_week_index(cal_days_from_civil(2026, 11, 16)), true));

    int64_t today = cal_days_from_civil(2026, 11, 27);
    WeeklyStreak a, b;
    History ha = {0}, hb = {0};
    weekly(st, today, &b, &hb);
    assert_true(store_profile_select(st, runner));
    weekly(st, today, &a, &ha);
    assert_int_equal(ha.nsessions, 4);
    assert_int_equal(hb.nsessions, 1);
    assert_int_equal(a.current, 2);
    assert_int_equal(a.this_week_sessions, 2);
    assert_int_equal(ha.npaused, 0);
    assert_int_equal(hb.npaused, 1);
    assert_int_equal(b.this_week_sessions, 1);
    assert_int_equal(b.current, 0);
    // Progression: each sees only their own loads.
    assert_int_equal(history_total_reps(&ha, NULL), 4 * 2 * 10);
    assert_int_equal(history_total_reps(&hb, NULL), 10);
    history_free(&ha);
    history_free(&hb);

    // One more session of Bo's moves nothing of the runner's.
    assert_true(store_profile_select(st, bo));
    write_session(st, "ultra-legs", utc("2026-11-27T07:00:00-07:00"), 1, true);
    weekly(st, today, &b, &hb);
    assert_int_equal(b.this_week_sessions, 2);
    assert_true(store_profile_select(st, runner));
    WeeklyStreak a2;
    weekly(st, today, &a2, &ha);
    assert_int_equal(ha.nsessions, 4);
    assert_int_equal(a2.current, a.current);
    assert_int_equal(a2.this_week_sessions, a.this_week_sessions);
    history_free(&ha);
    history_free(&hb);

    Profile list[PROFILES_MAX];
    int n;
    assert_true(store_profiles(st, list, PROFILES_MAX, &n));
    assert_int_equal(n, 2);
    assert_int_equal(list[0].sessions, 4);
    assert_int_equal(list[1].sessions, 2);
    assert_int_not_equal(list[0].colour, list[1].colour);
    store_close(st);
}

static void test_import_per_profile(void **state)
{
    (void)state;
    char err[256], csv[300];
    snprintf(csv, sizeof(csv), "%s/h.csv", tmpdir);
    FILE *f = fopen(csv, "w");
    assert_non_null(f);
    fputs("started_at,routine,completed,duration_s\n"
          "2026-11-24T18:00:00-07:00,ultra-legs,yes,1500\n"
          "2026-11-26T18:00:00-07:00,ultra-legs,yes,1500\n",
          f);
    fclose(f);
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    int64_t bo = add_profile(st, "Bo");
    DiagList problems = {0};
    int imported, dups;
    assert_true(store_import_csv(st, csv, &imported, &dups, &problems));
    assert_int_equal(imported, 2);
    // The same file for Bo: Bo's sessions, not duplicates of the runner's.
    assert_true(store_profile_select(st, bo));
    assert_true(store_import_csv(st, csv, &imported, &dups, &problems));
    assert_int_equal(imported, 2);
    assert_int_equal(dups, 0);
    // Twice for Bo: stored once.
    assert_true(store_import_csv(st, csv, &imported, &dups, &problems));
    assert_int_equal(imported, 0);
    assert_int_equal(dups, 2);
    diag_list_free(&problems);
    assert_int_equal(sql_int(st, "SELECT count(*) FROM sessions"), 4);
    store_close(st);
}

static void test_names_and_overrides(void **state)
{
    (void)state;
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    int64_t bo = add_profile(st, "Bo");
    int64_t id;
    // Names: taken (whatever the case), empty, too long, control bytes.
    assert_false(store_profile_add(st, "bo", -1, 0, &id));
    assert_string_equal(store_error(st),
                        "there is already a profile called bo");
    assert_false(store_profile_add(st, "", -1, 0, &id));
    assert_string_equal(store_error(st), "a profile needs a name");
    assert_false(
        store_profile_add(st, "A name far longer than thirty-two", -1, 0, &id));
    assert_false(store_profile_add(st, "tab\there", -1, 0, &id));
    assert_false(store_profile_rename(st, bo, "RUNNER"));
    assert_string_equal(store_error(st),
                        "there is already a profile called RUNNER");
    assert_true(store_profile_rename(st, bo, "Bo Lind"));
    assert_true(store_profile_rename(st, 1, "Ana"));
    Profile p;
    assert_true(store_profile_find(st, "ana", &p));
    assert_int_equal(p.id, 1);
    assert_false(store_profile_find(st, "Runner", &p));
    assert_string_equal(store_error(st), "");

    // Colour and overrides come back as saved.
    assert_true(store_profile_find(st, "bo lind", &p));
    char why[200];
    assert_true(profile_set_override(&p, "tempo=80", why, sizeof(why)));
    assert_true(profile_set_override(&p, "voice=off", why, sizeof(why)));
    assert_true(profile_set_override(&p, "units=lb", why, sizeof(why)));
    assert_true(profile_set_override(&p, "target=3", why, sizeof(why)));
    assert_false(profile_set_override(&p, "tempo=20", why, sizeof(why)));
    p.colour = 5;
    assert_true(store_profile_save(st, &p));
    store_close(st);
    st = store_open(tmpdir, err, sizeof(err));
    Profile q;
    assert_true(store_profile_get(st, bo, &q));
    assert_string_equal(q.name, "Bo Lind");
    assert_int_equal(q.colour, 5);
    Settings s;
    settings_default(&s);
    profile_apply(&q, &s);
    assert_int_equal(s.tempo_pct, 80);
    assert_false(s.voice);
    assert_int_equal(s.units, UNITS_LB);
    assert_int_equal(s.weekly_target, 3);
    // Ana has none: the household's settings stay.
    Settings d;
    settings_default(&d);
    settings_default(&s);
    assert_true(store_profile_get(st, 1, &q));
    profile_apply(&q, &s);
    assert_int_equal(s.tempo_pct, d.tempo_pct);
    assert_int_equal(s.voice, d.voice);
    assert_int_equal(s.units, d.units);
    assert_int_equal(s.weekly_target, d.weekly_target);
    store_close(st);
}

static void test_last_used(void **state)
{
    (void)state;
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    int64_t bo = add_profile(st, "Bo");
    add_profile(st, "Cy");
    assert_int_equal(store_profile_current(st), 1);
    assert_true(store_profile_select(st, bo));
    assert_true(store_profile_mark_used(st, utc("2026-11-28T09:00:00Z")));
    assert_false(store_profile_select(st, 99));
    assert_int_equal(store_profile_current(st), bo);
    store_close(st);
    st = store_open(tmpdir, err, sizeof(err));
    assert_int_equal(store_profile_current(st), bo);
    store_close(st);
}

static void test_delete_keeps_a_backup(void **state)
{
    (void)state;
    char err[256], backup[700];
    Store *st = store_open(tmpdir, err, sizeof(err));
    write_session(st, "ultra-legs", utc("2026-11-24T18:00:00-07:00"), 2, true);
    int64_t bo = add_profile(st, "Bo");
    // The only profile cannot go.
    assert_true(store_profile_select(st, bo));
    write_session(st, "ultra-legs", utc("2026-11-25T18:00:00-07:00"), 3, true);
    write_session(st, "daily-hips", utc("2026-11-26T07:00:00-07:00"), 1, true);
    assert_true(store_profile_mark_used(st, utc("2026-11-26T08:00:00Z")));
    assert_true(store_profile_delete(st, bo, utc("2026-11-29T10:11:12Z"),
                                     backup, sizeof(backup)));
    char want[700];
    snprintf(want, sizeof(want), "%s/backups/profile-Bo-20261129-101112.csv",
             tmpdir);
    assert_string_equal(backup, want);
    // The runner's session is left; Bo's two and their sets are gone.
    assert_int_equal(sql_int(st, "SELECT count(*) FROM sessions"), 1);
    assert_int_equal(sql_int(st, "SELECT count(*) FROM sets"), 2);
    assert_int_equal(store_profile_current(st), 1);
    Profile p;
    assert_false(store_profile_find(st, "Bo", &p));
    assert_false(store_profile_delete(st, 1, 0, backup, sizeof(backup)));
    assert_string_equal(store_error(st),
                        "Runner is the only profile: it stays");

    // The backup brings Bo back whole.
    int64_t again = add_profile(st, "Bo");
    assert_true(store_profile_select(st, again));
    DiagList problems = {0};
    int imported, dups;
    assert_true(store_import_csv(st, want, &imported, &dups, &problems));
    assert_int_equal(imported, 2);
    diag_list_free(&problems);
    History h = {0};
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 2);
    assert_int_equal(h.nsets, 4);
    history_free(&h);
    store_close(st);
}

// A damaged file restored from a backup made before Bo existed: Bo and
// his sessions come back from the damaged file, still his.
static void test_recovery_keeps_runners(void **state)
{
    (void)state;
    char err[256], path[300];
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    for (int d = 20; d <= 24; d++) {
        char iso[40];
        snprintf(iso, sizeof(iso), "2026-11-%02dT18:00:00-07:00", d);
        write_session(st, "ultra-legs", utc(iso), 3, true);
    }
    assert_true(store_backup(st, cal_days_from_civil(2026, 11, 25), 7));
    int64_t bo = add_profile(st, "Bo");
    assert_true(store_profile_select(st, bo));
    write_session(st, "ultra-legs", utc("2026-11-25T18:00:00-07:00"), 2, true);
    write_session(st, "ultra-legs", utc("2026-11-26T18:00:00-07:00"), 2, true);
    assert_int_equal(
        sql_int(st, "SELECT rootpage FROM sqlite_master WHERE name = 'sets'"),
        3);
    checkpoint(st);
    store_close(st);
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    scribble(path, 2 * 4096, 4096, 0); // the sets table
    st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    assert_string_equal(store_notice(st),
                        "History restored from the backup of 25 Nov "
                        "and the damaged file");
    Profile p;
    assert_true(store_profile_find(st, "Bo", &p));
    assert_int_equal(p.id, bo);
    assert_int_equal(p.sessions, 2);
    History h = {0};
    assert_true(store_profile_select(st, bo));
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 2);
    history_free(&h);
    assert_true(store_profile_select(st, 1));
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 5);
    history_free(&h);
    store_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_migrate_v3_keeps_everything, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_migrate_v3_interrupted, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_two_runners_apart, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import_per_profile, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_names_and_overrides, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_last_used, setup, teardown),
        cmocka_unit_test_setup_teardown(test_delete_keeps_a_backup, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_recovery_keeps_runners, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
