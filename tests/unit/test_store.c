/*
 * The history store on real SQLite files in a temporary folder: the session
 * log, migrations from every older schema, a damaged file, a read-only
 * folder and a full disk. (test_store_life.c: kill -9, export/import,
 * backups, clock sanity and the recorder.)
 */
#include "store_testutil.h"

#include <sys/wait.h>

static void test_roundtrip(void **state)
{
    (void)state;
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    assert_string_equal(store_notice(st), "");
    write_session(st, "ultra-legs", utc("2026-11-25T18:02:00-07:00"), 3, true);
    write_session(st, "daily-hips", utc("2026-11-26T07:00:00-07:00"), 1, false);
    store_close(st);

    st = store_open(tmpdir, err, sizeof(err));
    History h = {0};
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 2);
    assert_string_equal(h.sessions[0].routine, "ultra-legs");
    assert_int_equal(h.sessions[0].training_day,
                     cal_days_from_civil(2026, 11, 25));
    assert_int_equal(h.sessions[0].offset_min, -420);
    assert_true(h.sessions[0].completed);
    assert_int_equal(h.sessions[0].nsets, 3);
    assert_int_equal(h.sessions[0].duration_s, 600);
    assert_false(h.sessions[1].completed);
    assert_string_equal(h.sets[0].exercise, "split-squats");
    assert_int_equal(h.sets[0].side, HSIDE_LEFT);
    assert_true(h.sets[0].load_kg == 4);
    history_free(&h);
    // The file is in WAL mode with full sync.
    sqlite3_stmt *q;
    sqlite3_prepare_v2(st->db, "PRAGMA journal_mode", -1, &q, NULL);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "wal");
    sqlite3_finalize(q);
    store_close(st);
}

// The schemas as earlier versions wrote them.
static const char v1_schema[] =
    "CREATE TABLE sessions(id INTEGER PRIMARY KEY, routine TEXT NOT NULL,"
    " started_utc INTEGER NOT NULL, utc_offset_min INTEGER NOT NULL,"
    " training_day INTEGER NOT NULL, ended_utc INTEGER,"
    " completed INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE sets(id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL"
    " REFERENCES sessions(id) ON DELETE CASCADE, exercise TEXT NOT NULL,"
    " set_no INTEGER NOT NULL, side TEXT NOT NULL, reps_target INTEGER NOT "
    "NULL,"
    " reps_done INTEGER NOT NULL, skipped INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX sets_session ON sets(session_id);"
    "INSERT INTO sessions VALUES(1, 'ultra-legs', 1764118920, -420, 20417, "
    "1764119820, 1);"
    "INSERT INTO sets VALUES(1, 1, 'nordic-curls', 0, '-', 10, 9, 0);";
static const char v2_more[] =
    "ALTER TABLE sets ADD COLUMN load_kg REAL NOT NULL DEFAULT 0;"
    "ALTER TABLE sets ADD COLUMN block TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE sets ADD COLUMN step INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sessions ADD COLUMN duration_s INTEGER NOT NULL DEFAULT 0;"
    "INSERT INTO sessions VALUES(2, 'ultra-legs', 1764291720, -420, 20419, "
    "NULL, 0, 300);"
    "INSERT INTO sets VALUES(2, 2, 'glute-bridges', 0, 'L', 10, 10, 0, 7.5, "
    "'single-leg', 6);";

static void make_old(const char *sql1, const char *sql2, int version)
{
    char path[300];
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql1, NULL, NULL, NULL), SQLITE_OK);
    if (sql2)
        assert_int_equal(sqlite3_exec(db, sql2, NULL, NULL, NULL), SQLITE_OK);
    char v[64];
    snprintf(v, sizeof(v), "PRAGMA user_version = %d", version);
    sqlite3_exec(db, v, NULL, NULL, NULL);
    sqlite3_close(db);
}

static void test_migrate_v1(void **state)
{
    (void)state;
    make_old(v1_schema, NULL, 1);
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    History h = {0};
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 1);
    assert_int_equal(h.sessions[0].nsets, 1);
    assert_int_equal(h.sets[0].done, 9);
    assert_true(h.sets[0].load_kg == 0);
    history_free(&h);
    // The import key was filled in: the same session imported is a duplicate.
    HistorySession s = {.started_utc = 1764118920,
                        .offset_min = -420,
                        .training_day = 20417,
                        .completed = true};
    snprintf(s.routine, sizeof(s.routine), "ultra-legs");
    bool dup;
    StoreInserter in;
    assert_true(store_inserter_init(st, &in));
    assert_true(store_insert_full(st, &in, &s, NULL, 0, &dup));
    store_inserter_deinit(&in);
    assert_true(dup);
    store_close(st);
}

static void test_migrate_v2(void **state)
{
    (void)state;
    make_old(v1_schema, v2_more, 2);
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    History h = {0};
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 2);
    assert_int_equal(h.sessions[1].duration_s, 300);
    const HistorySet *b = &h.sets[h.sessions[1].first_set];
    assert_int_equal(b->block, STEP_BLOCK_SINGLE);
    assert_true(b->load_kg == 7.5);
    assert_int_equal(b->step, 6);
    assert_false(h.sessions[1].clock_suspect);
    history_free(&h);
    // And it takes new sessions.
    write_session(st, "ultra-legs", utc("2026-11-29T18:00:00-07:00"), 1, true);
    store_close(st);
}

static void test_newer_schema_refused(void **state)
{
    (void)state;
    make_old("CREATE TABLE x(y);", NULL, 99);
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_null(st);
    assert_non_null(strstr(err, "newer version (schema 99"));
}

static void test_garbage_file(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    FILE *f = fopen(path, "wb");
    for (int i = 0; i < 5000; i++)
        fputc((i * 7919) & 0xff, f);
    fclose(f);
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    // No backup to restore: it says so in a sentence that fits the screen.
    assert_string_equal(store_notice(st), "History file damaged and no backup: "
                                          "0 sessions recovered");
    // The original bytes are kept.
    char kept[600];
    DIR *dir = opendir(tmpdir);
    struct dirent *e;
    kept[0] = '\0';
    while ((e = readdir(dir)))
        if (strncmp(e->d_name, "history.db.damaged-", 19) == 0 &&
            !strstr(e->d_name, "-wal") && !strstr(e->d_name, "-shm"))
            snprintf(kept, sizeof(kept), "%s/%s", tmpdir, e->d_name);
    closedir(dir);
    struct stat sb;
    assert_int_equal(stat(kept, &sb), 0);
    assert_int_equal(sb.st_size, 5000);
    write_session(st, "ultra-legs", utc("2026-11-25T18:02:00-07:00"), 1, true);
    store_close(st);
}

static void test_damaged_in_the_middle(void **state)
{
    (void)state;
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    for (int i = 0; i < 300; i++)
        write_session(st, "ultra-legs",
                      utc("2026-01-05T18:00:00-07:00") + i * 86400, 4, true);
    sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    store_close(st);
    // Scribble over a page in the middle of the file.
    char path[300];
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    FILE *f = fopen(path, "r+b");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    assert_true(size > 8 * 4096);
    fseek(f, size / 2 / 4096 * 4096, SEEK_SET);
    for (int i = 0; i < 4096; i++)
        fputc(0xA5, f);
    fclose(f);
    st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    assert_non_null(strstr(store_notice(st), "damaged"));
    History h = {0};
    assert_true(store_load(st, &h));
    // Much is recovered, and what is recovered is whole.
    assert_true(h.nsessions > 50);
    assert_true(h.nsessions <= 300);
    history_free(&h);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &q, NULL);
    sqlite3_step(q);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "ok");
    sqlite3_finalize(q);
    store_close(st);
}

// Make dir read-only for this process: chmod, or the immutable flag when
// running as root (root ignores permissions).
static void make_read_only(const char *dir)
{
    char cmd[400];
    chmod(dir, 0555);
    if (geteuid() == 0) {
        snprintf(cmd, sizeof(cmd), "chattr +i '%s'", dir);
        if (system(cmd) != 0)
            fail_msg("cannot make %s read-only as root (chattr failed)", dir);
    }
    char probe[400];
    snprintf(probe, sizeof(probe), "%s/probe", dir);
    FILE *f = fopen(probe, "w");
    if (f) {
        fclose(f);
        fail_msg("%s is still writable", dir);
    }
}

static void test_read_only_folder(void **state)
{
    (void)state;
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    write_session(st, "ultra-legs", utc("2026-11-25T18:02:00-07:00"), 2, true);
    sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_exec(st->db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    store_close(st);
    make_read_only(tmpdir);

    st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    assert_true(store_read_only(st));
    assert_non_null(strstr(store_notice(st), "History is read-only"));
    History h = {0};
    assert_true(store_load(st, &h)); // what is stored is still shown
    assert_int_equal(h.nsessions, 1);
    history_free(&h);
    StoreStart s = {
        "ultra-legs", utc("2026-11-27T18:00:00-07:00"), -420, 180, "", 0};
    int64_t id;
    assert_false(store_session_begin(st, &s, &id, NULL));
    assert_non_null(strstr(store_error(st), "read-only"));
    store_close(st);

    // A folder that cannot be created at all: a clear reason.
    char bad[400];
    snprintf(bad, sizeof(bad), "%s/history.db/sub", tmpdir);
    assert_null(store_open(bad, err, sizeof(err)));
    assert_non_null(strstr(err, "cannot create"));
}

static void test_full_disk(void **state)
{
    (void)state;
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    int64_t first = write_session(st, "ultra-legs",
                                  utc("2026-11-25T18:02:00-07:00"), 3, true);
    (void)first;
    // The disk fills up: SQLite may not grow the file any more.
    sqlite3_exec(st->db, "PRAGMA max_page_count = 1", NULL, NULL, NULL);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(st->db, "PRAGMA page_count", -1, &q, NULL);
    sqlite3_step(q);
    int pages = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    char sql[64];
    snprintf(sql, sizeof(sql), "PRAGMA max_page_count = %d", pages);
    sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    StoreStart s = {
        "ultra-legs", utc("2026-11-27T18:00:00-07:00"), -420, 180, "", 0};
    int64_t id;
    bool ok = store_session_begin(st, &s, &id, NULL);
    int i = 0;
    while (ok && i < 5000) {
        HistorySet set = {.step = i, .target = 10, .done = 10};
        snprintf(set.exercise, sizeof(set.exercise),
                 "clams-with-a-long-name-%d", i);
        ok = store_set_append(st, id, &set);
        i++;
    }
    assert_false(ok);
    assert_non_null(strstr(store_error(st), "full"));
    store_close(st);
    // Nothing stored before is lost.
    st = store_open(tmpdir, err, sizeof(err));
    History h = {0};
    assert_true(store_load(st, &h));
    assert_true(h.nsessions >= 1);
    assert_int_equal(h.sessions[0].nsets, 3);
    assert_true(h.sessions[0].completed);
    history_free(&h);
    store_close(st);
}

// A child writes sessions and reports each one once it is stored; the parent
// kills it at random moments. Every reported session must be there, whole.
int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_roundtrip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_v1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_v2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_garbage_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_in_the_middle, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_read_only_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_full_disk, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
