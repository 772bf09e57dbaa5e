/*
 * History export and import as CSV, one row per session:
 *   started_at,routine,completed,duration_s,training_day,clock_suspect,sets
 * started_at is ISO 8601 with its UTC offset; sets is a ';'-separated list of
 * exercise/block/step/set/side/target/done/load_kg/skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/strutil.h"
#include "store/store_internal.h"

static const char *side_code(HistorySide s)
{
    return s == HSIDE_LEFT ? "L" : s == HSIDE_RIGHT ? "R" : "-";
}

bool store_export_csv(Store *st, const char *path)
{
    History h = {0};
    if (!store_load(st, &h))
        return false;
    FILE *f = fopen(path, "w");
    if (!f) {
        snprintf(st->error, sizeof(st->error), "cannot write %s", path);
        history_free(&h);
        return false;
    }
    fputs("started_at,routine,completed,duration_s,training_day,clock_suspect,sets\n", f);
    for (int i = 0; i < h.nsessions; i++) {
        const HistorySession *s = &h.sessions[i];
        char iso[40];
        cal_format_iso(s->started_utc, s->offset_min, iso, sizeof(iso));
        int y, m, d;
        cal_civil_from_days(s->training_day, &y, &m, &d);
        fprintf(f, "%s,%s,%s,%d,%04d-%02d-%02d,%s,", iso, s->routine,
                s->completed ? "yes" : "no", s->duration_s, y, m, d,
                s->clock_suspect ? "yes" : "no");
        for (int k = 0; k < s->nsets; k++) {
            const HistorySet *t = &h.sets[s->first_set + k];
            fprintf(f, "%s%s/%s/%d/%d/%s/%d/%d/%g/%d", k ? ";" : "", t->exercise,
                    step_block_name(t->block), t->step, t->set_no,
                    side_code(t->side), t->target, t->done, t->load_kg,
                    t->skipped);
        }
        fputc('\n', f);
    }
    bool ok = fclose(f) == 0;
    if (!ok)
        snprintf(st->error, sizeof(st->error), "cannot write %s", path);
    history_free(&h);
    return ok;
}

#define CSV_FIELDS 16
#define SESSION_SETS_IMPORT_MAX (RT_STEPS_MAX * RT_SETS_MAX * 2)

// Split one CSV line in place (double quotes allowed). Returns field count.
static int csv_split(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        if (n == max)
            return -1;
        if (*p == '"') {
            char *w = ++p;
            fields[n++] = w;
            for (;;) {
                if (*p == '\0')
                    return -1; // unterminated quote
                if (*p == '"' && p[1] == '"') {
                    *w++ = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    *w++ = *p++;
                }
            }
            *w = '\0';
            if (*p == ',') {
                p++;
                continue;
            }
            return *p == '\0' ? n : -1;
        }
        fields[n++] = p;
        char *c = strchr(p, ',');
        if (!c)
            return n;
        *c = '\0';
        p = c + 1;
    }
}

static bool parse_yes_no(const char *s, bool *out)
{
    return str_parse_bool(s, out);
}

static bool parse_sets(char *text, HistorySet *sets, int max, int *n,
                       char *why, size_t whysize)
{
    *n = 0;
    if (!*text)
        return true;
    char *save = NULL;
    for (char *item = strtok_r(text, ";", &save); item;
         item = strtok_r(NULL, ";", &save)) {
        if (*n == max) {
            snprintf(why, whysize, "too many sets (at most %d)", max);
            return false;
        }
        char *part[9];
        int k = 0;
        char *p = item;
        part[k++] = p;
        while (k < 9 && (p = strchr(p, '/'))) {
            *p++ = '\0';
            part[k++] = p;
        }
        HistorySet *t = &sets[*n];
        memset(t, 0, sizeof(*t));
        long step, set, target, done;
        double load;
        bool skipped;
        if (k != 9 || !str_is_id(part[0]) ||
            !str_parse_int(part[2], 0, RT_STEPS_MAX, &step) ||
            !str_parse_int(part[3], 0, RT_SETS_MAX, &set) ||
            !str_parse_int(part[5], 0, RT_REPS_MAX, &target) ||
            !str_parse_int(part[6], 0, RT_REPS_MAX, &done) ||
            !str_parse_double(part[7], &load) || load < 0 || load > 1000 ||
            !str_parse_bool(part[8], &skipped) ||
            (strcmp(part[4], "L") && strcmp(part[4], "R") && strcmp(part[4], "-")) ||
            (*part[1] && strcmp(part[1], "both") && strcmp(part[1], "single-leg"))) {
            snprintf(why, whysize, "bad set '%.60s' (expected "
                     "exercise/block/step/set/side/target/done/load_kg/skipped)",
                     part[0]);
            return false;
        }
        str_copy(t->exercise, sizeof(t->exercise), part[0]);
        t->block = !strcmp(part[1], "both") ? STEP_BLOCK_BOTH
                   : !strcmp(part[1], "single-leg") ? STEP_BLOCK_SINGLE
                                                    : STEP_BLOCK_NONE;
        t->step = (int)step;
        t->set_no = (int)set;
        t->side = part[4][0] == 'L' ? HSIDE_LEFT : part[4][0] == 'R' ? HSIDE_RIGHT : HSIDE_NONE;
        t->target = (int)target;
        t->done = (int)done;
        t->load_kg = load;
        t->skipped = skipped;
        (*n)++;
    }
    return true;
}

bool store_import_csv(Store *st, const char *path, int *imported,
                      int *duplicates, DiagList *problems)
{
    *imported = *duplicates = 0;
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(st->error, sizeof(st->error), "cannot read %s", path);
        diag_add(problems, DIAG_ERROR, path, 0, "", "cannot read the file");
        return false;
    }
    static const char *const names[] = {"started_at", "routine", "completed",
                                        "duration_s", "training_day",
                                        "clock_suspect", "sets"};
    int col[7] = {-1, -1, -1, -1, -1, -1, -1};
    char line[16384];
    int lineno = 0;
    bool header = false, ok = true;
    HistorySet *sets = malloc(sizeof(HistorySet) * SESSION_SETS_IMPORT_MAX);
    if (!sets) {
        fclose(f);
        return false;
    }
    while (fgets(line, sizeof(line), f)) {
        lineno++;
        size_t len = strlen(line);
        if (len && line[len - 1] != '\n' && !feof(f)) {
            diag_add(problems, DIAG_ERROR, path, lineno, "", "line too long");
            int c;
            while ((c = fgetc(f)) != EOF && c != '\n') {
            }
            continue;
        }
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!len)
            continue;
        char *fields[CSV_FIELDS];
        int nf = csv_split(line, fields, CSV_FIELDS);
        if (nf < 0) {
            diag_add(problems, DIAG_ERROR, path, lineno, "",
                     "cannot split the line into fields (a stray quote?)");
            continue;
        }
        if (!header) {
            for (int i = 0; i < nf; i++)
                for (int k = 0; k < 7; k++)
                    if (strcmp(fields[i], names[k]) == 0)
                        col[k] = i;
            for (int k = 0; k < 4; k++)
                if (col[k] < 0) {
                    diag_add(problems, DIAG_ERROR, path, lineno, "",
                             "the header lacks '%s' (expected started_at,"
                             "routine,completed,duration_s,...)", names[k]);
                    ok = false;
                }
            if (!ok)
                break;
            header = true;
            continue;
        }
        HistorySession s = {0};
        long dur;
        bool completed, suspect = false;
        int maxcol = 0;
        for (int k = 0; k < 7; k++)
            if (col[k] > maxcol)
                maxcol = col[k];
        if (nf <= col[0] || nf <= col[1] || nf <= col[2] || nf <= col[3]) {
            diag_add(problems, DIAG_ERROR, path, lineno, "",
                     "only %d field%s", nf, nf == 1 ? "" : "s");
            continue;
        }
        if (cal_parse_iso(fields[col[0]], &s.started_utc, &s.offset_min) != 0) {
            diag_add(problems, DIAG_ERROR, path, lineno, "",
                     "bad started_at '%.40s' (expected like "
                     "2026-11-25T18:02:00-07:00)", fields[col[0]]);
            continue;
        }
        if (!str_is_id(fields[col[1]])) {
            diag_add(problems, DIAG_ERROR, path, lineno, "",
                     "bad routine id '%.40s'", fields[col[1]]);
            continue;
        }
        if (!parse_yes_no(fields[col[2]], &completed)) {
            diag_add(problems, DIAG_ERROR, path, lineno, "",
                     "completed must be yes or no, not '%.20s'", fields[col[2]]);
            continue;
        }
        if (!str_parse_int(fields[col[3]], 0, 86400, &dur)) {
            diag_add(problems, DIAG_ERROR, path, lineno, "",
                     "bad duration_s '%.20s'", fields[col[3]]);
            continue;
        }
        str_copy(s.routine, sizeof(s.routine), fields[col[1]]);
        s.completed = completed;
        s.duration_s = (int)dur;
        s.training_day = cal_training_day(s.started_utc, s.offset_min,
                                          CAL_CUTOFF_DEFAULT_MIN);
        if (col[4] >= 0 && nf > col[4] && *fields[col[4]]) {
            int64_t t;
            int off;
            char buf[40];
            snprintf(buf, sizeof(buf), "%.10sT12:00Z", fields[col[4]]);
            if (strlen(fields[col[4]]) != 10 || cal_parse_iso(buf, &t, &off) != 0) {
                diag_add(problems, DIAG_ERROR, path, lineno, "",
                         "bad training_day '%.20s' (expected YYYY-MM-DD)",
                         fields[col[4]]);
                continue;
            }
            s.training_day = t / 86400;
        }
        if (col[5] >= 0 && nf > col[5] && *fields[col[5]] &&
            !parse_yes_no(fields[col[5]], &suspect)) {
            diag_add(problems, DIAG_ERROR, path, lineno, "",
                     "clock_suspect must be yes or no");
            continue;
        }
        s.clock_suspect = suspect || s.started_utc < HISTORY_SANE_UTC;
        int nsets = 0;
        char why[160];
        if (col[6] >= 0 && nf > col[6] &&
            !parse_sets(fields[col[6]], sets, SESSION_SETS_IMPORT_MAX, &nsets,
                        why, sizeof(why))) {
            diag_add(problems, DIAG_ERROR, path, lineno, "", "%s", why);
            continue;
        }
        bool dup;
        if (!store_insert_full(st, &s, sets, nsets, &dup)) {
            diag_add(problems, DIAG_ERROR, path, lineno, "", "%s", st->error);
            ok = false;
            break; // the disk said no: stop, nothing half-written
        }
        if (dup)
            (*duplicates)++;
        else
            (*imported)++;
        (void)maxcol;
    }
    if (!header && ok) {
        diag_add(problems, DIAG_ERROR, path, lineno ? 1 : 0, "",
                 "no header line (expected started_at,routine,completed,duration_s,...)");
        ok = false;
    }
    free(sets);
    fclose(f);
    return ok;
}
