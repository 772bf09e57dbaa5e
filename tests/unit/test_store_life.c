/*
 * The history store through a runner's life: kill -9 at random moments,
 * export and import, the rotation of backups, clock sanity, and the recorder
 * that feeds the store from a session.
 */
#include "store_testutil.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "app/recorder.h"
#include "core/history_view.h"

static void test_kill_9_loop(void **state)
{
    (void)state;
    char err[256];
    int64_t acked[4096];
    int nacked = 0;
    srand(12345);
    for (int round = 0; round < 200; round++) {
        int fd[2];
        assert_int_equal(pipe(fd), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fd[0]);
            Store *st = store_open(tmpdir, err, sizeof(err));
            if (!st)
                _exit(3);
            for (int k = 0;; k++) {
                StoreStart s = {"ultra-legs",
                                utc("2026-01-01T12:00:00Z") + round * 1000 + k,
                                0,
                                180,
                                "",
                                0};
                int64_t id;
                if (!store_session_begin(st, &s, &id, NULL))
                    _exit(4);
                for (int j = 0; j < 3; j++) {
                    HistorySet set = {.step = j, .target = 10, .done = 10};
                    snprintf(set.exercise, sizeof(set.exercise), "clams");
                    if (!store_set_append(st, id, &set))
                        _exit(5);
                }
                if (!store_session_end(st, id, 60, true))
                    _exit(6);
                if (write(fd[1], &id, sizeof(id)) != sizeof(id))
                    _exit(7);
            }
        }
        close(fd[1]);
        // Once it has written one (however busy the machine), kill it at a
        // random moment of its next writes.
        int64_t id;
        if (read(fd[0], &id, sizeof(id)) == sizeof(id) && nacked < 4096)
            acked[nacked++] = id;
        struct timespec ts = {0, (long)(rand() % 15000) * 1000};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        assert_true(WIFSIGNALED(status)); // it was still writing when killed
        while (read(fd[0], &id, sizeof(id)) == sizeof(id) && nacked < 4096)
            acked[nacked++] = id;
        close(fd[0]);
    }
    assert_true(nacked > 0);
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    assert_string_equal(store_notice(st), "");
    for (int i = 0; i < nacked; i++) {
        sqlite3_stmt *q;
        sqlite3_prepare_v2(st->db,
                           "SELECT s.completed, (SELECT count(*) FROM sets "
                           "WHERE session_id = s.id)"
                           " FROM sessions s WHERE s.id = ?",
                           -1, &q, NULL);
        sqlite3_bind_int64(q, 1, acked[i]);
        assert_int_equal(sqlite3_step(q), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(q, 0), 1);
        assert_int_equal(sqlite3_column_int(q, 1), 3);
        sqlite3_finalize(q);
    }
    sqlite3_stmt *q;
    sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &q, NULL);
    sqlite3_step(q);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "ok");
    sqlite3_finalize(q);
    print_message(
        "kill -9 loop: 200 rounds, %d acknowledged sessions all present\n",
        nacked);
    store_close(st);
}

static char *view_text(Store *st, const Library *lib, int64_t today)
{
    History h = {0};
    assert_true(store_load(st, &h));
    HistoryView *v = malloc(sizeof(*v));
    history_view_build(v, &h, lib, today, 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    fprintf(f, "%s %d %d %d %d %d %d %lld %d\n", v->iso_week, v->weekly.current,
            v->weekly.longest, v->weekly.this_week_sessions, v->band_current,
            v->band_longest, v->total_sessions, (long long)v->xp, v->nbadges);
    for (int i = 0; i < v->nprog; i++)
        fprintf(f, "%s %d %d %d\n", v->prog[i].routine, v->prog[i].step,
                v->prog[i].item.target, v->prog[i].item.sessions);
    fclose(f);
    free(v);
    history_free(&h);
    return buf;
}

static void test_export_import(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    char err[256], a[300], b[300], csv[300];
    snprintf(a, sizeof(a), "%s/a", tmpdir);
    snprintf(b, sizeof(b), "%s/b", tmpdir);
    snprintf(csv, sizeof(csv), "%s/h.csv", tmpdir);
    Store *sa = store_open(a, err, sizeof(err));
    for (int i = 0; i < 30; i++) {
        StoreStart s = {i % 3 ? "ultra-legs" : "daily-hips",
                        utc("2026-09-01T18:00:00-06:00") + i * 2 * 86400,
                        -360,
                        180,
                        "",
                        0};
        int64_t id;
        assert_true(store_session_begin(sa, &s, &id, NULL));
        const char *ex[] = {"band-work", "step-ups", "glute-bridges"};
        for (int k = 0; k < 3; k++) {
            HistorySet set = {.step = k,
                              .side = k == 1 ? HSIDE_LEFT : HSIDE_NONE,
                              .block =
                                  k == 2 ? STEP_BLOCK_SINGLE : STEP_BLOCK_NONE,
                              .target = 20 + k,
                              .done = 20 + k - (i % 5 == 0),
                              .load_kg = k == 1 ? 12.5 : 0};
            snprintf(set.exercise, sizeof(set.exercise), "%s", ex[k]);
            assert_true(store_set_append(sa, id, &set));
        }
        assert_true(store_session_end(sa, id, 700 + i, i % 7 != 0));
    }
    assert_true(store_export_csv(sa, csv));
    int64_t today = cal_days_from_civil(2026, 11, 1);
    char *want = view_text(sa, lib, today);
    store_close(sa);

    char *text = tu_read(csv, NULL);
    assert_non_null(strstr(text, "started_at,routine,completed,duration_s"));
    assert_non_null(strstr(
        text, "\n2026-09-01T18:00:00-06:00,daily-hips,no,700,2026-09-01,no,"
              "band-work//0/0/-/20/19/0/0;step-ups//1/0/L/21/20/12.5/0;"
              "glute-bridges/single-leg/2/0/-/22/21/0/0\n"));
    free(text);

    Store *sb = store_open(b, err, sizeof(err));
    DiagList problems = {0};
    int imported, dups;
    assert_true(store_import_csv(sb, csv, &imported, &dups, &problems));
    assert_int_equal(imported, 30);
    assert_int_equal(dups, 0);
    assert_int_equal(problems.count, 0);
    char *got = view_text(sb, lib, today);
    assert_string_equal(want, got);
    free(got);
    // Importing again stores nothing twice.
    assert_true(store_import_csv(sb, csv, &imported, &dups, &problems));
    assert_int_equal(imported, 0);
    assert_int_equal(dups, 30);
    got = view_text(sb, lib, today);
    assert_string_equal(want, got);
    free(got);
    free(want);

    // Bad rows are reported by line; the good ones are imported.
    FILE *f = fopen(csv, "w");
    fputs("routine,started_at,duration_s,completed\n"
          "ultra-legs,2026-11-25T18:02:00-07:00,900,yes\n"
          "ultra-legs,yesterday,900,yes\n"
          "Ultra Legs,2026-11-25T18:02:00-07:00,900,yes\n"
          "ultra-legs,2026-11-26T18:02:00-07:00,900,maybe\n"
          "ultra-legs,2026-11-27T18:02:00-07:00,-5,no\n"
          "\"ultra-legs\",2026-11-28T09:00:00+01:00,1200,no\n",
          f);
    fclose(f);
    assert_true(store_import_csv(sb, csv, &imported, &dups, &problems));
    assert_int_equal(imported, 2);
    assert_int_equal(problems.errors, 4);
    char line[600];
    diag_format(&problems.items[0], line, sizeof(line));
    assert_non_null(strstr(line, "h.csv:3: error: bad started_at 'yesterday'"));
    diag_format(&problems.items[1], line, sizeof(line));
    assert_non_null(
        strstr(line, "h.csv:4: error: bad routine id 'Ultra Legs'"));
    diag_format(&problems.items[2], line, sizeof(line));
    assert_non_null(strstr(
        line, "h.csv:5: error: completed must be yes or no, not 'maybe'"));
    diag_format(&problems.items[3], line, sizeof(line));
    assert_non_null(strstr(line, "h.csv:6: error: bad duration_s '-5'"));
    diag_list_free(&problems);

    f = fopen(csv, "w");
    fputs("when,what\n2026-11-25,x\n", f);
    fclose(f);
    assert_false(store_import_csv(sb, csv, &imported, &dups, &problems));
    diag_format(&problems.items[0], line, sizeof(line));
    assert_non_null(
        strstr(line, "h.csv:1: error: the header lacks 'started_at'"));
    diag_list_free(&problems);
    store_close(sb);
    library_destroy(lib);
}

static void test_backups(void **state)
{
    (void)state;
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    write_session(st, "ultra-legs", utc("2026-11-25T18:02:00-07:00"), 2, true);
    int64_t d = cal_days_from_civil(2026, 11, 20);
    for (int i = 0; i < 8; i++)
        assert_true(store_backup(st, d + i, 5));
    store_close(st);
    char path[400];
    for (int i = 0; i < 8; i++) {
        int y, m, dd;
        cal_civil_from_days(d + i, &y, &m, &dd);
        snprintf(path, sizeof(path), "%s/backups/history-%04d-%02d-%02d.db",
                 tmpdir, y, m, dd);
        // The newest five (23-27 Nov), and Sunday 22 Nov: the newest of the
        // week before, kept as that week's generation.
        assert_int_equal(access(path, F_OK) == 0, i >= 2);
    }
    // A backup is a whole database.
    Store *b;
    char bdir[300];
    snprintf(bdir, sizeof(bdir), "%s/restore", tmpdir);
    mkdir(bdir, 0755);
    char cmd[900];
    snprintf(cmd, sizeof(cmd), "cp '%s' '%s/history.db'", path, bdir);
    assert_int_equal(system(cmd), 0);
    b = store_open(bdir, err, sizeof(err));
    History h = {0};
    assert_true(store_load(b, &h));
    assert_int_equal(h.nsessions, 1);
    assert_int_equal(h.sessions[0].nsets, 2);
    history_free(&h);
    store_close(b);
}

static void test_clock_sanity(void **state)
{
    (void)state;
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    write_session(st, "ultra-legs", utc("2026-11-20T18:00:00-07:00"), 1, true);
    // The Pi booted without a clock: 1970.
    StoreStart s = {"ultra-legs", 5 * 60, 0, 180, "boot-b", 300000};
    int64_t id;
    bool suspect;
    assert_true(store_session_begin(st, &s, &id, &suspect));
    assert_true(suspect);
    assert_true(store_session_end(st, id, 900, true));
    // An hour behind the newest stored session: also flagged.
    StoreStart s2 = {"ultra-legs", utc("2026-11-20T17:00:00-07:00"),
                     -420,         180,
                     "boot-c",     1000};
    int64_t id2;
    assert_true(store_session_begin(st, &s2, &id2, &suspect));
    assert_true(suspect);
    History h = {0};
    assert_true(store_load(st, &h));
    Library *lib = tu_builtin_library();
    HistoryView *v = malloc(sizeof(*v));
    history_view_build(v, &h, lib, cal_days_from_civil(2026, 11, 21), 0);
    assert_int_equal(v->weekly.this_week_sessions,
                     1);                    // flagged ones do not count
    assert_int_equal(v->total_sessions, 2); // but they are kept
    history_free(&h);
    // The clock is set (same boot, 40 minutes after the session started).
    int64_t now = utc("2026-11-27T19:00:00-07:00");
    int fixed =
        store_reconcile_clock(st, now, "boot-b", 300000 + 40 * 60 * 1000, 180);
    assert_int_equal(fixed, 1);
    memset(&h, 0, sizeof(h));
    assert_true(store_load(st, &h));
    const HistorySession *r = &h.sessions[h.nsessions - 1];
    assert_int_equal(r->started_utc, now - 40 * 60);
    assert_false(r->clock_suspect);
    // Stored with that session's offset (0): 01:20 UTC, before the cutoff.
    assert_int_equal(r->training_day, cal_days_from_civil(2026, 11, 27));
    history_free(&h);
    free(v);
    library_destroy(lib);
    store_close(st);
}

// The recorder writes a whole session, including a back and a skip.
static void test_recorder(void **state)
{
    (void)state;
    Library *lib = tu_builtin_library();
    Session *s = tu_auto_session(lib, "daily-hips");
    char err[256];
    Store *st = store_open(tmpdir, err, sizeof(err));
    Recorder rec;
    StoreStart start = {
        "daily-hips", utc("2026-11-27T07:00:00-07:00"), -420, 180, "", 0};
    recorder_begin(&rec, st, &start);
    SessionEvent ev[64];
    int n = session_start(s, 0, ev, 64);
    recorder_update(&rec, s, ev, n);
    bool went_back = false, skipped = false;
    for (int64_t t = 0; s->phase != SESSION_DONE; t += 100) {
        n = session_tick(s, t, ev, 64);
        recorder_update(&rec, s, ev, n);
        if (!went_back && s->step == 1 && s->phase == SESSION_WORK) {
            n = session_command(s, SESSION_CMD_PREV, t, ev, 64); // redo step 1
            recorder_update(&rec, s, ev, n);
            went_back = true;
        }
        if (!skipped && s->step == 4 && s->phase == SESSION_WORK) {
            n = session_command(s, SESSION_CMD_NEXT, t, ev,
                                64); // skip the clams
            recorder_update(&rec, s, ev, n);
            skipped = true;
        }
    }
    recorder_finish(&rec, s);
    assert_string_equal(rec.error, "");
    History h = {0};
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 1);
    assert_false(h.sessions[0].completed); // clams were skipped
    // band x2, bridges both, bridges single L+R, clams L+R skipped = 7 sets
    assert_int_equal(h.sessions[0].nsets, 7);
    int skipped_sets = 0, reps = 0;
    for (int i = 0; i < h.nsets; i++) {
        skipped_sets += h.sets[i].skipped;
        reps += h.sets[i].done;
    }
    assert_int_equal(skipped_sets, 2);
    assert_int_equal(reps, 20 + 20 + 10 + 10 + 10);
    history_free(&h);
    store_close(st);
    free(s);
    library_destroy(lib);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kill_9_loop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_import, setup, teardown),
        cmocka_unit_test_setup_teardown(test_backups, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clock_sanity, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recorder, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
