/*
 * Helpers shared by the store's test programs: a temporary folder per test,
 * sessions written as the kiosk writes them, files damaged as SD cards
 * damage them.
 */
#ifndef UL_STORE_TESTUTIL_H
#define UL_STORE_TESTUTIL_H

#include "testutil.h"

#include <dirent.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/calendar.h"
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
    char cmd[2048];
    snprintf(cmd, sizeof(cmd),
             "umount '%s/disk' 2>/dev/null; chattr -R -i '%s' 2>/dev/null; "
             "chmod -R u+w '%s'; rm -rf '%s'",
             tmpdir, tmpdir, tmpdir, tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static inline int64_t utc(const char *iso)
{
    int64_t t;
    int off;
    assert_int_equal(cal_parse_iso(iso, &t, &off), 0);
    return t;
}

static inline int64_t write_session(Store *st, const char *routine,
                                    int64_t start, int sets, bool completed)
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

static inline void checkpoint(Store *st)
{
    assert_int_equal(sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
}

// Overwrite len bytes at offset with fill (or pseudo-random bytes if fill < 0).
static inline void scribble(const char *path, long offset, long len, int fill)
{
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    assert_int_equal(fseek(f, offset, SEEK_SET), 0);
    unsigned x = 12345;
    for (long i = 0; i < len; i++) {
        x = x * 1103515245u + 12345u;
        fputc(fill >= 0 ? fill : (int)(x >> 16) & 0xff, f);
    }
    fclose(f);
}

static inline long file_size(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

// How many entries of dir start with prefix.
static inline int count_files(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    closedir(d);
    return n;
}

static inline const char *sql_text(Store *st, const char *sql, char *buf,
                                   size_t size)
{
    sqlite3_stmt *q;
    buf[0] = '\0';
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
        snprintf(buf, size, "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    return buf;
}

static inline int64_t sql_int(Store *st, const char *sql)
{
    char buf[64];
    return atoll(sql_text(st, sql, buf, sizeof(buf)));
}

#endif
