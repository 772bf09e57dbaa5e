/*
 * What goes in and out of the history besides the kiosk itself: export
 * targets that must be refused, CSV as spreadsheets save it, 100,000 rows at
 * once, and sessions stamped by a wrong clock (before and after), listed,
 * re-dated and deleted.
 */
#include "store_testutil.h"

#include <time.h>

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_export_refuses_database(void **state)
{
    (void)state;
    char err[256], target[400], cmd[900];
    Store *st = store_open(tmpdir, err, sizeof(err));
    write_session(st, "ultra-legs", utc("2026-11-25T18:02:00-07:00"), 2, true);
    assert_true(store_backup(st, cal_days_from_civil(2026, 11, 26), 7));
    const char *bad[] = {"history.db",      "history.db-wal",
                         "history.db-shm",  "backups/history-2026-11-26.db",
                         "backups/new.csv", "sub/../history.db",
                         "link.csv"};
    snprintf(cmd, sizeof(cmd),
             "mkdir -p '%s/sub' && ln -s history.db '%s/link.csv'", tmpdir,
             tmpdir);
    assert_int_equal(system(cmd), 0);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        snprintf(target, sizeof(target), "%s/%s", tmpdir, bad[i]);
        assert_false(store_export_csv(st, target));
        if (!strstr(store_error(st), "refusing to write over the history"))
            fail_msg("%s: %s", bad[i], store_error(st));
    }
    // Any other SQLite database is refused too.
    snprintf(target, sizeof(target), "%s/other.db", tmpdir);
    snprintf(cmd, sizeof(cmd), "cp '%s/history.db' '%s'", tmpdir, target);
    assert_int_equal(system(cmd), 0);
    assert_false(store_export_csv(st, target));
    assert_non_null(strstr(store_error(st), "is a database"));
    // Reasons come from the system.
    assert_false(store_export_csv(st, "/dev/full"));
    assert_non_null(strstr(store_error(st), "No space left on device"));
    snprintf(target, sizeof(target), "%s/no/such/dir/h.csv", tmpdir);
    assert_false(store_export_csv(st, target));
    assert_non_null(strstr(store_error(st), "No such file or directory"));
    store_close(st);
    // The history is whole and nothing was left behind.
    st = store_open(tmpdir, err, sizeof(err));
    assert_string_equal(store_notice(st), "");
    History h = {0};
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 1);
    history_free(&h);
    snprintf(target, sizeof(target), "%s/ok.csv", tmpdir);
    assert_true(store_export_csv(st, target));
    assert_int_equal(count_files(tmpdir, "ok.csv"), 1); // no temp file left
    store_close(st);
}

static Store *fresh(const char *name)
{
    char dir[300], err[256];
    snprintf(dir, sizeof(dir), "%s/%s", tmpdir, name);
    Store *st = store_open(dir, err, sizeof(err));
    assert_non_null(st);
    return st;
}

static int import(Store *st, const char *csv, const char *text,
                  DiagList *problems)
{
    char path[300];
    snprintf(path, sizeof(path), "%s/%s", tmpdir, csv);
    write_text(path, text);
    int imported = -1, dups = -1;
    store_import_csv(st, path, &imported, &dups, problems);
    return imported;
}

static void problem(const DiagList *d, int i, const char *want)
{
    char line[800];
    assert_true(i < d->count);
    diag_format(&d->items[i], line, sizeof(line));
    if (!strstr(line, want))
        fail_msg("problem %d is '%s', want '%s'", i, line, want);
}

// What a spreadsheet saves: BOM, CRLF, padded empty columns, local times.
static void test_import_spreadsheet(void **state)
{
    (void)state;
    setenv("TZ", "America/Denver", 1);
    tzset();
    Store *st = fresh("a");
    DiagList d = {0};
    char text[4096] = "\xef\xbb\xbfstarted_at,routine,completed,duration_s";
    for (int i = 0; i < 20; i++)
        strcat(text, ",");
    strcat(text, "\r\n2026-11-04 18:00:00,ultra-legs,yes,900");
    for (int i = 0; i < 20; i++)
        strcat(text, ",");
    strcat(text, "\r\n2026-09-04 07:30,daily-hips,TRUE,600,,,,\r\n"
                 "25/11/2026 18:02,ultra-legs,yes,900,,\r\n"
                 "03/04/2026 18:02,ultra-legs,yes,900\r\n"
                 "2026-13-04 18:02,ultra-legs,yes,900\r\n");
    assert_int_equal(import(st, "sheet.csv", text, &d), 3);
    assert_int_equal(d.errors, 2);
    problem(&d, 0, "sheet.csv:5: error: ambiguous date '03/04/2026'");
    problem(&d, 0, "2026-04-03 or 2026-03-04");
    problem(&d, 1, "sheet.csv:6: error: bad started_at '2026-13-04 18:02'");
    problem(&d, 1, "2026-11-25 18:02");
    diag_list_free(&d);
    History h = {0};
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 3);
    // Local times with the offset of their own date (summer time in September).
    assert_int_equal(h.sessions[0].started_utc,
                     utc("2026-09-04T07:30:00-06:00"));
    assert_int_equal(h.sessions[0].offset_min, -360);
    assert_int_equal(h.sessions[1].started_utc,
                     utc("2026-11-04T18:00:00-07:00"));
    assert_int_equal(h.sessions[1].offset_min, -420);
    assert_int_equal(h.sessions[2].started_utc,
                     utc("2026-11-25T18:02:00-07:00"));
    assert_int_equal(h.sessions[2].training_day,
                     cal_days_from_civil(2026, 11, 25));
    history_free(&h);
    store_close(st);

    // Semicolons (a European spreadsheet), the sets quoted.
    st = fresh("b");
    assert_int_equal(
        import(st, "semi.csv",
               "started_at;routine;completed;duration_s;sets\n"
               "2026-11-04T18:00:00-07:00;ultra-legs;yes;900;"
               "\"band-work//0/0/-/20/20/0/0;step-ups//1/0/L/10/9/12,5/0\"\n",
               &d),
        1);
    assert_int_equal(d.errors, 0);
    assert_true(store_load(st, &h));
    assert_int_equal(h.sessions[0].nsets, 2);
    assert_true(h.sets[1].load_kg == 12.5); // a decimal comma, too
    history_free(&h);
    store_close(st);

    // The sets column not quoted: its ';' split it into more fields than the
    // header has. The row is refused with a hint, not cut to its first set.
    st = fresh("d");
    assert_int_equal(
        import(st, "unquoted.csv",
               "started_at;routine;completed;duration_s;sets\n"
               "2026-11-04T18:00:00-07:00;ultra-legs;yes;900;"
               "band-work//0/0/-/20/20/0/0;step-ups//1/0/L/10/9/12,5/0\n"
               "2026-11-05T18:00:00-07:00;ultra-legs;yes;900;"
               "band-work//0/0/-/20/20/0/0;;\n",
               &d),
        1);
    assert_int_equal(d.errors, 1);
    problem(&d, 0, "unquoted.csv:2: error: 6 fields, the header has 5");
    problem(&d, 0, "quote the sets column, or save with ',' as separator");
    diag_list_free(&d);
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 1); // the 5th: empty padding is fine
    assert_int_equal(h.sessions[0].nsets, 1);
    history_free(&h);
    store_close(st);

    // A set number past the limit: the message names the limit.
    st = fresh("e");
    assert_int_equal(import(st, "big.csv",
                            "started_at,routine,completed,duration_s,sets\n"
                            "2026-11-04T18:00:00-07:00,ultra-legs,yes,900,"
                            "band-work//0/5000/-/20/20/0/0\n",
                            &d),
                     0);
    problem(&d, 0, "big.csv:2: error: bad set 'band-work'");
    char limit[40];
    snprintf(limit, sizeof(limit), "set 0-%d", RT_SETS_MAX);
    problem(&d, 0, limit);
    diag_list_free(&d);
    store_close(st);

    // A file that is not split by commas gets a hint.
    st = fresh("c");
    assert_int_equal(import(st, "tabs.csv",
                            "started_at\troutine\tcompleted\tduration_s\n", &d),
                     0);
    problem(&d, 0, "tabs.csv:1: error: the header lacks 'started_at'");
    problem(&d, 0, "separated by commas or semicolons");
    diag_list_free(&d);
    store_close(st);
}

// started_at decides the training day; only an explicit override column
// changes it.
static void test_import_training_day(void **state)
{
    (void)state;
    Store *st = fresh("a");
    DiagList d = {0};
    assert_int_equal(
        import(st, "td.csv",
               "started_at,routine,completed,duration_s,training_day,training_"
               "day_override\n"
               "2026-11-04T18:00:00-07:00,ultra-legs,yes,900,2026-01-01,\n"
               "2026-11-05T18:00:00-07:00,ultra-legs,yes,900,,2026-11-06\n",
               &d),
        2);
    assert_int_equal(d.count, 0);
    History h = {0};
    assert_true(store_load(st, &h));
    assert_int_equal(h.sessions[0].training_day,
                     cal_days_from_civil(2026, 11, 4));
    assert_int_equal(h.sessions[1].training_day,
                     cal_days_from_civil(2026, 11, 6));
    history_free(&h);
    store_close(st);
}

// A session with 800 sets exports a long line that imports again.
static void test_long_rows_round_trip(void **state)
{
    (void)state;
    Store *a = fresh("a");
    StoreStart s = {
        "ultra-legs", utc("2026-11-25T18:02:00-07:00"), -420, 180, "", 0};
    int64_t id;
    assert_true(store_session_begin(a, &s, &id, NULL));
    for (int i = 0; i < 800; i++) {
        HistorySet set = {.step = i % 40,
                          .set_no = i / 40 % 10,
                          .side = HSIDE_RIGHT,
                          .target = 50,
                          .done = 49,
                          .load_kg = 17.5};
        snprintf(set.exercise, sizeof(set.exercise), "single-leg-deadlifts");
        assert_true(store_set_append(a, id, &set));
    }
    assert_true(store_session_end(a, id, 5000, true));
    char csv[300];
    snprintf(csv, sizeof(csv), "%s/long.csv", tmpdir);
    assert_true(store_export_csv(a, csv));
    assert_true(file_size(csv) > 16384);
    store_close(a);
    Store *b = fresh("b");
    DiagList d = {0};
    int imported, dups;
    assert_true(store_import_csv(b, csv, &imported, &dups, &d));
    assert_int_equal(d.count, 0);
    assert_int_equal(imported, 1);
    History h = {0};
    assert_true(store_load(b, &h));
    assert_int_equal(h.sessions[0].nsets, 800);
    history_free(&h);
    store_close(b);
}

static void on_progress(void *ctx, long rows, long done, long total)
{
    int *calls = ctx;
    assert_true(done <= total);
    assert_true(rows >= 0);
    (*calls)++;
}

// 100,000 rows: all stored, once, with progress along the way.
static void test_import_100k(void **state)
{
    (void)state;
    char csv[300];
    snprintf(csv, sizeof(csv), "%s/big.csv", tmpdir);
    FILE *f = fopen(csv, "w");
    fputs("started_at,routine,completed,duration_s,sets\n", f);
    int64_t t0 = utc("2000-01-01T07:00:00Z");
    for (int i = 0; i < 100000; i++) {
        char iso[40];
        cal_format_iso(t0 + (int64_t)i * 3600 * 7, 60, iso, sizeof(iso));
        fprintf(
            f,
            "%s,%s,%s,%d,band-work//0/0/-/20/%d/0/0;clams//1/0/L/12/12/0/0\n",
            iso, i % 2 ? "ultra-legs" : "daily-hips", i % 3 ? "yes" : "no",
            600 + i % 100, i % 21);
    }
    fclose(f);
    Store *st = fresh("a");
    int calls = 0;
    store_set_progress(st, on_progress, &calls);
    DiagList d = {0};
    int imported, dups;
    assert_true(store_import_csv(st, csv, &imported, &dups, &d));
    assert_int_equal(d.count, 0);
    assert_int_equal(imported, 100000);
    assert_true(calls >= 10);
    assert_int_equal(sql_int(st, "SELECT count(*) FROM sessions"), 100000);
    assert_int_equal(sql_int(st, "SELECT count(*) FROM sets"), 200000);
    assert_int_equal(sql_int(st, "SELECT sum(reps_done) FROM sets"),
                     (100000 / 21) * 210 + 12 * 100000 +
                         (100000 % 21) * (100000 % 21 - 1) / 2);
    // Again: nothing twice.
    assert_true(store_import_csv(st, csv, &imported, &dups, &d));
    assert_int_equal(imported, 0);
    assert_int_equal(dups, 100000);
    assert_int_equal(sql_int(st, "SELECT count(*) FROM sessions"), 100000);
    store_close(st);
}

// A bad row is reported by line; the rest of its batch is stored.
static void test_import_bad_rows_in_batches(void **state)
{
    (void)state;
    char csv[300];
    snprintf(csv, sizeof(csv), "%s/mixed.csv", tmpdir);
    FILE *f = fopen(csv, "w");
    fputs("started_at,routine,completed,duration_s\n", f);
    for (int i = 0; i < 2500; i++)
        fprintf(f, "2026-01-01T%02d:%02d:00Z,ultra-legs,%s,600\n", i / 60 % 24,
                i % 60, i == 1234 ? "perhaps" : "yes");
    fclose(f);
    Store *st = fresh("a");
    DiagList d = {0};
    int imported, dups;
    assert_true(store_import_csv(st, csv, &imported, &dups, &d));
    assert_int_equal(d.errors, 1);
    problem(
        &d, 0,
        "mixed.csv:1236: error: completed must be yes or no, not 'perhaps'");
    // 2500 rows over 24 hours: 1440 distinct minutes, the rest repeats.
    assert_int_equal(imported + dups, 2499);
    assert_int_equal(sql_int(st, "SELECT count(*) FROM sessions"), imported);
    diag_list_free(&d);
    store_close(st);
}

// The disk fills up part-way: whole batches are stored, the batch that hit
// the full disk is rolled back whole, and the problem names its lines.
static void test_import_full_disk(void **state)
{
    (void)state;
    char csv[300];
    snprintf(csv, sizeof(csv), "%s/many.csv", tmpdir);
    FILE *f = fopen(csv, "w");
    fputs("started_at,routine,completed,duration_s,sets\n", f);
    int64_t t0 = utc("2021-01-01T07:00:00Z");
    for (int i = 0; i < 20000; i++) {
        char iso[40];
        cal_format_iso(t0 + (int64_t)i * 3600, 0, iso, sizeof(iso));
        fprintf(f, "%s,ultra-legs,yes,600,band-work//0/0/-/20/20/0/0\n", iso);
    }
    fclose(f);
    Store *st = fresh("a");
    // Room for a few batches only.
    int64_t pages = sql_int(st, "PRAGMA page_count");
    char sql[64];
    snprintf(sql, sizeof(sql), "PRAGMA max_page_count = %lld",
             (long long)pages + 150);
    assert_int_equal(sqlite3_exec(st->db, sql, NULL, NULL, NULL), SQLITE_OK);
    DiagList d = {0};
    int imported, dups;
    assert_false(store_import_csv(st, csv, &imported, &dups, &d));
    assert_true(imported > 0);
    assert_int_equal(imported % STORE_IMPORT_BATCH, 0);
    assert_true(imported < 20000);
    assert_int_equal(sql_int(st, "SELECT count(*) FROM sessions"), imported);
    char want[80];
    snprintf(want, sizeof(want), ": error: lines %d to ", imported + 2);
    problem(&d, 0, want);
    problem(&d, 0, " not stored: ");
    problem(&d, 0, "full");
    diag_list_free(&d);
    store_close(st);
}

static int64_t begin(Store *st, const char *iso, bool *suspect)
{
    StoreStart s = {"ultra-legs", utc(iso), -420, 180, "boot-x", 1000};
    int64_t id;
    assert_true(store_session_begin(st, &s, &id, suspect));
    assert_true(store_session_end(st, id, 900, true));
    return id;
}

// One session a year ahead (the clock was wrong once) does not spoil the
// correct ones after it; it is listed, can be re-dated or deleted.
static void test_future_then_past(void **state)
{
    (void)state;
    Store *st = fresh("a");
    bool suspect;
    begin(st, "2026-11-20T18:00:00-07:00", &suspect);
    assert_false(suspect);
    int64_t wrong = begin(st, "2027-11-21T18:00:00-07:00", &suspect);
    assert_false(suspect); // nothing to tell yet
    begin(st, "2026-11-22T18:00:00-07:00", &suspect);
    assert_false(suspect); // the future one is no reference
    begin(st, "2026-11-23T18:00:00-07:00", &suspect);
    assert_false(suspect);
    // A session behind the newest sane one is still suspect.
    int64_t behind = begin(st, "2026-11-23T10:00:00-07:00", &suspect);
    assert_true(suspect);
    // Seen from today, the one a year ahead is suspect too.
    assert_int_equal(store_flag_future(st, utc("2026-11-24T08:00:00-07:00")),
                     1);
    StoreSuspect *list = NULL;
    int n = 0;
    assert_true(store_suspects(st, &list, &n));
    assert_int_equal(n, 2);
    assert_int_equal(list[0].id, behind);
    assert_string_equal(list[0].why, "before an earlier session");
    assert_int_equal(list[1].id, wrong);
    assert_string_equal(list[1].why, "in the future");
    free(list);
    History h = {0};
    assert_true(store_load(st, &h));
    for (int i = 0; i < h.nsessions; i++)
        assert_int_equal(h.sessions[i].clock_suspect,
                         h.sessions[i].id == wrong ||
                             h.sessions[i].id == behind);
    history_free(&h);
    // A new date obeys the rule that flagged it: not past a day from now,
    // not before 2020.
    int64_t now = utc("2026-11-24T08:00:00-07:00");
    assert_false(store_session_redate(
        st, wrong, utc("2027-06-01T10:00:00-07:00"), -420, 180, now));
    assert_string_equal(store_error(st),
                        "a session cannot start more than a day after now "
                        "(the clock says 24 Nov 2026)");
    assert_false(
        store_session_redate(st, wrong, now + 86400 + 60, -420, 180, now));
    assert_false(store_session_redate(
        st, wrong, utc("2015-06-01T10:00:00-07:00"), -420, 180, now));
    assert_string_equal(store_error(st), "a session cannot start before 2020");
    // The runner fixes the date of one and deletes the other.
    assert_true(store_session_redate(
        st, wrong, utc("2026-11-21T18:00:00-07:00"), -420, 180, now));
    assert_true(store_session_delete(st, behind));
    assert_false(store_session_delete(st, behind)); // gone already
    assert_non_null(strstr(store_error(st), "no session"));
    assert_true(store_suspects(st, &list, &n));
    assert_int_equal(n, 0);
    free(list);
    memset(&h, 0, sizeof(h));
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 4);
    assert_int_equal(h.sessions[1].id, wrong);
    assert_int_equal(h.sessions[1].training_day,
                     cal_days_from_civil(2026, 11, 21));
    history_free(&h);
    // A future flag lifts itself once the clock reaches that date.
    begin(st, "2026-12-30T18:00:00-07:00", &suspect);
    assert_int_equal(store_flag_future(st, utc("2026-11-25T08:00:00-07:00")),
                     1);
    assert_int_equal(store_flag_future(st, utc("2026-12-30T20:00:00-07:00")),
                     0);
    assert_true(store_suspects(st, &list, &n));
    assert_int_equal(n, 0);
    free(list);
    store_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_export_refuses_database, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import_spreadsheet, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import_training_day, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_long_rows_round_trip, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_import_bad_rows_in_batches, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_future_then_past, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_full_disk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_100k, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
