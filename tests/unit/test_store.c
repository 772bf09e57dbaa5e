/*
 * The history store on real SQLite files in a temporary folder: the session
 * log, migrations from every older schema, a damaged file, a read-only
 * folder, a full disk, kill -9 at random moments, export/import, backups and
 * clock reconciliation. Also the recorder that feeds it from a session.
 */
#include "testutil.h"

#include <dirent.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/recorder.h"
#include "core/calendar.h"
#include "core/history_view.h"
#include "store/store.h"
#include "store/store_internal.h"

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/ul-store-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[1024];
    snprintf(cmd, sizeof(cmd),
             "chattr -R -i '%s' 2>/dev/null; chmod -R u+w '%s'; rm -rf '%s'",
             tmpdir, tmpdir, tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static int64_t utc(const char *iso)
{
    int64_t t;
    int off;
    assert_int_equal(cal_parse_iso(iso, &t, &off), 0);
    return t;
}

static int64_t write_session(Store *st, const char *routine, int64_t start,
                             int sets, bool completed)
{
    StoreStart s = {routine, start, -420, 180, "boot-a", 1000};
    int64_t id;
    bool suspect;
    assert_true(store_session_begin(st, &s, &id, &suspect));
    for (int i = 0; i < sets; i++) {
        HistorySet set = {.step = i,
                          .set_no = 0,
                          .side = HSIDE_LEFT,
                          .target = 10,
                          .done = 10,
                          .load_kg = 4};
        snprintf(set.exercise, sizeof(set.exercise), "split-squats");
        assert_true(store_set_append(st, id, &set));
    }
    assert_true(store_session_end(st, id, 600, completed));
    return id;
}

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
    SessionPlan plan;
    assert_true(session_plan_from_routine(&plan, lib,
                                          library_routine(lib, "daily-hips")));
    SessionOptions o;
    session_options_default(&o);
    o.auto_advance = true;
    Session *s = malloc(sizeof(*s));
    session_init(s, &plan, &o);
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
        cmocka_unit_test_setup_teardown(test_kill_9_loop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_import, setup, teardown),
        cmocka_unit_test_setup_teardown(test_backups, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clock_sanity, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recorder, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
