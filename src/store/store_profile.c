/*
 * The household's profiles in the history file: listing, finding, adding,
 * renaming, recolouring, their overrides, and deleting one (its sessions
 * written to a CSV in backups/ first). Which profile's sessions the rest of
 * the store reads and writes is st->profile.
 */
#include "store/store_internal.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/strutil.h"

#define PROFILE_COLUMNS                                                        \
    "p.id, p.name, p.colour, p.tempo_pct, p.voice, p.units,"                   \
    " p.weekly_target, p.created_utc, p.last_used_utc,"                        \
    " (SELECT count(*) FROM sessions s WHERE s.profile_id = p.id)"

static void read_profile(sqlite3_stmt *q, Profile *p)
{
    profile_init(p);
    p->id = sqlite3_column_int64(q, 0);
    str_copy(p->name, sizeof(p->name), (const char *)sqlite3_column_text(q, 1));
    p->colour = sqlite3_column_int(q, 2);
    p->tempo_pct = sqlite3_column_int(q, 3);
    p->voice = sqlite3_column_int(q, 4);
    p->units = sqlite3_column_int(q, 5);
    p->weekly_target = sqlite3_column_int(q, 6);
    p->created_utc = sqlite3_column_int64(q, 7);
    p->last_used_utc = sqlite3_column_int64(q, 8);
    p->sessions = sqlite3_column_int(q, 9);
}

int64_t store_profile_last_used(Store *st)
{
    sqlite3_stmt *q;
    int64_t id = 1;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id FROM profiles"
                           " ORDER BY last_used_utc DESC, id LIMIT 1",
                           -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
        id = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return id;
}

int64_t store_profile_current(const Store *st)
{
    return st ? st->profile : 0;
}

// One profile by a WHERE clause with one bound value.
static bool get_where(Store *st, const char *where, int64_t id,
                      const char *name, Profile *out)
{
    char sql[400];
    snprintf(sql, sizeof(sql), "SELECT " PROFILE_COLUMNS " FROM profiles p %s",
             where);
    sqlite3_stmt *q = store_prepare(st, sql, "reading the profiles");
    if (!q)
        return false;
    if (name)
        sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        read_profile(q, out);
    sqlite3_finalize(q);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        store_set_error(st, "%s", "");
    else
        store_fail(st, "reading the profiles");
    return false;
}

bool store_profile_get(Store *st, int64_t id, Profile *out)
{
    return get_where(st, "WHERE p.id = ?", id, NULL, out);
}

bool store_profile_find(Store *st, const char *name, Profile *out)
{
    return get_where(st, "WHERE p.name = ?", 0, name, out);
}

bool store_profile_select(Store *st, int64_t id)
{
    Profile p;
    if (!store_profile_get(st, id, &p)) {
        if (!st->error[0])
            store_set_error(st, "no profile %lld", (long long)id);
        return false;
    }
    st->profile = id;
    return true;
}

// Run one statement that binds ?1 (an id) and maybe ?2 (text or a number).
static bool change(Store *st, const char *sql, int64_t id, const char *text,
                   int64_t num, const char *what)
{
    if (!store_writable(st))
        return false;
    sqlite3_stmt *q = store_prepare(st, sql, what);
    if (!q)
        return false;
    sqlite3_bind_int64(q, 1, id);
    if (text)
        sqlite3_bind_text(q, 2, text, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int64(q, 2, num);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc == SQLITE_CONSTRAINT_UNIQUE && text) { // a name taken
        store_set_error(st, "there is already a profile called %s", text);
        return false;
    }
    if (rc != SQLITE_DONE) {
        store_fail(st, what);
        return false;
    }
    return true;
}

bool store_profile_mark_used(Store *st, int64_t now_utc)
{
    return change(st, "UPDATE profiles SET last_used_utc = ?2 WHERE id = ?1",
                  st->profile, NULL, now_utc, "remembering the runner");
}

bool store_profiles(Store *st, Profile *list, int max, int *n)
{
    *n = 0;
    sqlite3_stmt *q = store_prepare(
        st, "SELECT " PROFILE_COLUMNS " FROM profiles p ORDER BY p.id",
        "reading the profiles");
    if (!q)
        return false;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW)
        if (*n < max)
            read_profile(q, &list[(*n)++]);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        store_fail(st, "reading the profiles");
        return false;
    }
    return true;
}

bool store_profile_add(Store *st, const char *name, int colour, int64_t now_utc,
                       int64_t *id)
{
    const char *why = profile_name_problem(name);
    if (why) {
        store_set_error(st, "%s", why);
        return false;
    }
    Profile all[PROFILES_MAX + 1];
    int n;
    if (!store_profiles(st, all, PROFILES_MAX + 1, &n))
        return false;
    if (n >= PROFILES_MAX) {
        store_set_error(st, "a kiosk holds at most %d profiles", PROFILES_MAX);
        return false;
    }
    if (colour < 0) {
        // The first colour no one has, so that the picker tells them apart.
        for (colour = 0; colour < PROFILE_COLOURS; colour++) {
            bool taken = false;
            for (int i = 0; i < n; i++)
                taken |= all[i].colour == colour;
            if (!taken)
                break;
        }
        colour %= PROFILE_COLOURS;
    }
    if (!change(st,
                "INSERT INTO profiles(name, colour, created_utc)"
                " VALUES(?2, ?1, strftime('%s', 'now'))",
                colour, name, 0, "adding a profile"))
        return false;
    *id = sqlite3_last_insert_rowid(st->db);
    // The moment it was made, as the kiosk's clock says (--now in tests).
    char sql[128];
    snprintf(sql, sizeof(sql),
             "UPDATE profiles SET created_utc = %lld WHERE id = %lld",
             (long long)now_utc, (long long)*id);
    return store_exec(st, sql, "adding a profile");
}

bool store_profile_rename(Store *st, int64_t id, const char *name)
{
    const char *why = profile_name_problem(name);
    if (why) {
        store_set_error(st, "%s", why);
        return false;
    }
    if (!change(st, "UPDATE profiles SET name = ?2 WHERE id = ?1", id, name, 0,
                "renaming a profile"))
        return false;
    if (sqlite3_changes(st->db) == 0) {
        store_set_error(st, "no profile %lld", (long long)id);
        return false;
    }
    return true;
}

bool store_profile_save(Store *st, const Profile *p)
{
    if (!store_writable(st))
        return false;
    sqlite3_stmt *q = store_prepare(
        st,
        "UPDATE profiles SET colour = ?2, tempo_pct = ?3, voice = ?4,"
        " units = ?5, weekly_target = ?6 WHERE id = ?1",
        "saving a profile");
    if (!q)
        return false;
    sqlite3_bind_int64(q, 1, p->id);
    sqlite3_bind_int(q, 2, (int)((unsigned)p->colour % PROFILE_COLOURS));
    sqlite3_bind_int(q, 3, p->tempo_pct);
    sqlite3_bind_int(q, 4, p->voice);
    sqlite3_bind_int(q, 5, p->units);
    sqlite3_bind_int(q, 6, p->weekly_target);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        store_fail(st, "saving a profile");
        return false;
    }
    return true;
}

// "Ana Lima" -> "Ana-Lima": a name safe in a file name.
static void file_safe(const char *name, char *out, size_t size)
{
    size_t o = 0;
    for (const char *c = name; *c && o + 1 < size; c++)
        out[o++] =
            (*c == '/' || *c == ' ' || *c == '\\' || *c == '.') ? '-' : *c;
    out[o] = '\0';
}

bool store_profile_delete(Store *st, int64_t id, int64_t now_utc, char *backup,
                          size_t size)
{
    if (!store_writable(st))
        return false;
    Profile all[PROFILES_MAX + 1], victim;
    int n;
    if (!store_profiles(st, all, PROFILES_MAX + 1, &n))
        return false;
    if (!store_profile_get(st, id, &victim)) {
        if (!st->error[0])
            store_set_error(st, "no profile %lld", (long long)id);
        return false;
    }
    if (n <= 1) {
        store_set_error(st, "%s is the only profile: it stays", victim.name);
        return false;
    }
    // Its sessions first, where backups are kept: a deletion by mistake
    // can be undone with --import-history.
    char dir[700], safe[PROFILE_NAME_MAX], stamp[32];
    snprintf(dir, sizeof(dir), "%s/backups", st->dir);
    mkdir(dir, 0755);
    file_safe(victim.name, safe, sizeof(safe));
    time_t t = (time_t)now_utc;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm);
    snprintf(backup, size, "%s/profile-%s-%s.csv", dir, safe, stamp);
    int64_t was = st->profile;
    st->profile = id;
    bool saved = store_write_csv(st, backup);
    st->profile = was;
    if (!saved)
        return false;
    char sql[300];
    snprintf(sql, sizeof(sql),
             "BEGIN IMMEDIATE;"
             " DELETE FROM sessions WHERE profile_id = %lld;"
             " DELETE FROM paused_weeks WHERE profile_id = %lld;"
             " DELETE FROM profiles WHERE id = %lld; COMMIT",
             (long long)id, (long long)id, (long long)id);
    if (!store_exec(st, sql, "deleting a profile")) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return false;
    }
    if (st->profile == id)
        st->profile = store_profile_last_used(st);
    return true;
}
