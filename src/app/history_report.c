/*
 * The --history report, as text or JSON.
 */
#include "app/history_report.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/history_fix.h"
#include "app/json.h"
#include "data/settings_io.h"
#include "core/calendar.h"
#include "platform/clock.h"
#include "platform/fs_entry.h"
#include "platform/log.h"
#include "store/store.h"

static void print_json(FILE *f, const HistoryView *v)
{
    JsonWriter w;
    json_init(&w, f, 2);
    json_begin_object(&w);
    json_kv_int(&w, "weekly_target", v->weekly_target);
    json_key(&w, "this_week");
    json_begin_object(&w);
    json_kv_string(&w, "iso_week", v->iso_week);
    json_kv_int(&w, "sessions", v->weekly.this_week_sessions);
    json_end_object(&w);
    json_key(&w, "weekly_streak");
    json_begin_object(&w);
    json_kv_int(&w, "current", v->weekly.current);
    json_kv_int(&w, "longest", v->weekly.longest);
    json_kv_string(&w, "status", streak_status_name(v->weekly.status));
    json_end_object(&w);
    json_key(&w, "daily_band_streak");
    json_begin_object(&w);
    json_kv_int(&w, "current", v->band_current);
    json_kv_int(&w, "longest", v->band_longest);
    json_end_object(&w);
    json_kv_int(&w, "total_sessions", v->total_sessions);
    json_kv_int(&w, "xp", v->xp);
    json_kv_int(&w, "level", v->level);
    json_kv_int(&w, "next_level_xp", v->next_level_xp);
    json_kv_bool(&w, "easy_day_suggested", v->easy_day);
    json_key(&w, "badges");
    json_begin_array(&w);
    for (int i = 0; i < v->nbadges; i++) {
        json_begin_object(&w);
        json_kv_string(&w, "id", v->badges[i].id);
        json_kv_string(&w, "title", v->badges[i].title);
        json_end_object(&w);
    }
    json_end_array(&w);
    json_key(&w, "progression");
    json_begin_array(&w);
    for (int i = 0; i < v->nprog; i++) {
        const ViewProgression *p = &v->prog[i];
        const ProgressionItem *it = &p->item;
        json_begin_object(&w);
        json_kv_string(&w, "routine", p->routine);
        json_kv_int(&w, "step", p->step + 1);
        json_kv_string(&w, "exercise", it->exercise);
        json_kv_string(&w, "title", p->title);
        json_key(&w, "block");
        if (it->block == STEP_BLOCK_NONE)
            json_null(&w);
        else
            json_string(&w, step_block_name(it->block));
        json_kv_int(&w, "reps_min", it->reps_min);
        json_kv_int(&w, "reps_max", it->reps_max);
        json_kv_int(&w, "target", it->target);
        json_kv_int(&w, "sessions", it->sessions);
        json_key(&w, "last_load_kg");
        json_double(&w, it->last_load_kg, 1);
        json_kv_string(&w, "suggestion", progression_key(it->suggestion));
        json_kv_string(&w, "advice", progression_text(it->suggestion));
        json_key(&w, "recent_reps");
        json_begin_array(&w);
        for (int k = 0; k < it->nseries; k++)
            json_int(&w, it->series[k]);
        json_end_array(&w);
        json_end_object(&w);
    }
    json_end_array(&w);
    json_end_object(&w);
}

void history_report_print(FILE *f, const HistoryView *v, bool json)
{
    if (json) {
        print_json(f, v);
        return;
    }
    fprintf(f, "This week (%s): %d of %d sessions, %s\n", v->iso_week,
            v->weekly.this_week_sessions, v->weekly_target,
            streak_status_name(v->weekly.status));
    fprintf(f, "Weekly streak: %d (longest %d)\n", v->weekly.current,
            v->weekly.longest);
    fprintf(f, "Band-work days in a row: %d (longest %d)\n", v->band_current,
            v->band_longest);
    fprintf(f, "Sessions completed: %d   XP: %lld   Level: %d\n",
            v->total_sessions, (long long)v->xp, v->level);
    if (v->easy_day)
        fprintf(f, "Yesterday was a strength day: make today an easy day.\n");
    if (v->nbadges) {
        fprintf(f, "Badges:");
        for (int i = 0; i < v->nbadges; i++)
            fprintf(f, "%s %s", i ? "," : "", v->badges[i].title);
        fputc('\n', f);
    }
    const char *last = "";
    for (int i = 0; i < v->nprog; i++) {
        const ViewProgression *p = &v->prog[i];
        if (p->item.sessions == 0)
            continue;
        if (strcmp(last, p->routine) != 0)
            fprintf(f, "\n%s\n", p->routine);
        last = p->routine;
        fprintf(f, "  %-34s next %3d  %s\n", p->title, p->item.target,
                progression_text(p->item.suggestion));
    }
}

// The file given to --import-history / --export-history, looked at before
// the history is opened: a folder or a broken link is named as such, not
// reported as a CSV without a header line.
static bool history_file_usable(const CliOptions *opt)
{
    bool import = opt->mode == CLI_IMPORT;
    const char *what = import ? "--import-history" : "--export-history";
    const char *f = opt->history_file;
    char target[FS_NAME_MAX];
    int err = 0;
    switch (fs_kind(f, target, sizeof(target), &err)) {
    case FS_FILE: return true;
    case FS_MISSING:
        if (!import)
            return true;
        log_error("ultralegs", "%s %s: no such file", what, f);
        return false;
    case FS_DIR:
        log_error("ultralegs", "%s %s: is a folder, not a CSV file%s", what, f,
                import ? "" : " (give a file name, e.g. history.csv)");
        return false;
    case FS_LINK_LOOP:
        log_error("ultralegs", "%s %s: is a symbolic link that loops back to itself", what, f);
        return false;
    case FS_LINK_DANGLING:
        if (!import)
            return true; // writing creates what the link points to
        log_error("ultralegs", "%s %s: is a link to '%s', which does not exist", what, f,
                  target);
        return false;
    case FS_OTHER:
        if (!import)
            return true; // a device or a pipe (/dev/stdout) is written directly
        log_error("ultralegs", "%s %s: is not a regular file", what, f);
        return false;
    case FS_ERROR:
        log_error("ultralegs", "%s %s: %s", what, f, strerror(err));
        return false;
    }
    return false;
}

// "importing: 45000 rows (45%)": on a terminal in place, otherwise a line
// every ten batches and at the end.
static void import_progress(void *ctx, long rows, long done, long total)
{
    long *calls = ctx; // [0] batches seen, [1] rows last shown
    bool tty = isatty(STDERR_FILENO);
    bool last = done >= total;
    if ((!tty && !last && ++calls[0] % 10 != 0) || rows == calls[1])
        return;
    calls[1] = rows;
    long pct = total > 0 ? done * 100 / total : 100;
    if (tty)
        log_progress("ultralegs", last, "importing: %ld rows (%ld%%)", rows, pct);
    else
        log_info("ultralegs", "importing: %ld rows (%ld%%)", rows, pct);
}

int history_command(const CliOptions *opt, const Paths *paths,
                    const Library *lib)
{
    char err[600];
    if ((opt->mode == CLI_IMPORT || opt->mode == CLI_EXPORT) && !history_file_usable(opt))
        return 1;
    WallClock wc;
    wallclock_init(&wc, cli_now(opt));
    Store *st = store_open(paths->data_dir, err, sizeof(err));
    if (!st) {
        log_error("ultralegs", "history: %s", err);
        return 1;
    }
    // The short notice the screen would show; the store logged the detail.
    if (store_notice(st)[0])
        log_warn("ultralegs", "%s", store_notice(st));
    int status = 0;
    int64_t now = wallclock_utc(&wc, 0);
    if (opt->mode == CLI_SUSPECTS || opt->mode == CLI_FIX_DATE ||
        opt->mode == CLI_DELETE_SESSION) {
        status = history_fix_command(opt, st, now);
    } else if (opt->mode == CLI_EXPORT) {
        if (store_export_csv(st, opt->history_file)) {
            printf("exported the history to %s\n", opt->history_file);
        } else {
            log_error("ultralegs", "export: %s", store_error(st));
            status = 1;
        }
    } else if (opt->mode == CLI_IMPORT) {
        DiagList problems = {0};
        int imported = 0, dups = 0;
        long calls[2] = {0, -1};
        store_set_progress(st, import_progress, calls);
        bool ok = store_import_csv(st, opt->history_file, &imported, &dups,
                                   &problems);
        for (int i = 0; i < problems.count; i++) {
            char line[800];
            diag_format(&problems.items[i], line, sizeof(line));
            log_error("import", "%s", line);
        }
        printf("imported %d session%s, %d already stored, %d bad row%s\n",
               imported, imported == 1 ? "" : "s", dups, problems.errors,
               problems.errors == 1 ? "" : "s");
        status = ok && problems.errors == 0 ? 0 : 1;
        diag_list_free(&problems);
    } else {
        History h = {0};
        if (!store_read_only(st))
            store_flag_future(st, now);
        if (!store_load(st, &h)) {
            status = 1; // the store has logged why
        } else {
            int64_t today = cal_training_day(now, wallclock_offset_min(&wc, now),
                                             CAL_CUTOFF_DEFAULT_MIN);
            HistoryView *v = malloc(sizeof(*v));
            if (v) {
                Settings set;
                DiagList sd = {0};
                settings_load_file(&set, paths, &sd);
                diag_list_free(&sd);
                history_view_build(v, &h, lib, today, set.weekly_target);
                history_report_print(stdout, v, opt->json);
                if (!opt->json)
                    history_fix_print_count(stdout, st);
                free(v);
            }
        }
        history_free(&h);
    }
    store_close(st);
    return status;
}
