/*
 * History export and import as CSV, one row per session:
 *   started_at,routine,completed,duration_s,training_day,clock_suspect,sets
 * started_at is ISO 8601 with its UTC offset; sets is a ';'-separated list of
 * exercise/block/step/set/side/target/done/load_kg/skipped. training_day is
 * written for people to read; on import started_at decides the day unless a
 * training_day_override column says otherwise.
 *
 * Export never writes over the history itself and replaces its target only
 * once the whole file is written. Import reads what spreadsheets save and
 * stores rows in batches, one transaction (one sync) per batch.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/calendar.h"
#include "core/strutil.h"
#include "store/store_csv_read.h"
#include "store/store_internal.h"

static const char *side_code(HistorySide s)
{
    return s == HSIDE_LEFT ? "L" : s == HSIDE_RIGHT ? "R" : "-";
}

// The target, resolved (symlinks, "..") even when it does not exist yet.
static bool resolve(const char *path, char *out, size_t size)
{
    char *full = realpath(path, NULL);
    if (full) {
        snprintf(out, size, "%s", full);
        free(full);
        return true;
    }
    char a[1024], b[1024];
    snprintf(a, sizeof(a), "%s", path);
    snprintf(b, sizeof(b), "%s", path);
    char *parent = realpath(dirname(a), NULL);
    if (!parent)
        return false;
    snprintf(out, size, "%s/%s", parent, basename(b));
    free(parent);
    return true;
}

// Why path must not be written, or NULL.
static const char *forbidden(Store *st, const char *path)
{
    char target[1100], dir[1100], own[1200];
    if (!resolve(path, target, sizeof(target)) ||
        !resolve(st->dir, dir, sizeof(dir)))
        return NULL; // the write itself will say why
    static const char *const names[] = {"history.db", "history.db-wal",
                                        "history.db-shm", "history.db-journal"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        snprintf(own, sizeof(own), "%s/%s", dir, names[i]);
        if (strcmp(own, target) == 0)
            return "refusing to write over the history";
    }
    snprintf(own, sizeof(own), "%s/backups/", dir);
    if (strncmp(own, target, strlen(own)) == 0)
        return "refusing to write over the history's backups";
    snprintf(own, sizeof(own), "%s/history.db.damaged-", dir);
    if (strncmp(own, target, strlen(own)) == 0)
        return "refusing to write over the history's damaged copy";
    FILE *f = fopen(target, "rb");
    if (f) {
        char head[16];
        bool db = fread(head, 1, 16, f) == 16 &&
                  memcmp(head, "SQLite format 3", 16) == 0;
        fclose(f);
        if (db)
            return "refusing to write over a file that is a database";
    }
    return NULL;
}

static void write_rows(FILE *f, const History *h)
{
    fputs("started_at,routine,completed,duration_s,training_day,clock_suspect,"
          "sets\n",
          f);
    for (int i = 0; i < h->nsessions; i++) {
        const HistorySession *s = &h->sessions[i];
        char iso[40];
        cal_format_iso(s->started_utc, s->offset_min, iso, sizeof(iso));
        int y, m, d;
        cal_civil_from_days(s->training_day, &y, &m, &d);
        fprintf(f, "%s,%s,%s,%d,%04d-%02d-%02d,%s,", iso, s->routine,
                s->completed ? "yes" : "no", s->duration_s, y, m, d,
                s->clock_suspect ? "yes" : "no");
        for (int k = 0; k < s->nsets; k++) {
            const HistorySet *t = &h->sets[s->first_set + k];
            fprintf(f, "%s%s/%s/%d/%d/%s/%d/%d/%g/%d", k ? ";" : "",
                    t->exercise, step_block_name(t->block), t->step, t->set_no,
                    side_code(t->side), t->target, t->done, t->load_kg,
                    t->skipped);
        }
        fputc('\n', f);
    }
}

bool store_export_csv(Store *st, const char *path)
{
    const char *no = forbidden(st, path);
    if (no) {
        store_set_error(st, "%s (%.300s): choose another file", no, path);
        return false;
    }
    return store_write_csv(st, path);
}

bool store_write_csv(Store *st, const char *path)
{
    History h = {0};
    if (!store_load(st, &h))
        return false;
    // A device or pipe (/dev/stdout) is written directly; a file through a
    // temp file renamed over it once complete.
    struct stat sb;
    bool direct = stat(path, &sb) == 0 && !S_ISREG(sb.st_mode);
    char tmp[1100];
    FILE *f = NULL;
    if (direct) {
        f = fopen(path, "w");
    } else {
        snprintf(tmp, sizeof(tmp), "%s.tmp-XXXXXX", path);
        int fd = mkstemp(tmp);
        if (fd >= 0 && !(f = fdopen(fd, "w")))
            close(fd);
    }
    bool ok = f != NULL;
    int e = errno;
    if (ok) {
        write_rows(f, &h);
        ok = fflush(f) == 0 && (direct || fsync(fileno(f)) == 0);
        e = errno;
        ok = fclose(f) == 0 && ok;
        if (ok)
            e = 0;
        else if (!e)
            e = errno;
        if (ok && !direct && rename(tmp, path) != 0) {
            e = errno;
            ok = false;
        }
        if (!ok && !direct)
            unlink(tmp);
    }
    if (!ok)
        store_set_error(st, "cannot write %.300s: %s", path, strerror(e));
    history_free(&h);
    return ok;
}

void store_set_progress(Store *st, StoreProgress fn, void *ctx)
{
    st->progress = fn;
    st->progress_ctx = ctx;
}

enum {
    COL_START,
    COL_ROUTINE,
    COL_COMPLETED,
    COL_DURATION,
    COL_SUSPECT,
    COL_SETS,
    COL_OVERRIDE,
    COLS
};
static const char *const col_names[COLS] = {
    "started_at",           "routine",       "completed",
    "duration_s",           "clock_suspect", "sets",
    "training_day_override"};

typedef struct Import {
    Store *st;
    const char *path;
    DiagList *problems;
    int col[COLS];
    int header_n; // fields in the header
    char sep;
    HistorySet *sets;
    int sets_cap;
    StoreInserter in;
    int batch_rows, batch_imported, batch_dups, batch_first_line;
    bool in_batch;
} Import;

static const char *field(const Import *im, const CsvFields *f, int c)
{
    return im->col[c] >= 0 && im->col[c] < f->n ? f->v[im->col[c]] : "";
}

static bool read_header(Import *im, CsvFields *f, int lineno)
{
    for (int k = 0; k < COLS; k++)
        im->col[k] = -1;
    im->header_n = f->n;
    for (int i = 0; i < f->n; i++)
        for (int k = 0; k < COLS; k++)
            if (im->col[k] < 0 && str_ieq(f->v[i], col_names[k]))
                im->col[k] = i;
    bool ok = true;
    for (int k = 0; k <= COL_DURATION; k++)
        if (im->col[k] < 0) {
            diag_add(
                im->problems, DIAG_ERROR, im->path, lineno, "",
                "the header lacks '%s' (expected started_at,routine,completed,"
                "duration_s,... with fields separated by commas or semicolons)",
                col_names[k]);
            ok = false;
        }
    return ok;
}

// One data row into s and im->sets; false with a problem reported.
static bool read_row(Import *im, CsvFields *f, int lineno, HistorySession *s,
                     int *nsets)
{
    char why[200];
    long dur;
    bool completed, suspect = false;
    memset(s, 0, sizeof(*s));
#define BAD(...)                                                               \
    do {                                                                       \
        diag_add(im->problems, DIAG_ERROR, im->path, lineno, "", __VA_ARGS__); \
        return false;                                                          \
    } while (0)
    if (f->n <= im->col[COL_START] || f->n <= im->col[COL_ROUTINE] ||
        f->n <= im->col[COL_COMPLETED] || f->n <= im->col[COL_DURATION])
        BAD("only %d field%s", f->n, f->n == 1 ? "" : "s");
    // More fields than the header: a separator inside a field that is not
    // quoted (most often the sets, split on their ';'). Empty ones past the
    // end are a spreadsheet's padding.
    for (int i = im->header_n; i < f->n; i++)
        if (f->v[i][0])
            BAD("%d fields, the header has %d: %s", f->n, im->header_n,
                im->sep == ';' && im->col[COL_SETS] >= 0
                    ? "quote the sets column, or save with ',' as separator"
                    : "quote any field that holds the separator");
    if (!csv_parse_start(field(im, f, COL_START), &s->started_utc,
                         &s->offset_min, why, sizeof(why)))
        BAD("%s", why);
    const char *routine = field(im, f, COL_ROUTINE);
    if (!str_is_id(routine) || strlen(routine) >= sizeof(s->routine))
        BAD("bad routine id '%.40s'", routine);
    if (!str_parse_bool(field(im, f, COL_COMPLETED), &completed))
        BAD("completed must be yes or no, not '%.20s'",
            field(im, f, COL_COMPLETED));
    if (!str_parse_int(field(im, f, COL_DURATION), 0, 86400, &dur))
        BAD("bad duration_s '%.20s'", field(im, f, COL_DURATION));
    str_copy(s->routine, sizeof(s->routine), routine);
    s->completed = completed;
    s->duration_s = (int)dur;
    s->training_day =
        cal_training_day(s->started_utc, s->offset_min, CAL_CUTOFF_DEFAULT_MIN);
    const char *override = field(im, f, COL_OVERRIDE);
    if (*override && !csv_parse_day(override, &s->training_day))
        BAD("bad training_day_override '%.20s' (expected YYYY-MM-DD)",
            override);
    const char *sus = field(im, f, COL_SUSPECT);
    if (*sus && !str_parse_bool(sus, &suspect))
        BAD("clock_suspect must be yes or no, not '%.20s'", sus);
    s->clock_suspect = suspect || s->started_utc < HISTORY_SANE_UTC;
    *nsets = 0;
    if (im->col[COL_SETS] >= 0 && im->col[COL_SETS] < f->n &&
        !csv_parse_sets(f->v[im->col[COL_SETS]], &im->sets, &im->sets_cap,
                        nsets, why, sizeof(why)))
        BAD("%s", why);
#undef BAD
    return true;
}

static bool batch_begin(Import *im, int lineno)
{
    if (im->in_batch)
        return true;
    if (!store_exec(im->st, "BEGIN IMMEDIATE", "importing"))
        return false;
    im->in_batch = true;
    im->batch_rows = im->batch_imported = im->batch_dups = 0;
    im->batch_first_line = lineno;
    return true;
}

static bool batch_commit(Import *im, int *imported, int *duplicates)
{
    if (!im->in_batch)
        return true;
    im->in_batch = false;
    if (!store_exec(im->st, "COMMIT", "importing")) {
        sqlite3_exec(im->st->db, "ROLLBACK", NULL, NULL, NULL);
        return false;
    }
    *imported += im->batch_imported;
    *duplicates += im->batch_dups;
    return true;
}

// Read one whole line of any length; strips the line end. NULL at EOF.
static char *next_line(FILE *f, char **buf, size_t *cap, size_t *len)
{
    ssize_t n = getline(buf, cap, f);
    if (n < 0)
        return NULL;
    while (n && ((*buf)[n - 1] == '\n' || (*buf)[n - 1] == '\r'))
        (*buf)[--n] = '\0';
    *len = (size_t)n;
    return *buf;
}

bool store_import_csv(Store *st, const char *path, int *imported,
                      int *duplicates, DiagList *problems)
{
    *imported = *duplicates = 0;
    FILE *f = fopen(path, "r");
    if (!f) {
        store_set_error(st, "cannot read %s: %s", path, strerror(errno));
        diag_add(problems, DIAG_ERROR, path, 0, "", "cannot read the file: %s",
                 strerror(errno));
        return false;
    }
    if (!store_writable(st)) {
        fclose(f);
        diag_add(problems, DIAG_ERROR, path, 0, "", "%s", st->error);
        return false;
    }
    struct stat sb;
    long total = fstat(fileno(f), &sb) == 0 ? (long)sb.st_size : 0;
    Import im = {.st = st, .path = path, .problems = problems};
    CsvFields fields = {0};
    char *buf = NULL;
    size_t cap = 0, len;
    int lineno = 0, rows = 0;
    bool header = false, ok = store_inserter_init(st, &im.in);
    char sep = ',';
    while (ok && next_line(f, &buf, &cap, &len)) {
        lineno++;
        char *line = buf;
        if (lineno == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0)
            line += 3; // a spreadsheet's byte order mark
        if (!*line)
            continue;
        if (!header)
            im.sep = sep = csv_detect_sep(line);
        if (!csv_split(line, sep, &fields)) {
            diag_add(problems, DIAG_ERROR, path, lineno, "",
                     "cannot split the line into fields (a stray quote?)");
            continue;
        }
        // A row of separators only: a spreadsheet's padding.
        bool blank = true;
        for (int i = 0; i < fields.n && blank; i++)
            blank = !fields.v[i][0];
        if (blank)
            continue;
        if (!header) {
            if (!read_header(&im, &fields, lineno)) {
                ok = false;
                break;
            }
            header = true;
            continue;
        }
        rows++;
        HistorySession s;
        int nsets;
        if (!read_row(&im, &fields, lineno, &s, &nsets))
            continue;
        bool dup;
        if (!batch_begin(&im, lineno) ||
            !store_insert_full(st, &im.in, &s, im.sets, nsets, &dup)) {
            if (im.in_batch) {
                sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
                im.in_batch = false;
            }
            diag_add(problems, DIAG_ERROR, path, lineno, "",
                     "lines %d to %d not stored: %s", im.batch_first_line,
                     lineno, st->error);
            ok = false;
            break; // the disk said no: stop, the batch is rolled back whole
        }
        im.batch_imported += !dup;
        im.batch_dups += dup;
        if (++im.batch_rows == STORE_IMPORT_BATCH) {
            ok = batch_commit(&im, imported, duplicates);
            if (!ok)
                diag_add(problems, DIAG_ERROR, path, lineno, "",
                         "lines %d to %d not stored: %s", im.batch_first_line,
                         lineno, st->error);
            if (st->progress)
                st->progress(st->progress_ctx, rows, ftell(f), total);
        }
    }
    if (ok && !batch_commit(&im, imported, duplicates)) {
        diag_add(problems, DIAG_ERROR, path, lineno, "",
                 "lines %d to %d not stored: %s", im.batch_first_line, lineno,
                 st->error);
        ok = false;
    }
    if (ok && st->progress)
        st->progress(st->progress_ctx, rows, total, total);
    if (!header && ok) {
        diag_add(problems, DIAG_ERROR, path, lineno ? 1 : 0, "",
                 "no header line (expected "
                 "started_at,routine,completed,duration_s,...)");
        ok = false;
    }
    store_inserter_deinit(&im.in);
    csv_fields_free(&fields);
    free(buf);
    free(im.sets);
    fclose(f);
    return ok;
}
