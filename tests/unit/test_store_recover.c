/*
 * The store against the accidents of a Raspberry Pi behind a TV: a damaged
 * page with good backups, random bytes over the middle of the file, backup
 * rotation after a damage, a full disk (a small tmpfs, as root) and a folder
 * the kiosk's user cannot write.
 */
#include "store_testutil.h"

#include "platform/log.h"

#include <pwd.h>
#include <sys/wait.h>

static const char *sessions_day(int day, char *buf, size_t size)
{
    snprintf(buf, size, "2026-11-%02dT18:00:00-07:00", day);
    return buf;
}

// Sessions on 20..24 Nov, a backup on the 25th, then sessions on 25 and 26 Nov.
static void history_with_backup(void)
{
    char err[256], iso[40];
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    for (int d = 20; d <= 24; d++)
        write_session(st, "ultra-legs", utc(sessions_day(d, iso, sizeof(iso))),
                      3, true);
    assert_true(store_backup(st, cal_days_from_civil(2026, 11, 25), 7));
    for (int d = 25; d <= 26; d++)
        write_session(st, "ultra-legs", utc(sessions_day(d, iso, sizeof(iso))),
                      3, true);
    // The page the test damages must be the sessions table (page 2) or the
    // sets table (page 3) for the test to mean what it says.
    assert_int_equal(
        sql_int(st,
                "SELECT rootpage FROM sqlite_master WHERE name = 'sessions'"),
        2);
    assert_int_equal(
        sql_int(st, "SELECT rootpage FROM sqlite_master WHERE name = 'sets'"),
        3);
    checkpoint(st);
    store_close(st);
}

static void assert_whole(Store *st)
{
    char buf[64];
    assert_string_equal(
        sql_text(st, "PRAGMA integrity_check", buf, sizeof(buf)), "ok");
    assert_int_equal(
        sql_int(st, "SELECT count(*) - count(DISTINCT started_utc || routine)"
                    " FROM sessions"),
        0); // no duplicates
}

// dd if=/dev/zero of=history.db bs=4096 seek=1 count=1: the sessions table.
static void test_damaged_page_restores_backup(void **state)
{
    (void)state;
    history_with_backup();
    char path[300], err[256];
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    scribble(path, 4096, 4096, 0);
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    assert_string_equal(store_notice(st),
                        "History restored from the backup of 25 Nov: "
                        "2 recent sessions could not be read");
    History h = {0};
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 5);
    for (int i = 0; i < h.nsessions; i++)
        assert_int_equal(h.sessions[i].nsets, 3);
    history_free(&h);
    assert_whole(st);
    // The damaged file is kept beside the new one.
    assert_int_equal(count_files(tmpdir, "history.db.damaged-"), 1);
    // New sessions are saved.
    write_session(st, "ultra-legs", utc("2026-11-28T18:00:00-07:00"), 1, true);
    store_close(st);
}

// The sets table's page: the sessions themselves are still readable, so the
// two recent ones come back from the damaged file, the rest from the backup.
static void test_damaged_sets_page_merges(void **state)
{
    (void)state;
    history_with_backup();
    char path[300], err[256];
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    scribble(path, 2 * 4096, 4096, 0);
    Store *st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    assert_string_equal(store_notice(st),
                        "History restored from the backup of 25 Nov "
                        "and the damaged file");
    History h = {0};
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 7);
    for (int i = 0; i < 5; i++)
        assert_int_equal(h.sessions[i].nsets, 3); // from the backup
    assert_int_equal(h.sessions[6].started_utc,
                     utc("2026-11-26T18:00:00-07:00"));
    assert_true(h.sessions[6].completed);
    history_free(&h);
    assert_whole(st);
    store_close(st);
    // Opening again finds nothing wrong and says nothing.
    st = store_open(tmpdir, err, sizeof(err));
    assert_string_equal(store_notice(st), "");
    store_close(st);
}

// Random bytes over 20 KB in the middle of a bigger file.
static void test_random_bytes_mid_file(void **state)
{
    (void)state;
    char err[256], path[300];
    Store *st = store_open(tmpdir, err, sizeof(err));
    int64_t t0 = utc("2026-01-05T18:00:00-07:00");
    for (int i = 0; i < 200; i++)
        write_session(st, "ultra-legs", t0 + i * 86400, 4, true);
    assert_true(store_backup(st, cal_days_from_civil(2026, 7, 25), 7));
    for (int i = 200; i < 300; i++)
        write_session(st, "ultra-legs", t0 + i * 86400, 4, true);
    checkpoint(st);
    store_close(st);
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    long size = file_size(path);
    assert_true(size > 40 * 1024);
    scribble(path, size / 2 - 10 * 1024, 20 * 1024, -1);
    st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    assert_non_null(
        strstr(store_notice(st), "History restored from the backup of 25 Jul"));
    assert_true(strlen(store_notice(st)) <= 80); // one line on a 720p screen
    History h = {0};
    assert_true(store_load(st, &h));
    assert_true(h.nsessions >= 200);
    assert_true(h.nsessions <= 300);
    // The notice's count is what was lost.
    if (h.nsessions < 300) {
        char want[120];
        snprintf(want, sizeof(want), ": %d recent session%s could not be read",
                 300 - h.nsessions, 300 - h.nsessions == 1 ? "" : "s");
        assert_non_null(strstr(store_notice(st), want));
    }
    history_free(&h);
    assert_whole(st);
    store_close(st);
}

static bool backup_exists(int64_t day, const char *prefix)
{
    int y, m, d;
    char path[400];
    cal_civil_from_days(day, &y, &m, &d);
    snprintf(path, sizeof(path), "%s/backups/%s-%04d-%02d-%02d.db", tmpdir,
             prefix, y, m, d);
    return access(path, F_OK) == 0;
}

// The last backup from before a damage survives any number of later ones;
// weekly and monthly generations are kept beside the daily ones, bounded.
static void test_rotation_after_damage(void **state)
{
    (void)state;
    char err[256], path[300], bdir[300];
    Store *st = store_open(tmpdir, err, sizeof(err));
    write_session(st, "ultra-legs", utc("2026-01-02T18:00:00-07:00"), 2, true);
    int64_t d0 = cal_days_from_civil(2026, 1, 3);
    for (int i = 0; i < 10; i++)
        assert_true(store_backup(st, d0 + i, 7));
    checkpoint(st);
    store_close(st);
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    scribble(path, 4096, 4096, 0);
    st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(
        strstr(store_notice(st), "History restored from the backup of 12 Jan"));
    for (int i = 10; i < 200; i++)
        assert_true(store_backup(st, d0 + i, 7));
    store_close(st);
    assert_true(
        backup_exists(d0 + 9, "pre-damage")); // 12 Jan, never rotated away
    for (int i = 193; i < 200; i++)
        assert_true(backup_exists(d0 + i, "history")); // the daily ones
    snprintf(bdir, sizeof(bdir), "%s/backups", tmpdir);
    int n = count_files(bdir, "history-");
    assert_true(n > 7);           // weekly and monthly generations too
    assert_true(n <= 7 + 8 + 12); // but bounded
    // A monthly generation reaches back months.
    int months_back = 0;
    for (int i = 0; i < 120; i++)
        months_back += backup_exists(d0 + i, "history");
    assert_true(months_back >= 3);
    assert_int_equal(count_files(bdir, "history-"), n);
    assert_int_equal(count_files(bdir, "history-") +
                         count_files(bdir, "pre-damage-") +
                         count_files(bdir, "."),
                     n + 1 + 2); // nothing else: no temp files
}

// The same damage with no backup: the notice says how many could not be
// read, still in one line.
static void test_random_bytes_no_backup(void **state)
{
    (void)state;
    char err[256], path[300];
    Store *st = store_open(tmpdir, err, sizeof(err));
    int64_t t0 = utc("2026-01-05T18:00:00-07:00");
    for (int i = 0; i < 300; i++)
        write_session(st, "ultra-legs", t0 + i * 86400, 4, true);
    checkpoint(st);
    store_close(st);
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    long size = file_size(path);
    scribble(path, size / 2 - 10 * 1024, 20 * 1024, -1);
    st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    History h = {0};
    assert_true(store_load(st, &h));
    assert_true(h.nsessions < 300); // the damage took some
    char want[120];
    snprintf(want, sizeof(want),
             "History file damaged and no backup: %d sessions recovered, %d "
             "unreadable",
             h.nsessions, 300 - h.nsessions);
    assert_string_equal(store_notice(st), want);
    assert_true(strlen(store_notice(st)) <= 80);
    history_free(&h);
    store_close(st);
}

static void copy_file(const char *from, const char *to)
{
    char cmd[800];
    snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", from, to);
    assert_int_equal(system(cmd), 0);
}

// A clock once set years ahead left a backup named after a far date that
// holds 2 sessions; the backup of 26 Nov holds 6. Recovery takes the one
// that holds the most, not the one with the latest name.
static void test_future_named_backup_not_preferred(void **state)
{
    (void)state;
    char err[256], iso[40], path[300], future[300], aside[300];
    Store *st = store_open(tmpdir, err, sizeof(err));
    for (int d = 20; d <= 21; d++)
        write_session(st, "ultra-legs", utc(sessions_day(d, iso, sizeof(iso))),
                      3, true);
    assert_true(store_backup(st, cal_days_from_civil(2036, 11, 20), 7));
    snprintf(future, sizeof(future), "%s/backups/history-2036-11-20.db",
             tmpdir);
    snprintf(aside, sizeof(aside), "%s/aside.db", tmpdir);
    copy_file(future, aside);
    for (int d = 22; d <= 25; d++)
        write_session(st, "ultra-legs", utc(sessions_day(d, iso, sizeof(iso))),
                      3, true);
    assert_true(store_backup(st, cal_days_from_civil(2026, 11, 26), 7));
    write_session(st, "ultra-legs", utc(sessions_day(26, iso, sizeof(iso))), 3,
                  true);
    checkpoint(st);
    store_close(st);
    copy_file(aside, future); // as if rotation had kept it
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    scribble(path, 4096, 4096, 0);
    st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    assert_string_equal(store_notice(st),
                        "History restored from the backup of 26 Nov: "
                        "1 recent session could not be read");
    History h = {0};
    assert_true(store_load(st, &h));
    assert_int_equal(h.nsessions, 6);
    history_free(&h);
    store_close(st);
}

// When the only good backup has a name in the future, the notice says its
// whole date, year included, rather than pass it off as a recent day.
static void test_future_named_backup_named_honestly(void **state)
{
    (void)state;
    char err[256], iso[40], path[300];
    Store *st = store_open(tmpdir, err, sizeof(err));
    for (int d = 20; d <= 21; d++)
        write_session(st, "ultra-legs", utc(sessions_day(d, iso, sizeof(iso))),
                      3, true);
    assert_true(store_backup(st, cal_days_from_civil(2036, 11, 20), 7));
    write_session(st, "ultra-legs", utc(sessions_day(22, iso, sizeof(iso))), 3,
                  true);
    checkpoint(st);
    store_close(st);
    snprintf(path, sizeof(path), "%s/history.db", tmpdir);
    scribble(path, 4096, 4096, 0);
    st = store_open(tmpdir, err, sizeof(err));
    assert_non_null(st);
    assert_string_equal(store_notice(st),
                        "History restored from the backup of 20 Nov 2036: "
                        "1 session could not be read");
    assert_true(strlen(store_notice(st)) <= 80);
    store_close(st);
}

// A backup named after a day past tomorrow (written while the clock was
// ahead) is removed once a backup of a sane date holds as many sessions;
// while it is the only copy of its sessions it stays, but never takes one
// of the daily places.
static void test_rotation_future_named_backup(void **state)
{
    (void)state;
    char err[256], iso[40], bdir[300];
    snprintf(bdir, sizeof(bdir), "%s/backups", tmpdir);
    Store *st = store_open(tmpdir, err, sizeof(err));
    int64_t ids[3];
    for (int d = 20; d <= 22; d++)
        ids[d - 20] = write_session(
            st, "ultra-legs", utc(sessions_day(d, iso, sizeof(iso))), 3, true);
    assert_true(store_backup(st, cal_days_from_civil(2036, 11, 20), 7));
    // It holds a session the history no longer has: kept.
    assert_true(store_session_delete(st, ids[2]));
    int64_t d0 = cal_days_from_civil(2026, 11, 23);
    for (int i = 0; i < 7; i++)
        assert_true(store_backup(st, d0 + i, 7));
    assert_true(backup_exists(cal_days_from_civil(2036, 11, 20), "history"));
    for (int i = 0; i < 7; i++)
        assert_true(backup_exists(d0 + i, "history")); // seven daily ones
    // Once a sane backup holds as many sessions, it goes.
    write_session(st, "ultra-legs", utc(sessions_day(23, iso, sizeof(iso))), 3,
                  true);
    assert_true(store_backup(st, d0 + 7, 7));
    assert_false(backup_exists(cal_days_from_civil(2036, 11, 20), "history"));
    assert_true(backup_exists(d0 + 7, "history"));
    store_close(st);
}

static bool is_root(void)
{
    if (geteuid() == 0)
        return true;
    if (getenv("ULTRALEGS_ROOT_TESTS"))
        fail_msg("this test needs root (ULTRALEGS_ROOT_TESTS is set)");
    printf("skipped: needs root to mount a tmpfs\n");
    return false;
}

// A full disk: a tmpfs of 256 KB, filled up after the history was written.
static void test_full_tmpfs(void **state)
{
    (void)state;
    if (!is_root())
        return;
    char disk[300], cmd[700], err[256], path[400];
    snprintf(disk, sizeof(disk), "%s/disk", tmpdir);
    mkdir(disk, 0755);
    snprintf(cmd, sizeof(cmd), "mount -t tmpfs -o size=256k tmpfs '%s'", disk);
    assert_int_equal(system(cmd), 0);
    Store *st = store_open(disk, err, sizeof(err));
    assert_non_null(st);
    for (int d = 20; d <= 22; d++) {
        char iso[40];
        write_session(st, "ultra-legs", utc(sessions_day(d, iso, sizeof(iso))),
                      3, true);
    }
    store_close(st);
    snprintf(cmd, sizeof(cmd),
             "dd if=/dev/zero of='%s/filler' bs=4k 2>/dev/null; sync", disk);
    assert_true(system(cmd) != -1);

    // The -shm the kiosk's own open makes and removes is no stray: not
    // logged as one on every run.
    FILE *logf = tmpfile();
    log_set_stream(logf);
    st = store_open(disk, err, sizeof(err));
    log_set_stream(NULL);
    char logtext[4096] = "";
    rewind(logf);
    logtext[fread(logtext, 1, sizeof(logtext) - 1, logf)] = '\0';
    fclose(logf);
    assert_null(strstr(logtext, "removed a stray"));
    assert_non_null(st);
    History h = {0};
    assert_true(store_load(st, &h)); // the history is shown
    assert_int_equal(h.nsessions, 3);
    history_free(&h);
    if (store_read_only(st))
        assert_non_null(strstr(store_notice(st), "disk full"));
    // A backup that cannot be written says why.
    assert_false(store_backup(st, cal_days_from_civil(2026, 11, 23), 7));
    assert_non_null(strstr(store_error(st), "disk full"));
    snprintf(path, sizeof(path), "%s/backups", disk);
    assert_int_equal(count_files(path, "history-"), 0); // no half backup
    store_close(st);
    // No stray -shm or -wal left behind.
    snprintf(path, sizeof(path), "%s/history.db-shm", disk);
    assert_int_equal(access(path, F_OK), -1);
    snprintf(path, sizeof(path), "%s/history.db-wal", disk);
    assert_int_equal(access(path, F_OK), -1);
    // Once there is room again, all is as it was.
    snprintf(path, sizeof(path), "%s/filler", disk);
    unlink(path);
    st = store_open(disk, err, sizeof(err));
    assert_false(store_read_only(st));
    assert_string_equal(store_notice(st), "");
    assert_true(store_backup(st, cal_days_from_civil(2026, 11, 23), 7));
    store_close(st);
    // One that was there before the open is a stray, and said.
    snprintf(path, sizeof(path), "%s/history.db-shm", disk);
    FILE *shm = fopen(path, "wb");
    fputs("left behind", shm);
    fclose(shm);
    logf = tmpfile();
    log_set_stream(logf);
    st = store_open(disk, err, sizeof(err));
    log_set_stream(NULL);
    rewind(logf);
    logtext[fread(logtext, 1, sizeof(logtext) - 1, logf)] = '\0';
    fclose(logf);
    assert_non_null(strstr(logtext, "removed a stray"));
    store_close(st);
}

#define CHILD_CHECK(c)                                                         \
    do {                                                                       \
        if (!(c)) {                                                            \
            fprintf(stderr, "child: line %d: %s\n", __LINE__, #c);             \
            _exit(1);                                                          \
        }                                                                      \
    } while (0)

// A folder the kiosk's user cannot write: as a non-root user (as root, a
// user 'runner' is made for it).
static void test_read_only_non_root(void **state)
{
    (void)state;
    char ro[300], err[256], path[400];
    snprintf(ro, sizeof(ro), "%s/ro", tmpdir);
    Store *st = store_open(ro, err, sizeof(err));
    write_session(st, "ultra-legs", utc("2026-11-25T18:02:00-07:00"), 2, true);
    write_session(st, "ultra-legs", utc("2026-11-26T18:02:00-07:00"), 2, true);
    store_close(st);
    chmod(tmpdir, 0755);
    uid_t uid = geteuid();
    gid_t gid = getegid();
    if (uid == 0) {
        assert_int_equal(
            system("id runner >/dev/null 2>&1 || useradd -m runner"), 0);
        struct passwd *pw = getpwnam("runner");
        assert_non_null(pw);
        uid = pw->pw_uid;
        gid = pw->pw_gid;
    }
    chmod(ro, 0555);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        CHILD_CHECK(setgid(gid) == 0 && setuid(uid) == 0);
        CHILD_CHECK(access(ro, W_OK) != 0);
        char e[256];
        Store *s = store_open(ro, e, sizeof(e));
        CHILD_CHECK(s != NULL);
        CHILD_CHECK(store_read_only(s));
        CHILD_CHECK(strcmp(store_notice(s),
                           "History is read-only (folder not writable): "
                           "new sessions will not be saved") == 0);
        History h = {0};
        CHILD_CHECK(store_load(s, &h));
        CHILD_CHECK(h.nsessions == 2);
        history_free(&h);
        store_close(s);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    snprintf(path, sizeof(path), "%s/history.db-shm", ro);
    assert_int_equal(access(path, F_OK), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_damaged_page_restores_backup,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_sets_page_merges, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_random_bytes_mid_file, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_random_bytes_no_backup, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_rotation_after_damage, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_future_named_backup_not_preferred,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_future_named_backup_named_honestly,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_rotation_future_named_backup,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_full_tmpfs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_only_non_root, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
